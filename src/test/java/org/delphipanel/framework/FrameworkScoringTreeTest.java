package org.delphipanel.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.delphipanel.stats.MaturityScores;
import org.delphipanel.stats.PanelRatings;
import org.delphipanel.stats.Scale;
import org.delphipanel.stats.ScoreAggregation;
import org.delphipanel.stats.ScoringTree;
import org.junit.jupiter.api.Test;

/** A rubric mapped onto the statistics core's tree scores exactly as the rubric's own weights say. */
class FrameworkScoringTreeTest {

    private final FrameworkDefinition saferAi =
            RubricParser.parse(BuiltInFrameworks.saferAiSource(), "saferai-2024.json");

    @Test
    void the_tree_keeps_the_codes_order_scales_and_bands_of_the_rubric() {
        ScoringTree tree = saferAi.toScoringTree();

        assertThat(tree.nodes()).extracting(ScoringTree.Node::code)
                .containsExactlyElementsOf(saferAi.nodes().stream().map(FrameworkNode::code).toList());
        assertThat(tree.criteria()).extracting(ScoringTree.Node::code)
                .containsExactlyElementsOf(saferAi.leaves().stream().map(FrameworkNode::code).toList());
        assertThat(tree.criteria()).extracting(ScoringTree.Node::scale).containsOnly(new Scale(0, 5, 0.1));
        assertThat(tree.root().code()).isEqualTo("overall");
        assertThat(tree.node("operational-risk-tolerance").parent()).isEqualTo("risk-tolerance-analysis");
        assertThat(tree.node("operational-risk-tolerance").weight()).isEqualTo(0.5);
        assertThat(tree.bands()).extracting(ScoringTree.Band::label)
                .containsExactly("Non-existent", "Very weak", "Weak", "Moderate", "Substantial", "Strong");
        assertThat(tree.bands().get(0)).isEqualTo(new ScoringTree.Band("Non-existent", 0, 0, true));
        assertThat(tree.bands().get(3)).isEqualTo(new ScoringTree.Band("Moderate", 2, 3, false));
    }

    @Test
    void the_overall_score_rolled_up_by_the_tree_is_the_sum_of_effective_weight_times_grade() {
        ScoringTree tree = saferAi.toScoringTree();
        // one expert, grades 0.5, 1.0, ... 3.5 on the seven criteria in file order
        var panel = PanelRatings.builder(tree);
        List<FrameworkNode> leaves = saferAi.leaves();
        double expected = 0;
        for (int i = 0; i < leaves.size(); i++) {
            double grade = 0.5 * (i + 1);
            panel.add("t", leaves.get(i).code(), "e", grade);
            expected += saferAi.effectiveWeight(leaves.get(i).code()) * grade;
        }
        MaturityScores.Result scores = MaturityScores.of(panel.build(), ScoreAggregation.median());

        // by hand: 1/3 * 0.5 + 1/3 * (0.25 * 1.0 + 0.5 * 1.5 + 0.25 * 2.0) + 1/3 * (2.5 + 3.0 + 3.5) / 3 = 1.66667
        assertThat(expected).isCloseTo(0.5 / 3 + 1.5 / 3 + 3.0 / 3, within(1e-12));
        assertThat(scores.overall("t").orElseThrow()).isCloseTo(expected, within(1e-12));
        assertThat(scores.band("t", "overall").orElseThrow().label()).isEqualTo("Weak");
        assertThat(scores.score("t", "risk-mitigation").orElseThrow()).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void weights_written_as_rounded_thirds_are_normalised_so_all_threes_score_exactly_three() {
        var scale = ScaleDefinition.of("0", "5", "1", "a", "b", "c", "d", "e", "f");
        var root = FrameworkNode.inner("root", "Root", null, 1, List.of(
                FrameworkNode.leaf("a", "A", null, 0.3333333, scale),
                FrameworkNode.leaf("b", "B", null, 0.3333333, scale),
                FrameworkNode.leaf("c", "C", null, 0.3333333, scale)));
        var bands = List.of(
                new Band("Low", new java.math.BigDecimal("0"), new java.math.BigDecimal("3"), true),
                new Band("High", new java.math.BigDecimal("3"), new java.math.BigDecimal("5"), false));
        var rubric = new FrameworkDefinition("thirds", 1, "Thirds", null, root, bands);

        ScoringTree tree = rubric.toScoringTree();
        var panel = PanelRatings.builder(tree).add("t", "a", "e", 3).add("t", "b", "e", 3).add("t", "c", "e", 3).build();
        MaturityScores.Result scores = MaturityScores.of(panel, ScoreAggregation.median());

        assertThat(tree.node("a").weight()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(scores.overall("t").orElseThrow()).isCloseTo(3, within(1e-12));
        assertThat(scores.band("t", "root").orElseThrow().label()).isEqualTo("Low");
    }
}
