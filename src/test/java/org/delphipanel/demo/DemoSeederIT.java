package org.delphipanel.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.delphipanel.PostgresTestSchema;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingService;
import org.delphipanel.security.UserService;
import org.delphipanel.stats.CellStatistics;
import org.delphipanel.stats.ConsensusRule;
import org.delphipanel.study.Round;
import org.delphipanel.study.RoundState;
import org.delphipanel.study.StudyOverview;
import org.delphipanel.study.StudyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo study on a fresh database: the shape README promises, seeded once. */
@SpringBootTest(properties = "delphi.demo.enabled=true")
class DemoSeederIT {

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) {
        PostgresTestSchema.useOwnSchema(registry, "demo");
    }

    @Autowired
    DemoSeeder seeder;

    @Autowired
    UserService users;

    @Autowired
    StudyService studies;

    @Autowired
    RatingService ratings;

    @Test
    void the_demo_has_six_targets_eight_experts_two_closed_rounds_and_one_open_round() {
        long facilitator = users.findByEmail("facilitator@example.org").orElseThrow().id().value();
        List<StudyOverview> overviews = studies.overviewsFor(facilitator);
        assertThat(overviews).hasSize(1);
        StudyOverview demo = overviews.get(0);
        assertThat(demo.study().name()).isEqualTo(DemoSeeder.STUDY_NAME);
        assertThat(demo.targetCount()).isEqualTo(6);
        assertThat(demo.expertCount()).isEqualTo(8);
        List<Round> rounds = studies.rounds(demo.study().id());
        assertThat(rounds).extracting(Round::state)
                .containsExactly(RoundState.CLOSED, RoundState.CLOSED, RoundState.OPEN);
        // closed rounds are complete: 6 targets x 7 criteria x 8 experts
        assertThat(ratings.roundRatings(facilitator, rounds.get(0).id())).hasSize(6 * 7 * 8);
        assertThat(ratings.roundRatings(facilitator, rounds.get(1).id())).hasSize(6 * 7 * 8);
        int open = ratings.roundRatings(facilitator, rounds.get(2).id()).size();
        assertThat(open).isGreaterThan(0).isLessThan(6 * 7 * 8);
    }

    @Test
    void a_database_with_users_is_never_seeded_again() {
        assertThat(seeder.seedIfEmpty()).isFalse();
        assertThat(users.list()).hasSize(10);
    }

    @Test
    void every_demo_login_exists_with_its_role() {
        assertThat(users.findByEmail("admin@example.org")).isPresent();
        for (int e = 1; e <= 8; e++) {
            assertThat(users.findByEmail("expert" + e + "@example.org")).as("expert " + e).isPresent();
        }
    }

    @Test
    void some_cells_are_still_contested_after_round_two_so_triage_has_disagreement_to_show() {
        long facilitator = users.findByEmail("facilitator@example.org").orElseThrow().id().value();
        StudyOverview demo = studies.overviewsFor(facilitator).get(0);
        Round second = studies.rounds(demo.study().id()).get(1);
        ConsensusRule rule = ConsensusRule.parse(demo.study().rules().consensusRule());
        Map<String, List<Double>> cells = new HashMap<>();
        for (Rating rating : ratings.roundRatings(facilitator, second.id())) {
            cells.computeIfAbsent(rating.targetId() + "/" + rating.criterionId(), key -> new ArrayList<>())
                    .add(rating.grade().doubleValue());
        }
        long withoutConsensus = cells.values().stream()
                .map(grades -> CellStatistics.of(grades.stream().mapToDouble(Double::doubleValue).toArray()))
                .filter(cell -> !rule.evaluate(cell).consensus())
                .count();
        assertThat(cells).hasSize(6 * 7);
        assertThat(withoutConsensus).isGreaterThanOrEqualTo(3).isLessThan(6 * 7 / 2);
    }
}
