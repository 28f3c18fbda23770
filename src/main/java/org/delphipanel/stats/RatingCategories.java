package org.delphipanel.stats;

import java.util.Arrays;

/**
 * The ratings of a {@link RatingTable} coded as category indices, unit by unit, for the agreement
 * statistics that count ratings per category and never need to know which rater gave which rating.
 * The categories are either the distinct observed values, ascending, or the options of a {@link Scale}
 * (used or not).
 *
 * <p>Built once per call and then read-only; not shared between threads by the callers.
 */
final class RatingCategories {

    private final double[] values;
    /** Ratings of unit u are codes[unitStart[u] .. unitStart[u + 1]). */
    private final int[] unitStart;
    private final int[] codes;

    private RatingCategories(double[] values, int[] unitStart, int[] codes) {
        this.values = values;
        this.unitStart = unitStart;
        this.codes = codes;
    }

    /**
     * Categories = the distinct values present in the table, ascending. Each rating is looked up once in
     * a small open-addressing table keyed by the value's bits (no boxing, no java.util maps), then the
     * provisional ids are renumbered in ascending order of value.
     */
    static RatingCategories observed(RatingTable table) {
        int units = table.unitCount();
        int[] starts = new int[units + 1];
        int[] ids = new int[table.ratingCount()];
        ValueIds distinct = new ValueIds();
        int at = 0;
        for (int u = 0; u < units; u++) {
            starts[u] = at;
            for (double v : table.unitValues(u)) {
                ids[at++] = distinct.idOf(v + 0.0); // + 0.0 folds -0.0 into 0.0
            }
        }
        starts[units] = at;
        int k = distinct.size();
        double[] sorted = Arrays.copyOf(distinct.values, k);
        Arrays.sort(sorted);
        int[] rankOfId = new int[k];
        for (int id = 0; id < k; id++) {
            rankOfId[id] = Arrays.binarySearch(sorted, distinct.values[id]);
        }
        for (int i = 0; i < at; i++) {
            ids[i] = rankOfId[ids[i]];
        }
        return new RatingCategories(sorted, starts, ids);
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
        int[] starts = new int[units + 1];
        int[] codes = new int[table.ratingCount()];
        int at = 0;
        for (int u = 0; u < units; u++) {
            starts[u] = at;
            for (double v : table.unitValues(u)) {
                int index = scale.indexOf(v);
                if (index < 0) {
                    throw new IllegalArgumentException("rating " + v + " of unit " + table.units().get(u)
                            + " is not an option of the scale " + scale);
                }
                codes[at++] = index;
            }
        }
        starts[units] = at;
        return new RatingCategories(options, starts, codes);
    }

    /** The number of categories. */
    int count() {
        return values.length;
    }

    /** The value of category {@code c}. */
    double value(int c) {
        return values[c];
    }

    int units() {
        return unitStart.length - 1;
    }

    /** Index of the first rating of unit u; unit u's ratings end where unit u + 1's begin. */
    int unitStart(int u) {
        return unitStart[u];
    }

    /** The category of rating {@code i} (ratings numbered unit by unit). */
    int code(int i) {
        return codes[i];
    }

    /** counts[u * count() + c] = the number of ratings of unit u in category c. */
    int[] unitCounts() {
        int k = values.length;
        int units = units();
        int[] counts = new int[units * k];
        for (int u = 0; u < units; u++) {
            for (int i = unitStart[u]; i < unitStart[u + 1]; i++) {
                counts[u * k + codes[i]]++;
            }
        }
        return counts;
    }

    /** Provisional ids of distinct values in order of first appearance: linear probing on the bits. */
    private static final class ValueIds {
        private long[] keys = new long[128];
        private int[] slots = new int[128];
        private double[] values = new double[64];
        private int size;

        ValueIds() {
            Arrays.fill(slots, -1);
        }

        int size() {
            return size;
        }

        int idOf(double value) {
            long bits = Double.doubleToLongBits(value);
            int mask = slots.length - 1;
            int i = mix(bits) & mask;
            while (slots[i] >= 0) {
                if (keys[i] == bits) {
                    return slots[i];
                }
                i = (i + 1) & mask;
            }
            int id = size++;
            keys[i] = bits;
            slots[i] = id;
            if (id == values.length) {
                values = Arrays.copyOf(values, id * 2);
            }
            values[id] = value;
            if (size * 2 > slots.length) {
                grow();
            }
            return id;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldSlots = slots;
            keys = new long[oldKeys.length * 2];
            slots = new int[oldSlots.length * 2];
            Arrays.fill(slots, -1);
            int mask = slots.length - 1;
            for (int j = 0; j < oldSlots.length; j++) {
                if (oldSlots[j] >= 0) {
                    int i = mix(oldKeys[j]) & mask;
                    while (slots[i] >= 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    slots[i] = oldSlots[j];
                }
            }
        }

        private static int mix(long bits) {
            long h = bits * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
