package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.delphipanel.stats.ScoresTestData.*;

import org.junit.jupiter.api.Test;

class ScoringTreeTest {

    private final ScoringTree tree = saferAiTree();

    @Test
    void the_safer_ai_tree_lists_nodes_in_pre_order_and_its_seven_criteria() {
        assertThat(tree.nodes()).extracting(ScoringTree.Node::code).containsExactly(OVERALL, IDENTIFICATION,
                TOLERANCE, GLOBAL, OPERATIONAL, EVALUATION, MITIGATION, DEPLOYMENT, CONTAINMENT, ASSURANCE);
        assertThat(tree.criteria()).extracting(ScoringTree.Node::code).containsExactly(CRITERIA);
        assertThat(tree.root().isRoot()).isTrue();
        assertThat(tree.node(TOLERANCE).children()).containsExactly(GLOBAL, OPERATIONAL, EVALUATION);
        assertThat(tree.node(OPERATIONAL).weight()).isEqualTo(0.5);
        assertThat(tree.node(OPERATIONAL).parent()).isEqualTo(TOLERANCE);
    }

    @Test
    void scores_on_band_boundaries_get_the_band_that_closes_there() {
        assertThat(tree.bandOf(0).orElseThrow().label()).isEqualTo("Non-existent");
        assertThat(tree.bandOf(0.1).orElseThrow().label()).isEqualTo("Very weak");
        assertThat(tree.bandOf(1.0).orElseThrow().label()).isEqualTo("Very weak");
        assertThat(tree.bandOf(1.0000001).orElseThrow().label()).isEqualTo("Weak");
        assertThat(tree.bandOf(2.0).orElseThrow().label()).isEqualTo("Weak");
        assertThat(tree.bandOf(3.5).orElseThrow().label()).isEqualTo("Substantial");
        assertThat(tree.bandOf(4.0000001).orElseThrow().label()).isEqualTo("Strong");
        assertThat(tree.bandOf(5.0).orElseThrow().label()).isEqualTo("Strong");
    }

    @Test
    void rounding_error_of_a_weighted_sum_does_not_move_a_score_across_a_boundary() {
        // 1/3 + 1/3 + 1/3 of 1.0 in floating point can land a hair off 1.0
        double sum = (1.0 / 3) * 1.0 + (1.0 / 3) * 1.0 + (1.0 / 3) * 1.0;
        assertThat(tree.bandOf(sum).orElseThrow().label()).isEqualTo("Very weak");
        assertThat(tree.bandOf(Math.nextUp(1.0)).orElseThrow().label()).isEqualTo("Very weak");
        assertThat(tree.bandOf(Math.nextDown(0.0)).orElseThrow().label()).isEqualTo("Non-existent");
    }

    @Test
    void a_score_outside_every_band_has_no_band() {
        assertThat(tree.bandOf(5.1).isDefined()).isFalse();
        assertThat(tree.bandOf(-0.5)).isEqualTo(Outcome.undefined("score -0.5 lies in no band"));
        ScoringTree noBands = singleCriterionTree(Scale.saferAi());
        assertThat(noBands.bandOf(2)).isEqualTo(Outcome.undefined("the scoring tree has no bands"));
    }

    @Test
    void children_weights_must_sum_to_one_and_the_message_names_the_parent() {
        assertThatThrownBy(() -> ScoringTree.builder().root("r")
                .criterion("a", "r", 0.5, Scale.saferAi())
                .criterion("b", "r", 0.4, Scale.saferAi())
                .build())
                .hasMessageContaining("children of node r").hasMessageContaining("not 1");
    }

    @Test
    void weights_within_one_millionth_of_one_are_accepted() {
        ScoringTree t = ScoringTree.builder().root("r")
                .criterion("a", "r", 0.3333333, Scale.saferAi())
                .criterion("b", "r", 0.3333333, Scale.saferAi())
                .criterion("c", "r", 0.3333333, Scale.saferAi())
                .build();
        assertThat(t.criterionCount()).isEqualTo(3);
    }

    @Test
    void malformed_trees_are_refused_with_the_node_named() {
        Scale s = Scale.saferAi();
        assertThatThrownBy(() -> ScoringTree.builder().root("r").criterion("a", "r", 1, s).criterion("a", "r", 0, s))
                .hasMessageContaining("node code a is used twice");
        assertThatThrownBy(() -> ScoringTree.builder().root("r").root("q").criterion("a", "r", 1, s)
                .criterion("b", "q", 1, s).build())
                .hasMessageContaining("more than one root");
        assertThatThrownBy(() -> ScoringTree.builder().criterion("a", "r", 1, s).build())
                .hasMessageContaining("no root");
        assertThatThrownBy(() -> ScoringTree.builder().root("r").criterion("a", "x", 1, s).build())
                .hasMessageContaining("node a has an unknown parent x");
        assertThatThrownBy(() -> ScoringTree.builder().root("r").node("n", "r", 1).build())
                .hasMessageContaining("node n has no children and no scale");
        assertThatThrownBy(() -> ScoringTree.builder().root("r").criterion("a", "r", 1, s)
                .criterion("b", "a", 1, s).build())
                .hasMessageContaining("node b has criterion a as parent");
        assertThatThrownBy(() -> ScoringTree.builder().root("r").criterion("a", "r", 1.5, s))
                .hasMessageContaining("node a has weight 1.5");
        // x and y are each other's parent: a cycle never reached from the root
        assertThatThrownBy(() -> ScoringTree.builder().root("r").criterion("a", "r", 1, s)
                .node("x", "y", 1).node("y", "x", 1).build())
                .hasMessageContaining("[x, y] are not connected to root r");
    }

    @Test
    void overlapping_or_duplicate_bands_are_refused() {
        Scale s = Scale.saferAi();
        assertThatThrownBy(() -> ScoringTree.builder().root("r").criterion("a", "r", 1, s)
                .band("low", 0, 2, true).band("high", 1.5, 5, false).build())
                .hasMessageContaining("bands low and high overlap");
        assertThatThrownBy(() -> ScoringTree.builder().root("r").criterion("a", "r", 1, s)
                .band("low", 0, 1, true).band("high", 1, 5, true).build())
                .hasMessageContaining("bands low and high overlap");
        assertThatThrownBy(() -> ScoringTree.builder().root("r").criterion("a", "r", 1, s)
                .band("low", 0, 1, true).band("low", 1, 5, false).build())
                .hasMessageContaining("band label low is used twice");
        assertThatThrownBy(() -> new ScoringTree.Band("empty", 1, 1, false)).hasMessageContaining("empty");
    }
}
