package org.delphipanel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.delphipanel.framework.Band;
import org.delphipanel.framework.FrameworkDefinition;
import org.delphipanel.framework.FrameworkNode;
import org.delphipanel.framework.ScaleDefinition;
import org.delphipanel.stats.MaturityScores;
import org.delphipanel.stats.PanelRatings;
import org.delphipanel.stats.Scale;
import org.delphipanel.stats.ScoreAggregation;
import org.delphipanel.stats.ScoringTree;
import org.junit.jupiter.api.Test;

/** The rubrics the score command reads become the statistics core's trees through FrameworkDefinition.toScoringTree(). */
class ScoreCommandTreeTest {

    private static final ScaleDefinition ZERO_TO_FIVE = ScaleDefinition.of("0", "5", "0.1", "0", "1", "2", "3", "4", "5");

    private final FrameworkDefinition saferAi = ScoreCommand.framework("saferai-2024");

    @Test
    void the_saferai_rubric_keeps_its_codes_order_criteria_and_scales() {
        ScoringTree tree = saferAi.toScoringTree();

        assertThat(tree.nodes()).extracting(ScoringTree.Node::code)
                .containsExactlyElementsOf(saferAi.nodes().stream().map(FrameworkNode::code).toList());
        assertThat(tree.criteria()).extracting(ScoringTree.Node::code)
                .containsExactlyElementsOf(saferAi.leaves().stream().map(FrameworkNode::code).toList());
        assertThat(tree.root().code()).isEqualTo("overall");
        for (ScoringTree.Node criterion : tree.criteria()) {
            assertThat(criterion.scale()).isEqualTo(new Scale(0, 5, 0.1));
        }
        assertThat(tree.node("risk-mitigation").children())
                .containsExactly("deployment-measures", "containment-measures", "assurance-properties");
        assertThat(tree.node("operational-risk-tolerance").parent()).isEqualTo("risk-tolerance-analysis");
    }

    @Test
    void the_product_of_weights_down_each_path_is_the_rubrics_effective_weight() {
        ScoringTree tree = saferAi.toScoringTree();
        Map<String, Double> effective = saferAi.effectiveWeights();

        for (ScoringTree.Node node : tree.nodes()) {
            double product = 1;
            for (ScoringTree.Node at = node; !at.isRoot(); at = tree.node(at.parent())) {
                product *= at.weight();
            }
            assertThat(product).as(node.code()).isCloseTo(effective.get(node.code()), within(1e-15));
        }
        // Annex A by hand: 1/3 x 1/2 for operational risk tolerance
        assertThat(tree.node("operational-risk-tolerance").weight()).isEqualTo(0.5);
    }

    @Test
    void the_saferai_bands_become_the_trees_bands() {
        ScoringTree tree = saferAi.toScoringTree();

        assertThat(tree.bands()).isEqualTo(ScoringTree.saferAiBands());
        assertThat(tree.bandOf(0).orElseThrow().label()).isEqualTo("Non-existent");
        assertThat(tree.bandOf(2.0).orElseThrow().label()).isEqualTo("Weak");
    }

    @Test
    void weights_that_sum_to_one_only_within_the_tolerance_are_normalised() {
        // 0.3333333 three times sums to 0.9999999, which both the rubric and the tree accept
        FrameworkNode root = FrameworkNode.inner("root", "Root", null, 1, List.of(
                FrameworkNode.leaf("a", "A", null, 0.3333333, ZERO_TO_FIVE),
                FrameworkNode.leaf("b", "B", null, 0.3333333, ZERO_TO_FIVE),
                FrameworkNode.leaf("c", "C", null, 0.3333333, ZERO_TO_FIVE)));
        FrameworkDefinition rubric = new FrameworkDefinition("thirds", 1, "Thirds", null, root, List.of(
                new Band("low", BigDecimal.ZERO, new BigDecimal("3"), true),
                new Band("high", new BigDecimal("3"), new BigDecimal("5"), false)));

        ScoringTree tree = rubric.toScoringTree();
        PanelRatings panel = PanelRatings.builder(tree).add("t", "a", "e", 3).add("t", "b", "e", 3).add("t", "c", "e", 3)
                .build();
        MaturityScores.Result scores = MaturityScores.of(panel, ScoreAggregation.median());

        assertThat(tree.node("a").weight()).isCloseTo(1.0 / 3, within(1e-15));
        // without the normalisation the overall score would be 2.9999997, not 3
        assertThat(scores.overall("t").orElseThrow()).isCloseTo(3.0, within(1e-12));
        assertThat(scores.band("t", "root").orElseThrow().label()).isEqualTo("low");
    }

    @Test
    void a_lone_child_stays_at_weight_one() {
        FrameworkNode root = FrameworkNode.inner("root", "Root", null, 1, List.of(
                FrameworkNode.inner("group", "Group", null, 1, List.of(
                        FrameworkNode.leaf("only", "Only", null, 0.9999995, ZERO_TO_FIVE)))));
        FrameworkDefinition rubric = new FrameworkDefinition("lone", 1, "Lone", null, root, List.of());

        ScoringTree tree = rubric.toScoringTree();

        assertThat(tree.node("only").weight()).isEqualTo(1.0);
        assertThat(tree.node("only").scale()).isEqualTo(new Scale(0, 5, 0.1));
        assertThat(tree.bands()).isEmpty();
    }

    @Test
    void a_rubric_file_with_mixed_scales_maps_each_leaf_to_its_own_scale() {
        ScoringTree tree = ScoreCommand.framework(CliRun.example("example-rubric.json")).toScoringTree();

        assertThat(tree.node("policy").scale()).isEqualTo(new Scale(0, 3, 0.5));
        assertThat(tree.node("disclosure").scale()).isEqualTo(new Scale(0, 3, 1));
        assertThat(tree.node("testing").weight()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(tree.node("practice").weight()).isEqualTo(0.6);
    }
}
