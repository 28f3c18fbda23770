/** The expert's views of a round: the overview of their cells and the rating of one cell with its feedback. */
@NullMarked
package org.delphipanel.rating.ui;

import org.jspecify.annotations.NullMarked;
