package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.delphipanel.stats.IntraclassCorrelation.Estimate;
import org.delphipanel.stats.IntraclassCorrelation.Form;
import org.delphipanel.stats.IntraclassCorrelation.Result;
import org.junit.jupiter.api.Test;

class IntraclassCorrelationTest {

    // Shrout & Fleiss (1979), Table 2: 6 targets (rows) rated by 4 judges (columns).
    static final double[][] SHROUT_FLEISS = {
            {9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};

    @Test
    void shrout_and_fleiss_example_gives_the_published_iccs() {
        // Published (Shrout & Fleiss 1979, Table 4) and as psych::ICC prints them (2 decimals):
        // ICC1 0.17, ICC2 0.29, ICC3 0.71, ICC1k 0.44, ICC2k 0.62, ICC3k 0.91.
        Result result = IntraclassCorrelation.of(RatingTable.ofComplete(SHROUT_FLEISS)).orElseThrow();
        assertThat(result.get(Form.ICC1).value()).isCloseTo(0.17, within(0.005));
        assertThat(result.get(Form.ICC2).value()).isCloseTo(0.29, within(0.005));
        assertThat(result.get(Form.ICC3).value()).isCloseTo(0.71, within(0.005));
        assertThat(result.get(Form.ICC1K).value()).isCloseTo(0.44, within(0.005));
        assertThat(result.get(Form.ICC2K).value()).isCloseTo(0.62, within(0.005));
        assertThat(result.get(Form.ICC3K).value()).isCloseTo(0.91, within(0.005));
        assertThat(result.units()).isEqualTo(6);
        assertThat(result.raters()).isEqualTo(4);
    }

    @Test
    void shrout_and_fleiss_example_matches_psych_f_tests_and_intervals() {
        // psych::ICC(lmer = FALSE) prints for this table: F 1.8 (5, 18, p 0.16477) for ICC1/ICC1k and
        // F 11 (5, 15, p 0.00013) for the others; bounds ICC1 -0.133/0.72, ICC2 0.019/0.76, ICC3 0.342/0.95,
        // ICC1k -0.884/0.91, ICC2k 0.071/0.93, ICC3k 0.676/0.99. The full-precision values below come from
        // psych's formulas evaluated independently with scipy (src/test/python/agreement_reference.py).
        Result result = IntraclassCorrelation.of(RatingTable.ofComplete(SHROUT_FLEISS)).orElseThrow();
        assertThat(result.meanSquares().rows()).isCloseTo(11.241666666666669, within(1e-9));
        assertThat(result.meanSquares().columns()).isCloseTo(32.486111111111114, within(1e-9));
        assertThat(result.meanSquares().within()).isCloseTo(6.2638888888888875, within(1e-9));
        assertThat(result.meanSquares().residual()).isCloseTo(1.019444444444442, within(1e-9));
        check(result.get(Form.ICC1), 0.16574176840547553, 1.7946784922394685, 5, 18, 0.16476880834463953,
                -0.13293232487475096, 0.7225600623281211);
        check(result.get(Form.ICC2), 0.2897637795275592, 11.027247956403299, 5, 15, 0.000134566516484335,
                0.018786513374712027, 0.761084369648953);
        check(result.get(Form.ICC3), 0.7148407148407154, 11.027247956403299, 5, 15, 0.000134566516484335,
                0.34246476503392614, 0.9458582599553597);
        check(result.get(Form.ICC1K), 0.4427971336792688, 1.7946784922394685, 5, 18, 0.16476880834463953,
                -0.8844421552381196, 0.9124154203407755);
        check(result.get(Form.ICC2K), 0.6200505475989893, 11.027247956403299, 5, 15, 0.000134566516484335,
                0.0711368153025034, 0.927232040167722);
        check(result.get(Form.ICC3K), 0.9093155423770697, 11.027247956403299, 5, 15, 0.000134566516484335,
                0.6756747138163055, 0.9858916781690623);
    }

    @Test
    void forms_carry_psych_names() {
        assertThat(Form.ICC2K.psychName()).isEqualTo("ICC2k");
        assertThat(Form.ICC3.average()).isFalse();
        assertThat(Form.ICC1K.average()).isTrue();
    }

    @Test
    void relabelling_raters_and_permuting_units_change_nothing() {
        // The Shrout-Fleiss table with its targets reordered and its judges relabelled.
        double[][] permuted = new double[6][4];
        double[][] source = SHROUT_FLEISS;
        int[] units = {4, 5, 2, 1, 3, 0};
        int[] raters = {2, 3, 1, 0};
        for (int u = 0; u < 6; u++) {
            for (int r = 0; r < 4; r++) {
                permuted[u][r] = source[units[u]][raters[r]];
            }
        }
        Result a = IntraclassCorrelation.of(RatingTable.ofComplete(source)).orElseThrow();
        Result b = IntraclassCorrelation.of(RatingTable.ofComplete(permuted)).orElseThrow();
        for (Form form : Form.values()) {
            assertThat(b.get(form).value()).isCloseTo(a.get(form).value(), within(1e-12));
            assertThat(b.get(form).upper()).isCloseTo(a.get(form).upper(), within(1e-9));
        }
    }

    @Test
    void missing_ratings_make_it_undefined_with_the_count() {
        RatingTable table = RatingTable.ofMatrix(new Double[][] {{1.0, 2.0}, {3.0, null}, {4.0, 4.0}});
        assertThat(reason(IntraclassCorrelation.of(table))).contains("complete data").contains("1 of 6");
    }

    @Test
    void too_few_units_or_raters_and_zero_variance_are_undefined() {
        assertThat(reason(IntraclassCorrelation.of(RatingTable.ofComplete(new double[][] {{1, 2, 3}}))))
                .contains("at least 2 units");
        assertThat(reason(IntraclassCorrelation.of(RatingTable.ofComplete(new double[][] {{1}, {2}}))))
                .contains("at least 2 raters");
        assertThat(reason(IntraclassCorrelation.of(RatingTable.ofComplete(new double[][] {{2, 2}, {2, 2}}))))
                .contains("zero variance");
    }

    @Test
    void perfect_agreement_is_undefined_because_the_f_ratios_are_infinite() {
        RatingTable table = RatingTable.ofComplete(new double[][] {{1, 1, 1}, {3, 3, 3}, {4.5, 4.5, 4.5}});
        assertThat(reason(IntraclassCorrelation.of(table))).contains("residual mean square is 0");
    }

    private static void check(Estimate e, double value, double f, double df1, double df2, double p, double lower,
            double upper) {
        assertThat(e.value()).as(e.form() + " value").isCloseTo(value, within(1e-9));
        assertThat(e.f()).as(e.form() + " F").isCloseTo(f, within(1e-9));
        assertThat(e.df1()).isEqualTo(df1);
        assertThat(e.df2()).isEqualTo(df2);
        assertThat(e.p()).as(e.form() + " p").isCloseTo(p, within(1e-12));
        assertThat(e.lower()).as(e.form() + " lower").isCloseTo(lower, within(1e-6));
        assertThat(e.upper()).as(e.form() + " upper").isCloseTo(upper, within(1e-6));
    }

    static String reason(Outcome<?> outcome) {
        assertThat(outcome.isDefined()).as("expected undefined").isFalse();
        return ((Outcome.Undefined<?>) outcome).reason();
    }
}
