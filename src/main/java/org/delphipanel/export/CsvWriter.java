package org.delphipanel.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Table} as CSV after RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): UTF-8 without a
 * byte-order mark, a header row, CRLF after every record, a field in double quotes when it holds a comma,
 * a quote, CR or LF (a quote doubled inside). Numbers are plain decimals ({@code 2.5}, never {@code 2.5E0});
 * booleans {@code true}/{@code false}; null an empty field. Text that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, tab or CR) gets a leading apostrophe: opening the file must never run
 * anything a panellist typed (OWASP "CSV Injection"). Stateless and thread-safe.
 */
public final class CsvWriter {

    static final String CRLF = "\r\n";

    private CsvWriter() {
    }

    public static byte[] bytes(Table table) {
        return write(table).getBytes(StandardCharsets.UTF_8);
    }

    public static String write(Table table) {
        StringBuilder out = new StringBuilder();
        record(out, table.columns().stream().map(c -> (Object) c).toList());
        for (List<@Nullable Object> row : table.rows()) {
            record(out, row);
        }
        return out.toString();
    }

    private static void record(StringBuilder out, List<@Nullable Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        out.append(CRLF);
    }

    static String field(@Nullable Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Number number) {
            return number(number);
        }
        if (cell instanceof Boolean bool) {
            return bool.toString();
        }
        return quote(neutralise((String) cell));
    }

    /** Text that would start a formula in a spreadsheet, with an apostrophe in front; other text unchanged. */
    public static String neutralise(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    static String number(Number number) {
        if (number instanceof Integer || number instanceof Long) {
            return number.toString();
        }
        double value = number.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("exports never carry NaN or infinity; undefined values are empty");
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }

    private static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
