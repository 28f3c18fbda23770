package org.delphipanel.bench.load;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.delphipanel.reliability.RatingLoad;

/**
 * The options of a load run, from {@code --name=value} arguments. Every run is bounded: a number of
 * saves per expert and a time limit.
 */
record LoadOptions(String database, String mode, int experts, int targets, RatingLoad.Settings settings,
        int warmupExperts, String jar, String postgresUrl, String postgresUser, String postgresSchema) {

    static final String USAGE = """
            options (all --name=value):
              --db=h2|postgres       database (h2: a new file database under target/load/; postgres: schema --pg-schema,
                                     dropped and re-created)
              --mode=service|http    service: RatingService.save + cell read in this JVM, as the rating view does;
                                     http: PUT /api/studies/{id}/rounds/current/ratings of the packaged
                                     jar, started by this run on the same database (bearer tokens)
              --experts=200          concurrent experts (one thread each)
              --targets=4            targets of the study (x 7 SaferAI criteria = cells per expert)
              --saves=12             saves per expert
              --think-min-ms=5000    pause between two saves of an expert, uniform in [min, max]
              --think-max-ms=15000
              --time-limit-s=180     no save starts after this
              --seed=1
              --warmup-experts=20    a warm-up run on its own study (same settings, no think time), not reported
              --jar=target/delphi-panel.jar   the packaged app the http mode starts (./mvnw package)
              --pg-url=jdbc:postgresql://127.0.0.1:5432/test --pg-user=postgres --pg-schema=delphi_load_bench
            """;

    static LoadOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("not an option: " + arg + "\n" + USAGE);
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        var options = new LoadOptions(
                take(values, "db", "h2"),
                take(values, "mode", "service"),
                Integer.parseInt(take(values, "experts", "200")),
                Integer.parseInt(take(values, "targets", "4")),
                new RatingLoad.Settings(Integer.parseInt(take(values, "saves", "12")),
                        Duration.ofMillis(Long.parseLong(take(values, "think-min-ms", "5000"))),
                        Duration.ofMillis(Long.parseLong(take(values, "think-max-ms", "15000"))),
                        Duration.ofSeconds(Long.parseLong(take(values, "time-limit-s", "180"))),
                        Long.parseLong(take(values, "seed", "1"))),
                Integer.parseInt(take(values, "warmup-experts", "20")),
                take(values, "jar", "target/delphi-panel.jar"),
                take(values, "pg-url", "jdbc:postgresql://127.0.0.1:5432/test"),
                take(values, "pg-user", "postgres"),
                take(values, "pg-schema", "delphi_load_bench"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + values.keySet() + "\n" + USAGE);
        }
        if (!options.database.equals("h2") && !options.database.equals("postgres")) {
            throw new IllegalArgumentException("--db must be h2 or postgres\n" + USAGE);
        }
        if (!options.mode.equals("service") && !options.mode.equals("http")) {
            throw new IllegalArgumentException("--mode must be service or http\n" + USAGE);
        }
        return options;
    }

    private static String take(Map<String, String> values, String name, String fallback) {
        String value = values.remove(name);
        return value == null ? fallback : value;
    }
}
