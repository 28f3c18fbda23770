/**
 * Reliability under load and faults: a rating load that many experts generate at once (used by the
 * load benchmark in {@code src/bench} and, small, by {@link org.delphipanel.reliability.RatingLoadIT}),
 * and the kill test of the packaged application ({@link org.delphipanel.reliability.DurabilityIT}).
 */
@NullMarked
package org.delphipanel.reliability;

import org.jspecify.annotations.NullMarked;
