/**
 * The study report (HTML and PDF): rules, rounds, response rates, agreement, convergence, final scores
 * with a forest plot, and a methods section read from docs/statistics.md; built on the exports' rules.
 */
@NullMarked
package org.delphipanel.report;

import org.jspecify.annotations.NullMarked;
