package org.delphipanel.study;

import java.util.Objects;
import org.delphipanel.stats.ConsensusRule;
import org.delphipanel.stats.StoppingRule;

/**
 * The rules a study fixes before round 1 opens and shows to everyone in it. The consensus and
 * stopping rules are kept in the text form the statistics core parses (see docs/statistics.md).
 *
 * @param consensusRule e.g. {@code iqr<=1 and within(1)>=0.70}
 * @param stoppingRule e.g. {@code consensus>=0.80 or stable(0.15) or max_rounds}
 * @param maxRounds the most rounds the study may run, 1 to 20
 * @param carryConsensus whether cells that reached consensus are rated again in the next round
 * @param quantileType Hyndman-Fan type for medians' quartiles and IQRs: 6 or 7
 * @param rationalePolicy when a rationale is required
 * @param prefillPrevious whether a new round starts with each expert's own previous ratings filled in
 */
public record StudyRules(
        String consensusRule,
        String stoppingRule,
        int maxRounds,
        boolean carryConsensus,
        int quantileType,
        RationalePolicy rationalePolicy,
        boolean prefillPrevious) {

    /** Defaults for the 0-5 rubric, with the sources given in docs/statistics.md. */
    public static final String DEFAULT_CONSENSUS_RULE = ConsensusRule.DEFAULT_SPEC;
    public static final String DEFAULT_STOPPING_RULE = StoppingRule.DEFAULT_SPEC;

    public StudyRules {
        Objects.requireNonNull(rationalePolicy, "rationale policy");
        if (consensusRule == null || consensusRule.isBlank()) {
            throw new IllegalArgumentException("a study needs a consensus rule");
        }
        if (stoppingRule == null || stoppingRule.isBlank()) {
            throw new IllegalArgumentException("a study needs a stopping rule");
        }
        // parsing checks the texts now, so a study can never store a rule the statistics cannot apply
        consensusRule = ConsensusRule.parse(consensusRule).spec();
        stoppingRule = StoppingRule.parse(stoppingRule).spec();
        if (maxRounds < 1 || maxRounds > 20) {
            throw new IllegalArgumentException("max rounds must be between 1 and 20, was " + maxRounds);
        }
        if (quantileType != 6 && quantileType != 7) {
            throw new IllegalArgumentException("quantile type must be 6 or 7, was " + quantileType);
        }
    }

    public static StudyRules defaults() {
        return new StudyRules(DEFAULT_CONSENSUS_RULE, DEFAULT_STOPPING_RULE, 3, false, 7, RationalePolicy.WHEN_DEVIATING,
                false);
    }
}
