package org.delphipanel.stats;

import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the experts' ratings of one cell (a target on a criterion) become the cell's score. Immutable and
 * thread-safe; the text form {@code median|mean|trimmed:P|confidence} is what the CLI's option takes
 * and what {@link #toString()} prints.
 *
 * <ul>
 *   <li>{@link #median()} (the default): the middle value of the sorted ratings, or the mean of the two
 *       middle values for an even count. The same under Hyndman-Fan types 5 to 9.
 *   <li>{@link #mean()}: the arithmetic mean.
 *   <li>{@link #trimmedMean(double) trimmedMean(P)}, 0 &lt;= P &lt; 0.5: sort the n ratings, cut
 *       {@code g = floor(n P)} from each end and average the remaining n - 2g. This is R's
 *       {@code mean(x, trim = P)} rule (R Core Team, "R: A Language and Environment for Statistical
 *       Computing", {@code mean.default}: {@code lo <- floor(n * trim) + 1}) and also
 *       {@code scipy.stats.trim_mean}'s ({@code lowercut = int(proportiontocut * nobs)}, a truncation,
 *       equal to floor for non-negative numbers). n P is computed in double precision exactly as both do,
 *       with no epsilon, so 0.29 x 100 = 28.999999999999996 cuts 28, as in R and scipy. Because P &lt; 0.5,
 *       at least one rating is always kept. Reference: Wilcox (2012), "Introduction to Robust Estimation
 *       and Hypothesis Testing", 3rd ed., Academic Press, chapter 3 (ISBN 978-0-12-386983-8; no DOI).
 *   <li>{@link #confidenceWeighted()}: {@code sum w_i x_i / sum w_i}, with w = 1 for LOW, 2 for MEDIUM and
 *       3 for HIGH stated confidence (see {@link PanelRatings.Confidence#weight()}). A rating without a
 *       stated confidence counts as MEDIUM, so a panel that states none gets the plain mean.
 * </ul>
 *
 * <p>In the bootstrap an expert drawn k times contributes k copies of each rating: every rule above is
 * applied to that multiset. A cell with no rating has no score: every rule is undefined there.
 */
public final class ScoreAggregation {

    /** The kinds of cell aggregation. */
    public enum Kind {
        MEDIAN, MEAN, TRIMMED_MEAN, CONFIDENCE_WEIGHTED
    }

    private static final ScoreAggregation MEDIAN = new ScoreAggregation(Kind.MEDIAN, 0);
    private static final ScoreAggregation MEAN = new ScoreAggregation(Kind.MEAN, 0);
    private static final ScoreAggregation CONFIDENCE = new ScoreAggregation(Kind.CONFIDENCE_WEIGHTED, 0);

    private final Kind kind;
    private final double trim;

    private ScoreAggregation(Kind kind, double trim) {
        this.kind = kind;
        this.trim = trim;
    }

    public static ScoreAggregation median() {
        return MEDIAN;
    }

    public static ScoreAggregation mean() {
        return MEAN;
    }

    /**
     * The trimmed mean cutting {@code floor(n proportion)} ratings from each end.
     *
     * @throws IllegalArgumentException unless 0 &lt;= proportion &lt; 0.5
     */
    public static ScoreAggregation trimmedMean(double proportion) {
        if (!(proportion >= 0 && proportion < 0.5)) {
            throw new IllegalArgumentException(
                    "trim proportion must lie in [0, 0.5), was " + proportion + " (use median for 0.5)");
        }
        return new ScoreAggregation(Kind.TRIMMED_MEAN, proportion);
    }

    public static ScoreAggregation confidenceWeighted() {
        return CONFIDENCE;
    }

    /** Parses {@code median}, {@code mean}, {@code trimmed:P} (e.g. {@code trimmed:0.2}) or {@code confidence}. */
    public static ScoreAggregation parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "median":
                return MEDIAN;
            case "mean":
                return MEAN;
            case "confidence":
                return CONFIDENCE;
            default:
                break;
        }
        if (t.startsWith("trimmed:")) {
            try {
                return trimmedMean(Double.parseDouble(t.substring("trimmed:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("trimmed mean needs a proportion, as in trimmed:0.2, was '" + text + "'", e);
            }
        }
        throw new IllegalArgumentException(
                "aggregation must be median, mean, trimmed:P or confidence, was '" + text + "'");
    }

    public Kind kind() {
        return kind;
    }

    /** The proportion cut from each end; 0 unless {@link Kind#TRIMMED_MEAN}. */
    public double trim() {
        return trim;
    }

    /**
     * The aggregate of ratings given one per expert (a convenience over the multiset form). Undefined
     * when there are no values.
     *
     * @param values the ratings
     * @param weights the confidence weights, used only by {@link Kind#CONFIDENCE_WEIGHTED}; same length
     */
    public Outcome<Double> of(double[] values, double[] weights) {
        if (values.length != weights.length) {
            throw new IllegalArgumentException("values and weights differ in length");
        }
        if (values.length == 0) {
            return Outcome.undefined("no ratings to aggregate");
        }
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] sorted = new double[values.length];
        double[] sortedWeights = new double[values.length];
        int[] counts = new int[values.length];
        int[] experts = new int[values.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = values[order[i]];
            sortedWeights[i] = weights[order[i]];
            counts[i] = 1;
            experts[i] = i;
        }
        return Outcome.defined(ofSortedMultiset(sorted, sortedWeights, experts, 0, values.length, counts));
    }

    /** The aggregate of values given one per expert, for the rules that ignore confidence. */
    public Outcome<Double> of(double... values) {
        double[] ones = new double[values.length];
        Arrays.fill(ones, 1);
        return of(values, ones);
    }

    /**
     * The aggregate of a multiset: entry i of the ascending {@code sorted[start..start+n)} belongs to
     * expert {@code experts[i]} and counts {@code counts[experts[i]]} times (0 = not drawn). Returns NaN
     * when the multiset is empty (the callers turn it into an undefined outcome). Allocation-free: one or
     * two passes over the cell's ratings, no sorting, which keeps the bootstrap's inner loop cheap.
     */
    double ofSortedMultiset(double[] sorted, double[] weights, int[] experts, int start, int n, int[] counts) {
        int end = start + n;
        return switch (kind) {
            case MEAN -> weightedMean(sorted, null, experts, start, end, counts);
            case CONFIDENCE_WEIGHTED -> weightedMean(sorted, weights, experts, start, end, counts);
            case MEDIAN -> median(sorted, experts, start, end, counts);
            case TRIMMED_MEAN -> trimmedMean(sorted, experts, start, end, counts);
        };
    }

    // The loops below avoid branching on "was this expert drawn": about a third of the experts are not
    // drawn in a replicate, at random, and a mispredicted branch per rating costs more than the arithmetic
    // (k = 0 contributes exactly nothing).
    private static double weightedMean(double[] sorted, double @Nullable [] weights, int[] experts, int start,
            int end, int[] counts) {
        double sum = 0;
        double total = 0;
        if (weights == null) {
            int m = 0;
            for (int i = start; i < end; i++) {
                int k = counts[experts[i]];
                sum += k * sorted[i];
                m += k;
            }
            total = m;
        } else {
            for (int i = start; i < end; i++) {
                double w = counts[experts[i]] * weights[i];
                sum += w * sorted[i];
                total += w;
            }
        }
        return total == 0 ? Double.NaN : sum / total;
    }

    private static int size(int[] experts, int start, int end, int[] counts) {
        int m = 0;
        for (int i = start; i < end; i++) {
            m += counts[experts[i]];
        }
        return m;
    }

    /** The value at 0-based rank r of the expanded multiset. */
    private static double atRank(double[] sorted, int[] experts, int start, int end, int[] counts, int r) {
        int seen = 0;
        for (int i = start; i < end; i++) {
            seen += counts[experts[i]];
            if (seen > r) {
                return sorted[i];
            }
        }
        throw new IllegalStateException("rank " + r + " beyond a multiset of size " + seen);
    }

    private static double median(double[] sorted, int[] experts, int start, int end, int[] counts) {
        int m = size(experts, start, end, counts);
        if (m == 0) {
            return Double.NaN;
        }
        double lower = atRank(sorted, experts, start, end, counts, (m - 1) / 2);
        if (m % 2 == 1) {
            return lower;
        }
        double upper = atRank(sorted, experts, start, end, counts, m / 2);
        return (lower + upper) / 2;
    }

    private double trimmedMean(double[] sorted, int[] experts, int start, int end, int[] counts) {
        int m = size(experts, start, end, counts);
        if (m == 0) {
            return Double.NaN;
        }
        int g = (int) Math.floor(m * trim);
        int from = g;
        int to = m - g;
        double sum = 0;
        int position = 0;
        for (int i = start; i < end; i++) {
            int k = counts[experts[i]];
            // the run of k copies occupies ranks [position, position + k): keep its part inside [from, to)
            int kept = Math.max(0, Math.min(position + k, to) - Math.max(position, from));
            sum += kept * sorted[i];
            position += k;
        }
        return sum / (to - from);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreAggregation other && other.kind == kind && Double.compare(other.trim, trim) == 0;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Double.hashCode(trim);
    }

    /** The text form accepted by {@link #parse(String)}. */
    @Override
    public String toString() {
        return switch (kind) {
            case MEDIAN -> "median";
            case MEAN -> "mean";
            case CONFIDENCE_WEIGHTED -> "confidence";
            case TRIMMED_MEAN -> "trimmed:" + trim;
        };
    }
}
