/** The home view. */
@NullMarked
package org.delphipanel.home.ui;

import org.jspecify.annotations.NullMarked;
