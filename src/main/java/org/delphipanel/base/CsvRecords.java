package org.delphipanel.base;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text after RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180) for every import, and instead of
 * stopping at the first malformed record, reports it and goes on, so an import can list every problem: a quoted field may hold commas, line breaks and doubled quotes; a
 * record ends at CRLF or a bare LF; a quote inside an unquoted field, text after a closing quote, and a
 * quote never closed are malformed. Blank lines and a leading byte-order mark are skipped. Pure and
 * thread-safe.
 */
public final class CsvRecords {

    /** One record and the 1-based line where it starts; {@code problem} is set when it is malformed. */
    public record Record(int line, List<String> fields, String problem) {
        public boolean malformed() {
            return !problem.isEmpty();
        }
    }

    private CsvRecords() {
    }

    public static List<Record> read(String text) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String problem = "";
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStarted = false;
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
                    afterQuote = true;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStarted = true;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
                continue;
            } else if (c == '\n') {
                fields.add(field.toString());
                add(records, start, fields, problem);
                fields = new ArrayList<>();
                field.setLength(0);
                problem = "";
                afterQuote = false;
                fieldStarted = false;
                line++;
                start = line;
            } else if (c == '"') {
                if (field.isEmpty() && !afterQuote) {
                    quoted = true;
                } else if (problem.isEmpty()) {
                    problem = "a double quote inside a field that does not start with one (quote the whole field and"
                            + " double the quote: \"\")";
                }
                fieldStarted = true;
            } else {
                if (afterQuote && problem.isEmpty()) {
                    problem = "text after the closing quote of a field";
                }
                field.append(c);
                fieldStarted = true;
            }
            i++;
        }
        if (quoted) {
            fields.add(field.toString());
            records.add(new Record(start, fields, "a quoted field is never closed (a missing \")"));
        } else if (fieldStarted || !field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            add(records, start, fields, problem);
        }
        return records;
    }

    private static void add(List<Record> records, int line, List<String> fields, String problem) {
        boolean blank = fields.size() == 1 && fields.getFirst().isBlank();
        if (!blank || !problem.isEmpty()) {
            records.add(new Record(line, List.copyOf(fields), problem));
        }
    }
}
