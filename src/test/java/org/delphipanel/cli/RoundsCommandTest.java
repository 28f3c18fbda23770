package org.delphipanel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.delphipanel.stats.CellStatistics;
import org.delphipanel.stats.ClauseResult;
import org.delphipanel.stats.ConsensusRule;
import org.delphipanel.stats.QuantileType;
import org.delphipanel.stats.RatingTable;
import org.delphipanel.stats.RoundConvergence;
import org.delphipanel.stats.StoppingRule;
import org.delphipanel.stats.WilcoxonSignedRank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class RoundsCommandTest {

    private static final String R1 = CliRun.example("round1.csv");
    private static final String R2 = CliRun.example("round2.csv");
    private static final String R3 = CliRun.example("round3.csv");

    @TempDir
    Path dir;

    @Test
    void a_small_two_round_panel_gives_the_hand_and_scipy_checked_change() {
        // u1: round 1 = 1, 2, 3, 4, 5, 2; round 2 = 1.5, 2, 3.5, 3, 5, 2.6 (raters a-f)
        String first = CliRun.write(dir, "r1.csv", "unit,rater,value\nu1,a,1\nu1,b,2\nu1,c,3\nu1,d,4\nu1,e,5\nu1,f,2\n");
        String second = CliRun.write(dir, "r2.csv",
                "unit,rater,value\nu1,a,1.5\nu1,b,2\nu1,c,3.5\nu1,d,3\nu1,e,5\nu1,f,2.6\n");

        JsonNode u1 = CliRun.of("rounds", first, second).json().get("transitions").get(0).get("per_unit").get("u1");

        // d = 0.5, 0, 0.5, -1, 0, 0.6: changed (strictly above 0.5) = -1 and 0.6
        assertThat(u1.get("n_pairs").intValue()).isEqualTo(6);
        assertThat(u1.get("n_changed").intValue()).isEqualTo(2);
        assertThat(u1.get("fraction_changed").doubleValue()).isEqualTo(2.0 / 6);
        assertThat(u1.get("n_nonzero").intValue()).isEqualTo(4);
        // |d| mid-ranks 1.5, 1.5, 3 (0.6), 4 (1.0); V = 1.5 + 1.5 + 3 = 6
        assertThat(u1.get("V").doubleValue()).isEqualTo(6.0);
        // scipy.stats.wilcoxon(d, zero_method='wilcox', method='approx', correction=True / False)
        assertThat(u1.get("p_normal_correct").doubleValue()).isCloseTo(0.8539232992870668, within(1e-12));
        assertThat(u1.get("p_normal_nocorrect").doubleValue()).isCloseTo(0.7127018566581784, within(1e-12));
        // enumeration of the 16 sign assignments of the mid-ranks (itertools.product in Python): 0.75
        assertThat(u1.get("p_exact_conditional").doubleValue()).isEqualTo(0.75);
        // numpy: median 2.75 - 2.5; IQR (type 7) 1.225 - 1.75
        assertThat(u1.get("median_change").doubleValue()).isCloseTo(0.3, within(1e-12));
        assertThat(u1.get("iqr_change").doubleValue()).isCloseTo(-0.525, within(1e-12));
    }

    @Test
    void transitions_are_the_round_convergence_of_each_consecutive_pair() {
        JsonNode json = CliRun.of("rounds", R1, R2, R3).json();
        List<RatingTable> tables = List.of(RatingsFile.read(R1, null), RatingsFile.read(R2, null),
                RatingsFile.read(R3, null));

        assertThat(json.get("transitions")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode transition = json.get("transitions").get(i);
            RoundConvergence expected = RoundConvergence.between(tables.get(i), tables.get(i + 1), 0.5,
                    QuantileType.TYPE_7);
            assertThat(transition.get("from").intValue()).isEqualTo(i + 1);
            assertThat(transition.get("to").intValue()).isEqualTo(i + 2);
            assertThat(transition.get("pairs").intValue()).isEqualTo(expected.pooled().pairs());
            assertThat(transition.get("changed").intValue()).isEqualTo(expected.pooled().changed());
            assertThat(transition.get("fraction_changed").doubleValue())
                    .isEqualTo(expected.pooled().fractionChanged().orElseThrow());
            for (RoundConvergence.CellChange cell : expected.cells()) {
                JsonNode unit = transition.get("per_unit").get(cell.unit());
                assertThat(unit.get("n_pairs").intValue()).isEqualTo(cell.pairs());
                assertThat(unit.get("n_changed").intValue()).isEqualTo(cell.changed());
                assertThat(unit.get("n_nonzero").intValue()).isEqualTo(cell.nonZero());
                assertThat(unit.get("median_change").doubleValue()).isEqualTo(cell.medianChange().orElseThrow());
                assertThat(unit.get("iqr_change").doubleValue()).isEqualTo(cell.iqrChange().orElseThrow());
                if (cell.wilcoxon().isDefined()) {
                    WilcoxonSignedRank w = cell.wilcoxon().orElseThrow();
                    assertThat(unit.get("V").doubleValue()).isEqualTo(w.v());
                    assertThat(unit.get("p_normal_correct").doubleValue()).isEqualTo(w.pNormalCorrected());
                    assertThat(unit.get("p_normal_nocorrect").doubleValue()).isEqualTo(w.pNormal());
                    assertThat(unit.get("p_exact_conditional").doubleValue()).isEqualTo(w.pExact().orElseThrow());
                } else {
                    assertThat(unit.get("V").isNull()).isTrue();
                    assertThat(json.get("undefined").has("transitions[" + i + "].per_unit." + cell.unit() + ".V")).isTrue();
                }
            }
        }
        // round 1 misses e6's rating of globex/risk-mitigation: that expert is no pair there
        assertThat(json.get("transitions").get(0).get("per_unit").get("globex/risk-mitigation").get("n_pairs").intValue())
                .isEqualTo(5);
    }

    @Test
    void each_round_has_unit_summaries_and_the_default_consensus_with_its_clauses() {
        JsonNode json = CliRun.of("rounds", R1, R2).json();
        RatingTable table = RatingsFile.read(R1, null);
        ConsensusRule rule = ConsensusRule.saferAiDefault();

        assertThat(json.get("settings").get("consensus_rule").stringValue()).isEqualTo("iqr<=1 and within(1)>=0.7");
        JsonNode round = json.get("rounds").get(0);
        assertThat(round.get("round").intValue()).isEqualTo(1);
        assertThat(round.get("file").stringValue()).isEqualTo(R1);
        int agreed = 0;
        for (int u = 0; u < table.unitCount(); u++) {
            CellStatistics cell = CellStatistics.of(table.unitValues(u), QuantileType.TYPE_7);
            ConsensusRule.Evaluation evaluation = rule.evaluate(cell);
            JsonNode unit = round.get("units").get(table.units().get(u));
            assertThat(unit.get("median").doubleValue()).isEqualTo(cell.median().orElseThrow());
            assertThat(unit.get("iqr").doubleValue()).isEqualTo(cell.iqr().orElseThrow());
            assertThat(unit.get("consensus").booleanValue()).isEqualTo(evaluation.consensus());
            for (int c = 0; c < evaluation.clauses().size(); c++) {
                ClauseResult clause = evaluation.clauses().get(c);
                JsonNode out = unit.get("clauses").get(c);
                assertThat(out.get("clause").stringValue()).isEqualTo(clause.clause());
                assertThat(out.get("observed").doubleValue()).isEqualTo(clause.observed().orElseThrow());
                assertThat(out.get("bound").doubleValue()).isEqualTo(clause.bound().orElseThrow());
                assertThat(out.get("passed").booleanValue()).isEqualTo(clause.passed());
            }
            agreed += evaluation.consensus() ? 1 : 0;
        }
        assertThat(round.get("cells_with_consensus").intValue()).isEqualTo(agreed);
        assertThat(round.get("consensus_share").doubleValue()).isEqualTo((double) agreed / table.unitCount());
    }

    @Test
    void the_stopping_advice_follows_the_default_rule_with_max_rounds_equal_to_the_number_of_files() {
        JsonNode stopping = CliRun.of("rounds", R1, R2).json().get("stopping");
        RatingTable first = RatingsFile.read(R1, null);
        RatingTable second = RatingsFile.read(R2, null);
        List<ConsensusRule.Evaluation> latest = new ArrayList<>();
        for (int u = 0; u < second.unitCount(); u++) {
            latest.add(ConsensusRule.saferAiDefault().evaluate(CellStatistics.of(second.unitValues(u))));
        }
        StoppingRule.Recommendation expected = StoppingRule.parse(StoppingRule.DEFAULT_SPEC).evaluate(
                StoppingRule.Progress.of(2, 2, latest, Optional.of(RoundConvergence.between(first, second))));

        assertThat(stopping.get("max_rounds").intValue()).isEqualTo(2);
        assertThat(stopping.get("rounds_completed").intValue()).isEqualTo(2);
        assertThat(stopping.get("stop").booleanValue()).isEqualTo(expected.stop()).isTrue();
        assertThat(stopping.get("triggered").valueStream().map(JsonNode::stringValue).toList())
                .isEqualTo(expected.triggered().stream().map(ClauseResult::clause).toList())
                .contains("max_rounds");
        assertThat(stopping.get("clauses")).hasSize(expected.clauses().size());
    }

    @Test
    void a_higher_cap_on_rounds_lets_the_data_decide() {
        JsonNode stopping = CliRun.of("rounds", R1, R2, "--max-rounds", "5").json().get("stopping");

        JsonNode maxRounds = stopping.get("clauses").get(2);
        assertThat(maxRounds.get("clause").stringValue()).isEqualTo("max_rounds");
        assertThat(maxRounds.get("observed").doubleValue()).isEqualTo(2.0);
        assertThat(maxRounds.get("bound").doubleValue()).isEqualTo(5.0);
        assertThat(maxRounds.get("passed").booleanValue()).isFalse();
        assertThat(stopping.get("triggered").valueStream().map(JsonNode::stringValue)).doesNotContain("max_rounds");
    }

    @Test
    void one_round_has_no_transition_and_stability_is_undefined() {
        JsonNode json = CliRun.of("rounds", R1, "--max-rounds", "3").json();

        assertThat(json.get("transitions")).isEmpty();
        JsonNode stable = json.get("stopping").get("clauses").get(1);
        assertThat(stable.get("observed").isNull()).isTrue();
        assertThat(json.get("undefined").get("stopping.clauses[1].observed").stringValue()).contains("two rounds");
    }

    @Test
    void the_change_threshold_and_quantile_type_options_are_applied_and_named() {
        JsonNode json = CliRun.of("rounds", R1, R2, "--change-threshold", "0.2", "--quantile-type", "6").json();
        RoundConvergence expected = RoundConvergence.between(RatingsFile.read(R1, null), RatingsFile.read(R2, null), 0.2,
                QuantileType.TYPE_6);

        assertThat(json.get("quantile_type").intValue()).isEqualTo(6);
        assertThat(json.get("settings").get("change_threshold").doubleValue()).isEqualTo(0.2);
        assertThat(json.get("transitions").get(0).get("changed").intValue()).isEqualTo(expected.pooled().changed());
        String unit = expected.cells().get(0).unit();
        assertThat(json.get("transitions").get(0).get("per_unit").get(unit).get("iqr_change").doubleValue())
                .isEqualTo(expected.cells().get(0).iqrChange().orElseThrow());
    }

    @Test
    void with_a_scale_the_unit_summaries_carry_rwg() {
        JsonNode unit = CliRun.of("rounds", R1, R2, "--scale", "0:5:0.1").json().get("rounds").get(1).get("units")
                .get("acme/risk-identification");

        assertThat(unit.get("rwg").isNumber()).isTrue();
    }
}
