package org.delphipanel.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Weighted maturity scores of every target at every node of a {@link ScoringTree}: each criterion's
 * score is the {@link ScoreAggregation} of the experts' grades in that cell; each inner node's score is
 * the weighted sum of its children's, {@code s(node) = sum_i w_i s(child_i)}, up to the overall score at
 * the root; each score gets its band ({@link ScoringTree#bandOf}). The rubric and its weights are those
 * of Campos et al. (2024), "A Framework to Rate AI Developers' Risk Management Maturity", SaferAI.
 *
 * <p>Edge cases: a cell with no rating has no score, and neither has any ancestor of that criterion
 * (weights are not renormalised over the criteria that happen to be rated, because that would silently
 * change the rubric); the outcome is undefined with a reason naming the first such criterion. A target
 * nobody rated is undefined everywhere. A zero-weight child does not contribute (see
 * {@link ScoringTree}).
 *
 * <p>Stateless; the {@link Result} is immutable and thread-safe.
 */
public final class MaturityScores {

    private MaturityScores() {
    }

    /** The scores of the whole panel (every expert counts once). */
    public static Result of(PanelRatings panel, ScoreAggregation aggregation) {
        ScoreEngine engine = new ScoreEngine(panel, aggregation);
        int[] counts = new int[panel.expertCount()];
        Arrays.fill(counts, 1);
        return resultFor(panel, aggregation, engine, counts, null);
    }

    /** Scores with the given multiplicities; {@code leftOut} names the expert with multiplicity 0, if any. */
    static Result resultFor(PanelRatings panel, ScoreAggregation aggregation, ScoreEngine engine, int[] counts,
            @Nullable String leftOut) {
        double[] raw = new double[panel.targetCount() * engine.nodes()];
        engine.score(counts, engine.criterionScratch(), raw);
        ScoringTree tree = panel.tree();
        List<NodeScore> scores = new ArrayList<>(raw.length);
        for (int t = 0; t < panel.targetCount(); t++) {
            String target = panel.targets().get(t);
            for (int node = 0; node < engine.nodes(); node++) {
                double value = raw[t * engine.nodes() + node];
                Outcome<Double> score = Double.isNaN(value)
                        ? Outcome.undefined(reason(engine, counts, panel, t, node, leftOut))
                        : Outcome.defined(value);
                Outcome<ScoringTree.Band> band = Double.isNaN(value)
                        ? Outcome.undefined("the score is undefined")
                        : tree.bandOf(value);
                scores.add(new NodeScore(target, tree.nodes().get(node).code(), score, band));
            }
        }
        return new Result(tree, aggregation, panel.targets(), scores);
    }

    private static String reason(ScoreEngine engine, int[] counts, PanelRatings panel, int target, int node,
            @Nullable String leftOut) {
        ScoringTree tree = panel.tree();
        for (int c : tree.contributingCriteria(node)) {
            boolean counted = false;
            for (int e : engine.ratersOf(target, c)) {
                if (counts[e] > 0) {
                    counted = true;
                    break;
                }
            }
            if (!counted) {
                String criterion = tree.nodes().get(tree.nodeOfCriterion(c)).code();
                String cell = "criterion " + criterion + " of target " + panel.targets().get(target);
                String what = engine.ratingsIn(target, c) == 0 || leftOut == null
                        ? cell + " has no ratings"
                        : "without expert " + leftOut + ", " + cell + " has no ratings";
                return tree.criterionOfNode(node) >= 0 ? what : what + " (a criterion under " + tree.nodes().get(node).code() + ")";
            }
        }
        throw new IllegalStateException("undefined score without a missing cell");
    }

    /**
     * One target's score at one node.
     *
     * @param score the weighted score, undefined when a criterion under the node has no rating
     * @param band the band of the score, undefined with the score or when no band contains it
     */
    public record NodeScore(String target, String node, Outcome<Double> score, Outcome<ScoringTree.Band> band) {
    }

    /** Every target's score at every node. Immutable. */
    public static final class Result {
        private final ScoringTree tree;
        private final ScoreAggregation aggregation;
        private final List<String> targets;
        private final List<NodeScore> scores;

        Result(ScoringTree tree, ScoreAggregation aggregation, List<String> targets, List<NodeScore> scores) {
            this.tree = tree;
            this.aggregation = aggregation;
            this.targets = List.copyOf(targets);
            this.scores = List.copyOf(scores);
        }

        public ScoringTree tree() {
            return tree;
        }

        public ScoreAggregation aggregation() {
            return aggregation;
        }

        public List<String> targets() {
            return targets;
        }

        /** Every score, target by target, nodes in the tree's pre-order. */
        public List<NodeScore> scores() {
            return scores;
        }

        public NodeScore at(String target, String node) {
            int t = targets.indexOf(target);
            if (t < 0) {
                throw new IllegalArgumentException("no target " + target);
            }
            return scores.get(t * tree.nodeCount() + tree.nodeIndex(node));
        }

        public Outcome<Double> score(String target, String node) {
            return at(target, node).score();
        }

        public Outcome<ScoringTree.Band> band(String target, String node) {
            return at(target, node).band();
        }

        /** The score at the root. */
        public Outcome<Double> overall(String target) {
            return score(target, tree.root().code());
        }
    }
}
