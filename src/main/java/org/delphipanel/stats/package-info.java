/**
 * Pure statistics for Delphi panels: agreement, consensus, convergence and weighted scores. Depends on
 * the JDK and Apache Commons Math only, so it can be tested, benchmarked and run from the CLI alone.
 */
@NullMarked
package org.delphipanel.stats;

import org.jspecify.annotations.NullMarked;
