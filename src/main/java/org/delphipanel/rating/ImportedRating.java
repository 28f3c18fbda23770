package org.delphipanel.rating;

import java.math.BigDecimal;
import java.util.Objects;

import org.delphipanel.study.PanelistId;
import org.delphipanel.study.TargetId;
import org.jspecify.annotations.Nullable;

/**
 * One rating a facilitator brings in from a file on behalf of an expert of the panel.
 *
 * @param line the line of the file it came from, so a refusal can point at it
 */
public record ImportedRating(int line, PanelistId expert, TargetId targetId, long criterionId, BigDecimal grade,
        @Nullable Confidence confidence, @Nullable String rationale) {

    public ImportedRating {
        Objects.requireNonNull(expert, "expert");
        Objects.requireNonNull(targetId, "target");
        Objects.requireNonNull(grade, "grade");
        if (rationale != null && rationale.length() > 10_000) {
            throw new IllegalArgumentException("a rationale may hold at most 10,000 characters");
        }
    }
}
