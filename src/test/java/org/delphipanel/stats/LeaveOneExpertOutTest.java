package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LeaveOneExpertOutTest {

    /**
     * root = 0.5 a + 0.5 b. Target t: a rated x=1, y=2, z=4; b rated x=3, y=3. Target u: a rated by z
     * alone (2); b rated x=1, y=2, z=3.
     */
    private static PanelRatings tiny() {
        Scale s = Scale.saferAi();
        ScoringTree tree = ScoringTree.builder().root("root").criterion("a", "root", 0.5, s)
                .criterion("b", "root", 0.5, s).build();
        return PanelRatings.builder(tree)
                .add("t", "a", "x", 1).add("t", "a", "y", 2).add("t", "a", "z", 4)
                .add("t", "b", "x", 3).add("t", "b", "y", 3)
                .add("u", "a", "z", 2)
                .add("u", "b", "x", 1).add("u", "b", "y", 2).add("u", "b", "z", 3)
                .build();
    }

    @Test
    void deltas_are_the_score_without_the_expert_minus_the_full_score_by_hand() {
        LeaveOneExpertOut.Result loo = LeaveOneExpertOut.of(tiny(), ScoreAggregation.median());
        // t full: median a = 2, b = 3, root 2.5
        // without x: a {2, 4} -> 3, b {3} -> 3, root 3     => deltas a +1,   b 0, root +0.5
        // without y: a {1, 4} -> 2.5, b 3, root 2.75         => deltas a +0.5, b 0, root +0.25
        // without z: a {1, 2} -> 1.5, b 3, root 2.25         => deltas a -0.5, b 0, root -0.25
        assertThat(loo.full().overall("t").orElseThrow()).isEqualTo(2.5);
        assertThat(loo.delta("x", "t", "a").orElseThrow()).isCloseTo(1.0, within(1e-12));
        assertThat(loo.delta("x", "t", "root").orElseThrow()).isCloseTo(0.5, within(1e-12));
        assertThat(loo.delta("y", "t", "a").orElseThrow()).isCloseTo(0.5, within(1e-12));
        assertThat(loo.delta("y", "t", "root").orElseThrow()).isCloseTo(0.25, within(1e-12));
        assertThat(loo.delta("z", "t", "a").orElseThrow()).isCloseTo(-0.5, within(1e-12));
        assertThat(loo.delta("z", "t", "b").orElseThrow()).isCloseTo(0.0, within(1e-12));
        assertThat(loo.delta("z", "t", "root").orElseThrow()).isCloseTo(-0.25, within(1e-12));
        // u full: a 2, b 2, root 2; without x: b {2, 3} -> 2.5, root 2.25
        assertThat(loo.delta("x", "u", "root").orElseThrow()).isCloseTo(0.25, within(1e-12));
        assertThat(loo.at("x", "u", "root").without().orElseThrow()).isCloseTo(2.25, within(1e-12));
    }

    @Test
    void leaving_out_the_only_rater_of_a_criterion_makes_the_delta_undefined_with_the_reason() {
        LeaveOneExpertOut.Result loo = LeaveOneExpertOut.of(tiny(), ScoreAggregation.median());
        assertThat(loo.delta("z", "u", "a"))
                .isEqualTo(Outcome.undefined("without expert z, criterion a of target u has no ratings"));
        assertThat(loo.delta("z", "u", "root")).isEqualTo(Outcome.undefined(
                "without expert z, criterion a of target u has no ratings (a criterion under root)"));
        // b is still defined without z: {1, 2} -> 1.5, delta -0.5
        assertThat(loo.delta("z", "u", "b").orElseThrow()).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void an_expert_who_rated_nothing_moves_nothing() {
        PanelRatings base = tiny();
        PanelRatings withIdle = PanelRatings.builder(base.tree())
                .add("t", "a", "x", 1).add("t", "b", "x", 3).expert("idle").build();
        LeaveOneExpertOut.Result loo = LeaveOneExpertOut.of(withIdle, ScoreAggregation.mean());
        assertThat(loo.delta("idle", "t", "root").orElseThrow()).isEqualTo(0.0);
        assertThat(loo.deltas()).hasSize(2 * 3);
    }
}
