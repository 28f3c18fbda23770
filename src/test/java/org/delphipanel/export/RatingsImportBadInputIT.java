package org.delphipanel.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.delphipanel.framework.Criterion;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingService;
import org.delphipanel.rating.RatingsRejectedException;
import org.delphipanel.scoring.ActingAs;
import org.delphipanel.study.Panelist;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.StudyTestData;
import org.delphipanel.study.StudyTestData.Fixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Malformed ratings files (encodings, binary junk, size limits, columns, duplicates, formula cells):
 * each is rejected whole with a message naming the line, and the round's ratings are unchanged.
 * RatingsImportIT covers the row-level checks (unknown names, scale, steps, confidence).
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingsImportBadInputIT {

    @Autowired
    RatingsImportService imports;
    @Autowired
    RatingService ratings;
    @Autowired
    StudyService studies;
    @Autowired
    StudyTestData data;
    @Autowired
    ExportService exports;

    Fixture fixture;
    Names names;

    /** A row that would be accepted on its own, so each file is wrong only where its case says. */
    record Names(String target, String criterion, String expert) {
        String row(String value) {
            return target + "," + criterion + "," + expert + "," + value;
        }
    }

    private static final String HEADER = "target,criterion,expert,value,confidence,rationale\n";

    @BeforeAll
    void oneOpenRound() {
        fixture = data.anOpenRound(1, 1);
        String pseudonym = studies.experts(fixture.study().id()).stream().map(Panelist::pseudonym).findFirst()
                .orElseThrow();
        names = new Names(fixture.targets().getFirst().name(), fixture.framework().criteria().getFirst().code(),
                pseudonym);
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    private int stored() {
        return ratings.roundRatings(fixture.facilitatorId(), fixture.round().id()).size();
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("Latin-1 bytes", (Function<Names, byte[]>) n -> (HEADER + n.row("2,high,Größe")
                        + "\n").getBytes(StandardCharsets.ISO_8859_1), "line 2: the file is not UTF-8 text"),
                Arguments.of("UTF-16 with a byte-order mark", (Function<Names, byte[]>) n -> (HEADER + n.row("2,,")
                        + "\n").getBytes(StandardCharsets.UTF_16), "line 1: the file is UTF-16 text, not UTF-8"),
                Arguments.of("UTF-16 without a byte-order mark", (Function<Names, byte[]>) n -> (HEADER + n.row("2,,")
                        + "\n").getBytes(StandardCharsets.UTF_16LE), "line 1: the file contains NUL characters"),
                Arguments.of("binary junk (a PNG header)", (Function<Names, byte[]>) n -> new byte[] {
                        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13}, "line 1: the file is not UTF-8"),
                Arguments.of("an empty file", (Function<Names, byte[]>) n -> new byte[0], "line 1: the file is empty"),
                Arguments.of("a header only", (Function<Names, byte[]>) n -> utf8(HEADER),
                        "line 1: the file has a header but no ratings"),
                Arguments.of("a missing column", (Function<Names, byte[]>) n -> utf8("target,criterion,value\n"
                        + n.target() + "," + n.criterion() + ",2\n"), "line 1, column expert: missing column"),
                Arguments.of("an extra column", (Function<Names, byte[]>) n -> utf8("target,criterion,expert,value,"
                        + "comment\n" + n.row("2") + ",fine\n"), "line 1, column comment: unknown column"),
                Arguments.of("a duplicated row", (Function<Names, byte[]>) n -> utf8(HEADER + n.row("2,,") + "\n"
                        + n.row("2,,") + "\n"), "line 3: duplicate"),
                Arguments.of("a formula as the target", (Function<Names, byte[]>) n -> utf8(HEADER
                        + "=cmd()," + n.criterion() + "," + n.expert() + ",2,,\n"),
                        "line 2, column target: unknown target \"=cmd()\""),
                Arguments.of("a formula as the value", (Function<Names, byte[]>) n -> utf8(HEADER + n.row("=1+1,,")
                        + "\n"), "line 2, column value: \"=1+1\" is not a number"),
                Arguments.of("a decimal comma", (Function<Names, byte[]>) n -> utf8("target,criterion,expert,value\n"
                        + n.row("\"2,5\"") + "\n"), "line 2, column value: \"2,5\" is not a number"),
                Arguments.of("a file over 5 MiB", (Function<Names, byte[]>) n -> utf8(HEADER + (n.row("2,,"
                        + "x".repeat(9_000)) + "\n").repeat(600)), "at most 5242880 (5 MiB)"),
                Arguments.of("more rows than allowed", (Function<Names, byte[]>) n -> utf8("target,criterion,expert,"
                        + "value\n" + "a,b,c,1\n".repeat(RatingsImportService.MAX_ROWS + 1)), "at most 200000"),
                Arguments.of("a rationale over 10,000 characters", (Function<Names, byte[]>) n -> utf8(HEADER
                        + n.row("2,,") + "y".repeat(10_001) + "\n"), "line 2, column rationale: is longer than"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void a_bad_file_is_rejected_whole_with_a_located_message_and_nothing_is_stored(String what,
            Function<Names, byte[]> file, String message) {
        int before = stored();
        ActingAs.user(data.email(fixture.facilitatorId()), "FACILITATOR");
        byte[] bytes = file.apply(names);
        assertThatThrownBy(() -> imports.importRatings(fixture.study().id(), bytes))
                .isInstanceOfSatisfying(RatingsRejectedException.class, rejected ->
                        assertThat(RatingsImportService.describe(rejected)).anySatisfy(
                                problem -> assertThat(problem).contains(message)));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_byte_order_mark_is_fine_and_formula_cells_are_stored_as_typed_and_exported_neutralised() throws Exception {
        Fixture round = data.anOpenRound(1, 1);
        String target = round.targets().getFirst().name();
        String expert = studies.experts(round.study().id()).getFirst().pseudonym();
        List<Criterion> criteria = round.framework().criteria();
        List<String> formulas = List.of("=cmd|' /C calc'!A0", "+1", "@SUM(A1:A9)", "-2+3");
        StringBuilder csv = new StringBuilder("\uFEFF" + HEADER);
        for (int i = 0; i < formulas.size(); i++) {
            csv.append(target).append(',').append(criteria.get(i).code()).append(',').append(expert).append(",2,,\"")
                    .append(formulas.get(i).replace("\"", "\"\"")).append("\"\n");
        }
        ActingAs.user(data.email(round.facilitatorId()), "FACILITATOR");
        assertThat(imports.importRatings(round.study().id(), utf8(csv.toString())).ratings()).isEqualTo(4);

        List<Rating> saved = ratings.myRatings(round.expert(0), round.round().id());
        assertThat(saved).extracting(Rating::rationale).containsExactlyInAnyOrderElementsOf(formulas);

        data.closeRound(round);
        Export export = exports.rawRatings(round.study().id(), false);
        String exported = CsvWriter.write(export.table(ExportService.RATINGS));
        for (String formula : formulas) {
            assertThat(exported).as(formula).contains("'" + formula.replace("\"", "\"\""));
        }
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(XlsxWriter.write(export)))) {
            Sheet sheet = book.getSheet(ExportService.RATINGS);
            int rationale = 7;
            assertThat(sheet.getRow(0).getCell(rationale).getStringCellValue()).isEqualTo("rationale");
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    assertThat(formulas).contains(row.getCell(rationale).getStringCellValue());
                    assertThat(row.getCell(rationale).getCellStyle().getQuotePrefixed()).isTrue();
                }
            }
        }
    }
}
