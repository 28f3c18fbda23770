package org.delphipanel.rating;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.delphipanel.study.RoundId;

/**
 * The statistics of a closed round, computed once when it closed and never changed: what experts are
 * shown as feedback in the next round is read from here and nowhere else.
 *
 * @param consensusRule the study's consensus rule, canonical text
 * @param quantileType the Hyndman-Fan type of every median, quartile and IQR here
 * @param shuffleSeed the seed of the random order of each cell's rationales
 * @param cells every target x criterion cell of the study
 */
public record RoundSnapshot(
        long roundId,
        int roundNumber,
        Instant computedAt,
        String consensusRule,
        int quantileType,
        long shuffleSeed,
        List<CellSnapshot> cells) {

    public RoundSnapshot {
        cells = List.copyOf(cells);
    }

    public RoundId round() {
        return new RoundId(roundId);
    }

    public Optional<CellSnapshot> cell(CellKey key) {
        return cells.stream()
                .filter(c -> c.targetId() == key.targetId().value() && c.criterionId() == key.criterionId())
                .findFirst();
    }
}
