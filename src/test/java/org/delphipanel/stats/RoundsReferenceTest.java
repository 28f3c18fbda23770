package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Held-out panels generated and evaluated by the independent Python implementation
 * src/test/python/rounds_reference.py (numpy quantiles, scipy mid-ranks, brute-force or big-integer exact
 * p-values, normal p-values cross-checked against scipy.stats.wilcoxon). Every figure must agree to 1e-9.
 */
class RoundsReferenceTest {

    private static final Offset<Double> TOLERANCE = within(1e-9);

    @ParameterizedTest
    @ValueSource(strings = {"saferai-tenths", "halves-many-ties", "nine-point", "saferai-wide", "large-pooled",
            "polarised"})
    void java_agrees_with_the_python_reference(String name) throws IOException {
        Map<String, Object> panel = load(name);
        List<Object> scaleParts = list(panel.get("scale"));
        Scale scale = new Scale(num(scaleParts.get(0)), num(scaleParts.get(1)), num(scaleParts.get(2)));
        RatingTable earlier = table(list(panel.get("earlier")));
        RatingTable later = table(list(panel.get("later")));
        double threshold = num(panel.get("change_threshold"));
        ConsensusRule defaultRule = ConsensusRule.saferAiDefault();
        ConsensusRule secondRule = ConsensusRule.parse("rwg>=0.7 or ipr<=ipras");

        RoundConvergence change = RoundConvergence.between(earlier, later, threshold, QuantileType.TYPE_7);

        List<ConsensusRule.Evaluation> latest = new java.util.ArrayList<>();
        for (Object cellObject : list(panel.get("cells"))) {
            Map<String, Object> cell = map(cellObject);
            String unit = (String) cell.get("unit");
            for (String round : List.of("earlier", "later")) {
                RatingTable table = round.equals("earlier") ? earlier : later;
                double[] values = table.unitValues(table.unitIndex(unit));
                Map<String, Object> expected = map(cell.get(round));
                CellStatistics type7 = CellStatistics.of(values, QuantileType.TYPE_7, scale);
                CellStatistics type6 = CellStatistics.of(values, QuantileType.TYPE_6, scale);
                String where = name + " " + unit + " " + round;
                checkCell(where, type7, type6, expected);
                ConsensusRule.Evaluation evaluation = defaultRule.evaluate(type7);
                assertThat(evaluation.consensus()).as(where + " default consensus")
                        .isEqualTo(expected.get("consensus_default"));
                assertThat(secondRule.evaluate(type7).consensus()).as(where + " second consensus")
                        .isEqualTo(expected.get("consensus_second"));
                if (round.equals("later")) {
                    latest.add(evaluation);
                }
            }
            checkChange(name + " " + unit, change.cell(unit), map(cell.get("change")));
        }

        Map<String, Object> pooled = map(panel.get("pooled"));
        RoundConvergence.Pooled actual = change.pooled();
        assertThat(actual.pairs()).isEqualTo(integer(pooled.get("pairs")));
        assertThat(actual.changed()).isEqualTo(integer(pooled.get("changed")));
        assertThat(actual.nonZero()).isEqualTo(integer(pooled.get("nonzero")));
        assertThat(actual.fractionChanged().orElseThrow()).isCloseTo(num(pooled.get("fraction_changed")), TOLERANCE);
        checkWilcoxon(name + " pooled", actual.wilcoxon(), pooled.get("wilcoxon"));

        Map<String, Object> stopping = map(panel.get("stopping"));
        StoppingRule.Progress progress = StoppingRule.Progress.of(2, integer(panel.get("max_rounds")), latest,
                Optional.of(change));
        assertThat(progress.consensusShare().orElseThrow()).isCloseTo(num(stopping.get("consensus_share")), TOLERANCE);
        StoppingRule.Recommendation advice = StoppingRule.parse(StoppingRule.DEFAULT_SPEC).evaluate(progress);
        assertThat(advice.stop()).as(name + " stop").isEqualTo(stopping.get("stop"));
        assertThat(advice.triggered()).extracting(ClauseResult::clause)
                .containsExactlyElementsOf(list(stopping.get("triggered")).stream().map(String.class::cast).toList());
    }

    private static void checkCell(String where, CellStatistics cell, CellStatistics type6, Map<String, Object> e) {
        assertThat(cell.n()).as(where).isEqualTo(integer(e.get("n")));
        if (cell.n() == 0) {
            assertThat(cell.median().isDefined()).isFalse();
            return;
        }
        assertThat(cell.mean().orElseThrow()).as(where + " mean").isCloseTo(num(e.get("mean")), TOLERANCE);
        assertThat(cell.median().orElseThrow()).as(where + " median").isCloseTo(num(e.get("median")), TOLERANCE);
        assertThat(cell.firstQuartile().orElseThrow()).as(where + " q1").isCloseTo(num(e.get("q1")), TOLERANCE);
        assertThat(cell.thirdQuartile().orElseThrow()).as(where + " q3").isCloseTo(num(e.get("q3")), TOLERANCE);
        assertThat(cell.iqr().orElseThrow()).as(where + " iqr").isCloseTo(num(e.get("iqr")), TOLERANCE);
        assertThat(cell.min().orElseThrow()).as(where + " min").isCloseTo(num(e.get("min")), TOLERANCE);
        assertThat(cell.max().orElseThrow()).as(where + " max").isCloseTo(num(e.get("max")), TOLERANCE);
        assertThat(cell.mad().orElseThrow()).as(where + " mad").isCloseTo(num(e.get("mad")), TOLERANCE);
        assertThat(cell.madScaled().orElseThrow()).as(where + " mad scaled")
                .isCloseTo(num(e.get("mad_scaled")), TOLERANCE);
        assertThat(cell.shareWithinHalf().orElseThrow()).as(where + " within 0.5")
                .isCloseTo(num(e.get("within_half")), TOLERANCE);
        assertThat(cell.shareWithinOne().orElseThrow()).as(where + " within 1")
                .isCloseTo(num(e.get("within_one")), TOLERANCE);
        assertThat(cell.histogram().orElseThrow().counts()).as(where + " histogram")
                .containsExactlyElementsOf(list(e.get("histogram")).stream().map(RoundsReferenceTest::integer).toList());
        if (e.containsKey("sd")) {
            assertThat(cell.standardDeviation().orElseThrow()).as(where + " sd").isCloseTo(num(e.get("sd")), TOLERANCE);
            assertThat(cell.rwg().orElseThrow()).as(where + " rwg").isCloseTo(num(e.get("rwg")), TOLERANCE);
            assertThat(cell.rwgTruncated().orElseThrow()).as(where + " rwg truncated")
                    .isCloseTo(num(e.get("rwg_truncated")), TOLERANCE);
        } else {
            assertThat(cell.standardDeviation().isDefined()).as(where + " sd undefined").isFalse();
            assertThat(cell.rwg().isDefined()).as(where + " rwg undefined").isFalse();
        }
        checkRand(where + " type 7", RandUclaDisagreement.of(cell).orElseThrow(), map(e.get("rand")));
        Map<String, Object> six = map(e.get("type6"));
        assertThat(type6.firstQuartile().orElseThrow()).as(where + " q1 type 6").isCloseTo(num(six.get("q1")), TOLERANCE);
        assertThat(type6.thirdQuartile().orElseThrow()).as(where + " q3 type 6").isCloseTo(num(six.get("q3")), TOLERANCE);
        assertThat(type6.iqr().orElseThrow()).as(where + " iqr type 6").isCloseTo(num(six.get("iqr")), TOLERANCE);
        checkRand(where + " type 6", RandUclaDisagreement.of(type6).orElseThrow(), map(six.get("rand")));
    }

    private static void checkRand(String where, RandUclaDisagreement rand, Map<String, Object> e) {
        assertThat(rand.p30()).as(where + " P30").isCloseTo(num(e.get("p30")), TOLERANCE);
        assertThat(rand.p70()).as(where + " P70").isCloseTo(num(e.get("p70")), TOLERANCE);
        assertThat(rand.ipr()).as(where + " IPR").isCloseTo(num(e.get("ipr")), TOLERANCE);
        assertThat(rand.ipras()).as(where + " IPRAS").isCloseTo(num(e.get("ipras")), TOLERANCE);
        assertThat(rand.disagreement()).as(where + " disagreement").isEqualTo(e.get("disagreement"));
    }

    private static void checkChange(String where, RoundConvergence.CellChange actual, Map<String, Object> e) {
        assertThat(actual.pairs()).as(where + " pairs").isEqualTo(integer(e.get("pairs")));
        assertThat(actual.changed()).as(where + " changed").isEqualTo(integer(e.get("changed")));
        assertThat(actual.nonZero()).as(where + " non-zero").isEqualTo(integer(e.get("nonzero")));
        if (e.get("fraction_changed") == null) {
            assertThat(actual.fractionChanged().isDefined()).isFalse();
        } else {
            assertThat(actual.fractionChanged().orElseThrow()).as(where + " fraction")
                    .isCloseTo(num(e.get("fraction_changed")), TOLERANCE);
        }
        assertThat(actual.medianChange().orElseThrow()).as(where + " median change")
                .isCloseTo(num(e.get("median_change")), TOLERANCE);
        assertThat(actual.iqrChange().orElseThrow()).as(where + " IQR change")
                .isCloseTo(num(e.get("iqr_change")), TOLERANCE);
        checkWilcoxon(where, actual.wilcoxon(), e.get("wilcoxon"));
    }

    private static void checkWilcoxon(String where, Outcome<WilcoxonSignedRank> actual, Object expectedObject) {
        if (expectedObject == null) {
            assertThat(actual.isDefined()).as(where + " Wilcoxon undefined").isFalse();
            return;
        }
        Map<String, Object> e = map(expectedObject);
        WilcoxonSignedRank test = actual.orElseThrow();
        assertThat(test.nonZero()).as(where + " n").isEqualTo(integer(e.get("n")));
        assertThat(test.v()).as(where + " V").isCloseTo(num(e.get("v")), TOLERANCE);
        assertThat(test.pNormal()).as(where + " p").isCloseTo(num(e.get("p")), TOLERANCE);
        assertThat(test.pNormalCorrected()).as(where + " p corrected").isCloseTo(num(e.get("p_corrected")), TOLERANCE);
        if (e.get("p_exact") == null) {
            assertThat(test.pExact().isDefined()).as(where + " exact p undefined").isFalse();
        } else {
            assertThat(test.pExact().orElseThrow()).as(where + " exact p").isCloseTo(num(e.get("p_exact")), TOLERANCE);
        }
    }

    private static RatingTable table(List<Object> triples) {
        RatingTable.Builder builder = RatingTable.builder();
        for (Object tripleObject : triples) {
            List<Object> triple = list(tripleObject);
            builder.add((String) triple.get(0), (String) triple.get(1), num(triple.get(2)));
        }
        return builder.build();
    }

    private static Map<String, Object> load(String name) throws IOException {
        try (InputStream in = RoundsReferenceTest.class.getResourceAsStream("rounds/" + name + ".json")) {
            assertThat(in).as("reference file for " + name).isNotNull();
            return map(MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static double num(Object value) {
        return (Double) value;
    }

    private static int integer(Object value) {
        return (int) Math.round((Double) value);
    }
}
