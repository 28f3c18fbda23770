package org.delphipanel.rating;

import java.math.BigDecimal;
import java.util.Optional;
import org.delphipanel.study.RationalePolicy;
import org.delphipanel.study.StudyRules;
import org.jspecify.annotations.Nullable;

/** The study's rules applied to one cell: whether it is settled, and when a rationale is required. */
final class CellRules {

    /** Allowance for binary rounding when a grade is compared with a quartile or the median. */
    private static final double TOLERANCE = 1e-9;

    private CellRules() {
    }

    /**
     * The earlier result that settles a cell: when the study does not carry consensus cells forward
     * and the previous round's snapshot shows consensus on it (itself possibly carried from further back).
     */
    static Optional<CellSnapshot> settledBy(StudyRules rules, Optional<RoundSnapshot> previous, CellKey key) {
        if (rules.carryConsensus()) {
            return Optional.empty();
        }
        return previous.flatMap(snapshot -> snapshot.cell(key)).filter(CellSnapshot::consensus);
    }

    /**
     * Why {@code grade} needs a rationale under the study's policy, or null when it needs none.
     * WHEN_DEVIATING asks from round 2 on for a grade outside the previous round's interquartile range
     * or more than 1 from its median.
     */
    static @Nullable String rationaleRequirement(RationalePolicy policy, @Nullable CellSnapshot previous,
            BigDecimal grade) {
        return switch (policy) {
            case NEVER -> null;
            case ALWAYS -> "this study asks for a rationale with every rating";
            case WHEN_DEVIATING -> deviation(previous, grade.doubleValue());
        };
    }

    private static @Nullable String deviation(@Nullable CellSnapshot previous, double grade) {
        if (previous == null || previous.median() == null || previous.q1() == null || previous.q3() == null) {
            return null;
        }
        double median = previous.median();
        if (grade < previous.q1() - TOLERANCE || grade > previous.q3() + TOLERANCE) {
            return "your grade lies outside the panel's interquartile range of round " + previous.ratedInRound()
                    + " (" + format(previous.q1()) + " to " + format(previous.q3()) + ")";
        }
        if (Math.abs(grade - median) > 1 + TOLERANCE) {
            return "your grade lies more than 1 from the panel's median of round " + previous.ratedInRound()
                    + " (" + format(median) + ")";
        }
        return null;
    }

    static boolean hasRationale(Rating rating) {
        return rating.rationale() != null && !rating.rationale().isBlank();
    }

    /** A grade or statistic for messages: at most two decimals, no trailing zeros. */
    static String format(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
