package org.delphipanel.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A named range of overall scores. A score s is in the band when {@code lower < s <= upper}, or also
 * when {@code s == lower} if the band is lower-inclusive: the upper bound always belongs to the band,
 * so a score exactly on a boundary between two bands goes to the lower band.
 */
public record Band(String label, BigDecimal lower, BigDecimal upper, boolean lowerInclusive) {

    /** Scores this close to a boundary count as on it, so 3.0000000000000004 from a weighted mean is 3. */
    public static final double BOUNDARY_TOLERANCE = 1e-9;

    public Band {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("a band needs a label");
        }
        lower = ScaleDefinition.normalise(Objects.requireNonNull(lower, "lower"));
        upper = ScaleDefinition.normalise(Objects.requireNonNull(upper, "upper"));
        String problem = problem(lower, upper, lowerInclusive);
        if (problem != null) {
            throw new IllegalArgumentException("band '" + label + "': " + problem);
        }
    }

    static String problem(BigDecimal lower, BigDecimal upper, boolean lowerInclusive) {
        int order = lower.compareTo(upper);
        if (order > 0) {
            return "lower " + lower.toPlainString() + " is above upper " + upper.toPlainString();
        }
        if (order == 0 && !lowerInclusive) {
            return "(" + lower.toPlainString() + ", " + upper.toPlainString()
                    + "] contains no score; a single-point band must be lowerInclusive";
        }
        return null;
    }

    public double lowerValue() {
        return lower.doubleValue();
    }

    public double upperValue() {
        return upper.doubleValue();
    }

    /** Whether the score lies in this band, by the exact rule above (no tolerance). */
    public boolean contains(double score) {
        return (lowerInclusive ? score >= lowerValue() : score > lowerValue()) && score <= upperValue();
    }

    /** Interval notation: {@code [0, 0]}, {@code (0, 1]}. */
    public String interval() {
        return (lowerInclusive ? "[" : "(") + lower.toPlainString() + ", " + upper.toPlainString() + "]";
    }

    /**
     * The reasons why these bands, in this order, do not cover the scores from {@code min} to
     * {@code max} exactly once each (gaps, overlaps, ranges beyond the scores, repeated labels);
     * empty when they do. An empty list of bands is allowed: such a rubric has no bands.
     */
    static List<String> coverageProblems(List<Band> bands, double min, double max) {
        List<String> problems = new ArrayList<>();
        var labels = new HashSet<String>();
        for (Band band : bands) {
            if (!labels.add(band.label())) {
                problems.add("band label '" + band.label() + "' is used twice");
            }
        }
        if (bands.isEmpty()) {
            return problems;
        }
        Band first = bands.getFirst();
        if (!near(first.lowerValue(), min) || !first.lowerInclusive()) {
            problems.add("the lowest band '" + first.label() + "' " + first.interval()
                    + " must start at the lowest possible score " + plain(min) + " and be lowerInclusive");
        }
        for (int i = 1; i < bands.size(); i++) {
            Band previous = bands.get(i - 1);
            Band next = bands.get(i);
            double gapFrom = previous.upperValue();
            double gapTo = next.lowerValue();
            if (gapTo < gapFrom - BOUNDARY_TOLERANCE) {
                problems.add("bands '" + previous.label() + "' " + previous.interval() + " and '" + next.label()
                        + "' " + next.interval() + " overlap (list bands from the lowest to the highest)");
            } else if (gapTo > gapFrom + BOUNDARY_TOLERANCE) {
                problems.add("scores between " + plain(gapFrom) + " and " + plain(gapTo) + " fall in no band (gap between '"
                        + previous.label() + "' and '" + next.label() + "')");
            } else if (next.lowerInclusive()) {
                problems.add("bands '" + previous.label() + "' and '" + next.label() + "' both contain the score "
                        + plain(gapFrom) + " (upper bounds are inclusive, so '" + next.label()
                        + "' must not be lowerInclusive)");
            }
        }
        Band last = bands.getLast();
        if (!near(last.upperValue(), max)) {
            problems.add("the highest band '" + last.label() + "' " + last.interval()
                    + " must end at the highest possible score " + plain(max));
        }
        return problems;
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= BOUNDARY_TOLERANCE;
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
