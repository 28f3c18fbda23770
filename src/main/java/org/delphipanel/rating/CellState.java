package org.delphipanel.rating;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One of an expert's cells in a round, as the expert may see it: only their own rating.
 *
 * @param rating the expert's own rating of the cell in this round, or null
 * @param rationaleRequirement why a rationale is required for the current grade, or null when none is
 */
public record CellState(CellKey cell, CellStatus status, @Nullable Rating rating, @Nullable String rationaleRequirement) {

    public CellState {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(status, "status");
        if (status == CellStatus.NEEDS_RATIONALE && rationaleRequirement == null) {
            throw new IllegalArgumentException("a cell that needs a rationale must say why");
        }
        if ((status == CellStatus.RATED || status == CellStatus.NEEDS_RATIONALE) && rating == null) {
            throw new IllegalArgumentException("a " + status.label().toLowerCase() + " cell needs its rating");
        }
    }

    /** Whether the cell is still asked for in this round (it is not settled). */
    public boolean open() {
        return status != CellStatus.SETTLED;
    }
}
