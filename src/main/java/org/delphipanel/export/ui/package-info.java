/** The export and import page of a study. */
@NullMarked
package org.delphipanel.export.ui;

import org.jspecify.annotations.NullMarked;
