package org.delphipanel.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Krippendorff's alpha for nominal, ordinal, interval and ratio data, with missing ratings, after
 * K. Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School for
 * Communication, https://repository.upenn.edu/asc_papers/43 (coincidence-matrix definition), and a
 * bootstrap interval in the style of A. F. Hayes &amp; K. Krippendorff (2007), "Answering the call for a
 * standard reliability measure for coding data", Communication Methods and Measures 1(1), 77-89,
 * doi:10.1080/19312450709336664.
 *
 * <h2>Formula</h2>
 * A unit u with m_u &gt;= 2 ratings is <em>pairable</em>; units with fewer are ignored. Each ordered pair
 * of ratings (from different raters) of a pairable unit adds 1/(m_u - 1) to the coincidence o_ck of its
 * two values c and k. With n_c = sum_k o_ck (the number of pairable ratings equal to c) and
 * n = sum_c n_c (the pairable values),
 * <pre>
 *   D_o = (1/n) sum_c sum_k o_ck delta2(c, k)
 *   D_e = 1/(n (n - 1)) sum_c sum_k n_c n_k delta2(c, k)
 *   alpha = 1 - D_o / D_e
 * </pre>
 * with delta2 by {@link Level}: nominal 0 if c = k else 1; ordinal
 * (sum_{g from c to k} n_g - (n_c + n_k)/2)^2 over the ordered distinct values; interval (c - k)^2;
 * ratio ((c - k)/(c + k))^2.
 *
 * <h2>Edge cases</h2>
 * Undefined (with the reason) when there are fewer than 2 pairable values, when D_e = 0 (every
 * pairable value equal: no disagreement is possible), and for the ratio level when a value is negative.
 * Units with a single rating change nothing. Perfect agreement with some variation gives exactly 1.
 *
 * <h2>Cost</h2>
 * Ratings are coded to the distinct values once; per unit the distinct values and their counts are
 * kept, so D_o costs sum over units of d_u^2 (d_u distinct values in unit u), and D_e costs k^2 for k
 * distinct values overall, with the metric tabulated when k &lt;= 256. There is no per-pair loop over
 * raters and no boxing.
 *
 * <p>Stateless and thread-safe; results are immutable.
 */
public final class KrippendorffAlpha {

    /** Above this many distinct values, delta2 is computed on the fly instead of tabulated. */
    private static final int TABLE_LIMIT = 256;

    /** The level of measurement, which picks the difference function delta2. */
    public enum Level {
        NOMINAL, ORDINAL, INTERVAL, RATIO
    }

    /**
     * A defined alpha.
     *
     * @param value alpha, at most 1 (it can be negative: systematic disagreement)
     * @param level the level of measurement
     * @param pairableValues n, the ratings in units with at least two ratings
     * @param unitsUsed the pairable units
     * @param observedDisagreement D_o
     * @param expectedDisagreement D_e, positive
     */
    public record Result(double value, Level level, int pairableValues, int unitsUsed,
            double observedDisagreement, double expectedDisagreement) {
        public Result {
            if (!Double.isFinite(value) || value > 1 + 1e-12) {
                throw new IllegalArgumentException("alpha must be finite and at most 1, was " + value);
            }
            if (level == null || pairableValues < 2 || unitsUsed < 1 || !(expectedDisagreement > 0)
                    || !(observedDisagreement >= 0)) {
                throw new IllegalArgumentException("inconsistent alpha counts");
            }
        }
    }

    /**
     * A percentile bootstrap interval for alpha (see {@link #bootstrap}).
     *
     * @param estimate alpha on the data
     * @param lower the (1 - confidence)/2 quantile of the replicates (Hyndman-Fan type 7)
     * @param upper the (1 + confidence)/2 quantile of the replicates (type 7)
     * @param confidence the nominal coverage, e.g. 0.95
     * @param replicates B, the number of bootstrap replicates
     * @param seed the seed of the {@link SplittableRandom} that drew them
     * @param pairsPerReplicate M, the pairs drawn per replicate
     */
    public record Interval(double estimate, double lower, double upper, double confidence, int replicates, long seed,
            long pairsPerReplicate, double[] sortedReplicates) {
        public Interval {
            if (!(lower <= upper) || !(confidence > 0 && confidence < 1) || replicates < 1
                    || sortedReplicates.length != replicates) {
                throw new IllegalArgumentException("inconsistent bootstrap interval");
            }
            sortedReplicates = sortedReplicates.clone();
        }

        /** The replicate alphas, ascending (a copy). */
        @Override
        public double[] sortedReplicates() {
            return sortedReplicates.clone();
        }

        /**
         * The share of replicates below {@code minimum}: Hayes &amp; Krippendorff's q, the chance that
         * alpha fails to reach a required minimum such as 0.667 or 0.800.
         */
        public double probabilityBelow(double minimum) {
            int below = 0;
            while (below < sortedReplicates.length && sortedReplicates[below] < minimum) {
                below++;
            }
            return (double) below / sortedReplicates.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Interval o && estimate == o.estimate && lower == o.lower && upper == o.upper
                    && confidence == o.confidence && replicates == o.replicates && seed == o.seed
                    && pairsPerReplicate == o.pairsPerReplicate
                    && Arrays.equals(sortedReplicates, o.sortedReplicates);
        }

        @Override
        public int hashCode() {
            return 31 * Double.hashCode(estimate) + Arrays.hashCode(sortedReplicates);
        }

        @Override
        public String toString() {
            return "Interval[estimate=" + estimate + ", lower=" + lower + ", upper=" + upper + ", confidence="
                    + confidence + ", replicates=" + replicates + ", seed=" + seed + ", pairsPerReplicate="
                    + pairsPerReplicate + "]";
        }
    }

    private KrippendorffAlpha() {
    }

    /** Alpha of {@code table} at {@code level}, or undefined with the reason. */
    public static Outcome<Result> of(RatingTable table, Level level) {
        Outcome<Pairable> prepared = Pairable.of(table, level);
        if (!prepared.isDefined()) {
            return prepared.map(p -> null);
        }
        return Outcome.defined(prepared.orElseThrow().result());
    }

    /**
     * A bootstrap interval for alpha in the style of Hayes &amp; Krippendorff (2007) and Krippendorff's
     * bootstrap algorithm: the expected disagreement D_e stays that of the data, and only the observed
     * disagreement is resampled, pair by pair.
     *
     * <p>Scheme, exactly: let M = sum over pairable units of m_u (m_u - 1) / 2, the number of pairs of
     * ratings within units. Each replicate draws M ordered pairs of ratings independently and with
     * replacement, a pair (i, j) of distinct ratings of unit u having probability 1/(n (m_u - 1)),
     * which is o_ck/n for values (c, k): first a rating i uniformly among the n pairable ratings, then
     * j uniformly among the other m_u - 1 ratings of i's unit. The replicate is
     * alpha* = 1 - (mean of delta2 over the M pairs) / D_e; the ordinal metric keeps the data's
     * marginals. The interval is the type-7 (1 - confidence)/2 and (1 + confidence)/2 quantiles of the
     * B sorted replicates. A {@link SplittableRandom} seeded with {@code seed} draws everything in a
     * fixed order, so the same data, level, B and seed give the identical interval. Cost: B * M draws.
     *
     * <p>Gwet (2015) notes that this pair-level resampling keeps the units' structure fixed and can give
     * narrower intervals than resampling units; it is offered because it is the published KALPHA scheme.
     *
     * @param replicates B, at least 1 (1,000 to 10,000 in practice)
     * @param confidence the coverage, strictly between 0 and 1
     */
    public static Outcome<Interval> bootstrap(RatingTable table, Level level, int replicates, long seed,
            double confidence) {
        if (replicates < 1) {
            throw new IllegalArgumentException("bootstrap needs at least 1 replicate, was " + replicates);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie strictly between 0 and 1, was " + confidence);
        }
        Outcome<Pairable> prepared = Pairable.of(table, level);
        if (!prepared.isDefined()) {
            return prepared.map(p -> null);
        }
        Pairable data = prepared.orElseThrow();
        Result estimate = data.result();
        double[] alphas = data.resample(replicates, new SplittableRandom(seed), estimate.expectedDisagreement());
        Arrays.sort(alphas);
        double lower = Quantiles.ofSorted(alphas, (1 - confidence) / 2, QuantileType.TYPE_7);
        double upper = Quantiles.ofSorted(alphas, (1 + confidence) / 2, QuantileType.TYPE_7);
        return Outcome.defined(new Interval(estimate.value(), lower, upper, confidence, replicates, seed,
                data.pairCount(), alphas));
    }

    /** The pairable ratings of a table, compacted per unit, with the marginals and the metric. */
    private static final class Pairable {
        private final Level level;
        private final double[] values;
        private final double[] marginals;
        private final double[] cumulative;
        private final double[] table;
        private final int k;
        private final int n;
        private final int unitCount;
        /** Per pairable unit: its distinct codes and their counts, in unitStart..unitStart+1. */
        private final int[] unitStart;
        private final int[] unitCodes;
        private final int[] unitCodeCounts;
        private final int[] unitSize;
        /** Every pairable rating's code, unit by unit; with the start and size of its unit. */
        private final int[] ratingCodes;
        private final int[] ratingUnitStart;
        private final int[] ratingUnitSize;

        private Pairable(Level level, RatingCategories categories) {
            this.level = level;
            this.k = categories.count();
            this.values = new double[k];
            for (int c = 0; c < k; c++) {
                values[c] = categories.value(c);
            }
            int units = categories.units();
            int ratings = categories.unitStart(units);
            int[] counts = new int[k];
            int[] touched = new int[Math.max(1, k)];
            int[] starts = new int[units + 1];
            int[] codes = new int[ratings];
            int[] codeCounts = new int[ratings];
            int[] sizes = new int[units];
            int[] flat = new int[ratings];
            double[] nc = new double[k];
            int used = 0;
            int pos = 0;
            int total = 0;
            for (int u = 0; u < units; u++) {
                int distinct = 0;
                int from = categories.unitStart(u);
                int m = categories.unitStart(u + 1) - from;
                for (int i = from; i < from + m; i++) {
                    int c = categories.code(i);
                    if (counts[c]++ == 0) {
                        touched[distinct++] = c;
                    }
                }
                if (m >= 2) {
                    starts[used] = pos;
                    sizes[used] = m;
                    for (int i = 0; i < distinct; i++) {
                        int c = touched[i];
                        codes[pos] = c;
                        codeCounts[pos] = counts[c];
                        nc[c] += counts[c];
                        pos++;
                    }
                    for (int i = from; i < from + m; i++) {
                        flat[total++] = categories.code(i);
                    }
                    used++;
                }
                for (int i = 0; i < distinct; i++) {
                    counts[touched[i]] = 0;
                }
            }
            starts[used] = pos;
            this.unitCount = used;
            this.n = total;
            this.unitStart = Arrays.copyOf(starts, used + 1);
            this.unitCodes = codes;
            this.unitCodeCounts = codeCounts;
            this.unitSize = Arrays.copyOf(sizes, used);
            this.marginals = nc;
            this.cumulative = new double[k + 1];
            for (int c = 0; c < k; c++) {
                cumulative[c + 1] = cumulative[c] + nc[c];
            }
            this.ratingCodes = Arrays.copyOf(flat, total);
            this.ratingUnitStart = new int[total];
            this.ratingUnitSize = new int[total];
            int at = 0;
            for (int u = 0; u < used; u++) {
                for (int i = 0; i < unitSize[u]; i++) {
                    ratingUnitStart[at + i] = at;
                    ratingUnitSize[at + i] = unitSize[u];
                }
                at += unitSize[u];
            }
            this.table = k <= TABLE_LIMIT ? tabulate() : null;
        }

        static Outcome<Pairable> of(RatingTable table, Level level) {
            if (level == null) {
                throw new IllegalArgumentException("a level of measurement is required");
            }
            Pairable data = new Pairable(level, RatingCategories.observed(table));
            if (data.n < 2) {
                return Outcome.undefined("fewer than 2 pairable values (units rated at least twice): " + data.n);
            }
            if (level == Level.RATIO) {
                for (int c = 0; c < data.k; c++) {
                    if (data.marginals[c] > 0 && data.values[c] < 0) {
                        return Outcome.undefined("the ratio level needs non-negative values, found " + data.values[c]);
                    }
                }
            }
            if (data.expectedNumerator() <= 0) {
                return Outcome.undefined("all " + data.n + " pairable values are equal (for the ratio level: "
                        + "or zero), so no disagreement is possible and the expected disagreement D_e is 0");
            }
            return Outcome.defined(data);
        }

        Result result() {
            double observed = observedNumerator();
            double expected = expectedNumerator();
            double alpha = 1 - (n - 1) * observed / expected;
            return new Result(alpha, level, n, unitCount, observed / n, expected / ((double) n * (n - 1)));
        }

        long pairCount() {
            long pairs = 0;
            for (int u = 0; u < unitCount; u++) {
                pairs += (long) unitSize[u] * (unitSize[u] - 1) / 2;
            }
            return pairs;
        }

        double[] resample(int replicates, SplittableRandom random, double expectedDisagreement) {
            long pairs = pairCount();
            double[] alphas = new double[replicates];
            for (int b = 0; b < replicates; b++) {
                double sum = 0;
                for (long draw = 0; draw < pairs; draw++) {
                    int i = random.nextInt(n);
                    int size = ratingUnitSize[i];
                    int start = ratingUnitStart[i];
                    int j = start + random.nextInt(size - 1);
                    if (j >= i) {
                        j++;
                    }
                    sum += delta2(ratingCodes[i], ratingCodes[j]);
                }
                alphas[b] = 1 - (sum / pairs) / expectedDisagreement;
            }
            return alphas;
        }

        /** n D_o = sum over units of (1/(m_u - 1)) sum over distinct values c != k of n_uc n_uk delta2. */
        private double observedNumerator() {
            double sum = 0;
            for (int u = 0; u < unitCount; u++) {
                int from = unitStart[u];
                int to = unitStart[u + 1];
                double unit = 0;
                for (int i = from + 1; i < to; i++) {
                    int ci = unitCodes[i];
                    double ni = unitCodeCounts[i];
                    for (int j = from; j < i; j++) {
                        unit += ni * unitCodeCounts[j] * delta2(ci, unitCodes[j]);
                    }
                }
                sum += 2 * unit / (unitSize[u] - 1);
            }
            return sum;
        }

        /** n (n - 1) D_e = sum_c sum_k n_c n_k delta2(c, k). */
        private double expectedNumerator() {
            double sum = 0;
            for (int c = 1; c < k; c++) {
                double nc = marginals[c];
                if (nc == 0) {
                    continue;
                }
                double row = 0;
                for (int e = 0; e < c; e++) {
                    row += marginals[e] * delta2(c, e);
                }
                sum += nc * row;
            }
            return 2 * sum;
        }

        private double delta2(int c, int e) {
            return table != null ? table[c * k + e] : metric(c, e);
        }

        private double[] tabulate() {
            double[] t = new double[k * k];
            for (int c = 0; c < k; c++) {
                for (int e = 0; e < k; e++) {
                    t[c * k + e] = metric(c, e);
                }
            }
            return t;
        }

        private double metric(int c, int e) {
            if (c == e) {
                return 0;
            }
            return switch (level) {
                case NOMINAL -> 1;
                case ORDINAL -> {
                    int lo = Math.min(c, e);
                    int hi = Math.max(c, e);
                    double d = cumulative[hi + 1] - cumulative[lo] - (marginals[lo] + marginals[hi]) / 2;
                    yield d * d;
                }
                case INTERVAL -> {
                    double d = values[c] - values[e];
                    yield d * d;
                }
                case RATIO -> {
                    double s = values[c] + values[e];
                    double d = s == 0 ? 0 : (values[c] - values[e]) / s;
                    yield d * d;
                }
            };
        }
    }
}
