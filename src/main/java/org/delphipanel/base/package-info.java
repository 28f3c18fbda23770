/** Small pieces every feature may use and that belong to none of them (no feature logic here). */
@NullMarked
package org.delphipanel.base;

import org.jspecify.annotations.NullMarked;
