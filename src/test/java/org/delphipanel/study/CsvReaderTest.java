package org.delphipanel.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.delphipanel.study.CsvReader.Row;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void fields_split_on_commas_and_records_on_crlf_or_lf() {
        assertThat(CsvReader.read("a,b,c\r\nd,,f\ng,h,i")).containsExactly(
                new Row(1, List.of("a", "b", "c")),
                new Row(2, List.of("d", "", "f")),
                new Row(3, List.of("g", "h", "i")));
    }

    @Test
    void quoted_fields_hold_commas_doubled_quotes_and_line_breaks_and_keep_the_starting_line() {
        // the examples of RFC 4180 section 2, rules 5 to 7
        List<Row> rows = CsvReader.read("\"aaa\",\"b\r\nbb\",\"ccc\"\r\nzzz,\"y\"\"y\",\"x,x\"\r\n");
        assertThat(rows).containsExactly(
                new Row(1, List.of("aaa", "b\r\nbb", "ccc")),
                new Row(3, List.of("zzz", "y\"y", "x,x")));
    }

    @Test
    void blank_lines_and_a_byte_order_mark_are_skipped_and_empty_fields_kept() {
        assertThat(CsvReader.read("\uFEFFname\n\nx\n,\n")).containsExactly(
                new Row(1, List.of("name")),
                new Row(3, List.of("x")),
                new Row(4, List.of("", "")));
        assertThat(CsvReader.read("")).isEmpty();
        assertThat(CsvReader.read("\"\",b")).containsExactly(new Row(1, List.of("", "b")));
    }

    @Test
    void broken_quoting_is_refused_with_the_line_of_its_record() {
        assertThatThrownBy(() -> CsvReader.read("a\nb,\"open\nstill open"))
                .isInstanceOfSatisfying(CsvReader.MalformedCsvException.class,
                        e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> CsvReader.read("a\nb\nsay \"hi\""))
                .isInstanceOfSatisfying(CsvReader.MalformedCsvException.class,
                        e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("quote inside an unquoted field");
        assertThatThrownBy(() -> CsvReader.read("\"closed\"late,x"))
                .hasMessageContaining("text after a closing quote");
    }
}
