package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.delphipanel.stats.ScoresTestData.*;

import org.junit.jupiter.api.Test;

class PanelRatingsTest {

    private final ScoringTree tree = saferAiTree();

    @Test
    void ratings_are_found_by_target_criterion_and_expert() {
        PanelRatings panel = PanelRatings.builder(tree)
                .add("acme", GLOBAL, "ann", 2.3, PanelRatings.Confidence.HIGH)
                .add("acme", GLOBAL, "bob", 0)
                .target("idle")
                .expert("carl")
                .build();
        assertThat(panel.targets()).containsExactly("acme", "idle");
        assertThat(panel.experts()).containsExactly("ann", "bob", "carl");
        assertThat(panel.ratingCount()).isEqualTo(2);
        assertThat(panel.rating("acme", GLOBAL, "ann").getAsDouble()).isEqualTo(2.3);
        assertThat(panel.rating("acme", GLOBAL, "carl")).isEmpty();
        assertThat(panel.confidence("acme", GLOBAL, "ann")).contains(PanelRatings.Confidence.HIGH);
        assertThat(panel.confidence("acme", GLOBAL, "bob")).isEmpty();
    }

    @Test
    void a_second_rating_of_the_same_cell_by_the_same_expert_is_refused() {
        PanelRatings.Builder builder = PanelRatings.builder(tree).add("acme", GLOBAL, "ann", 2.3);
        assertThatThrownBy(() -> builder.add("acme", GLOBAL, "ann", 2.4))
                .hasMessage("a second rating for target acme, criterion global-risk-tolerance, expert ann");
    }

    @Test
    void grades_off_the_scale_or_between_steps_are_refused_naming_the_cell() {
        PanelRatings.Builder builder = PanelRatings.builder(tree);
        assertThatThrownBy(() -> builder.add("acme", GLOBAL, "ann", 5.1))
                .hasMessageContaining("grade 5.1 of target acme, criterion global-risk-tolerance, expert ann is off the scale");
        assertThatThrownBy(() -> builder.add("acme", ASSURANCE, "bob", 2.05))
                .hasMessageContaining("target acme, criterion assurance-properties, expert bob");
        assertThatThrownBy(() -> builder.add("acme", GLOBAL, "ann", Double.NaN)).hasMessageContaining("off the scale");
    }

    @Test
    void unknown_criteria_and_inner_nodes_cannot_be_rated() {
        PanelRatings.Builder builder = PanelRatings.builder(tree);
        assertThatThrownBy(() -> builder.add("acme", "safety-culture", "ann", 1))
                .hasMessage("unknown criterion in rating of target acme, criterion safety-culture, expert ann");
        assertThatThrownBy(() -> builder.add("acme", MITIGATION, "ann", 1))
                .hasMessageContaining("node risk-mitigation has children and cannot be rated");
    }
}
