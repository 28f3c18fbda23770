package org.delphipanel.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.delphipanel.Application;
import org.delphipanel.reliability.ApiClient;
import org.delphipanel.reliability.ApiTokens;
import org.delphipanel.reliability.AppDatabase;
import org.delphipanel.reliability.LoadPanel;
import org.delphipanel.reliability.LoadPanels;
import org.delphipanel.reliability.LoadReport;
import org.delphipanel.reliability.PackagedApp;
import org.delphipanel.reliability.RatingLoad;
import org.delphipanel.reliability.ServiceClient;
import org.delphipanel.reliability.StoredRatings;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The load benchmark: 200 experts (by default) rating at once in one open round, on a fresh H2 file
 * database or PostgreSQL schema. Sets the study up through the services (invitations accepted by every
 * expert), runs a short warm-up on a study of its own, then the measured run, prints throughput,
 * latency percentiles and errors, and checks every acknowledged save against the database. Run it
 * with {@code scripts/load.sh} (docs/performance.md).
 */
public final class RatingLoadBenchmark {

    private RatingLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args);
        AppDatabase database = database(options);
        System.out.println("load: " + options + " on " + database.name());
        List<String> arguments = new ArrayList<>(database.arguments());
        arguments.add("--server.port=0");
        arguments.add("--spring.main.banner-mode=off");
        arguments.add("--logging.level.root=warn");
        int exit;
        if (options.mode().equals("service")) {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                    .run(arguments.toArray(String[]::new))) {
                exit = serviceLoad(options, context);
            }
        } else {
            exit = httpLoad(options, database, arguments);
        }
        System.exit(exit);
    }

    /**
     * Sets the studies up in a context of this JVM, which then closes; starts the packaged jar on the same
     * database and runs the experts against its REST API, each with its own bearer token; stops the jar
     * and checks the database.
     */
    private static int httpLoad(LoadOptions options, AppDatabase database, List<String> arguments) throws Exception {
        LoadPanel warmup = null;
        LoadPanel panel;
        Map<Long, String> tokens = new HashMap<>();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .run(arguments.toArray(String[]::new))) {
            var panels = new LoadPanels(context);
            if (options.warmupExperts() > 0) {
                warmup = panels.create(options.warmupExperts(), options.targets());
            }
            Instant setupStart = Instant.now();
            panel = panels.create(options.experts(), options.targets());
            System.out.println("setup: " + options.experts() + " experts invited and joined, " + panel.cells().size()
                    + " cells each, in " + Duration.between(setupStart, Instant.now()).toMillis() + " ms");
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                tokens.putAll(ApiTokens.create(connection, panel.experts()));
                if (warmup != null) {
                    tokens.putAll(ApiTokens.create(connection, warmup.experts()));
                }
            }
        }
        Path log = Path.of("target", "load", "jar-" + System.currentTimeMillis() + ".log");
        LoadReport report;
        try (PackagedApp app = PackagedApp.start(Path.of(options.jar()), database.jarArguments(), log, Duration.ofMinutes(3))) {
            System.out.println("packaged app pid " + app.pid() + " at " + app.baseUrl() + ", log " + log);
            if (warmup != null) {
                var settings = new RatingLoad.Settings(options.settings().savesPerExpert(), Duration.ZERO, Duration.ZERO,
                        options.settings().timeLimit(), options.settings().seed() + 1);
                System.out.println("warm-up: " + RatingLoad.run(warmup, settings,
                        new ApiClient(app.baseUrl(), warmup.studyId(), tokens)).summary());
            }
            report = RatingLoad.run(panel, options.settings(), new ApiClient(app.baseUrl(), panel.studyId(), tokens));
        }
        return verdict(report, database, panel);
    }

    private static int serviceLoad(LoadOptions options, ConfigurableApplicationContext context) throws Exception {
        var panels = new LoadPanels(context);
        if (options.warmupExperts() > 0) {
            LoadPanel warmup = panels.create(options.warmupExperts(), options.targets());
            var settings = new RatingLoad.Settings(options.settings().savesPerExpert(), Duration.ZERO, Duration.ZERO,
                    options.settings().timeLimit(), options.settings().seed() + 1);
            System.out.println("warm-up: " + RatingLoad.run(warmup, settings, new ServiceClient(context, warmup)).summary());
        }
        Instant setupStart = Instant.now();
        LoadPanel panel = panels.create(options.experts(), options.targets());
        System.out.println("setup: " + options.experts() + " experts invited and joined, " + panel.cells().size()
                + " cells each, in " + Duration.between(setupStart, Instant.now()).toMillis() + " ms");
        LoadReport report = RatingLoad.run(panel, options.settings(), new ServiceClient(context, panel));
        return verdict(report, context.getBean(DataSource.class), panel);
    }

    static int verdict(LoadReport report, DataSource dataSource, LoadPanel panel) throws Exception {
        return verdict(report, dataSource::getConnection, panel);
    }

    static int verdict(LoadReport report, AppDatabase database, LoadPanel panel) throws Exception {
        return verdict(report, database::connect, panel);
    }

    private interface Connections {
        Connection open() throws java.sql.SQLException;
    }

    private static int verdict(LoadReport report, Connections connections, LoadPanel panel) throws Exception {
        System.out.println("RESULT " + report.summary());
        report.errorCounts().forEach((error, count) -> System.out.println("  error x" + count + ": " + error));
        List<String> problems;
        try (Connection connection = connections.open()) {
            StoredRatings stored = StoredRatings.read(connection, panel.roundId().value());
            problems = new ArrayList<>(report.problems(stored::find));
            problems.addAll(stored.auditProblems());
            System.out.println("check: " + report.acknowledgedCells() + " cells acknowledged, " + stored.count()
                    + " ratings stored, " + problems.size() + " problems");
        }
        problems.stream().limit(20).forEach(p -> System.out.println("  problem: " + p));
        return problems.isEmpty() && report.errors().isEmpty() ? 0 : 1;
    }

    private static AppDatabase database(LoadOptions options) throws Exception {
        if (options.database().equals("postgres")) {
            return AppDatabase.freshPostgres(options.postgresUrl(), options.postgresUser(), options.postgresSchema());
        }
        Path dir = Files.createDirectories(Path.of("target", "load")).resolve("h2-" + System.currentTimeMillis());
        return AppDatabase.h2File(dir);
    }
}
