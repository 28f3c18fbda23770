package org.delphipanel.rating;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.delphipanel.study.RoundId;
import org.jspecify.annotations.Nullable;

/**
 * An expert's own progress through a round: every cell of the round (targets x criteria) with its
 * status. Settled cells are listed but are not part of the work: {@code rated() of total()} counts
 * only cells open for rating.
 *
 * @param deadline when the round closes on its own, or null
 * @param submittedAt when the expert last pressed "submit round", or null
 */
public record RoundProgress(
        RoundId roundId,
        int roundNumber,
        boolean open,
        @Nullable Instant deadline,
        @Nullable Instant submittedAt,
        List<CellState> cells) {

    public RoundProgress {
        Objects.requireNonNull(roundId, "round");
        cells = List.copyOf(cells);
    }

    /** Cells that count as done. */
    public int rated() {
        return (int) cells.stream().filter(c -> c.status() == CellStatus.RATED).count();
    }

    /** Cells asked for in this round, i.e. all but the settled ones. */
    public int total() {
        return (int) cells.stream().filter(CellState::open).count();
    }

    /** Cells with a saved grade that still need a rationale. */
    public List<CellState> needingRationale() {
        return cells.stream().filter(c -> c.status() == CellStatus.NEEDS_RATIONALE).toList();
    }

    /** Cells without a grade (settled ones excluded). */
    public List<CellState> notRated() {
        return cells.stream().filter(c -> c.status() == CellStatus.NOT_RATED).toList();
    }

    /** {@code 31 of 42 cells rated}. */
    public String summary() {
        return rated() + " of " + total() + " cells rated";
    }
}
