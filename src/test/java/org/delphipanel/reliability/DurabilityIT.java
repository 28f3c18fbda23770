package org.delphipanel.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.delphipanel.Application;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The packaged application keeps every save it acknowledged when its JVM is killed (SIGKILL) in the
 * middle of a stream of saves. On the H2 run it uses a new H2 file database, on the PostgreSQL run a
 * new schema ({@code <test schema>_durability}). Ten experts save through the REST API as fast as it
 * answers; once a few hundred saves are acknowledged the JVM is killed with saves in flight, started
 * again on the same database (which must come up: no corruption), stopped, and the database is
 * compared with the acknowledgements: every acknowledged save present with its grade and version (or
 * overtaken only by the one save that was in flight for that cell), and every rating version with its
 * audit entry. The counts are printed for docs/performance.md. Bounded: about a minute per database.
 */
class DurabilityIT {

    private static final int EXPERTS = 10;
    private static final int ACKS_BEFORE_KILL = 300;
    private static final Duration STREAM_AT_MOST = Duration.ofSeconds(40);

    @Test
    void every_acknowledged_save_survives_a_sigkill_mid_stream() throws Exception {
        Path jar = Path.of(System.getProperty("delphi.jar", "target/delphi-panel.jar"));
        Path work = Path.of("target", "durability", "run-" + System.currentTimeMillis());
        AppDatabase database = database(work);

        LoadPanel panel;
        Map<Long, String> tokens;
        List<String> setup = new ArrayList<>(database.arguments());
        setup.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        try (var context = new SpringApplicationBuilder(Application.class).run(setup.toArray(String[]::new))) {
            panel = new LoadPanels(context).create(EXPERTS, 4);
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                tokens = ApiTokens.create(connection, panel.experts());
            }
        }

        var acknowledged = new AtomicInteger();
        var errorsBeforeKill = new ArrayList<String>();
        var killing = new AtomicBoolean();
        var killed = new AtomicBoolean();
        LoadReport report;
        long killedPid;
        try (PackagedApp app = PackagedApp.start(jar, database.jarArguments(), work.resolve("app-1.log"), Duration.ofMinutes(2))) {
            var api = new ApiClient(app.baseUrl(), panel.studyId(), tokens);
            RatingLoad.Client client = (expert, cell, attempt) -> {
                try {
                    RatingLoad.Ack ack = api.save(expert, cell, attempt);
                    acknowledged.incrementAndGet();
                    return ack;
                } catch (Exception e) {
                    if (!killing.get()) {
                        synchronized (errorsBeforeKill) {
                            errorsBeforeKill.add(e.toString());
                        }
                    }
                    throw e;
                }
            };
            var settings = new RatingLoad.Settings(1_000_000, Duration.ZERO, Duration.ZERO, STREAM_AT_MOST.plusSeconds(20), 11);
            CompletableFuture<LoadReport> stream = CompletableFuture.supplyAsync(() -> {
                try {
                    return RatingLoad.run(panel, settings, client, () -> !killed.get());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            long until = System.nanoTime() + STREAM_AT_MOST.toNanos();
            while (acknowledged.get() < ACKS_BEFORE_KILL && System.nanoTime() < until && !stream.isDone()) {
                Thread.sleep(20);
            }
            killing.set(true);
            killedPid = app.pid();
            app.kill();
            killed.set(true);
            report = stream.get(2, TimeUnit.MINUTES);
        }

        // the same database must open again after the kill, and shut down cleanly
        try (PackagedApp again = PackagedApp.start(jar, database.jarArguments(), work.resolve("app-2.log"),
                Duration.ofMinutes(2))) {
            assertThat(again.pid()).isNotEqualTo(killedPid);
        }

        StoredRatings stored;
        try (Connection connection = database.connect()) {
            stored = StoredRatings.read(connection, panel.roundId().value());
        }
        List<String> problems = report.problems(stored::find);
        long unanswered = report.outcomes().stream().filter(o -> o.unanswered() != null).count();
        long inFlightStored = report.outcomes().stream().filter(o -> o.unanswered() != null)
                .filter(o -> {
                    var found = stored.find(o.expert(), o.cell());
                    return found != null && found.grade().compareTo(o.unanswered().grade()) == 0
                            && (o.acknowledged() == null || found.version() == o.acknowledged().version() + 1);
                }).count();
        System.out.printf("DURABILITY %s: %d saves acknowledged before SIGKILL, %d cells acknowledged, %d ratings"
                        + " stored, %d saves without an answer, in flight at the kill or sent as it died (%d of them stored), %d problems, %d audit problems%n",
                database.name(), report.acknowledged(), report.acknowledgedCells(), stored.count(), unanswered,
                inFlightStored, problems.size(), stored.auditProblems().size() + stored.orphanAuditEntries());

        assertThat(errorsBeforeKill).as("saves refused before the kill").isEmpty();
        assertThat(report.acknowledged()).as("saves acknowledged before the kill").isGreaterThan(50);
        assertThat(problems).isEmpty();
        assertThat(stored.auditProblems()).isEmpty();
        assertThat(stored.orphanAuditEntries()).as("audit entries of ratings that were never stored").isZero();
    }

    private static AppDatabase database(Path work) throws Exception {
        var postgres = AppDatabase.postgresServerOfThisTestRun();
        if (postgres.isPresent()) {
            return AppDatabase.freshPostgres(postgres.get(), System.getProperty("spring.datasource.username", "postgres"),
                    System.getProperty("spring.flyway.schemas", "delphi_it") + "_durability");
        }
        return AppDatabase.h2File(work.resolve("h2"));
    }
}
