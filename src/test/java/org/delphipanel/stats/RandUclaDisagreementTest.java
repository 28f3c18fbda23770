package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RandUclaDisagreementTest {

    private static final Scale NINE_POINT = new Scale(1, 9, 1);

    @Test
    void published_fifteen_member_example_shows_no_disagreement() {
        // Source: BMJ Open 2012;2(5):e001431, doi:10.1136/bmjopen-2012-001431, Table 1 (RAND/UCLA method,
        // criterion one, round one): 15 panellists rating 4, 5, 6 once, 7 and 8 five times each, 9 twice;
        // published P30 = 7.0, P70 = 8.0, IPR = 1.0, CPIR = 7.5, AI = 2.5, IPRAS = 6.1, no disagreement.
        // (The table's text names 2.5 as the symmetric IPR, but its IPRAS of 6.1 is 2.35 + 1.5 * 2.5 =
        // 6.10, the manual's constant.)
        double[] ratings = {4, 5, 6, 7, 7, 7, 7, 7, 8, 8, 8, 8, 8, 9, 9};
        CellStatistics cell = CellStatistics.of(ratings, QuantileType.TYPE_7, NINE_POINT);

        RandUclaDisagreement rand = RandUclaDisagreement.of(cell).orElseThrow();

        assertThat(rand.p30()).isCloseTo(7.0, within(1e-12));
        assertThat(rand.p70()).isCloseTo(8.0, within(1e-12));
        assertThat(rand.ipr()).isCloseTo(1.0, within(1e-12));
        assertThat(rand.centralPoint()).isCloseTo(7.5, within(1e-12));
        assertThat(rand.asymmetryIndex()).isCloseTo(2.5, within(1e-12));
        assertThat(rand.ipras()).isCloseTo(6.1, within(1e-12));
        assertThat(rand.disagreement()).isFalse();
    }

    @Test
    void polarised_symmetric_panel_is_in_disagreement() {
        // By hand, 9 ratings 1 1 1 2 5 8 9 9 9, type 7: P30 at h = 8 * 0.3 + 1 = 3.4 -> 1 + 0.4 * (2 - 1) = 1.4;
        // P70 at h = 6.6 -> 8 + 0.6 * (9 - 8) = 8.6. IPR = 7.2, CPIR = 5.0, AI = 0, IPRAS = 2.35 < 7.2.
        CellStatistics cell = CellStatistics.of(new double[] {1, 1, 1, 2, 5, 8, 9, 9, 9}, QuantileType.TYPE_7,
                NINE_POINT);

        RandUclaDisagreement rand = RandUclaDisagreement.of(cell).orElseThrow();

        assertThat(rand.ipr()).isCloseTo(7.2, within(1e-12));
        assertThat(rand.ipras()).isCloseTo(2.35, within(1e-12));
        assertThat(rand.disagreement()).isTrue();
    }

    @Test
    void ratings_on_the_rubric_are_mapped_linearly_onto_one_to_nine() {
        Scale rubric = Scale.saferAi();
        assertThat(RandUclaDisagreement.toNinePoint(0, rubric)).isEqualTo(1.0);
        assertThat(RandUclaDisagreement.toNinePoint(2.5, rubric)).isEqualTo(5.0);
        assertThat(RandUclaDisagreement.toNinePoint(5, rubric)).isEqualTo(9.0);

        // By hand, 0-5 ratings 1.0 1.5 2.0 4.0 4.5 map to 2.6 3.4 4.2 7.4 8.2; type 7 with n = 5:
        // P30 at h = 2.2 -> 3.4 + 0.2 * 0.8 = 3.56, P70 at h = 3.8 -> 4.2 + 0.8 * 3.2 = 6.76.
        // IPR = 3.2, CPIR = 5.16, IPRAS = 2.35 + 1.5 * 0.16 = 2.59 < 3.2: disagreement.
        CellStatistics cell = CellStatistics.of(new double[] {1.0, 1.5, 2.0, 4.0, 4.5}, QuantileType.TYPE_7, rubric);
        RandUclaDisagreement rand = RandUclaDisagreement.of(cell).orElseThrow();
        assertThat(rand.p30()).isCloseTo(3.56, within(1e-12));
        assertThat(rand.p70()).isCloseTo(6.76, within(1e-12));
        assertThat(rand.ipras()).isCloseTo(2.59, within(1e-12));
        assertThat(rand.disagreement()).isTrue();
    }

    @Test
    void the_quantile_type_of_the_cell_is_used_and_named() {
        // By hand, type 6 on 1 1 1 2 5 8 9 9 9: P30 at h = 10 * 0.3 = 3 -> 1; P70 at h = 7 -> 9; IPR = 8.
        CellStatistics cell = CellStatistics.of(new double[] {1, 1, 1, 2, 5, 8, 9, 9, 9}, QuantileType.TYPE_6,
                NINE_POINT);
        RandUclaDisagreement rand = RandUclaDisagreement.of(cell).orElseThrow();
        assertThat(rand.quantileType()).isEqualTo(QuantileType.TYPE_6);
        assertThat(rand.ipr()).isCloseTo(8.0, within(1e-12));
    }

    @Test
    void it_is_undefined_without_a_scale_or_ratings() {
        assertThat(RandUclaDisagreement.of(CellStatistics.of(new double[] {1, 2})).isDefined()).isFalse();
        assertThat(RandUclaDisagreement.of(CellStatistics.of(new double[0], QuantileType.TYPE_7, NINE_POINT))
                .isDefined()).isFalse();
    }
}
