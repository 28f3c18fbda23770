package org.delphipanel.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * One in-process run of the command line with captured streams and exit code, and helpers for the
 * example files under src/test/resources/org/delphipanel/cli and docs/examples.
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The JSON printed by a successful run; fails the test with stderr otherwise. */
    JsonNode json() {
        if (exitCode != 0) {
            throw new AssertionError("exit code " + exitCode + ": " + err);
        }
        return Report.MAPPER.readTree(out);
    }

    /** The path of a test resource of this package. */
    static String resource(String name) {
        try {
            return Path.of(CliRun.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file of docs/examples (the tests run in the project directory). */
    static String example(String name) {
        Path path = Path.of("docs", "examples", name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("missing example " + path.toAbsolutePath());
        }
        return path.toString();
    }

    static String write(Path dir, String name, String content) {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static String write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content).toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
