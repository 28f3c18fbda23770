package org.delphipanel.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class StudyServiceIT {

    @Autowired
    StudyService studies;

    @Autowired
    StudyTestData data;

    @Test
    void a_study_round_trips_with_its_rules_targets_and_pseudonymous_panel() {
        var fixture = data.aDraftStudy(3, 2);
        Study stored = studies.study(fixture.study().id());
        assertThat(stored.rules()).isEqualTo(StudyRules.defaults());
        assertThat(stored.state()).isEqualTo(StudyState.DRAFT);
        assertThat(studies.targets(stored.id())).extracting(Target::name).containsExactlyElementsOf(
                fixture.targets().stream().map(Target::name).toList());
        assertThat(studies.experts(stored.id())).extracting(Panelist::pseudonym)
                .containsExactly("Expert 1", "Expert 2", "Expert 3");
    }

    @Test
    void a_study_cannot_open_a_round_without_targets_or_experts() {
        var noTargets = data.aDraftStudy(2, 0);
        assertThatThrownBy(() -> studies.openNextRound(noTargets.study().id(), null))
                .hasMessageContaining("no targets");
        var noExperts = data.aDraftStudy(0, 2);
        assertThatThrownBy(() -> studies.openNextRound(noExperts.study().id(), null))
                .hasMessageContaining("no experts");
    }

    @Test
    void rounds_open_one_at_a_time_and_close_once() {
        var fixture = data.anOpenRound(2, 1);
        StudyId id = fixture.study().id();
        assertThat(studies.study(id).state()).isEqualTo(StudyState.RUNNING);
        assertThatThrownBy(() -> studies.openNextRound(id, null)).hasMessageContaining("already has an open round");
        Round closed = studies.closeRound(fixture.round().id());
        assertThat(closed.state()).isEqualTo(RoundState.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThatThrownBy(() -> studies.closeRound(fixture.round().id()))
                .hasMessageContaining("cannot close: it is closed");
        Round second = studies.openNextRound(id, Instant.now().plusSeconds(3600));
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.closesAt()).isNotNull();
    }

    @Test
    void a_deadline_in_the_past_is_refused() {
        var fixture = data.aDraftStudy(1, 1);
        assertThatThrownBy(() -> studies.openNextRound(fixture.study().id(), Instant.parse("2000-01-01T00:00:00Z")))
                .hasMessageContaining("must lie in the future");
    }

    @Test
    void a_target_cannot_be_added_twice_or_after_round_one() {
        var fixture = data.aDraftStudy(1, 1);
        String name = fixture.targets().get(0).name();
        assertThatThrownBy(() -> studies.addTarget(fixture.study().id(), name, null, null))
                .hasMessageContaining("already a target");
        studies.openNextRound(fixture.study().id(), null);
        assertThatThrownBy(() -> studies.addTarget(fixture.study().id(), "Late " + name, null, null))
                .hasMessageContaining("is running");
    }
}
