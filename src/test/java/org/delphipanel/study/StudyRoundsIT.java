package org.delphipanel.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.delphipanel.audit.AuditEntry;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.MutableClock;
import org.delphipanel.security.Role;
import org.delphipanel.security.TestClockConfiguration;
import org.delphipanel.study.StudyTestData.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Round closing by deadline and by two facilitators at once; the scheduler is off so the test runs the job itself. */
@SpringBootTest(properties = "delphi.scheduling.enabled=false")
@Import(TestClockConfiguration.class)
class StudyRoundsIT {

    @Autowired
    StudyService studies;

    @Autowired
    StudyTestData data;

    @Autowired
    RoundDeadlines deadlines;

    @Autowired
    AuditLog auditLog;

    @Autowired
    MutableClock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_deadline_job_closes_open_rounds_whose_deadline_has_passed_and_no_others() {
        Fixture due = data.openNextRound(data.aDraftStudy(1, 1), clock.instant().plus(Duration.ofHours(1)));
        Fixture later = data.openNextRound(data.aDraftStudy(1, 1), clock.instant().plus(Duration.ofHours(3)));
        Fixture noDeadline = data.anOpenRound(1, 1);

        clock.advance(Duration.ofMinutes(59));
        assertThat(deadlines.closeOverdueRounds()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        List<Round> closed = deadlines.closeOverdueRounds();
        assertThat(closed).extracting(Round::id).containsExactly(due.round().id());
        Round stored = studies.round(due.round().id());
        assertThat(stored.state()).isEqualTo(RoundState.CLOSED);
        assertThat(stored.closedAt()).isEqualTo(MutableClock.START.plus(Duration.ofHours(1)));
        assertThat(studies.round(later.round().id()).isOpen()).isTrue();
        assertThat(studies.round(noDeadline.round().id()).isOpen()).isTrue();
        // the rating feature adds its own entry (the stored snapshot) to the round's history
        assertThat(auditLog.forEntity("round", due.round().id().toString()))
                .filteredOn(entry -> entry.action().startsWith("round.") && !entry.action().equals("round.snapshot_stored"))
                .extracting(AuditEntry::action, AuditEntry::actor)
                .last().isEqualTo(org.assertj.core.groups.Tuple.tuple("round.closed", AuditLog.SYSTEM_ACTOR));

        assertThat(deadlines.closeOverdueRounds()).isEmpty();
    }

    @Test
    void a_round_closed_by_hand_before_its_deadline_is_left_alone_by_the_job() {
        Fixture fixture = data.openNextRound(data.aDraftStudy(1, 1), clock.instant().plus(Duration.ofHours(1)));
        Round closedByHand = studies.closeRound(fixture.facilitatorId(), fixture.round().id());
        clock.advance(Duration.ofHours(2));
        assertThat(studies.closeIfOverdue(fixture.round().id())).isEmpty();
        assertThat(studies.round(fixture.round().id())).isEqualTo(closedByHand);
    }

    @Test
    void of_two_facilitators_closing_the_same_round_at_once_one_wins_and_the_other_is_told() throws Exception {
        Fixture fixture = data.anOpenRound(1, 1);
        AppUser second = data.aUser(Role.FACILITATOR, "second");
        studies.addFacilitator(fixture.facilitatorId(), fixture.study().id(), second.email());
        RoundId roundId = fixture.round().id();
        var transactions = new TransactionTemplate(transactionManager);
        // both read the open round inside their transaction before either writes, so the version check decides
        var bothHaveRead = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Round>> attempts = new ArrayList<>();
            for (long facilitator : List.of(fixture.facilitatorId(), second.id().value())) {
                attempts.add(pool.submit(() -> transactions.execute(status -> {
                    assertThat(studies.round(roundId).isOpen()).isTrue();
                    await(bothHaveRead);
                    return studies.closeRound(facilitator, roundId);
                })));
            }
            int won = 0;
            List<Throwable> lost = new ArrayList<>();
            for (Future<Round> attempt : attempts) {
                try {
                    assertThat(attempt.get(30, TimeUnit.SECONDS).isClosed()).isTrue();
                    won++;
                } catch (java.util.concurrent.ExecutionException refused) {
                    lost.add(refused.getCause());
                }
            }
            assertThat(won).isEqualTo(1);
            // closeRound reads the round again: the loser either read it before the winner's commit (the version
            // check refuses) or after it (the state check refuses); both tell the facilitator what happened
            assertThat(lost).singleElement().satisfies(refused -> {
                if (refused instanceof ConcurrentChangeException) {
                    assertThat(refused).hasMessageContaining("round 1 was changed by someone else meanwhile; reload");
                } else {
                    assertThat(refused).isInstanceOf(IllegalStateException.class)
                            .hasMessage("round 1 cannot close: it is closed");
                }
            });
        } finally {
            pool.shutdownNow();
        }
        assertThat(studies.round(roundId).isClosed()).isTrue();
        // one close, hence one snapshot of the round
        assertThat(auditLog.forEntity("round", roundId.toString())).extracting(AuditEntry::action)
                .containsExactly("round.opened", "round.closed", "round.snapshot_stored");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
