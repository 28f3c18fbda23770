package org.delphipanel.stats;

import java.util.Arrays;

/**
 * The ratings of a {@link RatingTable} coded as category indices, for the agreement statistics that
 * count ratings per category. The categories are either the distinct observed values, ascending, or
 * the options of a {@link Scale} (used or not).
 *
 * <p>Built once per call and then read-only; not shared between threads by the callers.
 */
final class RatingCategories {

    /** Up to this many distinct values are collected by insertion into a small sorted array. */
    private static final int SMALL_DISTINCT = 512;

    private final double[] values;
    private final int[] codes;
    private final int units;
    private final int raters;

    private RatingCategories(double[] values, int[] codes, int units, int raters) {
        this.values = values;
        this.codes = codes;
        this.units = units;
        this.raters = raters;
    }

    /** Categories = the distinct values present in the table, ascending. */
    static RatingCategories observed(RatingTable table) {
        double[] distinct = distinctValues(table);
        int units = table.unitCount();
        int raters = table.raterCount();
        int[] codes = new int[units * raters];
        for (int u = 0; u < units; u++) {
            for (int r = 0; r < raters; r++) {
                // + 0.0 folds -0.0 into 0.0, which binarySearch would otherwise tell apart
                codes[u * raters + r] = table.has(u, r) ? Arrays.binarySearch(distinct, table.value(u, r) + 0.0) : -1;
            }
        }
        return new RatingCategories(distinct, codes, units, raters);
    }

    /**
     * Categories = the options of {@code scale}.
     *
     * @throws IllegalArgumentException when a rating is not one of the scale's options
     */
    static RatingCategories onScale(RatingTable table, Scale scale) {
        int count = scale.optionCount();
        double[] options = new double[count];
        for (int i = 0; i < count; i++) {
            options[i] = scale.option(i);
        }
        int units = table.unitCount();
        int raters = table.raterCount();
        int[] codes = new int[units * raters];
        for (int u = 0; u < units; u++) {
            for (int r = 0; r < raters; r++) {
                if (!table.has(u, r)) {
                    codes[u * raters + r] = -1;
                    continue;
                }
                double v = table.value(u, r);
                int index = scale.indexOf(v);
                if (index < 0) {
                    throw new IllegalArgumentException("rating " + v + " of unit " + table.units().get(u)
                            + " by rater " + table.raters().get(r) + " is not an option of the scale " + scale);
                }
                codes[u * raters + r] = index;
            }
        }
        return new RatingCategories(options, codes, units, raters);
    }

    static RatingCategories of(RatingTable table, Scale scale) {
        return scale == null ? observed(table) : onScale(table, scale);
    }

    /** The number of categories. */
    int count() {
        return values.length;
    }

    /** The value of category {@code c}. */
    double value(int c) {
        return values[c];
    }

    /** The category of the rating of {@code unit} by {@code rater}, or -1 when missing. */
    int code(int unit, int rater) {
        return codes[unit * raters + rater];
    }

    int units() {
        return units;
    }

    int raters() {
        return raters;
    }

    /** counts[u * count() + c] = the number of ratings of unit u in category c. */
    int[] unitCounts() {
        int k = values.length;
        int[] counts = new int[units * k];
        for (int u = 0; u < units; u++) {
            for (int r = 0; r < raters; r++) {
                int c = codes[u * raters + r];
                if (c >= 0) {
                    counts[u * k + c]++;
                }
            }
        }
        return counts;
    }

    /**
     * The distinct values, ascending. Rating scales have few distinct values, so they are collected by
     * binary search and insertion into a small sorted array (no boxing, no hashing); past
     * {@value #SMALL_DISTINCT} distinct values this falls back to sorting a copy of all values.
     */
    private static double[] distinctValues(RatingTable table) {
        double[] distinct = new double[16];
        int size = 0;
        int units = table.unitCount();
        int raters = table.raterCount();
        for (int u = 0; u < units; u++) {
            for (int r = 0; r < raters; r++) {
                if (!table.has(u, r)) {
                    continue;
                }
                double v = table.value(u, r) + 0.0;
                int at = Arrays.binarySearch(distinct, 0, size, v);
                if (at >= 0) {
                    continue;
                }
                if (size == SMALL_DISTINCT) {
                    return sortedDistinct(table.allValues());
                }
                int insert = -at - 1;
                if (size == distinct.length) {
                    distinct = Arrays.copyOf(distinct, size * 2);
                }
                System.arraycopy(distinct, insert, distinct, insert + 1, size - insert);
                distinct[insert] = v;
                size++;
            }
        }
        return Arrays.copyOf(distinct, size);
    }

    private static double[] sortedDistinct(double[] all) {
        for (int i = 0; i < all.length; i++) {
            all[i] += 0.0;
        }
        Arrays.sort(all);
        int size = 0;
        for (int i = 0; i < all.length; i++) {
            if (size == 0 || all[i] != all[size - 1]) {
                all[size++] = all[i];
            }
        }
        return Arrays.copyOf(all, size);
    }
}
