package org.delphipanel.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.delphipanel.rating.RatingTestData.Panel;
import org.delphipanel.study.RationalePolicy;
import org.delphipanel.study.StudyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class RoundSnapshotIT {

    @Autowired
    RatingTestData data;

    @Autowired
    RatingService ratings;

    @Autowired
    RoundSnapshotService snapshots;

    @Autowired
    RoundSnapshotRepository repository;

    @Autowired
    RoundSnapshotWriter writer;

    @Autowired
    StudyService studies;

    @Test
    void closing_a_round_stores_its_statistics_once_and_they_never_change() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 3, 2);
        data.rate(panel, 0, 0, 0, "2.0", "Thin evidence.");
        data.rate(panel, 1, 0, 0, "3.0", "Policy is public.");
        data.rate(panel, 2, 0, 0, "3.5", null);
        assertThat(snapshots.snapshot(panel.expert(0), panel.round().id())).as("no snapshot while open").isEmpty();

        studies.closeRound(panel.facilitatorId(), panel.round().id());

        RoundSnapshot first = snapshots.snapshot(panel.expert(0), panel.round().id()).orElseThrow();
        String stored = repository.content(panel.round().id()).orElseThrow();
        assertThat(first.cells()).hasSize(panel.cellCount());
        CellSnapshot cell = first.cell(panel.cell(0, 0)).orElseThrow();
        // numpy: np.percentile([2.0, 3.0, 3.5], [25, 50, 75], method='linear') -> [2.5, 3.0, 3.25] (type 7)
        assertThat(cell.n()).isEqualTo(3);
        assertThat(cell.median()).isCloseTo(3.0, within(1e-12));
        assertThat(cell.q1()).isCloseTo(2.5, within(1e-12));
        assertThat(cell.q3()).isCloseTo(3.25, within(1e-12));
        assertThat(cell.iqr()).isCloseTo(0.75, within(1e-12));
        assertThat(cell.quantileType()).isEqualTo(7);
        assertThat(cell.consensus()).isTrue();
        assertThat(cell.rationales()).containsExactlyInAnyOrder("Thin evidence.", "Policy is public.");
        assertThat(stored).doesNotContain("panelist").doesNotContain("expert");

        assertThatThrownBy(() -> data.rate(panel, 0, 0, 0, "5.0", "too late"))
                .isInstanceOf(RoundNotOpenException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> writer.write(studies.round(panel.round().id())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never changes");
        Panel next = panel.withRound(studies.openNextRound(panel.facilitatorId(), panel.study().id(), null));
        data.rate(next, 0, 0, 0, "4.0", "Revised after feedback.");

        assertThat(snapshots.snapshot(panel.expert(1), panel.round().id())).contains(first);
        assertThat(repository.content(panel.round().id())).contains(stored);
    }

    @Test
    void only_the_panel_reads_a_snapshot() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        Panel other = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        studies.closeRound(panel.facilitatorId(), panel.round().id());
        assertThat(snapshots.snapshot(panel.facilitatorId(), panel.round().id())).isPresent();
        assertThatThrownBy(() -> snapshots.snapshot(other.expert(0), panel.round().id()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void cells_with_consensus_are_settled_in_later_rounds_when_the_study_does_not_carry_them() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, false, false), 3, 1);
        for (int e = 0; e < 3; e++) {
            data.rate(panel, e, 0, 0, "3.0", null);
        }
        data.rate(panel, 0, 0, 1, "0.5", null);
        data.rate(panel, 1, 0, 1, "2.5", null);
        data.rate(panel, 2, 0, 1, "5.0", null);
        Panel round2 = data.nextRound(panel);

        RoundProgress progress = ratings.progress(round2.expert(0), round2.round().id());
        assertThat(progress.cells().getFirst().status()).isEqualTo(CellStatus.SETTLED);
        assertThat(progress.cells().get(1).status()).isEqualTo(CellStatus.NOT_RATED);
        assertThat(progress.total()).isEqualTo(panel.cellCount() - 1);
        assertThat(ratings.cell(round2.expert(0), round2.round().id(), panel.cell(0, 0).targetId(),
                panel.cell(0, 0).criterionId()).status()).isEqualTo(CellStatus.SETTLED);
        assertThatThrownBy(() -> data.rate(round2, 0, 0, 0, "4.0", null))
                .isInstanceOf(CellSettledException.class).hasMessageContaining("round 1");

        Panel round3 = data.nextRound(round2);
        RoundSnapshot snapshot2 = snapshots.snapshot(panel.expert(0), round2.round().id()).orElseThrow();
        assertThat(snapshot2.cell(panel.cell(0, 0)).orElseThrow().ratedInRound()).isEqualTo(1);
        assertThat(ratings.progress(round3.expert(0), round3.round().id()).cells().getFirst().status())
                .isEqualTo(CellStatus.SETTLED);
    }

    @Test
    void cells_with_consensus_are_rated_again_when_the_study_carries_them() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 2, 1);
        data.rate(panel, 0, 0, 0, "3.0", null);
        data.rate(panel, 1, 0, 0, "3.0", null);
        Panel round2 = data.nextRound(panel);
        assertThat(ratings.progress(round2.expert(0), round2.round().id()).total()).isEqualTo(panel.cellCount());
        assertThat(data.rate(round2, 0, 0, 0, "3.4", null).grade()).isEqualByComparingTo("3.4");
    }
}
