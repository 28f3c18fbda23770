package org.delphipanel.stats;

/**
 * A rating scale: values from {@code min} to {@code max} in steps of {@code step} (0 to 5 in steps of
 * 0.1 for the SaferAI rubric). Immutable.
 *
 * @param min the lowest grade
 * @param max the highest grade, above min
 * @param step the smallest difference between two grades; (max - min) must be a whole number of steps
 */
public record Scale(double min, double max, double step) {

    /** Tolerance for deciding that a value lies on a step, relative to the step. */
    private static final double ON_STEP_TOLERANCE = 1e-9;

    public Scale {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("scale bounds and step must be finite numbers");
        }
        if (min >= max) {
            throw new IllegalArgumentException("scale min " + min + " must be below max " + max);
        }
        if (step <= 0) {
            throw new IllegalArgumentException("scale step must be positive, was " + step);
        }
        double steps = (max - min) / step;
        if (Math.abs(steps - Math.rint(steps)) > ON_STEP_TOLERANCE * Math.max(1, steps)) {
            throw new IllegalArgumentException(
                    "scale range " + min + ".." + max + " is not a whole number of steps of " + step);
        }
    }

    /** Parses {@code MIN:MAX:STEP}, the form the CLI's {@code --scale} option takes. */
    public static Scale parse(String text) {
        String[] parts = text.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("scale must be MIN:MAX:STEP, was '" + text + "'");
        }
        try {
            return new Scale(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scale must be MIN:MAX:STEP with numbers, was '" + text + "'", e);
        }
    }

    /** A, the number of distinct grades on the scale: (max - min) / step + 1. */
    public int optionCount() {
        return (int) Math.rint((max - min) / step) + 1;
    }

    /** The grade of option {@code index} (0-based), computed without accumulating rounding error. */
    public double option(int index) {
        if (index < 0 || index >= optionCount()) {
            throw new IndexOutOfBoundsException("option " + index + " of " + optionCount());
        }
        return index == optionCount() - 1 ? max : min + index * step;
    }

    /** The 0-based option index of a value on the scale, or -1 when it is off the scale or between steps. */
    public int indexOf(double value) {
        if (!Double.isFinite(value)) {
            return -1;
        }
        double position = (value - min) / step;
        long nearest = Math.round(position);
        if (Math.abs(position - nearest) > 1e-6 || nearest < 0 || nearest >= optionCount()) {
            return -1;
        }
        return (int) nearest;
    }

    public boolean contains(double value) {
        return indexOf(value) >= 0;
    }

    /** The 0 to 5 scale in steps of 0.1 used by every criterion of the SaferAI rubric. */
    public static Scale saferAi() {
        return new Scale(0, 5, 0.1);
    }
}
