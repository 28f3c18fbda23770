package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoppingRuleTest {

    /** Two rounds of two cells x five experts in which exactly 1 of the 10 pairs moves by more than 0.5. */
    private static RoundConvergence oneChangeInTen() {
        RatingTable.Builder earlier = RatingTable.builder();
        RatingTable.Builder later = RatingTable.builder();
        for (String unit : new String[] {"A", "B"}) {
            for (int r = 0; r < 5; r++) {
                earlier.add(unit, "r" + r, 2.0);
                later.add(unit, "r" + r, unit.equals("A") && r == 0 ? 3.0 : 2.0);
            }
        }
        return RoundConvergence.between(earlier.build(), later.build());
    }

    @Test
    void the_default_rule_round_trips() {
        StoppingRule rule = StoppingRule.parse(StoppingRule.DEFAULT_SPEC);

        assertThat(rule.spec()).isEqualTo("consensus>=0.8 or stable(0.15) or max_rounds");
        assertThat(StoppingRule.parse("CONSENSUS >= 0.80 OR stable( 0.15 ) or max_rounds")).isEqualTo(rule);
        assertThat(StoppingRule.parse("(consensus>=0.8 and stable(0.1)) or max_rounds").spec())
                .isEqualTo("consensus>=0.8 and stable(0.1) or max_rounds");
        assertThat(StoppingRule.parse("consensus>=0.8 and (stable(0.1) or max_rounds)").spec())
                .isEqualTo("consensus>=0.8 and (stable(0.1) or max_rounds)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "consensus>=80            | 80         | 11",
            "stable(0.15              | ''         | 11",
            "max_round                | max_round  | 0",
            "consensus>=0.8 or        | ''         | 17",
            "consensus>=0.8 stable(1) | stable     | 15",
    })
    void bad_stopping_rules_are_refused_naming_the_token(String text, String token, int position) {
        RuleSyntaxException error = catchThrowableOfType(RuleSyntaxException.class, () -> StoppingRule.parse(text));

        assertThat(error).as(text).isNotNull();
        assertThat(error.token()).isEqualTo(token);
        assertThat(error.position()).isEqualTo(position);
        assertThat(error.getMessage()).startsWith("stopping rule '" + text + "'");
    }

    @Test
    void consensus_on_enough_cells_stops_and_says_so() {
        StoppingRule rule = StoppingRule.parse(StoppingRule.DEFAULT_SPEC);
        StoppingRule.Progress progress = new StoppingRule.Progress(1, 3, 10, 8, Optional.empty());

        StoppingRule.Recommendation advice = rule.evaluate(progress);

        assertThat(advice.stop()).isTrue();
        assertThat(advice.triggered()).extracting(ClauseResult::clause).containsExactly("consensus>=0.8");
        assertThat(advice.clauses()).hasSize(3);
        assertThat(advice.clauses().get(0).observed().orElseThrow()).isCloseTo(0.8, within(1e-12));
        assertThat(advice.clauses().get(1).observed().isDefined()).as("no stability after round 1").isFalse();
        assertThat(advice.clauses().get(2).observed().orElseThrow()).isEqualTo(1.0);
        assertThat(advice.clauses().get(2).bound().orElseThrow()).isEqualTo(3.0);
    }

    @Test
    void a_stable_panel_stops_and_an_unstable_one_continues() {
        StoppingRule.Progress progress = new StoppingRule.Progress(2, 5, 2, 0, Optional.of(oneChangeInTen()));

        StoppingRule.Recommendation stable = StoppingRule.parse("stable(0.1)").evaluate(progress);
        assertThat(stable.stop()).isTrue();
        assertThat(stable.clauses().getFirst().observed().orElseThrow()).isCloseTo(0.1, within(1e-12));

        StoppingRule.Recommendation unstable = StoppingRule.parse("stable(0.05) or max_rounds").evaluate(progress);
        assertThat(unstable.stop()).isFalse();
        assertThat(unstable.triggered()).isEmpty();
    }

    @Test
    void max_rounds_stops_when_the_cap_is_reached() {
        StoppingRule rule = StoppingRule.parse("consensus>=0.9 or max_rounds");

        assertThat(rule.evaluate(new StoppingRule.Progress(2, 3, 4, 1, Optional.empty())).stop()).isFalse();
        StoppingRule.Recommendation advice = rule.evaluate(new StoppingRule.Progress(3, 3, 4, 1, Optional.empty()));
        assertThat(advice.stop()).isTrue();
        assertThat(advice.triggered()).extracting(ClauseResult::clause).containsExactly("max_rounds");
    }

    @Test
    void a_passing_clause_inside_a_failed_all_of_does_not_trigger() {
        StoppingRule rule = StoppingRule.parse("consensus>=0.5 and stable(0.05) or max_rounds");
        StoppingRule.Progress progress = new StoppingRule.Progress(4, 4, 2, 2, Optional.of(oneChangeInTen()));

        StoppingRule.Recommendation advice = rule.evaluate(progress);

        assertThat(advice.stop()).isTrue();
        assertThat(advice.triggered()).extracting(ClauseResult::clause).containsExactly("max_rounds");
        assertThat(advice.clauses()).extracting(ClauseResult::passed).containsExactly(true, false, true);
    }

    @Test
    void progress_is_built_from_consensus_evaluations() {
        CellStatistics tight = CellStatistics.of(new double[] {3.0, 3.1, 3.2}, QuantileType.TYPE_7, Scale.saferAi());
        CellStatistics split = CellStatistics.of(new double[] {0.0, 2.5, 5.0}, QuantileType.TYPE_7, Scale.saferAi());
        ConsensusRule consensus = ConsensusRule.saferAiDefault();

        StoppingRule.Progress progress = StoppingRule.Progress.of(1, 3,
                java.util.List.of(consensus.evaluate(tight), consensus.evaluate(split)), Optional.empty());

        assertThat(progress.cells()).isEqualTo(2);
        assertThat(progress.cellsWithConsensus()).isEqualTo(1);
        assertThat(progress.consensusShare().orElseThrow()).isEqualTo(0.5);
    }

    @Test
    void impossible_progress_is_refused() {
        assertThatThrownBy(() -> new StoppingRule.Progress(0, 3, 1, 1, Optional.empty()))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new StoppingRule.Progress(1, 3, 1, 2, Optional.empty()))
                .hasMessageContaining("cells with consensus");
    }
}
