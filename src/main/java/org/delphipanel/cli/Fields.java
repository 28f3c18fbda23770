package org.delphipanel.cli;

import java.util.regex.Pattern;
import org.delphipanel.stats.Scale;

/** Reading the fields of a rating row: identifiers and numbers, refused with the file and line. */
final class Fields {

    /**
     * A plain decimal, optionally signed, with an optional exponent. No NaN, no infinities, no hexadecimal
     * and no Java type suffixes ({@code 1d}), all of which {@link Double#parseDouble} would accept.
     */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Fields() {
    }

    /** A non-blank identifier, stripped of surrounding blanks. */
    static String id(CsvFile file, CsvFile.Row row, String column) {
        String value = file.field(row, column).strip();
        if (value.isEmpty()) {
            throw CliException.at(file.name(), row.line(), "empty " + column + "");
        }
        return value;
    }

    /** A finite decimal number (blanks around it are ignored). */
    static double number(CsvFile file, CsvFile.Row row, String column) {
        String text = file.field(row, column).strip();
        if (text.isEmpty()) {
            throw CliException.at(file.name(), row.line(), "empty " + column
                    + " (a missing rating is a missing row, not an empty value)");
        }
        if (!DECIMAL.matcher(text).matches()) {
            String hint = text.matches("[+-]?\\d+,\\d+") ? " (use a dot as the decimal separator)" : "";
            throw CliException.at(file.name(), row.line(), column + " '" + text + "' is not a number" + hint);
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw CliException.at(file.name(), row.line(), column + " '" + text + "' is too large");
        }
        return value;
    }

    /** A number that must be one of the scale's grades. */
    static double grade(CsvFile file, CsvFile.Row row, String column, Scale scale) {
        double value = number(file, row, column);
        if (!scale.contains(value)) {
            throw CliException.at(file.name(), row.line(), column + " " + file.field(row, column).strip()
                    + " is off the scale " + describe(scale));
        }
        return value;
    }

    /** {@code 0..5 step 0.1}. */
    static String describe(Scale scale) {
        return plain(scale.min()) + ".." + plain(scale.max()) + " step " + plain(scale.step());
    }

    static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
