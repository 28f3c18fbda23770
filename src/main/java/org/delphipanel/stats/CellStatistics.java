package org.delphipanel.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Descriptive statistics of one cell: the ratings that the panel gave one target on one criterion in one
 * round. Immutable and thread-safe; built by {@link #of(double[], QuantileType, Scale)}.
 *
 * <p>With the n ratings x(1) &lt;= ... &lt;= x(n):
 * <ul>
 * <li>mean = Σx / n; SD = sqrt(Σ(x − mean)² / (n − 1)), the sample SD (undefined for n &lt; 2);
 * <li>median, Q1 = the 0.25-quantile, Q3 = the 0.75-quantile and IQR = Q3 − Q1 by the Hyndman-Fan type
 *     chosen (type 7, R's and numpy's default, unless type 6 is asked for); {@link #quantileType()}
 *     names it with every result;
 * <li>MAD = median(|x − median|), the <em>raw</em> median absolute deviation (R's {@code mad(x,
 *     constant = 1)}); {@link #madScaled()} is 1.4826 · MAD, R's default {@code mad(x)}, which estimates
 *     the SD for normal data;
 * <li>share within ±d = #{i : |x(i) − median| &lt;= d} / n, inclusive, with a tolerance of 1e-9 so that
 *     binary rounding (3.1 − 2.6 = 0.5000000000000004) does not push a rating at exactly d outside;
 * <li>histogram: the count of ratings at each option of the {@link Scale} (only with a scale; a rating
 *     off the scale's steps is refused);
 * <li>rwg = 1 − s² / σ²<sub>EU</sub>, with s² the sample variance (n − 1) and σ²<sub>EU</sub> = (A² − 1)
 *     / 12 · step² the variance of the discrete uniform null over the A = {@link Scale#optionCount()}
 *     options: James, Demaree &amp; Wolf (1984), "Estimating within-group interrater reliability with
 *     and without response bias", J Appl Psychol 69(1), 85–98, doi:10.1037/0021-9010.69.1.85. The raw
 *     value is negative when the ratings are more spread than uniform; {@link #rwgTruncated()} sets
 *     those to 0, as James et al. recommend for reporting.
 * </ul>
 *
 * <p>Undefined results, each with its reason: everything but n and the histogram when there is no
 * rating; SD, variance and rwg when n &lt; 2; rwg and the histogram without a scale.
 */
public final class CellStatistics {

    /** Absolute tolerance for comparing computed ratings or differences with a threshold. */
    static final double TOLERANCE = 1e-9;

    /** The factor that makes the MAD a consistent estimator of the SD under normality (1 / Φ⁻¹(3/4)). */
    public static final double MAD_NORMAL_CONSISTENCY = 1.4826;

    private final double[] sorted;
    private final QuantileType quantileType;
    private final @Nullable Scale scale;
    private final double mean;
    private final double variance;

    private CellStatistics(double[] sorted, QuantileType quantileType, @Nullable Scale scale) {
        this.sorted = sorted;
        this.quantileType = quantileType;
        this.scale = scale;
        int n = sorted.length;
        double sum = 0;
        for (double x : sorted) {
            sum += x;
        }
        double m = n == 0 ? 0 : sum / n;
        // Two-pass variance with the compensation term keeps small spreads on 0-5 exact enough.
        double squares = 0;
        double residual = 0;
        for (double x : sorted) {
            squares += (x - m) * (x - m);
            residual += x - m;
        }
        this.mean = m;
        this.variance = n < 2 ? 0 : (squares - residual * residual / n) / (n - 1);
    }

    /** Statistics by quantile type 7 and without a scale (so no histogram and no rwg). */
    public static CellStatistics of(double[] values) {
        return build(values, QuantileType.TYPE_7, null);
    }

    /** Statistics with quartiles of the given type, without a scale (so no histogram and no rwg). */
    public static CellStatistics of(double[] values, QuantileType quantileType) {
        return build(values, quantileType, null);
    }

    /**
     * Statistics of one cell's ratings (in any order; not modified).
     *
     * @throws IllegalArgumentException when a value is not finite or is not one of the scale's options
     */
    public static CellStatistics of(double[] values, QuantileType quantileType, Scale scale) {
        return build(values, quantileType, scale);
    }

    private static CellStatistics build(double[] values, QuantileType quantileType, @Nullable Scale scale) {
        double[] sorted = values.clone();
        for (double x : sorted) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("ratings must be finite numbers, got " + x);
            }
            if (scale != null && !scale.contains(x)) {
                throw new IllegalArgumentException("rating " + x + " is not an option of the scale "
                        + scale.min() + ".." + scale.max() + " in steps of " + scale.step());
            }
        }
        Arrays.sort(sorted);
        return new CellStatistics(sorted, quantileType, scale);
    }

    /** The number of ratings. */
    public int n() {
        return sorted.length;
    }

    /** The Hyndman-Fan type of every quantile here. */
    public QuantileType quantileType() {
        return quantileType;
    }

    public Optional<Scale> scale() {
        return Optional.ofNullable(scale);
    }

    /** The ratings, sorted ascending (a fresh array). */
    public double[] sortedValues() {
        return sorted.clone();
    }

    public Outcome<Double> mean() {
        return sorted.length == 0 ? noRatings() : Outcome.defined(mean);
    }

    /** The sample variance, divisor n − 1; undefined for n &lt; 2. */
    public Outcome<Double> variance() {
        return sorted.length < 2 ? tooFew("the variance") : Outcome.defined(variance);
    }

    /** The sample standard deviation, divisor n − 1; undefined for n &lt; 2. */
    public Outcome<Double> standardDeviation() {
        return sorted.length < 2 ? tooFew("the standard deviation") : Outcome.defined(Math.sqrt(variance));
    }

    public Outcome<Double> min() {
        return sorted.length == 0 ? noRatings() : Outcome.defined(sorted[0]);
    }

    public Outcome<Double> max() {
        return sorted.length == 0 ? noRatings() : Outcome.defined(sorted[sorted.length - 1]);
    }

    /** The p-quantile by this cell's quantile type. */
    public Outcome<Double> quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must lie in [0, 1], was " + p);
        }
        return sorted.length == 0 ? noRatings() : Outcome.defined(Quantiles.ofSorted(sorted, p, quantileType));
    }

    public Outcome<Double> median() {
        return quantile(0.5);
    }

    public Outcome<Double> firstQuartile() {
        return quantile(0.25);
    }

    public Outcome<Double> thirdQuartile() {
        return quantile(0.75);
    }

    /** Q3 − Q1 by this cell's quantile type. */
    public Outcome<Double> iqr() {
        if (sorted.length == 0) {
            return noRatings();
        }
        return Outcome.defined(Quantiles.ofSorted(sorted, 0.75, quantileType)
                - Quantiles.ofSorted(sorted, 0.25, quantileType));
    }

    /** The raw median absolute deviation from the median, median(|x − median|), not scaled. */
    public Outcome<Double> mad() {
        if (sorted.length == 0) {
            return noRatings();
        }
        double median = Quantiles.ofSorted(sorted, 0.5, quantileType);
        double[] deviations = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            deviations[i] = Math.abs(sorted[i] - median);
        }
        return Outcome.defined(Quantiles.median(deviations));
    }

    /** 1.4826 · {@link #mad()}: the MAD scaled to estimate the SD of normal data (R's default). */
    public Outcome<Double> madScaled() {
        return mad().map(m -> MAD_NORMAL_CONSISTENCY * m);
    }

    /**
     * The share of ratings within ±{@code distance} of the median, inclusive (tolerance 1e-9).
     *
     * @throws IllegalArgumentException when distance is negative or not finite
     */
    public Outcome<Double> shareWithin(double distance) {
        if (!(distance >= 0) || !Double.isFinite(distance)) {
            throw new IllegalArgumentException("distance must be a non-negative number, was " + distance);
        }
        if (sorted.length == 0) {
            return noRatings();
        }
        double median = Quantiles.ofSorted(sorted, 0.5, quantileType);
        int inside = 0;
        for (double x : sorted) {
            if (Math.abs(x - median) <= distance + TOLERANCE) {
                inside++;
            }
        }
        return Outcome.defined((double) inside / sorted.length);
    }

    /** The share of ratings within ±0.5 of the median, inclusive. */
    public Outcome<Double> shareWithinHalf() {
        return shareWithin(0.5);
    }

    /** The share of ratings within ±1 of the median, inclusive. */
    public Outcome<Double> shareWithinOne() {
        return shareWithin(1);
    }

    /** Counts per option of the scale; undefined without a scale. */
    public Outcome<Histogram> histogram() {
        if (scale == null) {
            return Outcome.undefined("a histogram needs the rating scale");
        }
        int[] counts = new int[scale.optionCount()];
        for (double x : sorted) {
            counts[scale.indexOf(x)]++;
        }
        List<Integer> list = new ArrayList<>(counts.length);
        for (int count : counts) {
            list.add(count);
        }
        return Outcome.defined(new Histogram(scale, list));
    }

    /** The uniform-null variance σ²_EU = (A² − 1) / 12 · step²; undefined without a scale. */
    public Outcome<Double> uniformNullVariance() {
        if (scale == null) {
            return Outcome.undefined("rwg needs the rating scale for its uniform null");
        }
        double a = scale.optionCount();
        return Outcome.defined((a * a - 1) / 12 * scale.step() * scale.step());
    }

    /** rwg = 1 − s² / σ²_EU, untruncated (negative when ratings are more spread than uniform). */
    public Outcome<Double> rwg() {
        Outcome<Double> nullVariance = uniformNullVariance();
        if (!nullVariance.isDefined()) {
            return nullVariance;
        }
        if (sorted.length < 2) {
            return tooFew("rwg (its variance)");
        }
        return Outcome.defined(1 - variance / nullVariance.orElseThrow());
    }

    /** max(0, {@link #rwg()}): negative values read as no agreement, as James et al. (1984) advise. */
    public Outcome<Double> rwgTruncated() {
        return rwg().map(r -> Math.max(0, r));
    }

    private static Outcome<Double> noRatings() {
        return Outcome.undefined("the cell has no ratings");
    }

    private Outcome<Double> tooFew(String what) {
        return Outcome.undefined(what + " needs at least two ratings, the cell has " + sorted.length);
    }

    @Override
    public String toString() {
        return "CellStatistics[n=" + sorted.length + ", type=" + quantileType.number() + ", values="
                + Arrays.toString(sorted) + "]";
    }

    /**
     * How many ratings fell on each option of a scale.
     *
     * @param scale the scale
     * @param counts one count per option, lowest option first
     */
    public record Histogram(Scale scale, List<Integer> counts) {

        public Histogram {
            counts = List.copyOf(counts);
            if (counts.size() != scale.optionCount()) {
                throw new IllegalArgumentException(
                        "a histogram needs " + scale.optionCount() + " counts, got " + counts.size());
            }
            for (int count : counts) {
                if (count < 0) {
                    throw new IllegalArgumentException("counts cannot be negative");
                }
            }
        }

        /** The count at option {@code index} (0-based; the grade is {@code scale.option(index)}). */
        public int count(int index) {
            return counts.get(index);
        }

        /** The count at a grade of the scale. */
        public int countOf(double grade) {
            int index = scale.indexOf(grade);
            if (index < 0) {
                throw new IllegalArgumentException(grade + " is not an option of the scale");
            }
            return counts.get(index);
        }

        public int total() {
            int total = 0;
            for (int count : counts) {
                total += count;
            }
            return total;
        }
    }
}
