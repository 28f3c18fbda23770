package org.delphipanel.export;

import static org.assertj.core.api.Assertions.assertThat;



import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.delphipanel.base.CsvRecords;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExportWritersTest {

    private static final Provenance PROVENANCE = new Provenance(7, "Study é", "saferai-2024", 1, "iqr<=1",
            "max_rounds", 7, "0.1.0", Instant.parse("2026-12-04T21:00:00Z"), List.of(1, 2), 2, 9L, true, "median",
            -8_123_456_789_012_345_678L, 1000, 0.95, false);

    private static Table ratings() {
        return Table.builder("ratings", "round", "target", "rater", "value", "rationale")
                .row(1, "Acme, Inc.", "Expert 1", 2.5, "Weak \"policy\"\r\nsecond line — naïve, ü")
                .row(1, "=HYPERLINK(\"x\")", "+Expert 2", 3.0, "-1 is wrong")
                .row(2, "@SUM(A1)", "\tExpert 3", 0.1, null)
                .row(2, "Beta", "Expert 4", 4.0, "\rcarriage")
                .build();
    }

    @Test
    void csv_has_a_header_crlf_line_ends_rfc_4180_quoting_and_plain_numbers() {
        String csv = CsvWriter.write(ratings());
        assertThat(csv).startsWith("round,target,rater,value,rationale\r\n");
        assertThat(csv).contains("1,\"Acme, Inc.\",Expert 1,2.5,\"Weak \"\"policy\"\"\r\nsecond line — naïve, ü\"\r\n");
        assertThat(csv).contains(",3,").doesNotContain("3.0").doesNotContain("E-");
        assertThat(csv).endsWith("\r\n");
        assertThat(new String(CsvWriter.bytes(ratings()), StandardCharsets.UTF_8)).isEqualTo(csv);
    }

    @Test
    void csv_parses_back_to_exactly_the_cells_written() {
        List<CsvRecords.Record> records = CsvRecords.read(CsvWriter.write(ratings()));
        assertThat(records).hasSize(5).noneMatch(CsvRecords.Record::malformed);
        assertThat(records.get(1).fields())
                .containsExactly("1", "Acme, Inc.", "Expert 1", "2.5", "Weak \"policy\"\r\nsecond line — naïve, ü");
        assertThat(records.get(3).fields()).containsExactly("2", "'@SUM(A1)", "'\tExpert 3", "0.1", "");
        // the first data record spans lines 2 and 3 (a quoted line break)
        assertThat(records.get(2).line()).isEqualTo(4);
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_gets_an_apostrophe_in_csv() {
        List<CsvRecords.Record> records = CsvRecords.read(CsvWriter.write(ratings()));
        assertThat(records.get(2).fields()).containsExactly("1", "'=HYPERLINK(\"x\")", "'+Expert 2", "3", "'-1 is wrong");
        assertThat(records.get(4).fields().get(4)).isEqualTo("'\rcarriage");
        assertThat(CsvWriter.neutralise("plain = text")).isEqualTo("plain = text");
    }

    @Test
    void xlsx_opens_with_poi_with_typed_numbers_a_frozen_header_and_formulas_as_plain_strings() throws IOException {
        Export export = new Export("ratings", PROVENANCE, List.of(ratings()));
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(XlsxWriter.write(export)))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            Sheet sheet = book.getSheet("ratings");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("value");
            assertThat(sheet.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(2.5);
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(2).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
            // Excel's leading apostrophe: stays text even after someone edits the cell
            assertThat(sheet.getRow(2).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(0).getCell(3).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(sheet.getRow(3).getCell(4)).isNull();
            assertThat(sheet.getColumnWidth(4)).isGreaterThan(sheet.getColumnWidth(0));
            Sheet provenance = book.getSheet("Provenance");
            assertThat(provenance.getRow(1).getCell(0).getStringCellValue()).isEqualTo("study_id");
            assertThat(provenance.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(7.0);
            assertThat(provenance.getRow(15).getCell(1).getStringCellValue()).isEqualTo("-8123456789012345678");
        }
    }

    @Test
    void json_has_a_provenance_object_and_one_array_per_table_with_numbers_and_nulls() {
        Export export = new Export("ratings", PROVENANCE, List.of(ratings()));
        JsonNode root = JsonMapper.builder().build().readTree(JsonWriter.write(export));
        assertThat(root.get("provenance").get("study_name").asString()).isEqualTo("Study é");
        assertThat(root.get("provenance").get("rounds_included").toString()).isEqualTo("[1,2]");
        assertThat(root.get("provenance").get("bootstrap_seed").asString()).isEqualTo("-8123456789012345678");
        assertThat(root.get("provenance").get("app_version").asString()).isEqualTo("0.1.0");
        assertThat(root.get("ratings")).hasSize(4);
        assertThat(root.get("ratings").get(0).get("value").isNumber()).isTrue();
        assertThat(root.get("ratings").get(0).get("value").asDouble()).isEqualTo(2.5);
        assertThat(root.get("ratings").get(2).get("rationale").isNull()).isTrue();
        assertThat(root.get("ratings").get(1).get("target").asString()).isEqualTo("=HYPERLINK(\"x\")");
    }
}
