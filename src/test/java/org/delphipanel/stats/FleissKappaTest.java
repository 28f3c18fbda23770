package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.delphipanel.stats.IntraclassCorrelationTest.reason;

import org.delphipanel.stats.FleissKappa.Result;
import org.junit.jupiter.api.Test;

class FleissKappaTest {

    // Fleiss (1971), Table 1: 30 patients, each diagnosed by 6 psychiatrists (not the same six) as
    // 1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other. One row per patient.
    static final double[][] FLEISS_1971 = {
            {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5}, {2, 2, 2, 4, 4, 4},
            {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4}, {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5},
            {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4}, {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5},
            {3, 3, 3, 3, 3, 5}, {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
            {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4}, {1, 4, 4, 4, 4, 5},
            {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5}};

    @Test
    void fleiss_1971_example_gives_the_published_kappa_and_z() {
        Result result = FleissKappa.of(RatingTable.ofComplete(FLEISS_1971)).orElseThrow();
        // Fleiss (1971): P_bar = 0.556, P_e = 0.220, kappa = 0.430.
        assertThat(result.kappa()).isCloseTo(0.430, within(5e-4));
        assertThat(result.observedAgreement()).isCloseTo(0.556, within(5e-4));
        assertThat(result.chanceAgreement()).isCloseTo(0.220, within(5e-4));
        // Exact: P_bar = 5/9 (Fleiss' sum of P_i is 16.667 over 30 patients).
        assertThat(result.observedAgreement()).isCloseTo(5.0 / 9, within(1e-12));
        // z on the null SE of Fleiss, Nee & Landis (1979): irr::kappam.fleiss prints z = 17.7, p-value = 0;
        // full precision from the independent numpy/scipy script (scipy.special.erfc for p).
        assertThat(result.kappa()).isCloseTo(0.43024452006014074, within(1e-12));
        assertThat(result.standardError()).isCloseTo(0.024373932099411154, within(1e-12));
        assertThat(result.z()).isCloseTo(17.651830582991366, within(1e-9));
        assertThat(result.p()).isCloseTo(9.851070940926877e-70, within(1e-78));
        assertThat(result.units()).isEqualTo(30);
        assertThat(result.ratersPerUnit()).isEqualTo(6);
        assertThat(result.categories()).isEqualTo(5);
    }

    @Test
    void a_scale_adds_unused_categories_without_changing_kappa() {
        RatingTable table = RatingTable.ofComplete(FLEISS_1971);
        Result observed = FleissKappa.of(table).orElseThrow();
        Result onScale = FleissKappa.of(table, new Scale(0, 9, 1)).orElseThrow();
        assertThat(onScale.categories()).isEqualTo(10);
        assertThat(onScale.kappa()).isCloseTo(observed.kappa(), within(1e-12));
        assertThat(onScale.z()).isCloseTo(observed.z(), within(1e-9));
    }

    @Test
    void ratings_off_the_scale_are_refused() {
        RatingTable table = RatingTable.ofComplete(new double[][] {{1, 2.5}, {1, 1}});
        assertThatThrownBy(() -> FleissKappa.of(table, new Scale(0, 5, 1))).hasMessageContaining("not an option");
    }

    @Test
    void perfect_agreement_gives_one() {
        RatingTable table = RatingTable.ofComplete(new double[][] {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}});
        assertThat(FleissKappa.of(table).orElseThrow().kappa()).isCloseTo(1, within(1e-12));
    }

    @Test
    void varying_numbers_of_raters_per_unit_are_undefined_with_the_counts() {
        RatingTable table = RatingTable.ofMatrix(new Double[][] {{1.0, 1.0, 2.0}, {2.0, null, 2.0}});
        assertThat(reason(FleissKappa.of(table))).contains("same number of ratings").contains("3").contains("2");
    }

    @Test
    void units_without_ratings_are_left_out() {
        RatingTable table = RatingTable.builder().add("a", "x", 1).add("a", "y", 1).add("b", "x", 2)
                .add("b", "y", 1).unit("empty").build();
        assertThat(FleissKappa.of(table).orElseThrow().units()).isEqualTo(2);
    }

    @Test
    void one_category_or_single_ratings_are_undefined() {
        assertThat(reason(FleissKappa.of(RatingTable.ofComplete(new double[][] {{2, 2}, {2, 2}}))))
                .contains("one category");
        assertThat(reason(FleissKappa.of(RatingTable.ofComplete(new double[][] {{1}, {2}}))))
                .contains("at least 2 ratings");
    }
}
