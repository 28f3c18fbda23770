package org.delphipanel.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.delphipanel.stats.RatingTable;
import org.delphipanel.stats.Scale;
import org.jspecify.annotations.Nullable;

/**
 * A long-format ratings file {@code unit,rater,value}, one row per rating; a missing rating is a missing
 * row. Units and raters keep the order of their first row.
 */
final class RatingsFile {

    static final List<String> COLUMNS = List.of("unit", "rater", "value");

    private RatingsFile() {
    }

    /**
     * The ratings of {@code file} as a table.
     *
     * @param scale when given, every value must be one of its grades
     * @throws CliException naming the file and line of the first problem
     */
    static RatingTable read(String file, @Nullable Scale scale) {
        CsvFile csv = CsvFile.read(file, COLUMNS, List.of());
        RatingTable.Builder table = RatingTable.builder();
        Map<List<String>, Integer> firstLine = new HashMap<>();
        for (CsvFile.Row row : csv.rows()) {
            String unit = Fields.id(csv, row, "unit");
            String rater = Fields.id(csv, row, "rater");
            double value = scale == null ? Fields.number(csv, row, "value") : Fields.grade(csv, row, "value", scale);
            Integer earlier = firstLine.putIfAbsent(List.of(unit, rater), row.line());
            if (earlier != null) {
                throw CliException.at(file, row.line(), "duplicate rating: unit '" + unit + "' already has a rating from rater '"
                        + rater + "' on line " + earlier);
            }
            table.add(unit, rater, value);
        }
        return table.build();
    }
}
