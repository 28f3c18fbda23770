package org.delphipanel.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A database of its own for a load or kill run, and the arguments that point the application at it:
 * a new H2 file database in a directory, or a fresh PostgreSQL schema. The same arguments serve an
 * in-process Spring context and the packaged jar. They are command-line arguments because those
 * outrank the system properties the PostgreSQL test run sets for its shared test schema.
 */
public record AppDatabase(String name, String url, String user, String dialect, String schema, @Nullable Path h2Dir) {

    /**
     * A new H2 file database {@code dir/delphi}, as the packaged app keeps under its data directory. The
     * URL repeats the one in the app's application.properties for a context started from the test class
     * path (whose test configuration points elsewhere); the packaged jar gets only the directory
     * ({@link #jarArguments}), so it runs on its own shipped URL and settings.
     */
    public static AppDatabase h2File(Path dir) {
        return new AppDatabase("H2 file " + dir, "jdbc:h2:file:" + dir.toAbsolutePath() + "/delphi;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;WRITE_DELAY=0", "sa", "H2", "",
                dir.toAbsolutePath());
    }

    /**
     * An empty PostgreSQL schema: {@code schema} is dropped if it exists; Flyway creates and migrates it
     * when the application starts.
     *
     * @param serverUrl e.g. {@code jdbc:postgresql://127.0.0.1:5432/test}
     */
    public static AppDatabase freshPostgres(String serverUrl, String user, String schema) throws SQLException {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain schema name: " + schema);
        }
        try (Connection connection = DriverManager.getConnection(serverUrl, user, "");
                var statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
        return new AppDatabase("PostgreSQL schema " + schema, serverUrl + "?currentSchema=" + schema, user, "POSTGRES",
                schema, null);
    }

    /** The PostgreSQL server the test run uses ({@code spring.datasource.url}), if this is that run. */
    public static java.util.Optional<String> postgresServerOfThisTestRun() {
        String url = System.getProperty("spring.datasource.url", "");
        return url.startsWith("jdbc:postgresql") ? java.util.Optional.of(url.replaceAll("\\?.*$", ""))
                : java.util.Optional.empty();
    }

    public boolean isPostgres() {
        return dialect.equals("POSTGRES");
    }

    /** Spring properties that point the application at this database, with the demo off. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", "");
        properties.put("spring.jooq.sql-dialect", dialect);
        if (isPostgres()) {
            properties.put("spring.flyway.schemas", schema);
        }
        properties.put("delphi.demo.enabled", "false");
        return properties;
    }

    /** {@link #properties()} as {@code --name=value} arguments, for SpringApplication or {@code java -jar}. */
    public List<String> arguments() {
        return arguments(Map.of());
    }

    /** The arguments with some properties replaced or added (a property may be given only once). */
    public List<String> arguments(Map<String, String> overrides) {
        Map<String, String> properties = properties();
        properties.putAll(overrides);
        List<String> arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return arguments;
    }

    /**
     * Arguments for {@code java -jar}: on H2 only the data directory ({@code DELPHI_DATA_DIR}), so the jar
     * uses its own H2 URL; on PostgreSQL the server, schema and dialect, as an operator would pass them.
     */
    public List<String> jarArguments(Map<String, String> overrides) {
        if (h2Dir == null) {
            return arguments(overrides);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("DELPHI_DATA_DIR", h2Dir.toString());
        properties.put("delphi.demo.enabled", "false");
        properties.putAll(overrides);
        List<String> arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return arguments;
    }

    public List<String> jarArguments() {
        return jarArguments(Map.of());
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }
}
