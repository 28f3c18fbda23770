package org.delphipanel.reliability;

import java.math.BigDecimal;
import java.util.List;
import org.delphipanel.study.RoundId;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.TargetId;

/**
 * A study set up for a load run: its facilitator, its experts (who joined through invitations) and
 * the cells of its open round, each with the scale its grades must lie on.
 */
public record LoadPanel(StudyId studyId, RoundId roundId, long facilitatorId, List<Expert> experts, List<Cell> cells) {

    public LoadPanel {
        experts = List.copyOf(experts);
        cells = List.copyOf(cells);
        if (experts.isEmpty() || cells.isEmpty()) {
            throw new IllegalArgumentException("a load panel needs experts and cells");
        }
    }

    /** An expert's account. */
    public record Expert(long userId, String email) {
    }

    /** A target on a leaf criterion, and that criterion's scale. */
    public record Cell(TargetId targetId, long criterionId, BigDecimal min, BigDecimal max, BigDecimal step) {

        /** The grade {@code fraction} (0..1) of the way up the scale, on the scale's steps. */
        public BigDecimal grade(double fraction) {
            long steps = max.subtract(min).divideToIntegralValue(step).longValueExact();
            long chosen = Math.min(steps, Math.max(0, Math.round(fraction * steps)));
            return min.add(step.multiply(BigDecimal.valueOf(chosen))).stripTrailingZeros();
        }
    }
}
