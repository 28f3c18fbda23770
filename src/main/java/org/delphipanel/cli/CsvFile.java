package org.delphipanel.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file with a header, read by RFC 4180's rules: fields separated by commas, records by CRLF or LF
 * (a lone CR also ends a line), a field in double quotes may hold commas, line breaks and doubled quotes
 * ({@code ""}). The file must be UTF-8; a leading byte order mark is skipped. Blank lines are skipped.
 *
 * <p>Stricter than many readers, because a silently misread rating is worse than a refused file: a quote
 * inside an unquoted field, text after a closing quote, an unterminated quote, a record with more or fewer
 * fields than the header, and a header that lacks a required column, repeats one or names an unknown one
 * are all refused, each with the file and line. Column names are matched ignoring case and surrounding
 * blanks.
 */
final class CsvFile {

    /**
     * One record.
     *
     * @param line the physical line (1-based) on which the record starts
     */
    record Row(int line, List<String> fields) {
        Row {
            fields = List.copyOf(fields);
        }
    }

    private final String name;
    private final Map<String, Integer> columns;
    private final List<Row> rows;

    private CsvFile(String name, Map<String, Integer> columns, List<Row> rows) {
        this.name = name;
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * Reads {@code file} (a path as the user typed it, which names the file in every message).
     *
     * @param required the columns that must be present, in the order the usage names them
     * @param optional columns that may be present
     * @throws CliException for a missing or unreadable file, bad encoding, bad quoting or a bad header
     */
    static CsvFile read(String file, List<String> required, List<String> optional) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw CliException.inFile(file, "no such file");
        } catch (IOException | RuntimeException e) {
            throw CliException.inFile(file, "cannot be read: " + e.getMessage());
        }
        return parse(file, bytes, required, optional);
    }

    /** As {@link #read} on bytes already in memory; {@code name} names them in messages. */
    static CsvFile parse(String name, byte[] bytes, List<String> required, List<String> optional) {
        String text = decode(name, bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<Row> records = new Parser(name, text).records();
        String expected = String.join(",", required);
        if (records.isEmpty()) {
            throw CliException.at(name, 1, "the file is empty; expected a header line " + expected);
        }
        Row header = records.get(0);
        Map<String, Integer> columns = columns(name, header, required, optional);
        List<Row> rows = records.subList(1, records.size());
        for (Row row : rows) {
            if (row.fields().size() != header.fields().size()) {
                throw CliException.at(name, row.line(), "expected " + header.fields().size() + " fields as in the header ("
                        + String.join(",", header.fields()) + "), found " + row.fields().size());
            }
        }
        if (rows.isEmpty()) {
            throw CliException.at(name, header.line(), "no data rows after the header");
        }
        return new CsvFile(name, columns, List.copyOf(rows));
    }

    String name() {
        return name;
    }

    List<Row> rows() {
        return rows;
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The field of {@code column} (a required or present optional column) in {@code row}. */
    String field(Row row, String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        return row.fields().get(index);
    }

    private static Map<String, Integer> columns(String name, Row header, List<String> required, List<String> optional) {
        String usage = String.join(",", required)
                + (optional.isEmpty() ? "" : " (optionally also " + String.join(",", optional) + ")");
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String column = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!required.contains(column) && !optional.contains(column)) {
                throw CliException.at(name, header.line(), "bad header: unknown column '" + header.fields().get(i)
                        + "'; expected " + usage);
            }
            if (columns.put(column, i) != null) {
                throw CliException.at(name, header.line(), "bad header: column '" + column + "' appears twice");
            }
        }
        for (String column : required) {
            if (!columns.containsKey(column)) {
                throw CliException.at(name, header.line(), "bad header: missing column '" + column + "'; expected "
                        + usage);
            }
        }
        return columns;
    }

    /** Strict UTF-8: a malformed byte is reported with the line it is on, not replaced by U+FFFD. */
    private static String decode(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw CliException.at(name, line, "the file is not valid UTF-8 (byte " + (in.position() + 1) + ")");
        }
        out.flip();
        return out.toString();
    }

    /** A single pass over the text; tracks the physical line for messages. */
    private static final class Parser {
        private final String name;
        private final String text;
        private int at;
        private int line = 1;

        Parser(String name, String text) {
            this.name = name;
            this.text = text;
        }

        List<Row> records() {
            List<Row> records = new ArrayList<>();
            while (at < text.length()) {
                int start = line;
                List<String> fields = new ArrayList<>();
                boolean quotedSeen = false;
                while (true) {
                    if (at < text.length() && text.charAt(at) == '"') {
                        fields.add(quoted());
                        quotedSeen = true;
                    } else {
                        fields.add(unquoted());
                    }
                    if (at < text.length() && text.charAt(at) == ',') {
                        at++;
                        continue;
                    }
                    endOfLine();
                    break;
                }
                boolean blank = !quotedSeen && fields.size() == 1 && fields.get(0).isBlank();
                if (!blank) {
                    records.add(new Row(start, fields));
                }
            }
            return records;
        }

        private String unquoted() {
            int from = at;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                if (c == '"') {
                    throw CliException.at(name, line, "a double quote inside an unquoted field ('"
                            + text.substring(from, at + 1) + "'); quote the whole field and double the quote");
                }
                at++;
            }
            return text.substring(from, at);
        }

        private String quoted() {
            int opened = line;
            at++;
            StringBuilder field = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw CliException.at(name, opened, "a quoted field is not closed before the end of the file");
                }
                char c = text.charAt(at);
                if (c == '"') {
                    if (at + 1 < text.length() && text.charAt(at + 1) == '"') {
                        field.append('"');
                        at += 2;
                        continue;
                    }
                    at++;
                    if (at < text.length()) {
                        char next = text.charAt(at);
                        if (next != ',' && next != '\n' && next != '\r') {
                            throw CliException.at(name, line, "text after the closing quote of field \"" + field
                                    + "\"; expected a comma or the end of the line");
                        }
                    }
                    return field.toString();
                }
                if (c == '\n' || (c == '\r' && (at + 1 >= text.length() || text.charAt(at + 1) != '\n'))) {
                    line++;
                }
                field.append(c);
                at++;
            }
        }

        private void endOfLine() {
            if (at >= text.length()) {
                return;
            }
            if (text.charAt(at) == '\r') {
                at++;
                if (at < text.length() && text.charAt(at) == '\n') {
                    at++;
                }
            } else {
                at++; // '\n'
            }
            line++;
        }
    }
}
