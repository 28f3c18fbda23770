package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConsensusRuleTest {

    private static final Scale RUBRIC = Scale.saferAi();

    @Test
    void the_default_rule_reads_as_iqr_and_share_within_one_grade() {
        ConsensusRule rule = ConsensusRule.saferAiDefault();

        assertThat(rule).isEqualTo(new ConsensusRule.AllOf(List.of(
                new ConsensusRule.IqrAtMost(1), new ConsensusRule.ShareWithin(1, 0.7))));
        assertThat(rule.spec()).isEqualTo("iqr<=1 and within(1)>=0.7");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "iqr<=1 and within(1)>=0.70           | iqr<=1 and within(1)>=0.7",
            "IQR <= 1.0 AND within( 1 ) >= .7     | iqr<=1 and within(1)>=0.7",
            "rwg>=0.7 or ipr<=ipras               | rwg>=0.7 or ipr<=ipras",
            "iqr<=1 and (rwg>=0.5 or ipr<=ipras)  | iqr<=1 and (rwg>=0.5 or ipr<=ipras)",
            "(iqr<=1 and rwg>=0.5) or ipr<=ipras  | iqr<=1 and rwg>=0.5 or ipr<=ipras",
            "((iqr<=0.5))                         | iqr<=0.5",
            "iqr<=1 and (within(0.5)>=0.5 and rwg>=0.6) | iqr<=1 and within(0.5)>=0.5 and rwg>=0.6",
    })
    void rule_texts_round_trip_through_their_canonical_form(String text, String canonical) {
        ConsensusRule rule = ConsensusRule.parse(text);

        assertThat(rule.spec()).isEqualTo(canonical);
        assertThat(ConsensusRule.parse(rule.spec())).isEqualTo(rule);
    }

    @Test
    void and_binds_tighter_than_or() {
        ConsensusRule rule = ConsensusRule.parse("iqr<=1 or rwg>=0.7 and ipr<=ipras");

        assertThat(rule).isEqualTo(ConsensusRule.anyOf(new ConsensusRule.IqrAtMost(1), ConsensusRule.allOf(
                new ConsensusRule.RwgAtLeast(0.7), new ConsensusRule.NoRandUclaDisagreement())));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "iqr<=1 andd within(1)>=0.7 | andd       | 7",
            "iqr<1                      | <          | 3",
            "iqr>=1                     | >=         | 3",
            "iqr<=                      | ''         | 5",
            "within(1)>=1.5             | 1.5        | 11",
            "rwg>=2                     | 2          | 5",
            "sd<=1                      | sd         | 0",
            "iqr<=1 and                 | ''         | 10",
            "(iqr<=1                    | ''         | 7",
            "iqr<=1)                    | )          | 6",
            "ipr<=2                     | 2          | 5",
            "iqr<=1.                    | 1.         | 5",
            "within 1>=0.7              | 1          | 7",
    })
    void bad_rule_texts_are_refused_naming_the_token(String text, String token, int position) {
        RuleSyntaxException error = catchThrowableOfType(RuleSyntaxException.class, () -> ConsensusRule.parse(text));

        assertThat(error).as(text).isNotNull();
        assertThat(error.token()).isEqualTo(token);
        assertThat(error.position()).isEqualTo(position);
        assertThat(error.getMessage()).contains("consensus rule '" + text + "'").contains("position " + position);
        if (!token.isEmpty()) {
            assertThat(error.getMessage()).contains("'" + token + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void an_empty_rule_is_refused(String text) {
        assertThatThrownBy(() -> ConsensusRule.parse(text)).isInstanceOf(RuleSyntaxException.class)
                .hasMessageContaining("empty rule");
    }

    @Test
    void the_error_for_an_unknown_clause_lists_the_known_ones() {
        assertThatThrownBy(() -> ConsensusRule.parse("kappa>=0.6"))
                .hasMessageContaining("'kappa'")
                .hasMessageContaining("iqr<=T, within(D)>=P, rwg>=R or ipr<=ipras");
    }

    @Test
    void evaluation_explains_each_clause() {
        // Ratings 2.0 2.5 3.0 3.0 3.5 4.5 (type 7): Q1 = 2.625, Q3 = 3.375, IQR = 0.75; median 3.0,
        // within 1: 2.0 2.5 3.0 3.0 3.5 = 5/6; so iqr<=1 passes and within(1)>=0.9 fails.
        CellStatistics cell = CellStatistics.of(new double[] {3.0, 2.0, 3.5, 2.5, 4.5, 3.0}, QuantileType.TYPE_7,
                RUBRIC);

        ConsensusRule.Evaluation evaluation = ConsensusRule.parse("iqr<=1 and within(1)>=0.9").evaluate(cell);

        assertThat(evaluation.consensus()).isFalse();
        assertThat(evaluation.clauses()).hasSize(2);
        ClauseResult iqr = evaluation.clauses().get(0);
        assertThat(iqr.clause()).isEqualTo("iqr<=1");
        assertThat(iqr.observed().orElseThrow()).isCloseTo(0.75, within(1e-12));
        assertThat(iqr.bound().orElseThrow()).isEqualTo(1.0);
        assertThat(iqr.passed()).isTrue();
        ClauseResult share = evaluation.clauses().get(1);
        assertThat(share.clause()).isEqualTo("within(1)>=0.9");
        assertThat(share.observed().orElseThrow()).isCloseTo(5 / 6.0, within(1e-12));
        assertThat(share.passed()).isFalse();

        assertThat(ConsensusRule.parse("iqr<=1 or within(1)>=0.9").evaluate(cell).consensus()).isTrue();
        assertThat(ConsensusRule.saferAiDefault().evaluate(cell).consensus()).isTrue();
    }

    @Test
    void thresholds_are_inclusive_despite_binary_rounding() {
        // Ratings 3.4 3.4 4.4 4.4 (type 7): Q1 = 3.4, Q3 = 4.4, IQR = 4.4 - 3.4 = 1.0000000000000004 in binary.
        CellStatistics cell = CellStatistics.of(new double[] {3.4, 3.4, 4.4, 4.4}, QuantileType.TYPE_7, RUBRIC);

        assertThat(cell.iqr().orElseThrow()).isGreaterThan(1.0);
        assertThat(ConsensusRule.parse("iqr<=1").evaluate(cell).consensus()).isTrue();
    }

    @Test
    void a_clause_on_an_undefined_statistic_fails_with_the_reason() {
        CellStatistics single = CellStatistics.of(new double[] {3.0}, QuantileType.TYPE_7, RUBRIC);

        ConsensusRule.Evaluation evaluation = ConsensusRule.parse("rwg>=0.7").evaluate(single);

        assertThat(evaluation.consensus()).isFalse();
        assertThat(evaluation.clauses().getFirst().observed()).isInstanceOf(Outcome.Undefined.class);
        assertThat(((Outcome.Undefined<Double>) evaluation.clauses().getFirst().observed()).reason())
                .contains("at least two ratings");
    }

    @Test
    void the_rand_ucla_clause_reports_ipr_against_ipras() {
        // Hand-computed in RandUclaDisagreementTest: 1 1 1 2 5 8 9 9 9 gives IPR 7.2 > IPRAS 2.35.
        CellStatistics cell = CellStatistics.of(new double[] {1, 1, 1, 2, 5, 8, 9, 9, 9}, QuantileType.TYPE_7,
                new Scale(1, 9, 1));

        ClauseResult result = ConsensusRule.parse("ipr<=ipras").evaluate(cell).clauses().getFirst();

        assertThat(result.observed().orElseThrow()).isCloseTo(7.2, within(1e-12));
        assertThat(result.bound().orElseThrow()).isCloseTo(2.35, within(1e-12));
        assertThat(result.passed()).isFalse();
    }

    @Test
    void rules_refuse_thresholds_out_of_range_when_built_in_code() {
        assertThatThrownBy(() -> new ConsensusRule.ShareWithin(1, 1.2)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> new ConsensusRule.IqrAtMost(-1)).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> new ConsensusRule.AllOf(List.of(new ConsensusRule.IqrAtMost(1))))
                .hasMessageContaining("two parts");
    }
}
