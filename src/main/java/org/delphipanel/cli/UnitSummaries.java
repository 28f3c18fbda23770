package org.delphipanel.cli;

import java.util.ArrayList;
import java.util.List;
import org.delphipanel.stats.CellStatistics;
import org.delphipanel.stats.QuantileType;
import org.delphipanel.stats.RatingTable;
import org.delphipanel.stats.Scale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** The descriptive statistics of every unit of a table, as {@code agreement} and {@code rounds} print them. */
final class UnitSummaries {

    private UnitSummaries() {
    }

    /** One {@link CellStatistics} per unit, in the table's unit order. */
    static List<CellStatistics> of(RatingTable table, QuantileType type, @Nullable Scale scale) {
        List<CellStatistics> cells = new ArrayList<>(table.unitCount());
        for (int u = 0; u < table.unitCount(); u++) {
            double[] values = table.unitValues(u);
            cells.add(scale == null ? CellStatistics.of(values, type) : CellStatistics.of(values, type, scale));
        }
        return cells;
    }

    /** Writes n, mean, sd, median, q1, q3, iqr, rwg and rwg_truncated of one unit into {@code node}. */
    static void write(Report report, ObjectNode node, String path, CellStatistics cell) {
        node.put("n", cell.n());
        report.number(node, "mean", Report.path(path, "mean"), cell.mean());
        report.number(node, "sd", Report.path(path, "sd"), cell.standardDeviation());
        report.number(node, "median", Report.path(path, "median"), cell.median());
        report.number(node, "q1", Report.path(path, "q1"), cell.firstQuartile());
        report.number(node, "q3", Report.path(path, "q3"), cell.thirdQuartile());
        report.number(node, "iqr", Report.path(path, "iqr"), cell.iqr());
        report.number(node, "rwg", Report.path(path, "rwg"), cell.rwg());
        report.number(node, "rwg_truncated", Report.path(path, "rwg_truncated"), cell.rwgTruncated());
    }
}
