package org.delphipanel.scoring;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A study's final weighted maturity scores as stored: computed once from a frozen copy of the latest
 * closed round's ratings, with the bootstrap seed, so reading them again always gives the same numbers.
 *
 * @param roundNumber the round whose ratings were frozen (the latest closed round when computed)
 * @param roundsBehind the Delphi rounds that led to these ratings (1 to roundNumber)
 * @param seed the bootstrap's seed, to recompute the intervals exactly
 * @param replicates the bootstrap's B
 * @param publishedAt when a facilitator published them (experts see them from then on), or null
 */
public record StudyResults(
        long snapshotId,
        long studyId,
        long roundId,
        int roundNumber,
        int roundsBehind,
        Instant computedAt,
        String computedBy,
        long seed,
        int replicates,
        @Nullable Instant publishedAt,
        @Nullable String publishedBy,
        Content content) {

    public boolean published() {
        return publishedAt != null;
    }

    public List<TargetScores> targets() {
        return content.targets();
    }

    public List<Node> nodes() {
        return content.nodes();
    }

    public TargetScores target(String name) {
        return content.targets().stream().filter(t -> t.target().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no target " + name + " in these results"));
    }

    /**
     * The computed figures, stored as JSON.
     *
     * @param aggregation how a cell's grades are combined, e.g. "median"
     * @param level the confidence level of the intervals, e.g. 0.95
     * @param intervalMethod how the shown range was made
     * @param nodes the rubric's nodes in tree order (overall first)
     * @param rankProbabilities P(target above other) on the overall score, every ordered pair
     * @param leaveOneOut each expert's influence on each target's overall score
     * @param sensitivity the ranking by the median aggregate and by the mean
     */
    public record Content(String aggregation, double level, String intervalMethod, List<Node> nodes,
            List<TargetScores> targets, List<RankProbability> rankProbabilities, List<Influence> leaveOneOut,
            List<RankChange> sensitivity) {
        public Content {
            nodes = List.copyOf(nodes);
            targets = List.copyOf(targets);
            rankProbabilities = List.copyOf(rankProbabilities);
            leaveOneOut = List.copyOf(leaveOneOut);
            sensitivity = List.copyOf(sensitivity);
        }
    }

    /** A node of the rubric: depth 0 is the overall score, 1 the dimensions, 2 the sub-dimensions. */
    public record Node(String code, String name, int depth, double effectiveWeight, boolean criterion) {
    }

    /**
     * One target's scores at every node.
     *
     * @param experts the experts who rated the target at least once in the frozen round
     */
    public record TargetScores(long targetId, String target, int experts, List<NodeScore> scores) {
        public TargetScores {
            scores = List.copyOf(scores);
        }

        public NodeScore score(String node) {
            return scores.stream().filter(s -> s.node().equals(node)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no node " + node));
        }

        /** The overall score: the first node, the rubric's root. */
        public NodeScore overall() {
            return scores.getFirst();
        }
    }

    /**
     * One score with its confidence range.
     *
     * @param score the full panel's weighted score, null when undefined
     * @param band the band label of the score (Non-existent ... Strong), null when undefined
     * @param lower the percentile interval's lower end
     * @param upper its upper end
     * @param bcaLower the BCa interval's lower end, when defined
     * @param bcaUpper its upper end
     * @param undefined why the score (or its range) is undefined, else null
     */
    public record NodeScore(String node, @Nullable Double score, @Nullable String band, @Nullable Double lower,
            @Nullable Double upper, @Nullable Double bcaLower, @Nullable Double bcaUpper, int definedReplicates,
            int excludedReplicates, @Nullable String undefined) {
    }

    /** The bootstrap probability that {@code target}'s overall score is above {@code other}'s (ties half). */
    public record RankProbability(String target, String other, @Nullable Double probability) {
    }

    /** Overall score without the expert minus the full panel's: positive when the expert pulled it down. */
    public record Influence(String expert, String target, @Nullable Double delta, @Nullable String undefined) {
    }

    /** A target's overall score and rank (1 = highest) with the median aggregate and with the mean. */
    public record RankChange(String target, @Nullable Double median, int medianRank, @Nullable Double mean,
            int meanRank) {
    }
}
