package org.delphipanel.rating;

import java.math.BigDecimal;
import java.util.List;
import org.delphipanel.study.EvidenceItemId;
import org.delphipanel.study.RoundId;
import org.delphipanel.study.TargetId;
import org.jspecify.annotations.Nullable;

/**
 * What an expert enters for one cell.
 *
 * @param expectedVersion the version the expert's screen showed, or null for a first rating; a
 *     different stored version means another tab changed the cell meanwhile
 */
public record RatingChange(
        RoundId roundId,
        TargetId targetId,
        long criterionId,
        BigDecimal grade,
        @Nullable Confidence confidence,
        @Nullable String rationale,
        List<EvidenceItemId> evidence,
        @Nullable Integer expectedVersion) {

    public RatingChange {
        evidence = List.copyOf(evidence);
        if (rationale != null && rationale.length() > 10_000) {
            throw new IllegalArgumentException("a rationale may hold at most 10,000 characters");
        }
    }
}
