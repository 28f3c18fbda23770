/**
 * JMH benchmarks of the statistics core (profile {@code bench}; docs/performance.md): Krippendorff's
 * alpha on a large table, a full study's computation, and the allocation of the score bootstrap.
 */
@NullMarked
package org.delphipanel.bench;

import org.jspecify.annotations.NullMarked;
