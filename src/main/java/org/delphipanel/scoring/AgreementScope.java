package org.delphipanel.scoring;

import org.delphipanel.study.TargetId;
import org.jspecify.annotations.Nullable;

/**
 * Which cells an agreement statistic covers: all of a round's cells, one criterion's cells (units are
 * the targets) or one target's cells (units are the criteria). At most one of the two is set.
 */
public record AgreementScope(@Nullable Long criterionId, @Nullable TargetId targetId) {

    public AgreementScope {
        if (criterionId != null && targetId != null) {
            throw new IllegalArgumentException("a scope is one criterion or one target, not both");
        }
    }

    public static AgreementScope allCells() {
        return new AgreementScope(null, null);
    }

    public static AgreementScope criterion(long criterionId) {
        return new AgreementScope(criterionId, null);
    }

    public static AgreementScope target(TargetId targetId) {
        return new AgreementScope(null, targetId);
    }
}
