package org.delphipanel.framework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.delphipanel.stats.Scale;

/**
 * The scale of a leaf criterion: grades from {@code min} to {@code max} in steps of {@code step}, and
 * the descriptor text of every whole grade in that range (0 to 5 for the SaferAI rubric).
 *
 * <p>The bounds are kept as {@link BigDecimal} without trailing zeros, so a scale read back from the
 * database ({@code 0.1000}) equals the one read from the file ({@code 0.1}).
 *
 * @param levels descriptor per whole grade; exactly the whole numbers between min and max
 */
public record ScaleDefinition(BigDecimal min, BigDecimal max, BigDecimal step, SortedMap<Integer, String> levels) {

    public ScaleDefinition {
        min = normalise(Objects.requireNonNull(min, "min"));
        max = normalise(Objects.requireNonNull(max, "max"));
        step = normalise(Objects.requireNonNull(step, "step"));
        Objects.requireNonNull(levels, "levels");
        String problem = rangeProblem(min, max, step);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        var expected = wholeGrades(min, max);
        if (!levels.keySet().equals(new java.util.TreeSet<>(expected))) {
            throw new IllegalArgumentException("descriptors are needed for exactly the whole grades " + expected
                    + ", got " + levels.keySet());
        }
        levels.forEach((grade, text) -> {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("the descriptor of grade " + grade + " is blank");
            }
        });
        levels = Collections.unmodifiableSortedMap(new TreeMap<>(levels));
    }

    /** A scale from its bounds and the descriptors in grade order, the first for the lowest whole grade. */
    public static ScaleDefinition of(String min, String max, String step, String... descriptors) {
        var lowest = new BigDecimal(min).setScale(0, RoundingMode.CEILING).intValueExact();
        var levels = new TreeMap<Integer, String>();
        for (int i = 0; i < descriptors.length; i++) {
            levels.put(lowest + i, descriptors[i]);
        }
        return new ScaleDefinition(new BigDecimal(min), new BigDecimal(max), new BigDecimal(step), levels);
    }

    /** Why these bounds make no scale, or null when they do; shared with the file validator. */
    static String rangeProblem(BigDecimal min, BigDecimal max, BigDecimal step) {
        List<String> problems = new ArrayList<>();
        if (min.compareTo(max) >= 0) {
            problems.add("scale min " + min.toPlainString() + " must be below max " + max.toPlainString());
        }
        if (step.signum() <= 0) {
            problems.add("scale step must be positive, was " + step.toPlainString());
        } else if (min.compareTo(max) < 0 && max.subtract(min).remainder(step).signum() != 0) {
            problems.add("scale range " + min.toPlainString() + ".." + max.toPlainString()
                    + " is not a whole number of steps of " + step.toPlainString());
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** The whole numbers from min to max, both included when whole: the grades that need a descriptor. */
    static List<Integer> wholeGrades(BigDecimal min, BigDecimal max) {
        int from = min.setScale(0, RoundingMode.CEILING).intValueExact();
        int to = max.setScale(0, RoundingMode.FLOOR).intValueExact();
        List<Integer> grades = new ArrayList<>();
        for (int grade = from; grade <= to; grade++) {
            grades.add(grade);
        }
        return grades;
    }

    static BigDecimal normalise(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public List<Integer> wholeGrades() {
        return wholeGrades(min, max);
    }

    public Optional<String> descriptor(int grade) {
        return Optional.ofNullable(levels.get(grade));
    }

    public double minValue() {
        return min.doubleValue();
    }

    public double maxValue() {
        return max.doubleValue();
    }

    public double stepValue() {
        return step.doubleValue();
    }

    /** The same scale as the statistics package sees it. */
    public Scale toScale() {
        return new Scale(minValue(), maxValue(), stepValue());
    }

    /** {@code 0–5, step 0.1}. */
    public String label() {
        return min.toPlainString() + "–" + max.toPlainString() + ", step " + step.toPlainString();
    }

    /** The descriptors in grade order, as entries, for display. */
    public List<Map.Entry<Integer, String>> levelEntries() {
        return List.copyOf(levels.entrySet());
    }
}
