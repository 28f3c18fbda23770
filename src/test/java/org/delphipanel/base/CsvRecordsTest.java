package org.delphipanel.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.delphipanel.base.CsvRecords.Record;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    private static Record ok(int line, String... fields) {
        return new Record(line, List.of(fields), "");
    }

    @Test
    void fields_split_on_commas_and_records_on_crlf_or_lf() {
        assertThat(CsvRecords.read("a,b,c\r\nd,,f\ng,h,i")).containsExactly(
                ok(1, "a", "b", "c"), ok(2, "d", "", "f"), ok(3, "g", "h", "i"));
    }

    @Test
    void quoted_fields_hold_commas_doubled_quotes_and_line_breaks_and_keep_the_starting_line() {
        // the examples of RFC 4180 section 2, rules 5 to 7
        assertThat(CsvRecords.read("\"aaa\",\"b\r\nbb\",\"ccc\"\r\nzzz,\"y\"\"y\",\"x,x\"\r\n")).containsExactly(
                ok(1, "aaa", "b\r\nbb", "ccc"), ok(3, "zzz", "y\"y", "x,x"));
    }

    @Test
    void blank_lines_and_a_byte_order_mark_are_skipped_and_empty_fields_kept() {
        assertThat(CsvRecords.read("\uFEFFname\n\nx\n,\n")).containsExactly(ok(1, "name"), ok(3, "x"), ok(4, "", ""));
        assertThat(CsvRecords.read("")).isEmpty();
        assertThat(CsvRecords.read("\"\",b")).containsExactly(ok(1, "", "b"));
    }

    @Test
    void malformed_csv_records_are_reported_with_their_line_and_reading_goes_on() {
        List<CsvRecords.Record> records = CsvRecords.read("a,b\nx\"y,1\n\"ok\"z,2\n\n\"multi\nline\",3\n\"open,4\n");
        assertThat(records).extracting(CsvRecords.Record::line).containsExactly(1, 2, 3, 5, 7);
        assertThat(records.get(1).problem()).contains("double quote inside a field");
        assertThat(records.get(2).problem()).contains("after the closing quote");
        assertThat(records.get(3).malformed()).isFalse();
        assertThat(records.get(3).fields()).containsExactly("multi\nline", "3");
        assertThat(records.get(4).problem()).contains("never closed");
    }
}
