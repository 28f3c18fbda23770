package org.delphipanel.stats;

import java.util.Arrays;

/**
 * Sample quantiles by a named {@link QuantileType}. Stateless and thread-safe.
 *
 * <p>The median is the same for types 6 and 7 (the middle value, or the mean of the two middle
 * values); quartiles differ on small samples, which is why every output names its type.
 */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * The p-quantile of {@code values}, which need not be sorted and are not modified.
     *
     * @throws IllegalArgumentException when values is empty, p is outside [0, 1] or a value is NaN
     */
    public static double of(double[] values, double p, QuantileType type) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, p, type);
    }

    /** As {@link #of} for values already sorted ascending (not checked, for speed in loops). */
    public static double ofSorted(double[] sorted, double p, QuantileType type) {
        return ofSorted(sorted, sorted.length, p, type);
    }

    /**
     * As {@link #of} over the first {@code n} entries of an ascending array, so that bootstrap
     * loops can reuse one scratch buffer instead of allocating a sample per replicate.
     */
    public static double ofSorted(double[] sorted, int n, double p, QuantileType type) {
        if (n <= 0) {
            throw new IllegalArgumentException("a quantile needs at least one value");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must lie in [0, 1], was " + p);
        }
        double h = type.position(n, p);
        if (h <= 1) {
            return sorted[0];
        }
        if (h >= n) {
            return sorted[n - 1];
        }
        int lower = (int) Math.floor(h);
        double fraction = h - lower;
        double below = sorted[lower - 1];
        double above = sorted[lower];
        return below + fraction * (above - below);
    }

    /** The median: the same under every Hyndman-Fan type from 5 to 9. */
    public static double median(double[] values) {
        return of(values, 0.5, QuantileType.TYPE_7);
    }
}
