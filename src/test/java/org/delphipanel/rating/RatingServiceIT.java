package org.delphipanel.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.delphipanel.framework.Criterion;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserService;
import org.delphipanel.study.ConcurrentChangeException;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.StudyTestData;
import org.delphipanel.study.StudyTestData.Fixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class RatingServiceIT {

    @Autowired
    RatingService ratings;

    @Autowired
    StudyService studies;

    @Autowired
    StudyTestData data;

    @Autowired
    UserService users;

    private RatingChange change(Fixture fixture, int criterion, String grade, Integer expectedVersion) {
        Criterion c = fixture.framework().criteria().get(criterion);
        return new RatingChange(fixture.round().id(), fixture.targets().get(0).id(), c.id(), new BigDecimal(grade),
                Confidence.MEDIUM, "because", List.of(), expectedVersion);
    }

    @Test
    void an_expert_saves_and_changes_a_rating_in_an_open_round() {
        Fixture fixture = data.anOpenRound(2, 1);
        Rating first = ratings.save(fixture.expert(0), change(fixture, 0, "2.3", null));
        assertThat(first.grade()).isEqualByComparingTo("2.3");
        Rating second = ratings.save(fixture.expert(0), change(fixture, 0, "3.1", first.version()));
        assertThat(second.grade()).isEqualByComparingTo("3.1");
        assertThat(second.version()).isEqualTo(first.version() + 1);
        assertThat(ratings.myRatings(fixture.expert(0), fixture.round().id())).hasSize(1);
        assertThat(ratings.ratedCount(fixture.expert(0), fixture.round().id())).isEqualTo(1);
    }

    @Test
    void while_a_round_is_open_an_expert_cannot_read_the_other_experts_ratings() {
        Fixture fixture = data.anOpenRound(2, 1);
        ratings.save(fixture.expert(0), change(fixture, 0, "2.0", null));
        ratings.save(fixture.expert(1), change(fixture, 0, "4.0", null));
        assertThatThrownBy(() -> ratings.roundRatings(fixture.expert(0), fixture.round().id()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("still open");
        assertThat(ratings.myRatings(fixture.expert(0), fixture.round().id()))
                .extracting(r -> r.grade().doubleValue()).containsExactly(2.0);
        assertThat(ratings.roundRatings(fixture.facilitatorId(), fixture.round().id())).hasSize(2);
        studies.closeRound(fixture.facilitatorId(), fixture.round().id());
        assertThat(ratings.roundRatings(fixture.expert(0), fixture.round().id())).hasSize(2);
    }

    @Test
    void a_stale_version_from_another_tab_is_a_conflict_not_a_silent_overwrite() {
        Fixture fixture = data.anOpenRound(1, 1);
        Rating first = ratings.save(fixture.expert(0), change(fixture, 0, "1.0", null));
        ratings.save(fixture.expert(0), change(fixture, 0, "1.5", first.version()));
        assertThatThrownBy(() -> ratings.save(fixture.expert(0), change(fixture, 0, "4.5", first.version())))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageContaining("another tab");
        assertThat(ratings.myRatings(fixture.expert(0), fixture.round().id()))
                .extracting(r -> r.grade().doubleValue()).containsExactly(1.5);
    }

    @Test
    void grades_off_the_scale_or_between_steps_are_refused_with_the_criterion_named() {
        Fixture fixture = data.anOpenRound(1, 1);
        assertThatThrownBy(() -> ratings.save(fixture.expert(0), change(fixture, 0, "5.1", null)))
                .hasMessageContaining("between 0 and 5");
        assertThatThrownBy(() -> ratings.save(fixture.expert(0), change(fixture, 0, "2.35", null)))
                .hasMessageContaining("multiple of 0.1");
        assertThat(ratings.myRatings(fixture.expert(0), fixture.round().id())).isEmpty();
    }

    @Test
    void facilitators_do_not_rate_and_ratings_stop_when_the_round_closes() {
        Fixture fixture = data.anOpenRound(1, 1);
        assertThatThrownBy(() -> ratings.save(fixture.facilitatorId(), change(fixture, 0, "2.0", null)))
                .isInstanceOf(AccessDeniedException.class);
        studies.closeRound(fixture.facilitatorId(), fixture.round().id());
        assertThatThrownBy(() -> ratings.save(fixture.expert(0), change(fixture, 0, "2.0", null)))
                .isInstanceOf(RoundNotOpenException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void someone_outside_the_panel_reads_nothing() {
        Fixture fixture = data.anOpenRound(1, 1);
        Fixture other = data.anOpenRound(1, 1);
        studies.closeRound(fixture.facilitatorId(), fixture.round().id());
        assertThatThrownBy(() -> ratings.roundRatings(other.expert(0), fixture.round().id()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("not on the panel");
    }

    @Test
    void an_administrator_oversees_a_round_without_being_on_its_panel() {
        Fixture fixture = data.anOpenRound(1, 1);
        ratings.save(fixture.expert(0), change(fixture, 0, "2.0", null));
        long admin = users.createUser("admin-" + System.nanoTime() + "@example.org", "Admin", Role.ADMIN,
                "correct horse battery staple").id().value();
        assertThat(ratings.roundRatings(admin, fixture.round().id())).hasSize(1);
    }
}
