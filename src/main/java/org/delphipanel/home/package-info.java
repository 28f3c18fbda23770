/** The signed-in person's home page: their studies and what needs their attention. */
@NullMarked
package org.delphipanel.home;

import org.jspecify.annotations.NullMarked;
