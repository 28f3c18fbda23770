package org.delphipanel.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One table of an export: a name (the CSV file's and the XLSX sheet's), column names, and rows whose
 * cells are {@link String}, {@link Number}, {@link Boolean} or null (undefined or not given). Numbers
 * stay numbers in every format: typed cells in XLSX, JSON numbers, plain decimals in CSV.
 */
public record Table(String name, List<String> columns, List<List<@Nullable Object>> rows) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        List<List<@Nullable Object>> copy = new ArrayList<>();
        for (List<@Nullable Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of table " + name + " has " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
            for (Object cell : row) {
                if (cell != null && !(cell instanceof String || cell instanceof Number || cell instanceof Boolean)) {
                    throw new IllegalArgumentException("cells are text, numbers or booleans, not " + cell.getClass());
                }
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** Builds a table row by row. */
    static Builder builder(String name, String... columns) {
        return new Builder(name, List.of(columns));
    }

    static final class Builder {
        private final String name;
        private final List<String> columns;
        private final List<List<@Nullable Object>> rows = new ArrayList<>();

        private Builder(String name, List<String> columns) {
            this.name = name;
            this.columns = columns;
        }

        Builder row(@Nullable Object... cells) {
            rows.add(java.util.Arrays.asList(cells));
            return this;
        }

        Table build() {
            return new Table(name, columns, rows);
        }
    }
}
