package org.delphipanel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.delphipanel.framework.Criterion;
import org.delphipanel.rating.Confidence;
import org.delphipanel.rating.RatingChange;
import org.delphipanel.rating.RatingService;
import org.delphipanel.security.UserId;
import org.delphipanel.security.UserService;
import org.delphipanel.stats.MaturityScores;
import org.delphipanel.stats.ScoreAggregation;
import org.delphipanel.stats.ScoreBootstrap;
import org.delphipanel.study.Round;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.StudyRules;
import org.delphipanel.study.StudyTestData;
import org.delphipanel.study.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/** Stored results snapshots on the real database (H2 and PostgreSQL): frozen, reloadable, publishable. */
@SpringBootTest
class ResultsSnapshotIT {

    @Autowired
    StudyTestData data;
    @Autowired
    StudyService studies;
    @Autowired
    RatingService ratings;
    @Autowired
    UserService users;
    @Autowired
    ResultsService results;

    @AfterEach
    void signOut() {
        ActingAs.nobody();
        results.setReplicates(ScoreBootstrap.DEFAULT_REPLICATES);
    }

    private String email(long userId) {
        return users.findById(new UserId(userId)).orElseThrow().email();
    }

    /** Every expert rates every cell of the open round: grade = (target + 1) + expert / 10, capped at 5. */
    private void rateEverything(StudyTestData.Fixture fixture, Round round, double shift) {
        List<Criterion> criteria = fixture.framework().criteria();
        for (int e = 0; e < fixture.expertIds().size(); e++) {
            for (int t = 0; t < fixture.targets().size(); t++) {
                Target target = fixture.targets().get(t);
                for (Criterion criterion : criteria) {
                    double grade = Math.min(5, t + 1 + e / 10.0 + shift);
                    ratings.save(fixture.expert(e), new RatingChange(round.id(), target.id(), criterion.id(),
                            BigDecimal.valueOf(grade).setScale(1, java.math.RoundingMode.HALF_UP), Confidence.HIGH,
                            "because", List.of(), null));
                }
            }
        }
    }

    @Test
    void results_are_stored_with_their_snapshot_and_seed_and_never_change_when_reloaded() {
        StudyTestData.Fixture fixture = data.openNextRound(data.aDraftStudy(3, 2, carryingConsensus()), null);
        rateEverything(fixture, fixture.round(), 0);
        studies.closeRound(fixture.facilitatorId(), fixture.round().id());
        ActingAs.user(email(fixture.facilitatorId()), "FACILITATOR");
        results.setReplicates(500);

        StudyResults computed = results.compute(fixture.study().id());

        assertThat(computed.roundNumber()).isEqualTo(1);
        assertThat(computed.replicates()).isEqualTo(500);
        assertThat(computed.computedBy()).isEqualTo(email(fixture.facilitatorId()));
        // target 1: experts grade 1.0, 1.1, 1.2 everywhere, so every node's median-based score is 1.1
        StudyResults.TargetScores first = computed.target(fixture.targets().get(0).name());
        assertThat(first.overall().score()).isCloseTo(1.1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(first.overall().band()).isEqualTo("Weak");
        assertThat(first.experts()).isEqualTo(3);

        RatingsSnapshot snapshot = results.storedSnapshot(computed.snapshotId()).orElseThrow();
        assertThat(snapshot.ratings()).hasSize(3 * 2 * 7);
        assertThat(snapshot.ratings()).allMatch(r -> "HIGH".equals(r.confidence()));
        MaturityScores.Result recomputed = MaturityScores.of(
                snapshot.toPanel(fixture.framework().definition().toScoringTree()), ScoreAggregation.median());
        assertThat(computed.target(fixture.targets().get(1).name()).overall().score())
                .isEqualTo(recomputed.overall(fixture.targets().get(1).name()).orElseThrow());

        // a second round with other ratings closes; the stored results stay as they were until recomputed
        Round second = studies.openNextRound(fixture.facilitatorId(), fixture.study().id(), null);
        rateEverything(fixture, second, 1);
        studies.closeRound(fixture.facilitatorId(), second.id());
        assertThat(results.results(fixture.study().id()).orElseThrow()).isEqualTo(computed);

        StudyResults again = results.compute(fixture.study().id());
        assertThat(again.roundNumber()).isEqualTo(2);
        assertThat(again.snapshotId()).isNotEqualTo(computed.snapshotId());
        assertThat(again.target(fixture.targets().get(0).name()).overall().score())
                .isCloseTo(2.1, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void cells_settled_in_an_earlier_round_keep_the_ratings_they_settled_with() {
        // default rules: consensus cells are not rated again
        StudyTestData.Fixture fixture = data.anOpenRound(3, 2);
        rateEverything(fixture, fixture.round(), 0);
        fixture = data.closeRound(fixture);
        // grades t+1.0, t+1.1, t+1.2 on target t: every cell reached consensus, so round 2 has nothing to rate
        fixture = data.closeRound(data.openNextRound(fixture, null));
        ActingAs.user(email(fixture.facilitatorId()), "FACILITATOR");
        results.setReplicates(200);

        StudyResults computed = results.compute(fixture.study().id());

        assertThat(computed.roundNumber()).isEqualTo(2);
        for (int t = 0; t < fixture.targets().size(); t++) {
            assertThat(computed.target(fixture.targets().get(t).name()).overall().score())
                    .isCloseTo(t + 1.1, org.assertj.core.api.Assertions.within(1e-12));
        }
        assertThat(results.storedSnapshot(computed.snapshotId()).orElseThrow().ratings()).hasSize(3 * 2 * 7);
    }

    private static StudyRules carryingConsensus() {
        StudyRules defaults = StudyRules.defaults();
        return new StudyRules(defaults.consensusRule(), defaults.stoppingRule(), defaults.maxRounds(), true,
                defaults.quantileType(), defaults.rationalePolicy(), defaults.prefillPrevious());
    }

    @Test
    void experts_see_only_published_results_and_publishing_is_kept() {
        StudyTestData.Fixture fixture = data.anOpenRound(2, 1);
        rateEverything(fixture, fixture.round(), 0);
        studies.closeRound(fixture.facilitatorId(), fixture.round().id());
        ActingAs.user(email(fixture.facilitatorId()), "FACILITATOR");
        results.setReplicates(200);
        StudyResults computed = results.compute(fixture.study().id());

        ActingAs.user(email(fixture.expert(0)), "EXPERT");
        assertThatThrownBy(() -> results.results(fixture.study().id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> results.compute(fixture.study().id())).isInstanceOf(AccessDeniedException.class);

        ActingAs.user(email(fixture.facilitatorId()), "FACILITATOR");
        StudyResults published = results.publish(fixture.study().id());
        assertThat(published.publishedAt()).isNotNull();
        assertThat(results.publish(fixture.study().id()).publishedAt()).isEqualTo(published.publishedAt());

        ActingAs.user(email(fixture.expert(1)), "EXPERT");
        assertThat(results.results(fixture.study().id()).orElseThrow().snapshotId()).isEqualTo(computed.snapshotId());
    }
}
