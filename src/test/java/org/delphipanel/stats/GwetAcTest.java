package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.delphipanel.stats.IntraclassCorrelationTest.reason;

import org.delphipanel.stats.GwetAc.Result;
import org.delphipanel.stats.GwetAc.Weights;
import org.junit.jupiter.api.Test;

class GwetAcTest {

    @Test
    void irrcac_example_with_missing_ratings_gives_the_published_ac1() {
        // irrCAC's dataset cac.raw4raters is Krippendorff's 12 units x 4 raters with missing values (unit 12
        // rated once). irrCAC README: gwet.ac1.raw(cac.raw4raters) -> pa 0.8181818, pe 0.1903212,
        // coeff.val 0.77544 (categories 1..5).
        Result result = GwetAc.of(RatingTable.ofMatrix(KrippendorffAlphaTest.KRIPPENDORFF_2011), Weights.UNWEIGHTED)
                .orElseThrow();
        assertThat(result.pa()).isCloseTo(0.8181818, within(5e-8));
        assertThat(result.pe()).isCloseTo(0.1903212, within(5e-8));
        assertThat(result.coefficient()).isCloseTo(0.77544, within(5e-6));
        // pa = 9/11 exactly: the 11 units rated at least twice; pe = 0.19032118055555555 (numpy script).
        assertThat(result.pa()).isCloseTo(9.0 / 11, within(1e-12));
        assertThat(result.pe()).isCloseTo(0.19032118055555555, within(1e-12));
        assertThat(result.categories()).isEqualTo(5);
        assertThat(result.units()).isEqualTo(12);
        assertThat(result.unitsWithTwoOrMore()).isEqualTo(11);
    }

    @Test
    void weighted_ac2_on_the_same_data_matches_the_independent_implementation() {
        // Expected values: irrCAC's formulas (linear.weights / quadratic.weights over categories 1..5)
        // evaluated with numpy in src/test/python/agreement_reference.py.
        RatingTable table = RatingTable.ofMatrix(KrippendorffAlphaTest.KRIPPENDORFF_2011);
        Result linear = GwetAc.of(table, Weights.LINEAR).orElseThrow();
        assertThat(linear.pa()).isCloseTo(0.9393939393939394, within(1e-12));
        assertThat(linear.pe()).isCloseTo(0.5709635416666667, within(1e-12));
        assertThat(linear.coefficient()).isCloseTo(0.8587391364326115, within(1e-12));
        Result quadratic = GwetAc.of(table, Weights.QUADRATIC).orElseThrow();
        assertThat(quadratic.pa()).isCloseTo(0.9753787878787878, within(1e-12));
        assertThat(quadratic.pe()).isCloseTo(0.7137044270833333, within(1e-12));
        assertThat(quadratic.coefficient()).isCloseTo(0.9140007235516047, within(1e-12));
    }

    @Test
    void a_scale_sets_the_categories_and_so_changes_chance_agreement() {
        RatingTable table = RatingTable.ofMatrix(KrippendorffAlphaTest.KRIPPENDORFF_2011);
        Result observed = GwetAc.of(table, Weights.UNWEIGHTED).orElseThrow();
        Result onScale = GwetAc.of(table, new Scale(0, 5, 0.5), Weights.UNWEIGHTED).orElseThrow();
        assertThat(onScale.categories()).isEqualTo(11);
        assertThat(onScale.pa()).isCloseTo(observed.pa(), within(1e-12));
        // Same pi_k, but p_e = sum pi_k (1 - pi_k) / (q - 1) with q = 11 instead of 5.
        assertThat(onScale.pe()).isCloseTo(observed.pe() * 4 / 10, within(1e-12));
    }

    @Test
    void perfect_agreement_gives_one_and_permuting_units_or_raters_changes_nothing() {
        RatingTable perfect = RatingTable.ofMatrix(new Double[][] {{1.0, 1.0, null}, {2.0, 2.0, 2.0}, {4.0, null, 4.0}});
        for (Weights weights : Weights.values()) {
            assertThat(GwetAc.of(perfect, weights).orElseThrow().coefficient()).isCloseTo(1, within(1e-12));
        }
        Double[][] data = KrippendorffAlphaTest.randomData(25, 6, 0.2, 5);
        Double[][] permuted = new Double[25][6];
        for (int u = 0; u < 25; u++) {
            for (int r = 0; r < 6; r++) {
                permuted[u][r] = data[(u + 7) % 25][(r + 2) % 6];
            }
        }
        Scale scale = Scale.saferAi();
        for (Weights weights : Weights.values()) {
            assertThat(GwetAc.of(RatingTable.ofMatrix(permuted), scale, weights).orElseThrow().coefficient())
                    .isCloseTo(GwetAc.of(RatingTable.ofMatrix(data), scale, weights).orElseThrow().coefficient(),
                            within(1e-12));
        }
    }

    @Test
    void one_category_or_no_unit_rated_twice_is_undefined() {
        assertThat(reason(GwetAc.of(RatingTable.ofComplete(new double[][] {{3, 3}, {3, 3}}), Weights.UNWEIGHTED)))
                .contains("only 1 category");
        RatingTable single = RatingTable.ofMatrix(new Double[][] {{1.0, null}, {null, 2.0}});
        assertThat(reason(GwetAc.of(single, Weights.LINEAR))).contains("no unit has 2 or more ratings");
    }
}
