package org.delphipanel.stats;

import java.util.Arrays;

/**
 * The primitive-array core shared by the point scores, the leave-one-expert-out scores, the jackknife
 * and the bootstrap: given how many times each expert counts (1 for the panel itself, 0 for an expert
 * left out, 0..n for a bootstrap draw), the score of every node of every target.
 *
 * <p>Each cell's ratings are sorted once, here; a multiplicity vector then selects a multiset without
 * any further sorting or copying (see {@link ScoreAggregation#ofSortedMultiset}). Immutable after
 * construction and safe to share between threads; callers bring their own scratch arrays.
 */
final class ScoreEngine {

    private final ScoringTree tree;
    private final ScoreAggregation aggregation;
    private final int targets;
    private final int criteria;
    private final int experts;
    private final int nodes;
    private final int[] cellStart;
    private final double[] sortedValues;
    private final double[] sortedWeights;
    private final int[] sortedExperts;

    ScoreEngine(PanelRatings panel, ScoreAggregation aggregation) {
        this.tree = panel.tree();
        this.aggregation = aggregation;
        this.targets = panel.targetCount();
        this.criteria = panel.criterionCount();
        this.experts = panel.expertCount();
        this.nodes = tree.nodeCount();
        int cells = targets * criteria;
        cellStart = new int[cells + 1];
        sortedValues = new double[panel.ratingCount()];
        sortedWeights = new double[panel.ratingCount()];
        sortedExperts = new int[panel.ratingCount()];
        int at = 0;
        Integer[] order = new Integer[experts];
        for (int t = 0; t < targets; t++) {
            for (int c = 0; c < criteria; c++) {
                int cell = t * criteria + c;
                cellStart[cell] = at;
                int n = 0;
                for (int e = 0; e < experts; e++) {
                    if (!Double.isNaN(panel.valueAt(t, c, e))) {
                        order[n++] = e;
                    }
                }
                final int target = t;
                final int criterion = c;
                // stable: equal grades stay in expert order, which keeps runs reproducible
                Arrays.sort(order, 0, n, (a, b) -> Double.compare(
                        panel.valueAt(target, criterion, a), panel.valueAt(target, criterion, b)));
                for (int i = 0; i < n; i++) {
                    sortedExperts[at] = order[i];
                    sortedValues[at] = panel.valueAt(t, c, order[i]);
                    sortedWeights[at] = panel.weightAt(t, c, order[i]);
                    at++;
                }
            }
        }
        cellStart[cells] = at;
    }

    int targets() {
        return targets;
    }

    int nodes() {
        return nodes;
    }

    int experts() {
        return experts;
    }

    ScoringTree tree() {
        return tree;
    }

    /** Number of ratings of cell (target, criterion). */
    int ratingsIn(int target, int criterion) {
        int cell = target * criteria + criterion;
        return cellStart[cell + 1] - cellStart[cell];
    }

    /** The experts who rated cell (target, criterion). */
    int[] ratersOf(int target, int criterion) {
        int cell = target * criteria + criterion;
        return Arrays.copyOfRange(sortedExperts, cellStart[cell], cellStart[cell + 1]);
    }

    /** A scratch array for {@link #score}: one entry per criterion. */
    double[] criterionScratch() {
        return new double[criteria];
    }

    /**
     * Writes into {@code out[t * nodes + node]} the score of every node of every target when expert e
     * counts {@code counts[e]} times; NaN where a criterion under the node has no counted rating.
     */
    void score(int[] counts, double[] criterionScratch, double[] out) {
        for (int t = 0; t < targets; t++) {
            for (int c = 0; c < criteria; c++) {
                int cell = t * criteria + c;
                int start = cellStart[cell];
                int n = cellStart[cell + 1] - start;
                criterionScratch[c] = n == 0 ? Double.NaN : aggregate(start, n, counts);
            }
            tree.rollUp(criterionScratch, 0, out, t * nodes);
        }
    }

    private double aggregate(int start, int n, int[] counts) {
        return aggregation.ofSortedMultiset(sortedValues, sortedWeights, sortedExperts, start, n, counts);
    }
}
