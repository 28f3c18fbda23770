package org.delphipanel;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * In the PostgreSQL integration-test run, empties each test schema once per JVM before migrating,
 * so a run never sees rows left by an earlier run, while contexts cached within the run keep theirs.
 */
@Configuration
@Profile("postgres")
public class PostgresTestSchema {

    private static final Set<String> CLEANED = ConcurrentHashMap.newKeySet();

    @Bean
    FlywayMigrationStrategy cleanOnceThenMigrate() {
        return flyway -> {
            String schemas = String.join(",", flyway.getConfiguration().getSchemas());
            if (CLEANED.add(schemas)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }

    /**
     * For a test that needs a database of its own (e.g. an empty one for the demo seeder): on the
     * PostgreSQL run, moves the context to schema {@code delphi_it_<suffix>}; on H2 every context has
     * its own in-memory database already. Call from a {@code @DynamicPropertySource} method.
     */
    public static void useOwnSchema(DynamicPropertyRegistry registry, String suffix) {
        String url = System.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:postgresql")) {
            String schema = System.getProperty("spring.flyway.schemas", "delphi_it") + "_" + suffix;
            registry.add("spring.datasource.url", () -> url.replaceAll("currentSchema=[^&]*", "currentSchema=" + schema));
            registry.add("spring.flyway.schemas", () -> schema);
        }
    }
}
