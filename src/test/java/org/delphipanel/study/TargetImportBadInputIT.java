package org.delphipanel.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.delphipanel.study.StudyTestData.Fixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Malformed target CSV files, as uploaded bytes: each is rejected whole with a located message and the
 * study's targets are unchanged. StudyServiceIT covers the row-level checks (names, URLs, dates).
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetImportBadInputIT {

    private static final String HEADER = "name,description,evidence_title\n";

    @Autowired
    StudyService studies;
    @Autowired
    StudyTestData data;

    Fixture fixture;

    @BeforeAll
    void oneDraftStudy() {
        fixture = data.aDraftStudy(1, 1);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("Latin-1 bytes", (HEADER + "Acme,Größe,\n").getBytes(StandardCharsets.ISO_8859_1),
                        "line 2: the file is not UTF-8 text"),
                Arguments.of("UTF-16 with a byte-order mark", (HEADER + "Acme,,\n").getBytes(StandardCharsets.UTF_16),
                        "line 1: the file is UTF-16 text, not UTF-8"),
                Arguments.of("UTF-16 without a byte-order mark", (HEADER + "Acme,,\n").getBytes(StandardCharsets.UTF_16LE),
                        "line 1: the file contains NUL characters"),
                Arguments.of("binary junk (a ZIP header)", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, (byte) 0xc8, 0},
                        "line 1: the file is not UTF-8 text"),
                Arguments.of("an empty file", new byte[0], "line 1: the file is empty"),
                Arguments.of("only blank lines", utf8("\n\r\n  \n"), "line 1: the file is empty"),
                Arguments.of("a header only", utf8(HEADER), "line 1: the file has column names but no targets"),
                Arguments.of("no name column", utf8("description\nA lab\n"),
                        "line 1, column name: the first line must name a column \"name\""),
                Arguments.of("an extra column", utf8("name,comment\nAcme,x\n"), "line 1, column comment: unknown column"),
                Arguments.of("a duplicated row", duplicated(), "line 3: repeats line 2"),
                Arguments.of("a whitespace-only name", utf8(HEADER + "   ,A lab,\n"), "line 2, column name"),
                Arguments.of("an unclosed quote", utf8(HEADER + "\"Acme,,\n"), "line 2: malformed CSV"),
                Arguments.of("a file over the size limit", utf8(HEADER + ("x".repeat(999) + ",,\n").repeat(1_001)),
                        "at most 1000000 are taken"),
                Arguments.of("more rows than allowed", utf8("name\n" + "a\n".repeat(TargetCsv.MAX_ROWS + 1)),
                        "at most 5000 are taken"));
    }

    private static byte[] duplicated() {
        String row = "Acme " + StudyTestData.uniqueTag() + ",A lab,Policy\n";
        return utf8(HEADER + row + row);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void a_bad_file_is_rejected_whole_with_a_located_message_and_nothing_is_stored(String what, byte[] file,
            String message) {
        List<Target> before = studies.targets(fixture.study().id());
        assertThatThrownBy(() -> studies.importTargets(fixture.facilitatorId(), fixture.study().id(), file))
                .isInstanceOfSatisfying(TargetImportException.class, refused -> assertThat(refused.problems())
                        .map(ImportProblem::toString).anySatisfy(problem -> assertThat(problem).contains(message)));
        assertThat(studies.targets(fixture.study().id())).isEqualTo(before);
    }

    @Test
    void formula_cells_are_stored_as_plain_text_and_a_byte_order_mark_is_dropped() {
        Fixture draft = data.aDraftStudy(1, 0);
        String name = "=HYPERLINK(\"http://evil.example\") " + StudyTestData.uniqueTag();
        String csv = "\uFEFFname,description\n\"" + name.replace("\"", "\"\"") + "\",@SUM(A1)\n";
        assertThat(studies.importTargets(draft.facilitatorId(), draft.study().id(), utf8(csv)).targetsAdded())
                .isEqualTo(1);
        assertThat(studies.targets(draft.study().id())).singleElement().satisfies(target -> {
            assertThat(target.name()).isEqualTo(name);
            assertThat(target.description()).isEqualTo("@SUM(A1)");
        });
    }
}
