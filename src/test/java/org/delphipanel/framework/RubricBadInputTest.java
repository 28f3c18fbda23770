package org.delphipanel.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed rubric files as bytes (encodings, junk, size, YAML tricks): refused with a located
 * message before anything reaches the database. RubricParserTest covers the rubric's own rules.
 */
class RubricBadInputTest {

    private static List<String> problems(byte[] file, String fileName) {
        RubricException refused = catchThrowableOfType(RubricException.class, () -> RubricParser.parse(file, fileName));
        assertThat(refused).as("refused").isNotNull();
        return refused.problems().stream().map(RubricProblem::toString).toList();
    }

    static Stream<Arguments> badFiles() {
        String json = "{\"code\": \"x\"}";
        return Stream.of(
                Arguments.of("Latin-1 bytes", "{\n\"name\": \"Größe\"}".getBytes(StandardCharsets.ISO_8859_1),
                        "rubric.json", "line 2", "not UTF-8"),
                Arguments.of("UTF-16 with a byte-order mark", json.getBytes(StandardCharsets.UTF_16), "rubric.json",
                        "line 1", "UTF-16"),
                Arguments.of("UTF-16 without a byte-order mark", json.getBytes(StandardCharsets.UTF_16LE),
                        "rubric.json", "line 1", "NUL characters"),
                Arguments.of("binary junk", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, "rubric.yaml", "line 1",
                        "NUL characters"),
                Arguments.of("an empty file", new byte[0], "rubric.json", "file", "one object"),
                Arguments.of("a JSON array", "[1, 2]".getBytes(StandardCharsets.UTF_8), "rubric.json", "file",
                        "one object"),
                Arguments.of("truncated JSON", "{\"code\": \"x\",\n \"name\": ".getBytes(StandardCharsets.UTF_8),
                        "rubric.json", "line 2", "malformed JSON"),
                Arguments.of("a file over the size limit", ("{\"description\": \""
                        + "x".repeat(RubricParser.MAX_SOURCE_CHARS) + "\"}").getBytes(StandardCharsets.UTF_8),
                        "rubric.json", "file", "at most 1000000"),
                // Jackson does not expand aliases into copies: the file is read at its own size and refused
                Arguments.of("a YAML alias bomb", aliasBomb(), "rubric.yaml", "rubric", "unknown field 'a10'"));
    }

    /** Each level refers to the one before ten times: ten levels would expand to ten billion nodes. */
    private static byte[] aliasBomb() {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= 10; level++) {
            String previous = "*a" + (level - 1);
            yaml.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, previous))).append("]\n");
        }
        return yaml.toString().getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void a_bad_rubric_file_is_refused_with_a_located_message(String what, byte[] file, String fileName,
            String location, String message) {
        assertThat(problems(file, fileName)).anySatisfy(problem -> {
            assertThat(problem).contains(fileName).contains(message);
            assertThat(problem).contains(location);
        });
    }

    @Test
    void a_byte_order_mark_is_dropped_and_the_built_in_rubric_still_reads() throws IOException {
        byte[] rubric;
        try (InputStream in = RubricBadInputTest.class.getResourceAsStream("/frameworks/saferai-2024.json")) {
            rubric = in.readAllBytes();
        }
        byte[] withMark = new byte[rubric.length + 3];
        withMark[0] = (byte) 0xef;
        withMark[1] = (byte) 0xbb;
        withMark[2] = (byte) 0xbf;
        System.arraycopy(rubric, 0, withMark, 3, rubric.length);
        assertThat(RubricParser.parse(withMark, "saferai-2024.json"))
                .isEqualTo(RubricParser.parse(rubric, "saferai-2024.json"));
    }
}
