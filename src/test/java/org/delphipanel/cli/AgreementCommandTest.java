package org.delphipanel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.delphipanel.stats.CellStatistics;
import org.delphipanel.stats.FleissKappa;
import org.delphipanel.stats.GwetAc;
import org.delphipanel.stats.IntraclassCorrelation;
import org.delphipanel.stats.KendallW;
import org.delphipanel.stats.KrippendorffAlpha;
import org.delphipanel.stats.KrippendorffAlpha.Level;
import org.delphipanel.stats.QuantileType;
import org.delphipanel.stats.RatingTable;
import org.delphipanel.stats.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class AgreementCommandTest {

    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x 12 units
    // with missing values, written in long format (unit,rater,value).
    private static final String KRIPPENDORFF = CliRun.resource("krippendorff-2011.csv");

    // Shrout & Fleiss (1979), Psychological Bulletin 86(2), 420-428, Table 2: 6 targets x 4 judges, complete.
    private static final String SHROUT_FLEISS = CliRun.resource("shrout-fleiss-1979.csv");

    @Test
    void krippendorffs_example_gives_the_published_alphas() {
        JsonNode alpha = CliRun.of("agreement", KRIPPENDORFF).json().get("krippendorff_alpha");

        // published: nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797
        assertThat(alpha.get("nominal").doubleValue()).isCloseTo(0.743, within(5e-4));
        assertThat(alpha.get("ordinal").doubleValue()).isCloseTo(0.815, within(5e-4));
        assertThat(alpha.get("interval").doubleValue()).isCloseTo(0.849, within(5e-4));
        assertThat(alpha.get("ratio").doubleValue()).isCloseTo(0.797, within(5e-4));
    }

    @Test
    void every_alpha_is_exactly_the_statistics_core_value_in_full_precision() {
        JsonNode alpha = CliRun.of("agreement", KRIPPENDORFF).json().get("krippendorff_alpha");
        RatingTable table = RatingsFile.read(KRIPPENDORFF, null);

        for (Level level : Level.values()) {
            double expected = KrippendorffAlpha.of(table, level).orElseThrow().value();
            assertThat(alpha.get(level.name().toLowerCase()).doubleValue()).isEqualTo(expected);
        }
    }

    @Test
    void the_shape_counts_units_raters_and_ratings() {
        JsonNode shape = CliRun.of("agreement", KRIPPENDORFF).json().get("shape");

        assertThat(shape.get("units").intValue()).isEqualTo(12);
        assertThat(shape.get("raters").intValue()).isEqualTo(4);
        assertThat(shape.get("ratings").intValue()).isEqualTo(41);
        assertThat(shape.get("complete").booleanValue()).isFalse();
    }

    @Test
    void statistics_that_need_complete_data_are_null_and_listed_with_the_reason() {
        JsonNode json = CliRun.of("agreement", KRIPPENDORFF).json();

        assertThat(json.get("icc").isNull()).isTrue();
        assertThat(json.get("kendall_w").isNull()).isTrue();
        assertThat(json.get("undefined").get("icc").stringValue()).contains("complete data");
        assertThat(json.get("undefined").get("kendall_w").stringValue()).contains("complete data");
        // unit 12 has a single rating: no SD
        assertThat(json.get("units").get("u12").get("sd").isNull()).isTrue();
        assertThat(json.get("undefined").get("units.u12.sd").stringValue()).contains("at least two ratings");
    }

    @Test
    void without_a_scale_rwg_is_undefined_for_every_unit() {
        JsonNode json = CliRun.of("agreement", KRIPPENDORFF).json();

        assertThat(json.get("units").get("u7").get("rwg").isNull()).isTrue();
        assertThat(json.get("undefined").get("units.u7.rwg").stringValue()).contains("scale");
        assertThat(json.get("settings").get("scale").isNull()).isTrue();
    }

    @Test
    void shrout_and_fleiss_data_give_the_published_intraclass_correlations() {
        JsonNode icc = CliRun.of("agreement", SHROUT_FLEISS).json().get("icc");

        // Shrout & Fleiss (1979), Table 4: ICC(1,1) .17, ICC(2,1) .29, ICC(3,1) .71,
        // ICC(1,4) .44, ICC(2,4) .62, ICC(3,4) .91
        assertThat(icc.get("ICC1").get("value").doubleValue()).isCloseTo(0.17, within(0.005));
        assertThat(icc.get("ICC2").get("value").doubleValue()).isCloseTo(0.29, within(0.005));
        assertThat(icc.get("ICC3").get("value").doubleValue()).isCloseTo(0.71, within(0.005));
        assertThat(icc.get("ICC1k").get("value").doubleValue()).isCloseTo(0.44, within(0.005));
        assertThat(icc.get("ICC2k").get("value").doubleValue()).isCloseTo(0.62, within(0.005));
        assertThat(icc.get("ICC3k").get("value").doubleValue()).isCloseTo(0.91, within(0.005));
    }

    @Test
    void icc_kendall_fleiss_and_gwet_are_the_statistics_core_values() {
        JsonNode json = CliRun.of("agreement", SHROUT_FLEISS, "--scale", "1:10:1").json();
        RatingTable table = RatingsFile.read(SHROUT_FLEISS, null);
        Scale scale = new Scale(1, 10, 1);

        IntraclassCorrelation.Result icc = IntraclassCorrelation.of(table).orElseThrow();
        for (IntraclassCorrelation.Estimate e : icc.estimates()) {
            JsonNode form = json.get("icc").get(e.form().psychName());
            assertThat(form.get("value").doubleValue()).isEqualTo(e.value());
            assertThat(form.get("F").doubleValue()).isEqualTo(e.f());
            assertThat(form.get("df1").doubleValue()).isEqualTo(e.df1());
            assertThat(form.get("df2").doubleValue()).isEqualTo(e.df2());
            assertThat(form.get("p").doubleValue()).isEqualTo(e.p());
            assertThat(form.get("ci_lower").doubleValue()).isEqualTo(e.lower());
            assertThat(form.get("ci_upper").doubleValue()).isEqualTo(e.upper());
        }
        KendallW.Result w = KendallW.of(table).orElseThrow();
        JsonNode kendall = json.get("kendall_w");
        assertThat(kendall.get("w").doubleValue()).isEqualTo(w.w());
        assertThat(kendall.get("w_tie_corrected").doubleValue()).isEqualTo(w.wCorrected());
        assertThat(kendall.get("chi2").doubleValue()).isEqualTo(w.chiSquare());
        assertThat(kendall.get("df").intValue()).isEqualTo(5);
        assertThat(kendall.get("p").doubleValue()).isEqualTo(w.p());
        assertThat(kendall.get("chi2_tie_corrected").doubleValue()).isEqualTo(w.chiSquareCorrected());
        assertThat(kendall.get("p_tie_corrected").doubleValue()).isEqualTo(w.pCorrected());
        // independent numpy/scipy check (scipy.stats.rankdata per judge, Kendall & Babington Smith's
        // formulas): W = 0.8553571428571428, tie-corrected 0.8870370370370371
        assertThat(kendall.get("w").doubleValue()).isCloseTo(0.8553571428571428, within(1e-12));
        assertThat(kendall.get("w_tie_corrected").doubleValue()).isCloseTo(0.8870370370370371, within(1e-12));

        FleissKappa.Result kappa = FleissKappa.of(table, scale).orElseThrow();
        assertThat(json.get("fleiss_kappa").get("kappa").doubleValue()).isEqualTo(kappa.kappa());
        assertThat(json.get("fleiss_kappa").get("z").doubleValue()).isEqualTo(kappa.z());
        assertThat(json.get("fleiss_kappa").get("p").doubleValue()).isEqualTo(kappa.p());

        GwetAc.Result ac1 = GwetAc.of(table, scale, GwetAc.Weights.UNWEIGHTED).orElseThrow();
        assertThat(json.get("gwet_ac1").get("value").doubleValue()).isEqualTo(ac1.coefficient());
        assertThat(json.get("gwet_ac1").get("pa").doubleValue()).isEqualTo(ac1.pa());
        assertThat(json.get("gwet_ac1").get("pe").doubleValue()).isEqualTo(ac1.pe());
        assertThat(json.get("gwet_ac1").get("q").intValue()).isEqualTo(10);
        GwetAc.Result quadratic = GwetAc.of(table, scale, GwetAc.Weights.QUADRATIC).orElseThrow();
        GwetAc.Result linear = GwetAc.of(table, scale, GwetAc.Weights.LINEAR).orElseThrow();
        assertThat(json.get("gwet_ac2").get("quadratic").get("value").doubleValue()).isEqualTo(quadratic.coefficient());
        assertThat(json.get("gwet_ac2").get("linear").get("value").doubleValue()).isEqualTo(linear.coefficient());
        assertThat(json.get("gwet_ac2").get("linear").get("pe").doubleValue()).isEqualTo(linear.pe());
    }

    @Test
    void unit_summaries_are_the_cell_statistics_with_the_scale_and_the_named_quantile_type() {
        JsonNode json = CliRun.of("agreement", SHROUT_FLEISS, "--scale", "1:10:1", "--quantile-type", "6").json();
        CellStatistics cell = CellStatistics.of(new double[] {9, 2, 5, 8}, QuantileType.TYPE_6, new Scale(1, 10, 1));

        JsonNode t1 = json.get("units").get("t1");
        assertThat(json.get("quantile_type").intValue()).isEqualTo(6);
        assertThat(t1.get("n").intValue()).isEqualTo(4);
        assertThat(t1.get("mean").doubleValue()).isEqualTo(6.0);
        assertThat(t1.get("sd").doubleValue()).isEqualTo(cell.standardDeviation().orElseThrow());
        assertThat(t1.get("median").doubleValue()).isEqualTo(6.5);
        // type 6 on 2, 5, 8, 9: h = 5 x 0.25 = 1.25 -> 2 + 0.25 x 3 = 2.75; h = 3.75 -> 8 + 0.75 x 1 = 8.75
        assertThat(t1.get("q1").doubleValue()).isEqualTo(2.75);
        assertThat(t1.get("q3").doubleValue()).isEqualTo(8.75);
        assertThat(t1.get("iqr").doubleValue()).isEqualTo(6.0);
        assertThat(t1.get("rwg").doubleValue()).isEqualTo(cell.rwg().orElseThrow());
        assertThat(t1.get("rwg_truncated").doubleValue()).isEqualTo(0.0);
        assertThat(t1.get("rwg").doubleValue()).isNegative();
    }

    @Test
    void quantile_type_7_is_the_default_and_gives_other_quartiles() {
        JsonNode t1 = CliRun.of("agreement", SHROUT_FLEISS).json().get("units").get("t1");

        // type 7 on 2, 5, 8, 9: h = 1 + 3 x 0.25 = 1.75 -> 2 + 0.75 x 3 = 4.25; h = 3.25 -> 8.25
        assertThat(t1.get("q1").doubleValue()).isEqualTo(4.25);
        assertThat(t1.get("q3").doubleValue()).isEqualTo(8.25);
    }

    @Test
    void the_bootstrap_gives_the_statistics_core_interval_and_repeats_exactly_with_the_same_seed() {
        CliRun first = CliRun.of("agreement", KRIPPENDORFF, "--bootstrap", "500", "--seed", "2024");
        CliRun again = CliRun.of("agreement", KRIPPENDORFF, "--bootstrap", "500", "--seed", "2024");
        CliRun other = CliRun.of("agreement", KRIPPENDORFF, "--bootstrap", "500", "--seed", "7");

        assertThat(again.out()).isEqualTo(first.out());
        assertThat(other.out()).isNotEqualTo(first.out());
        JsonNode bootstrap = first.json().get("krippendorff_alpha").get("bootstrap");
        RatingTable table = RatingsFile.read(KRIPPENDORFF, null);
        for (Level level : new Level[] {Level.ORDINAL, Level.INTERVAL}) {
            KrippendorffAlpha.Interval expected = KrippendorffAlpha.bootstrap(table, level, 500, 2024L, 0.95).orElseThrow();
            JsonNode interval = bootstrap.get(level.name().toLowerCase());
            assertThat(interval.get("estimate").doubleValue()).isEqualTo(expected.estimate());
            assertThat(interval.get("lower").doubleValue()).isEqualTo(expected.lower());
            assertThat(interval.get("upper").doubleValue()).isEqualTo(expected.upper());
            assertThat(interval.get("B").intValue()).isEqualTo(500);
            assertThat(interval.get("seed").longValue()).isEqualTo(2024L);
        }
        assertThat(bootstrap.get("scheme").stringValue()).contains("pair");
        assertThat(bootstrap.has("nominal")).isFalse();
    }

    @Test
    void without_bootstrap_there_is_no_interval() {
        JsonNode alpha = CliRun.of("agreement", KRIPPENDORFF).json().get("krippendorff_alpha");

        assertThat(alpha.has("bootstrap")).isFalse();
    }

    @Test
    void a_byte_order_mark_crlf_line_ends_and_quoted_fields_are_read(@TempDir Path dir) {
        String file = CliRun.write(dir, "bom.csv", "\uFEFFunit,rater,\"value\"\r\n\"cell, one\",a,1\r\n\"cell, one\",b,2\r\n"
                + "c2,a,3\r\nc2,b,\"3\"\r\n");

        JsonNode json = CliRun.of("agreement", file).json();

        assertThat(json.get("units").has("cell, one")).isTrue();
        assertThat(json.get("units").get("cell, one").get("mean").doubleValue()).isEqualTo(1.5);
        assertThat(json.get("shape").get("ratings").intValue()).isEqualTo(4);
        assertThat(json.get("shape").get("complete").booleanValue()).isTrue();
    }

    @Test
    void the_ci_option_sets_the_icc_interval_level() {
        JsonNode icc90 = CliRun.of("agreement", SHROUT_FLEISS, "--ci", "0.9").json().get("icc");
        IntraclassCorrelation.Estimate expected = IntraclassCorrelation.of(RatingsFile.read(SHROUT_FLEISS, null), 0.9)
                .orElseThrow().get(IntraclassCorrelation.Form.ICC2);

        assertThat(icc90.get("ICC2").get("ci_lower").doubleValue()).isEqualTo(expected.lower());
    }
}
