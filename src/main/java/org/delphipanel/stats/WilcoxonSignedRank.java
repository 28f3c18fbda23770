package org.delphipanel.stats;

import java.util.Arrays;
import org.apache.commons.math3.special.Erf;

/**
 * The Wilcoxon signed-rank test on paired ratings, with V defined as R's
 * {@code wilcox.test(later, earlier, paired = TRUE)} defines it. Wilcoxon F (1945), "Individual
 * comparisons by ranking methods", Biometrics Bulletin 1(6), 80–83, doi:10.2307/3001968; tie-corrected
 * variance and the conditional exact test as in Hollander, Wolfe &amp; Chicken (2014), Nonparametric
 * Statistical Methods, 3rd ed., Wiley, ch. 3. Immutable and thread-safe.
 *
 * <p>Steps:
 * <ol>
 * <li>d = later − earlier for each pair, rounded to 9 decimals so that differences equal on paper
 *     (2.3 − 1.8 and 4.0 − 3.5) are equal here. R compares the raw binary doubles (its
 *     {@code digits.rank = Inf}), which can split such ties; on ratings with one decimal this rounding is
 *     the only departure from R;
 * <li>zero differences are dropped (R's behaviour, scipy's {@code zero_method='wilcox'}); n = number of
 *     non-zero differences;
 * <li>|d| ranked 1..n, tied |d| getting the mean of their ranks (mid-ranks);
 * <li>V = sum of the ranks of the positive d (W+; W− = n(n+1)/2 − V).
 * </ol>
 *
 * <p>p-values, all two-sided and capped at 1:
 * <ul>
 * <li>normal approximation: E[V] = n(n+1)/4, Var[V] = n(n+1)(2n+1)/24 − Σ(t³ − t)/48 over the tie groups
 *     of |d| (size t); z = (V − E[V] − c) / sqrt(Var[V]) and p = 2 · (1 − Φ(|z|)), with c = 0 without
 *     continuity correction and c = 0.5 · sign(V − E[V]) with it (R's {@code correct = TRUE});
 * <li>exact, conditional on the observed mid-ranks: under H0 each of the 2ⁿ sign assignments of the
 *     ranks is equally likely; their W+ distribution is built by convolution over the doubled ranks
 *     (integers even with .5 mid-ranks), and p = 2 · min(P(W+ &lt;= V), P(W+ &gt;= V)). Without ties or
 *     zeros this equals R's exact {@code psignrank} p-value. Counts are exact in 64-bit integers up to
 *     n = {@value #EXACT_LIMIT}; beyond that the exact p is undefined ("too many pairs for exact
 *     enumeration").
 * </ul>
 *
 * <p>scipy's {@code scipy.stats.wilcoxon} reports min(W+, W−) as its statistic for a two-sided test,
 * not V; its p-values with {@code zero_method='wilcox'} and {@code method='approx'} agree with the ones
 * here.
 *
 * <p>Undefined (the whole test, with the reason) when there are no non-zero differences.
 */
public final class WilcoxonSignedRank {

    /** The largest number of non-zero differences for which the exact p-value is computed. */
    public static final int EXACT_LIMIT = 60;

    private static final double ROUNDING = 1e9;

    private final int pairs;
    private final int n;
    private final double v;
    private final double variance;
    private final int tieGroups;
    private final Outcome<Double> exactP;

    private WilcoxonSignedRank(int pairs, int n, double v, double variance, int tieGroups, Outcome<Double> exactP) {
        this.pairs = pairs;
        this.n = n;
        this.v = v;
        this.variance = variance;
        this.tieGroups = tieGroups;
        this.exactP = exactP;
    }

    /**
     * The test on pairs (later[i], earlier[i]).
     *
     * @throws IllegalArgumentException when the arrays differ in length or hold a non-finite value
     */
    public static Outcome<WilcoxonSignedRank> paired(double[] later, double[] earlier) {
        if (later.length != earlier.length) {
            throw new IllegalArgumentException(
                    "paired samples need equal lengths, got " + later.length + " and " + earlier.length);
        }
        double[] differences = new double[later.length];
        for (int i = 0; i < later.length; i++) {
            if (!Double.isFinite(later[i]) || !Double.isFinite(earlier[i])) {
                throw new IllegalArgumentException("paired ratings must be finite numbers");
            }
            differences[i] = later[i] - earlier[i];
        }
        return ofDifferences(differences);
    }

    /** The test on differences d = later − earlier already formed. */
    public static Outcome<WilcoxonSignedRank> ofDifferences(double[] differences) {
        double[] nonZero = new double[differences.length];
        int n = 0;
        for (double d : differences) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("differences must be finite numbers, got " + d);
            }
            double rounded = round(d);
            if (rounded != 0) {
                nonZero[n++] = rounded;
            }
        }
        if (n == 0) {
            return Outcome.undefined(differences.length == 0 ? "no pairs"
                    : "no non-zero differences among " + differences.length + " pairs");
        }
        double[] d = Arrays.copyOf(nonZero, n);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(d[a]), Math.abs(d[b])));
        // Doubled mid-ranks: a tie group at sorted positions i..j (1-based) has rank (i + j) / 2.
        int[] doubledRank = new int[n];
        long tieSum = 0;
        int tieGroups = 0;
        for (int start = 0; start < n;) {
            int end = start;
            while (end + 1 < n && Math.abs(d[order[end + 1]]) == Math.abs(d[order[start]])) {
                end++;
            }
            int t = end - start + 1;
            for (int k = start; k <= end; k++) {
                doubledRank[order[k]] = (start + 1) + (end + 1);
            }
            if (t > 1) {
                tieSum += (long) t * t * t - t;
                tieGroups++;
            }
            start = end + 1;
        }
        long doubledV = 0;
        for (int i = 0; i < n; i++) {
            if (d[i] > 0) {
                doubledV += doubledRank[i];
            }
        }
        double variance = n * (n + 1.0) * (2 * n + 1.0) / 24 - tieSum / 48.0;
        Outcome<Double> exact = n > EXACT_LIMIT
                ? Outcome.undefined("too many pairs for exact enumeration (" + n + " non-zero differences, limit "
                        + EXACT_LIMIT + ")")
                : Outcome.defined(exactP(doubledRank, doubledV));
        return Outcome.defined(new WilcoxonSignedRank(differences.length, n, doubledV / 2.0, variance, tieGroups,
                exact));
    }

    private static double round(double d) {
        return Math.rint(d * ROUNDING) / ROUNDING;
    }

    private static double exactP(int[] doubledRank, long doubledV) {
        int total = 0;
        for (int r : doubledRank) {
            total += r;
        }
        // counts[s]: sign assignments whose doubled W+ is s; at most 2^60, so longs are exact.
        long[] counts = new long[total + 1];
        counts[0] = 1;
        int reach = 0;
        for (int r : doubledRank) {
            reach += r;
            for (int s = reach; s >= r; s--) {
                counts[s] += counts[s - r];
            }
        }
        long atMost = 0;
        long atLeast = 0;
        for (int s = 0; s <= total; s++) {
            if (s <= doubledV) {
                atMost += counts[s];
            }
            if (s >= doubledV) {
                atLeast += counts[s];
            }
        }
        double all = Math.scalb(1.0, doubledRank.length);
        return Math.min(1, 2 * Math.min(atMost, atLeast) / all);
    }

    /** The number of pairs given, zero differences included. */
    public int pairs() {
        return pairs;
    }

    /** The number of zero differences, dropped before ranking. */
    public int zeroDifferences() {
        return pairs - n;
    }

    /** n, the number of non-zero differences ranked. */
    public int nonZero() {
        return n;
    }

    /** V = W+, the sum of the mid-ranks of the positive differences (R's statistic). */
    public double v() {
        return v;
    }

    /** W− = n(n+1)/2 − V, the sum of the ranks of the negative differences. */
    public double wMinus() {
        return n * (n + 1) / 2.0 - v;
    }

    /** min(W+, W−), the statistic scipy reports for a two-sided test. */
    public double minimumRankSum() {
        return Math.min(v, wMinus());
    }

    /** The number of groups of tied |d| (of size &gt; 1). */
    public int tieGroups() {
        return tieGroups;
    }

    /** E[V] = n(n+1)/4. */
    public double expectedV() {
        return n * (n + 1) / 4.0;
    }

    /** The tie-corrected Var[V] = n(n+1)(2n+1)/24 − Σ(t³ − t)/48; always positive when n &gt;= 1. */
    public double varianceV() {
        return variance;
    }

    /** z without continuity correction. */
    public double z() {
        return (v - expectedV()) / Math.sqrt(variance);
    }

    /** z with R's continuity correction 0.5 · sign(V − E[V]). */
    public double zCorrected() {
        double centred = v - expectedV();
        return (centred - 0.5 * Math.signum(centred)) / Math.sqrt(variance);
    }

    /** Two-sided normal-approximation p without continuity correction. */
    public double pNormal() {
        return twoSided(z());
    }

    /** Two-sided normal-approximation p with continuity correction (R's default). */
    public double pNormalCorrected() {
        return twoSided(zCorrected());
    }

    /** Two-sided exact p conditional on the observed mid-ranks; undefined beyond {@value #EXACT_LIMIT}. */
    public Outcome<Double> pExact() {
        return exactP;
    }

    private static double twoSided(double z) {
        return Math.min(1, Erf.erfc(Math.abs(z) / Math.sqrt(2)));
    }

    @Override
    public String toString() {
        return "WilcoxonSignedRank[pairs=" + pairs + ", n=" + n + ", V=" + v + ", p=" + pNormal() + ", pCorrected="
                + pNormalCorrected() + ", pExact=" + exactP + "]";
    }
}
