package org.delphipanel.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reliability data: units (the rated cells) by raters, each entry a value or missing. Immutable and
 * thread-safe once built. Units and raters keep the order in which they were first added.
 *
 * <p>Internally a missing entry is NaN in a dense row-major array (units x raters), which keeps the
 * statistics' inner loops free of boxing; NaN never leaves this class as a value.
 */
public final class RatingTable {

    private final List<String> units;
    private final List<String> raters;
    private final Map<String, Integer> unitIndex;
    private final Map<String, Integer> raterIndex;
    private final double[] values;
    private final int ratingCount;

    private RatingTable(List<String> units, List<String> raters, double[] values) {
        this.units = List.copyOf(units);
        this.raters = List.copyOf(raters);
        this.unitIndex = indexOf(this.units);
        this.raterIndex = indexOf(this.raters);
        this.values = values;
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                count++;
            }
        }
        this.ratingCount = count;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A table from a dense matrix {@code values[unit][rater]}, where {@code null} marks a missing
     * rating; units and raters are named "1", "2", ... in order.
     */
    public static RatingTable ofMatrix(Double[][] values) {
        Builder builder = builder();
        for (int u = 0; u < values.length; u++) {
            for (int r = 0; r < values[u].length; r++) {
                if (values[u][r] != null) {
                    builder.add(String.valueOf(u + 1), String.valueOf(r + 1), values[u][r]);
                }
            }
        }
        return builder.build();
    }

    /** A complete table from {@code values[unit][rater]}; units and raters are named "1", "2", ... */
    public static RatingTable ofComplete(double[][] values) {
        Builder builder = builder();
        for (int u = 0; u < values.length; u++) {
            for (int r = 0; r < values[u].length; r++) {
                builder.add(String.valueOf(u + 1), String.valueOf(r + 1), values[u][r]);
            }
        }
        return builder.build();
    }

    public List<String> units() {
        return units;
    }

    public List<String> raters() {
        return raters;
    }

    public int unitCount() {
        return units.size();
    }

    public int raterCount() {
        return raters.size();
    }

    /** The number of ratings present (not missing). */
    public int ratingCount() {
        return ratingCount;
    }

    /** True when every unit has a rating from every rater. */
    public boolean isComplete() {
        return ratingCount == units.size() * raters.size();
    }

    public boolean has(int unit, int rater) {
        return !Double.isNaN(values[unit * raters.size() + rater]);
    }

    /** The rating of {@code unit} by {@code rater} (indices); check {@link #has} first. */
    public double value(int unit, int rater) {
        double v = values[unit * raters.size() + rater];
        if (Double.isNaN(v)) {
            throw new IllegalStateException(
                    "unit " + units.get(unit) + " has no rating from rater " + raters.get(rater));
        }
        return v;
    }

    public int unitIndex(String unit) {
        Integer index = unitIndex.get(unit);
        if (index == null) {
            throw new IllegalArgumentException("no unit " + unit);
        }
        return index;
    }

    public int raterIndex(String rater) {
        Integer index = raterIndex.get(rater);
        if (index == null) {
            throw new IllegalArgumentException("no rater " + rater);
        }
        return index;
    }

    /** The ratings present for one unit, in rater order (a fresh array). */
    public double[] unitValues(int unit) {
        int r = raters.size();
        double[] out = new double[r];
        int n = 0;
        for (int j = 0; j < r; j++) {
            double v = values[unit * r + j];
            if (!Double.isNaN(v)) {
                out[n++] = v;
            }
        }
        return n == r ? out : Arrays.copyOf(out, n);
    }

    /** Every rating present, unit by unit (a fresh array). */
    public double[] allValues() {
        double[] out = new double[ratingCount];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[n++] = v;
            }
        }
        return out;
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        return Map.copyOf(index);
    }

    /** Collects (unit, rater, value) triples; a second value for the same pair is refused. */
    public static final class Builder {
        private final Map<String, Integer> units = new LinkedHashMap<>();
        private final Map<String, Integer> raters = new LinkedHashMap<>();
        private final List<int[]> cells = new ArrayList<>();
        private final List<Double> cellValues = new ArrayList<>();
        private final java.util.Set<Long> seen = new java.util.HashSet<>();

        private Builder() {
        }

        public Builder add(String unit, String rater, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(
                        "rating of unit " + unit + " by rater " + rater + " must be a finite number, was " + value);
            }
            int u = units.computeIfAbsent(unit, key -> units.size());
            int r = raters.computeIfAbsent(rater, key -> raters.size());
            if (!seen.add(((long) u << 32) | r)) {
                throw new IllegalArgumentException("unit " + unit + " already has a rating from rater " + rater);
            }
            cells.add(new int[] {u, r});
            cellValues.add(value);
            return this;
        }

        /** Declares a unit even if it has no rating, so it counts among the units. */
        public Builder unit(String unit) {
            units.computeIfAbsent(unit, key -> units.size());
            return this;
        }

        /** Declares a rater even if they rated nothing. */
        public Builder rater(String rater) {
            raters.computeIfAbsent(rater, key -> raters.size());
            return this;
        }

        public RatingTable build() {
            int raterCount = raters.size();
            double[] values = new double[units.size() * raterCount];
            Arrays.fill(values, Double.NaN);
            for (int i = 0; i < cells.size(); i++) {
                int[] cell = cells.get(i);
                values[cell[0] * raterCount + cell[1]] = cellValues.get(i);
            }
            return new RatingTable(new ArrayList<>(units.keySet()), new ArrayList<>(raters.keySet()), values);
        }
    }
}
