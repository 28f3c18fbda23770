package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;

import org.delphipanel.stats.IntraclassCorrelation.Estimate;
import org.delphipanel.stats.IntraclassCorrelation.Form;
import org.delphipanel.stats.KrippendorffAlpha.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Held-out datasets: every statistic against the independent numpy/scipy implementation in
 * src/test/python/agreement_reference.py, whose output (the ratings and the expected values) is kept under
 * src/test/resources/org/delphipanel/stats/agreement/. Point values to 1e-9, interval bounds to 1e-6. A
 * statistic the script could not compute (null) must be undefined here too.
 */
class AgreementReferenceDataTest {

    private static final double POINT = 1e-9;
    private static final double BOUND = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"missing-tenths", "complete-tenths", "complete-tenths-observed-categories", "coarse-ties",
            "krippendorff-2011", "fleiss-1971", "siegel-1956", "shrout-fleiss-1979"})
    void every_statistic_matches_the_independent_reference(String name) throws IOException {
        JsonNode data = read(name);
        RatingTable table = table(data.get("ratings"));
        Scale scale = data.get("scale").isNull() ? null
                : new Scale(data.get("scale").get("min").asDouble(), data.get("scale").get("max").asDouble(),
                        data.get("scale").get("step").asDouble());

        for (Level level : Level.values()) {
            JsonNode expected = data.get("krippendorff").get(level.name());
            Outcome<KrippendorffAlpha.Result> actual = KrippendorffAlpha.of(table, level);
            if (expected.isNull()) {
                assertThat(actual.isDefined()).as(name + " alpha " + level).isFalse();
                continue;
            }
            KrippendorffAlpha.Result alpha = actual.orElseThrow();
            close(alpha.value(), expected, "value", name + " alpha " + level);
            close(alpha.observedDisagreement(), expected, "observedDisagreement", name + " D_o " + level);
            close(alpha.expectedDisagreement(), expected, "expectedDisagreement", name + " D_e " + level);
            assertThat(alpha.pairableValues()).isEqualTo(expected.get("pairableValues").asInt());
            assertThat(alpha.unitsUsed()).isEqualTo(expected.get("unitsUsed").asInt());
        }

        JsonNode icc = data.get("icc");
        Outcome<IntraclassCorrelation.Result> iccOutcome = IntraclassCorrelation.of(table);
        assertThat(iccOutcome.isDefined()).as(name + " ICC defined").isEqualTo(!icc.isNull());
        if (!icc.isNull()) {
            IntraclassCorrelation.Result result = iccOutcome.orElseThrow();
            close(result.meanSquares().rows(), icc.get("meanSquares"), "rows", name + " MSB");
            close(result.meanSquares().columns(), icc.get("meanSquares"), "columns", name + " MSJ");
            close(result.meanSquares().within(), icc.get("meanSquares"), "within", name + " MSW");
            close(result.meanSquares().residual(), icc.get("meanSquares"), "residual", name + " MSE");
            for (Form form : Form.values()) {
                JsonNode expected = icc.get(form.psychName());
                Estimate estimate = result.get(form);
                String what = name + " " + form.psychName();
                close(estimate.value(), expected, "value", what);
                close(estimate.f(), expected, "f", what + " F");
                close(estimate.df1(), expected, "df1", what + " df1");
                close(estimate.df2(), expected, "df2", what + " df2");
                close(estimate.p(), expected, "p", what + " p");
                assertThat(estimate.lower()).as(what + " lower").isCloseTo(expected.get("lower").asDouble(), within(BOUND));
                assertThat(estimate.upper()).as(what + " upper").isCloseTo(expected.get("upper").asDouble(), within(BOUND));
            }
        }

        JsonNode kendall = data.get("kendall");
        Outcome<KendallW.Result> kendallOutcome = KendallW.of(table);
        assertThat(kendallOutcome.isDefined()).as(name + " W defined").isEqualTo(!kendall.isNull());
        if (!kendall.isNull()) {
            KendallW.Result w = kendallOutcome.orElseThrow();
            close(w.w(), kendall, "w", name + " W");
            close(w.wCorrected(), kendall, "wCorrected", name + " W_c");
            close(w.chiSquare(), kendall, "chiSquare", name + " chi2");
            close(w.chiSquareCorrected(), kendall, "chiSquareCorrected", name + " chi2_c");
            close(w.p(), kendall, "p", name + " p");
            close(w.pCorrected(), kendall, "pCorrected", name + " p_c");
            close(w.tieCorrection(), kendall, "tieSum", name + " T");
            assertThat(w.df()).isEqualTo(kendall.get("df").asInt());
        }

        JsonNode fleiss = data.get("fleiss");
        Outcome<FleissKappa.Result> fleissOutcome = scale == null ? FleissKappa.of(table) : FleissKappa.of(table, scale);
        assertThat(fleissOutcome.isDefined()).as(name + " kappa defined").isEqualTo(!fleiss.isNull());
        if (!fleiss.isNull()) {
            FleissKappa.Result kappa = fleissOutcome.orElseThrow();
            close(kappa.kappa(), fleiss, "kappa", name + " kappa");
            close(kappa.observedAgreement(), fleiss, "observedAgreement", name + " P_bar");
            close(kappa.chanceAgreement(), fleiss, "chanceAgreement", name + " P_e");
            close(kappa.standardError(), fleiss, "standardError", name + " SE_0");
            close(kappa.z(), fleiss, "z", name + " z");
            double p = fleiss.get("p").asDouble();
            assertThat(kappa.p()).as(name + " kappa p").isCloseTo(p, within(Math.max(1e-300, 1e-9 * p)));
            assertThat(kappa.categories()).isEqualTo(fleiss.get("categories").asInt());
            assertThat(kappa.ratersPerUnit()).isEqualTo(fleiss.get("ratersPerUnit").asInt());
        }

        for (GwetAc.Weights weights : GwetAc.Weights.values()) {
            JsonNode expected = data.get("gwet").get(weights.name());
            Outcome<GwetAc.Result> actual = scale == null ? GwetAc.of(table, weights) : GwetAc.of(table, scale, weights);
            assertThat(actual.isDefined()).as(name + " AC " + weights).isEqualTo(!expected.isNull());
            if (!expected.isNull()) {
                GwetAc.Result ac = actual.orElseThrow();
                close(ac.coefficient(), expected, "coefficient", name + " AC " + weights);
                close(ac.pa(), expected, "pa", name + " pa " + weights);
                close(ac.pe(), expected, "pe", name + " pe " + weights);
                assertThat(ac.categories()).isEqualTo(expected.get("categories").asInt());
                assertThat(ac.units()).isEqualTo(expected.get("units").asInt());
                assertThat(ac.unitsWithTwoOrMore()).isEqualTo(expected.get("unitsWithTwoOrMore").asInt());
            }
        }
    }

    /** Relative 1e-9 for large numbers (the ordinal D_o runs to thousands), absolute 1e-9 otherwise. */
    private static void close(double actual, JsonNode node, String field, String what) {
        double expected = node.get(field).asDouble();
        assertThat(actual).as(what).isCloseTo(expected, within(POINT * Math.max(1, Math.abs(expected))));
    }

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = AgreementReferenceDataTest.class.getResourceAsStream("agreement/" + name + ".json")) {
            assertThat(in).as(name).isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }

    private static RatingTable table(JsonNode rows) {
        Double[][] matrix = new Double[rows.size()][];
        for (int u = 0; u < rows.size(); u++) {
            JsonNode row = rows.get(u);
            matrix[u] = new Double[row.size()];
            for (int r = 0; r < row.size(); r++) {
                matrix[u][r] = row.get(r).isNull() ? null : row.get(r).asDouble();
            }
        }
        return RatingTable.ofMatrix(matrix);
    }
}
