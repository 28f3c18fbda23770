package org.delphipanel.rating;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an expert is shown about one cell from round 2 on: their own earlier rating and the panel's
 * response, read from the stored snapshot of the closed round before.
 *
 * @param panel the cell's snapshot; {@code panel.ratedInRound()} says which round it describes
 * @param ownGrade the viewer's own grade in that round, or null (not rated, or not an expert)
 * @param ownRationale the viewer's own rationale in that round, or null
 * @param settled whether the cell reached consensus and is not rated again in this round
 */
public record CellFeedback(CellKey cell, CellSnapshot panel, @Nullable BigDecimal ownGrade,
        @Nullable Confidence ownConfidence, @Nullable String ownRationale, boolean settled) {

    public CellFeedback {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(panel, "panel");
    }
}
