package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.delphipanel.stats.ScoresTestData.*;

import org.junit.jupiter.api.Test;

class MaturityScoresTest {

    private final ScoringTree tree = saferAiTree();

    /**
     * Target acme, experts ann / bob / cat (cat skipped evaluation protocols):
     * identification 2.0 3.0 4.0 | global 1.0 1.0 4.0 | operational 2.5 3.5 3.0 | evaluation 0.0 4.0 -
     * deployment 1.2 1.8 1.5 | containment 0.6 0.9 0.3 | assurance 0.0 0.0 0.3.
     * Target bare: the same except that nobody rated containment measures.
     */
    private PanelRatings panel() {
        double[][] grades = {
            {2.0, 3.0, 4.0}, {1.0, 1.0, 4.0}, {2.5, 3.5, 3.0}, {0.0, 4.0, Double.NaN},
            {1.2, 1.8, 1.5}, {0.6, 0.9, 0.3}, {0.0, 0.0, 0.3}};
        String[] experts = {"ann", "bob", "cat"};
        PanelRatings.Builder builder = PanelRatings.builder(tree);
        for (String target : new String[] {"acme", "bare"}) {
            for (int c = 0; c < CRITERIA.length; c++) {
                if (target.equals("bare") && CRITERIA[c].equals(CONTAINMENT)) {
                    continue;
                }
                for (int e = 0; e < experts.length; e++) {
                    if (!Double.isNaN(grades[c][e])) {
                        builder.add(target, CRITERIA[c], experts[e], grades[c][e]);
                    }
                }
            }
        }
        return builder.build();
    }

    @Test
    void median_scores_roll_up_the_safer_ai_weights_by_hand() {
        MaturityScores.Result scores = MaturityScores.of(panel(), ScoreAggregation.median());
        // medians: identification 3.0, global 1.0, operational 3.0, evaluation (0 + 4) / 2 = 2.0,
        // deployment 1.5, containment 0.6, assurance 0.0
        // tolerance = 0.25 * 1.0 + 0.50 * 3.0 + 0.25 * 2.0 = 2.25
        // mitigation = (1.5 + 0.6 + 0.0) / 3 = 0.7
        // overall = (3.0 + 2.25 + 0.7) / 3 = 1.983333...
        assertThat(scores.score("acme", EVALUATION).orElseThrow()).isCloseTo(2.0, within(1e-12));
        assertThat(scores.score("acme", TOLERANCE).orElseThrow()).isCloseTo(2.25, within(1e-12));
        assertThat(scores.score("acme", MITIGATION).orElseThrow()).isCloseTo(0.7, within(1e-12));
        assertThat(scores.overall("acme").orElseThrow()).isCloseTo(5.95 / 3, within(1e-12));
        assertThat(scores.band("acme", OVERALL).orElseThrow().label()).isEqualTo("Weak");
        assertThat(scores.band("acme", TOLERANCE).orElseThrow().label()).isEqualTo("Moderate");
        assertThat(scores.band("acme", MITIGATION).orElseThrow().label()).isEqualTo("Very weak");
        assertThat(scores.band("acme", ASSURANCE).orElseThrow().label()).isEqualTo("Non-existent");
    }

    @Test
    void mean_scores_roll_up_by_hand() {
        MaturityScores.Result scores = MaturityScores.of(panel(), ScoreAggregation.mean());
        // means: identification 3.0, global 2.0, operational 3.0, evaluation 2.0, deployment 1.5,
        // containment 0.6, assurance 0.1; tolerance 0.5 + 1.5 + 0.5 = 2.5; mitigation 2.2 / 3;
        // overall (3.0 + 2.5 + 2.2 / 3) / 3 = 2.0777...
        assertThat(scores.score("acme", TOLERANCE).orElseThrow()).isCloseTo(2.5, within(1e-12));
        assertThat(scores.score("acme", MITIGATION).orElseThrow()).isCloseTo(2.2 / 3, within(1e-12));
        assertThat(scores.overall("acme").orElseThrow()).isCloseTo((5.5 + 2.2 / 3) / 3, within(1e-12));
    }

    @Test
    void a_criterion_nobody_rated_makes_it_and_its_ancestors_undefined_but_not_its_siblings() {
        MaturityScores.Result scores = MaturityScores.of(panel(), ScoreAggregation.median());
        assertThat(scores.score("bare", CONTAINMENT))
                .isEqualTo(Outcome.undefined("criterion containment-measures of target bare has no ratings"));
        assertThat(scores.score("bare", MITIGATION)).isEqualTo(Outcome.undefined(
                "criterion containment-measures of target bare has no ratings (a criterion under risk-mitigation)"));
        assertThat(scores.overall("bare").isDefined()).isFalse();
        assertThat(scores.band("bare", OVERALL).isDefined()).isFalse();
        assertThat(scores.score("bare", DEPLOYMENT).orElseThrow()).isCloseTo(1.5, within(1e-12));
        assertThat(scores.score("bare", TOLERANCE).orElseThrow()).isCloseTo(2.25, within(1e-12));
    }

    @Test
    void a_target_nobody_rated_is_undefined_everywhere() {
        PanelRatings panel = PanelRatings.builder(tree).add("acme", GLOBAL, "ann", 1).target("ghost").build();
        MaturityScores.Result scores = MaturityScores.of(panel, ScoreAggregation.median());
        assertThat(scores.scores()).filteredOn(s -> s.target().equals("ghost"))
                .allSatisfy(s -> assertThat(s.score().isDefined()).isFalse());
    }

    @Test
    void a_zero_weight_child_is_left_out_of_the_roll_up() {
        Scale s = Scale.saferAi();
        ScoringTree t = ScoringTree.builder().root("r").criterion("a", "r", 1, s).criterion("b", "r", 0, s).build();
        PanelRatings panel = PanelRatings.builder(t).add("x", "a", "ann", 2.4).build();
        MaturityScores.Result scores = MaturityScores.of(panel, ScoreAggregation.median());
        assertThat(scores.overall("x").orElseThrow()).isEqualTo(2.4);
        assertThat(scores.score("x", "b").isDefined()).isFalse();
    }

    @Test
    void confidence_weighted_scores_use_the_stated_confidences() {
        PanelRatings panel = PanelRatings.builder(tree)
                .add("acme", IDENTIFICATION, "ann", 2.0, PanelRatings.Confidence.LOW)
                .add("acme", IDENTIFICATION, "bob", 3.0)
                .add("acme", IDENTIFICATION, "cat", 4.0, PanelRatings.Confidence.HIGH)
                .build();
        // (1 * 2.0 + 2 * 3.0 (unstated counts as MEDIUM) + 3 * 4.0) / 6 = 20 / 6
        assertThat(MaturityScores.of(panel, ScoreAggregation.confidenceWeighted()).score("acme", IDENTIFICATION)
                .orElseThrow()).isCloseTo(20.0 / 6, within(1e-12));
    }
}
