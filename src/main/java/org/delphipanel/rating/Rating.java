package org.delphipanel.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.delphipanel.study.EvidenceItemId;
import org.delphipanel.study.PanelistId;
import org.delphipanel.study.RoundId;
import org.delphipanel.study.TargetId;
import org.jspecify.annotations.Nullable;

/**
 * One expert's grade of one target on one criterion in one round.
 *
 * @param criterionId the framework node id of the (leaf) criterion
 * @param version increases with every change, for optimistic locking
 */
public record Rating(
        long id,
        RoundId roundId,
        TargetId targetId,
        long criterionId,
        PanelistId panelistId,
        BigDecimal grade,
        @Nullable Confidence confidence,
        @Nullable String rationale,
        List<EvidenceItemId> evidence,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    public Rating {
        evidence = List.copyOf(evidence);
    }
}
