package org.delphipanel.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How much each expert moves each score: for every expert e, target t and node n, the delta
 * {@code s_(-e)(t, n) - s(t, n)}, the score computed without expert e's ratings minus the score of the
 * whole panel (the leave-one-out values of Quenouille's jackknife; Efron and Stein (1981), "The
 * jackknife estimate of variance", Annals of Statistics 9(3), doi:10.1214/aos/1176345462). A positive
 * delta means the expert pulled the score down.
 *
 * <p>Edge cases: an expert who rated nothing under a node has delta 0 there. When the expert was the only
 * one to rate a criterion under the node, the score without them is undefined and so is the delta, with
 * the reason; likewise when the full score is already undefined.
 *
 * <p>Stateless; the {@link Result} is immutable and thread-safe.
 */
public final class LeaveOneExpertOut {

    private LeaveOneExpertOut() {
    }

    public static Result of(PanelRatings panel, ScoreAggregation aggregation) {
        ScoreEngine engine = new ScoreEngine(panel, aggregation);
        int experts = panel.expertCount();
        int[] counts = new int[experts];
        Arrays.fill(counts, 1);
        MaturityScores.Result full = MaturityScores.resultFor(panel, aggregation, engine, counts, null);
        List<Delta> deltas = new ArrayList<>();
        for (int e = 0; e < experts; e++) {
            String expert = panel.experts().get(e);
            counts[e] = 0;
            MaturityScores.Result without = MaturityScores.resultFor(panel, aggregation, engine, counts, expert);
            counts[e] = 1;
            for (int i = 0; i < full.scores().size(); i++) {
                MaturityScores.NodeScore all = full.scores().get(i);
                MaturityScores.NodeScore less = without.scores().get(i);
                deltas.add(new Delta(expert, all.target(), all.node(), delta(all.score(), less.score()),
                        all.score(), less.score()));
            }
        }
        return new Result(full, panel.experts(), deltas);
    }

    private static Outcome<Double> delta(Outcome<Double> full, Outcome<Double> without) {
        if (full instanceof Outcome.Undefined<Double> u) {
            return Outcome.undefined("the full panel's score is undefined: " + u.reason());
        }
        if (without instanceof Outcome.Undefined<Double> u) {
            return Outcome.undefined(u.reason());
        }
        return Outcome.defined(without.orElseThrow() - full.orElseThrow());
    }

    /**
     * One expert's influence on one score.
     *
     * @param delta score without the expert minus the full score
     * @param full the full panel's score
     * @param without the score without the expert
     */
    public record Delta(String expert, String target, String node, Outcome<Double> delta, Outcome<Double> full,
            Outcome<Double> without) {
    }

    /** Every expert's delta on every target's every node. Immutable. */
    public static final class Result {
        private final MaturityScores.Result full;
        private final List<String> experts;
        private final List<Delta> deltas;

        Result(MaturityScores.Result full, List<String> experts, List<Delta> deltas) {
            this.full = full;
            this.experts = List.copyOf(experts);
            this.deltas = List.copyOf(deltas);
        }

        public MaturityScores.Result full() {
            return full;
        }

        /** Expert by expert, then target by target, nodes in the tree's pre-order. */
        public List<Delta> deltas() {
            return deltas;
        }

        public Delta at(String expert, String target, String node) {
            int e = experts.indexOf(expert);
            if (e < 0) {
                throw new IllegalArgumentException("no expert " + expert);
            }
            int perExpert = full.scores().size();
            int t = full.targets().indexOf(target);
            if (t < 0) {
                throw new IllegalArgumentException("no target " + target);
            }
            return deltas.get(e * perExpert + t * full.tree().nodeCount() + full.tree().nodeIndex(node));
        }

        public Outcome<Double> delta(String expert, String target, String node) {
            return at(expert, target, node).delta();
        }
    }
}
