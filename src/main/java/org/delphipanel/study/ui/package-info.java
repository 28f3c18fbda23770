/** Facilitators' views for setting studies up and running their rounds, and the rules page every panel member sees. */
@NullMarked
package org.delphipanel.study.ui;

import org.jspecify.annotations.NullMarked;
