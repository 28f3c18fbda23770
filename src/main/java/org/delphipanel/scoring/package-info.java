/** Applies the statistics core to a study's rounds: progress, disagreement triage, convergence, agreement and final scores. */
@NullMarked
package org.delphipanel.scoring;

import org.jspecify.annotations.NullMarked;
