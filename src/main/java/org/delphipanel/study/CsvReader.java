package org.delphipanel.study;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated text as RFC 4180 describes it (https://www.rfc-editor.org/rfc/rfc4180): fields
 * separated by commas, records by CRLF or LF, a field in double quotes may hold commas, line breaks and
 * doubled quotes ({@code ""} for one {@code "}). Lenient where spreadsheets differ from the RFC: a
 * leading byte-order mark is skipped, a bare LF ends a record, and the last record needs no line break.
 * Keeps no state: {@link #read} is a pure function, safe from any thread.
 */
final class CsvReader {

    /** One record and the 1-based line of the file where it starts (a quoted line break spans lines). */
    record Row(int line, List<String> fields) {
    }

    /** The text is not valid CSV; {@code line} is where the offending record starts. */
    static final class MalformedCsvException extends IllegalArgumentException {

        private final int line;

        MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private CsvReader() {
    }

    /** Every record of the text, blank lines left out. */
    static List<Row> read(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        // whether the current field was quoted and its closing quote seen: only a separator may follow
        boolean closed = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    closed = true;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    closed = false;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    fields.add(field.toString());
                    field.setLength(0);
                    closed = false;
                    addUnlessBlank(rows, recordLine, fields);
                    fields = new ArrayList<>();
                    line++;
                    recordLine = line;
                }
                case '"' -> {
                    if (field.length() > 0 || closed) {
                        throw new MalformedCsvException(recordLine, "a quote inside an unquoted field; put the whole"
                                + " field in quotes and double the quote (\"\")");
                    }
                    quoted = true;
                }
                default -> {
                    if (closed) {
                        throw new MalformedCsvException(recordLine, "text after a closing quote; a quoted field must"
                                + " end right before a comma or the end of the line");
                    }
                    field.append(c);
                }
            }
            i++;
        }
        if (quoted) {
            throw new MalformedCsvException(recordLine, "a quoted field is never closed");
        }
        if (field.length() > 0 || closed || !fields.isEmpty()) {
            fields.add(field.toString());
            addUnlessBlank(rows, recordLine, fields);
        }
        return rows;
    }

    private static void addUnlessBlank(List<Row> rows, int line, List<String> fields) {
        boolean blank = fields.size() == 1 && fields.get(0).isEmpty();
        if (!blank) {
            rows.add(new Row(line, List.copyOf(fields)));
        }
    }
}
