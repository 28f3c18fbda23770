/** The facilitator's review, convergence, agreement and results views, with their server-rendered charts. */
@NullMarked
package org.delphipanel.scoring.ui;

import org.jspecify.annotations.NullMarked;
