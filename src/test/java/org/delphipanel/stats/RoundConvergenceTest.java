package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RoundConvergenceTest {

    private record Rating(String unit, String rater, double value) {
    }

    private static RatingTable table(List<Rating> ratings) {
        RatingTable.Builder builder = RatingTable.builder();
        for (Rating rating : ratings) {
            builder.add(rating.unit(), rating.rater(), rating.value());
        }
        return builder.build();
    }

    private static List<Rating> round(String unit, String[] raters, double... values) {
        List<Rating> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new Rating(unit, raters[i], values[i]));
        }
        return out;
    }

    private static final String[] RATERS = {"ann", "bob", "cy", "dee", "eve"};

    @Test
    void changes_are_counted_per_cell_with_a_strict_threshold() {
        List<Rating> earlier = new ArrayList<>(round("A", RATERS, 2.0, 3.0, 3.9, 1.0, 4.0));
        earlier.addAll(round("B", RATERS, 1.0, 1.0, 1.0, 1.0, 1.0));
        // A: d = +0.6 (changed), 0 (zero), +0.5000000000000004 (exactly half a grade: not changed),
        //    +2.0 (changed), -0.2.  B: nobody moves.
        List<Rating> later = new ArrayList<>(round("A", RATERS, 2.6, 3.0, 4.4, 3.0, 3.8));
        later.addAll(round("B", RATERS, 1.0, 1.0, 1.0, 1.0, 1.0));

        RoundConvergence change = RoundConvergence.between(table(earlier), table(later));

        RoundConvergence.CellChange a = change.cell("A");
        assertThat(a.pairs()).isEqualTo(5);
        assertThat(a.changed()).isEqualTo(2);
        assertThat(a.nonZero()).isEqualTo(4);
        assertThat(a.fractionChanged().orElseThrow()).isCloseTo(0.4, within(1e-12));
        // medians 3.0 -> 3.0; IQRs (type 7) 2.0..3.9 = 1.9 -> 3.0..3.8 = 0.8
        assertThat(a.medianChange().orElseThrow()).isCloseTo(0.0, within(1e-12));
        assertThat(a.iqrChange().orElseThrow()).isCloseTo(0.8 - 1.9, within(1e-12));
        // |d| = 0.6 0.5 2.0 0.2 -> ranks 3 2 4 1; V = 3 + 2 + 4 = 9
        assertThat(a.wilcoxon().orElseThrow().v()).isEqualTo(9.0);

        RoundConvergence.CellChange b = change.cell("B");
        assertThat(b.changed()).isZero();
        assertThat(b.wilcoxon().isDefined()).isFalse();

        assertThat(change.pooled().pairs()).isEqualTo(10);
        assertThat(change.pooled().changed()).isEqualTo(2);
        assertThat(change.pooled().fractionChanged().orElseThrow()).isCloseTo(0.2, within(1e-12));
        assertThat(change.pooled().wilcoxon().orElseThrow().v()).isEqualTo(9.0);
    }

    @Test
    void experts_are_paired_by_id_and_those_in_one_round_only_are_left_out() {
        RatingTable earlier = table(round("A", new String[] {"ann", "bob", "cy"}, 2, 3, 4));
        RatingTable later = table(round("A", new String[] {"dee", "cy", "ann"}, 5, 4, 3));

        RoundConvergence.CellChange a = RoundConvergence.between(earlier, later).cell("A");

        assertThat(a.pairs()).isEqualTo(2);
        assertThat(a.changed()).isEqualTo(1);
        assertThat(a.nonZero()).isEqualTo(1);
    }

    @Test
    void identical_rounds_show_no_change_and_no_test() {
        List<Rating> ratings = new ArrayList<>(round("A", RATERS, 2.0, 3.0, 3.5, 1.0, 4.0));
        ratings.addAll(round("B", RATERS, 0.5, 1.5, 2.5, 3.5, 4.5));

        RoundConvergence change = RoundConvergence.between(table(ratings), table(ratings));

        assertThat(change.cells()).allSatisfy(cell -> {
            assertThat(cell.changed()).isZero();
            assertThat(cell.nonZero()).isZero();
            assertThat(cell.medianChange().orElseThrow()).isEqualTo(0.0);
            assertThat(cell.wilcoxon().isDefined()).isFalse();
        });
        assertThat(change.pooled().changed()).isZero();
        assertThat(change.pooled().fractionChanged().orElseThrow()).isEqualTo(0.0);
        assertThat(change.pooled().wilcoxon().isDefined()).isFalse();
    }

    @Test
    void the_order_of_raters_and_cells_does_not_matter() {
        Random random = new Random(3);
        List<Rating> earlier = new ArrayList<>();
        List<Rating> later = new ArrayList<>();
        for (String unit : List.of("A", "B", "C")) {
            for (int r = 0; r < 8; r++) {
                double before = random.nextInt(51) / 10.0;
                double after = Math.max(0, Math.min(5, before + (random.nextInt(21) - 10) / 10.0));
                earlier.add(new Rating(unit, "r" + r, before));
                later.add(new Rating(unit, "r" + r, Math.rint(after * 10) / 10));
            }
        }
        RoundConvergence reference = RoundConvergence.between(table(earlier), table(later));
        for (int trial = 0; trial < 3; trial++) {
            Collections.shuffle(earlier, random);
            Collections.shuffle(later, random);
            RoundConvergence shuffled = RoundConvergence.between(table(earlier), table(later));
            for (RoundConvergence.CellChange cell : reference.cells()) {
                RoundConvergence.CellChange other = shuffled.cell(cell.unit());
                assertThat(other.changed()).isEqualTo(cell.changed());
                assertThat(other.medianChange()).isEqualTo(cell.medianChange());
                assertThat(other.iqrChange()).isEqualTo(cell.iqrChange());
                assertThat(other.wilcoxon().map(WilcoxonSignedRank::v)).isEqualTo(cell.wilcoxon().map(WilcoxonSignedRank::v));
            }
            assertThat(shuffled.pooled().wilcoxon().map(WilcoxonSignedRank::pNormal))
                    .isEqualTo(reference.pooled().wilcoxon().map(WilcoxonSignedRank::pNormal));
        }
    }

    @Test
    void rounds_over_different_cells_are_refused() {
        RatingTable earlier = table(round("A", RATERS, 1, 2, 3, 4, 5));
        RatingTable later = table(round("B", RATERS, 1, 2, 3, 4, 5));

        assertThatThrownBy(() -> RoundConvergence.between(earlier, later))
                .hasMessageContaining("only in the earlier round: [A]")
                .hasMessageContaining("only in the later round: [B]");
    }

    @Test
    void a_cell_nobody_rated_twice_has_an_undefined_fraction() {
        RatingTable earlier = table(round("A", new String[] {"ann"}, 2));
        RatingTable later = table(round("A", new String[] {"bob"}, 3));

        RoundConvergence.CellChange a = RoundConvergence.between(earlier, later).cell("A");

        assertThat(a.pairs()).isZero();
        assertThat(a.fractionChanged().isDefined()).isFalse();
        assertThat(a.medianChange().orElseThrow()).isEqualTo(1.0);
    }
}
