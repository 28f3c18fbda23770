/** An expert's ratings in a round, and the blindness rules that decide who may read which ratings when. */
@NullMarked
package org.delphipanel.rating;

import org.jspecify.annotations.NullMarked;
