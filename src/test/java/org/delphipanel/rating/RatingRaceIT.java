package org.delphipanel.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.delphipanel.rating.RatingTestData.Panel;
import org.delphipanel.study.ConcurrentChangeException;
import org.delphipanel.study.RationalePolicy;
import org.delphipanel.security.Role;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.StudyTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Races with real threads: experts saving while their facilitator closes the round, two facilitators
 * closing the same round, and two tabs of one expert saving the same cell. A save is acknowledged when {@link RatingService#save} returns;
 * every acknowledged save must be in the snapshot stored when the round closed, and every other save
 * must have been refused with a message saying why. Runs on H2 and on PostgreSQL (READ COMMITTED),
 * where a save that checked "open" before the close committed used to commit after the snapshot.
 */
@SpringBootTest(properties = "delphi.scheduling.enabled=false")
class RatingRaceIT {

    private static final int ITERATIONS = 10;
    private static final int EXPERTS = 3;

    @Autowired
    RatingTestData data;

    @Autowired
    RatingService ratings;

    @Autowired
    RoundSnapshotService snapshots;

    @Autowired
    StudyService studies;

    @Autowired
    StudyTestData studyData;

    private ExecutorService pool;

    @BeforeEach
    void startThreads() {
        pool = Executors.newFixedThreadPool(EXPERTS + 1);
    }

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void a_save_racing_the_close_is_either_in_the_snapshot_or_refused_never_lost() throws Exception {
        int acknowledgedInAll = 0;
        int refusedInAll = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), EXPERTS, 1);
            Map<String, Rating> acknowledged = new ConcurrentHashMap<>();
            List<Throwable> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
            // close once a random number of saves went through, so that the close lands mid-stream
            var enoughSaves = new CountDownLatch(ThreadLocalRandom.current().nextInt(1, 3 * EXPERTS));
            var start = new CyclicBarrier(EXPERTS + 1);
            List<Future<?>> experts = new ArrayList<>();
            for (int e = 0; e < EXPERTS; e++) {
                int expert = e;
                experts.add(pool.submit(() -> {
                    await(start);
                    for (int criterion = 0; criterion < panel.framework().criteria().size(); criterion++) {
                        String rationale = "iteration " + panel.study().id() + " expert " + expert + " criterion " + criterion;
                        try {
                            Rating saved = ratings.save(panel.expert(expert), new RatingChange(panel.round().id(),
                                    panel.targets().get(0).id(), panel.criterion(criterion).id(), new BigDecimal("2.0"),
                                    Confidence.MEDIUM, rationale, List.of(), null));
                            acknowledged.put(rationale, saved);
                            enoughSaves.countDown();
                        } catch (RoundNotOpenException refused) {
                            refusals.add(refused);
                            return null;
                        }
                    }
                    return null;
                }));
            }
            Future<?> close = pool.submit(() -> {
                await(start);
                enoughSaves.await(30, TimeUnit.SECONDS);
                return studies.closeRound(panel.facilitatorId(), panel.round().id());
            });
            close.get(60, TimeUnit.SECONDS);
            for (Future<?> expert : experts) {
                expert.get(60, TimeUnit.SECONDS);
            }

            RoundSnapshot snapshot = snapshots.snapshot(panel.facilitatorId(), panel.round().id()).orElseThrow();
            List<String> inSnapshot = snapshot.cells().stream().flatMap(cell -> cell.rationales().stream()).toList();
            assertThat(inSnapshot).as("iteration %d: every acknowledged save is in the snapshot", iteration)
                    .containsAll(acknowledged.keySet());
            assertThat(ratings.closedRound(panel.facilitatorId(), panel.round().id()).ratings())
                    .as("iteration %d: nothing was stored that the snapshot missed", iteration)
                    .hasSize(acknowledged.size());
            assertThat(refusals).allSatisfy(refused -> assertThat(refused)
                    .hasMessage("round 1 is closed: ratings can no longer change"));
            acknowledgedInAll += acknowledged.size();
            refusedInAll += refusals.size();
        }
        assertThat(acknowledgedInAll).as("saves went through").isPositive();
        assertThat(refusedInAll).as("saves raced the close and were refused").isPositive();
    }

    @Test
    void of_two_tabs_saving_the_same_cell_from_the_same_version_one_wins_and_the_other_is_told() throws Exception {
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
            // first the cell is new in both tabs, then both tabs hold version 0 of it
            for (Integer version : java.util.Arrays.asList(null, 0)) {
                var start = new CyclicBarrier(2);
                List<Future<Rating>> tabs = new ArrayList<>();
                for (String grade : List.of("1.0", "4.0")) {
                    tabs.add(pool.submit(() -> {
                        await(start);
                        return ratings.save(panel.expert(0), new RatingChange(panel.round().id(),
                                panel.targets().get(0).id(), panel.criterion(0).id(), new BigDecimal(grade),
                                Confidence.MEDIUM, "tab " + grade, List.of(), version));
                    }));
                }
                List<Rating> won = new ArrayList<>();
                List<Throwable> lost = new ArrayList<>();
                for (Future<Rating> tab : tabs) {
                    try {
                        won.add(tab.get(60, TimeUnit.SECONDS));
                    } catch (ExecutionException refused) {
                        lost.add(refused.getCause());
                    }
                }
                assertThat(won).as("iteration %d, version %s", iteration, version).hasSize(1);
                assertThat(lost).singleElement().isInstanceOf(ConcurrentChangeException.class)
                        .extracting(Throwable::getMessage).asString().contains("reload");
                assertThat(ratings.myRatings(panel.expert(0), panel.round().id())).singleElement()
                        .satisfies(stored -> {
                            assertThat(stored.grade()).isEqualByComparingTo(won.getFirst().grade());
                            assertThat(stored.version()).isEqualTo(version == null ? 0 : 1);
                        });
            }
        }
    }

    @Test
    void of_two_facilitators_closing_at_once_one_wins_the_other_is_told_and_the_round_has_one_snapshot()
            throws Exception {
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
            data.rate(panel, 0, 0, 0, "2.0", "before the close");
            var second = studies.addFacilitator(panel.facilitatorId(), panel.study().id(),
                    studyData.aUser(Role.FACILITATOR, "second").email());
            var start = new CyclicBarrier(2);
            List<Future<?>> closes = new ArrayList<>();
            for (long facilitator : List.of(panel.facilitatorId(), second.userId())) {
                closes.add(pool.submit(() -> {
                    await(start);
                    return studies.closeRound(facilitator, panel.round().id());
                }));
            }
            int won = 0;
            List<Throwable> lost = new ArrayList<>();
            for (Future<?> close : closes) {
                try {
                    close.get(60, TimeUnit.SECONDS);
                    won++;
                } catch (ExecutionException refused) {
                    lost.add(refused.getCause());
                }
            }
            assertThat(won).as("iteration %d", iteration).isEqualTo(1);
            // the loser either read the round before the winner's commit (version check) or after it (state check)
            assertThat(lost).singleElement().satisfies(refused -> {
                if (refused instanceof ConcurrentChangeException) {
                    assertThat(refused).hasMessage("round 1 was changed by someone else meanwhile; reload to see its"
                            + " current state");
                } else {
                    assertThat(refused).isInstanceOf(IllegalStateException.class)
                            .hasMessage("round 1 cannot close: it is closed");
                }
            });
            assertThat(snapshots.snapshot(panel.facilitatorId(), panel.round().id()).orElseThrow().cells())
                    .flatExtracting(CellSnapshot::rationales).containsExactly("before the close");
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
