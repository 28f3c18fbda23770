package org.delphipanel.scoring.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.delphipanel.scoring.Convergence;
import org.delphipanel.scoring.Dispersion;
import org.delphipanel.scoring.StudyResults;
import org.delphipanel.scoring.Triage;
import org.delphipanel.stats.Outcome;

/** The charts of the scoring views, each drawn as an {@link Svg}. Every mark also carries text. */
final class Charts {

    static final String INK = "#1a1a1a";
    static final String MUTED = "#5c5c5c";
    static final String GRID = "#d0d0d0";
    static final String ACCENT = "#1f5fa8";
    private static final double SCALE_MIN = 0;
    private static final double SCALE_MAX = 5;

    private Charts() {
    }

    /**
     * Targets (rows) by criteria (columns), each cell shaded by how much the panel disagrees on the
     * chosen measure (darker = more disagreement), with the figure and the consensus status written in it.
     */
    static Svg heatmap(Triage triage, Dispersion measure) {
        int labelWidth = 170;
        int headerHeight = 70;
        int cellWidth = 120;
        int cellHeight = 46;
        int columns = triage.criteria().size();
        int rows = triage.targets().size();
        int width = labelWidth + columns * cellWidth + 10;
        int height = headerHeight + rows * cellHeight + 40;
        var svg = new Svg(width, height, "Disagreement by cell, round " + triage.roundNumber() + " (" + measure.label() + ")",
                "Heatmap of " + rows + " targets by " + columns + " criteria. Darker cells show more disagreement by "
                        + measure.label() + ". Each cell states the figure and whether it reached consensus under "
                        + triage.consensusRule() + "; " + triage.cellsWithConsensus() + " of " + triage.cells().size()
                        + " cells have consensus.");
        for (int c = 0; c < columns; c++) {
            double x = labelWidth + c * cellWidth + cellWidth / 2.0;
            List<String> lines = wrap(triage.criteria().get(c), 18);
            for (int i = 0; i < lines.size() && i < 3; i++) {
                svg.text(x, 18 + i * 15, lines.get(i), 11, "middle", INK, true);
            }
        }
        for (int r = 0; r < rows; r++) {
            String target = triage.targets().get(r);
            double y = headerHeight + r * cellHeight;
            svg.text(labelWidth - 8, y + cellHeight / 2.0 + 4, target, 12, "end", INK, true);
            for (int c = 0; c < columns; c++) {
                Triage.Cell cell = triage.cells().get(r * columns + c);
                Outcome<Double> value = measure.of(cell);
                double intensity = intensity(measure, value);
                double x = labelWidth + c * cellWidth;
                svg.rect(x + 1, y + 1, cellWidth - 2, cellHeight - 2, shade(intensity), "#ffffff");
                String ink = intensity > 0.55 ? "#ffffff" : INK;
                String figure = value.isDefined() ? format(measure, value.orElseThrow()) : "n/a";
                svg.text(x + cellWidth / 2.0, y + 19, figure, 12, "middle", ink, true);
                String status = cell.n() == 0 ? "no ratings" : cell.consensus() ? "✓ consensus" : "✗ no consensus";
                svg.text(x + cellWidth / 2.0, y + 35, status, 11, "middle", ink, cell.consensus());
            }
        }
        double legendY = headerHeight + rows * cellHeight + 24;
        svg.text(labelWidth, legendY, "Figure in each cell: " + measure.label() + ". Lighter: more agreement, darker:"
                + " more disagreement. ✓ consensus under " + triage.consensusRule(), 11, "start", MUTED, false);
        return svg;
    }

    /** 0 (full agreement) to 1 (strong disagreement) for the chosen measure. */
    static double intensity(Dispersion measure, Outcome<Double> value) {
        if (!value.isDefined()) {
            return 0;
        }
        double v = value.orElseThrow();
        double raw = switch (measure) {
            case IQR -> v / 2.5;
            case RWG -> 1 - v;
            case WITHIN_ONE -> (1 - v) / 0.6;
        };
        return Math.max(0, Math.min(1, raw));
    }

    /** A single-hue ramp from pale yellow to dark orange-brown (colour-blind safe, readable in grey). */
    static String shade(double intensity) {
        int[] from = {255, 247, 222};
        int[] to = {140, 45, 4};
        int[] rgb = new int[3];
        for (int i = 0; i < 3; i++) {
            rgb[i] = (int) Math.round(from[i] + (to[i] - from[i]) * intensity);
        }
        return String.format("#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }

    private static String format(Dispersion measure, double value) {
        return measure == Dispersion.WITHIN_ONE ? Math.round(value * 100) + "%" : Format.two(value);
    }

    /** The ratings of one cell as dots on the 0–5 scale, with the median and the IQR box. */
    static Svg distribution(Triage.Cell cell) {
        int width = 420;
        int height = 90;
        double left = 20;
        double right = width - 20;
        double axisY = 60;
        var svg = new Svg(width, height, "Ratings of " + cell.target() + " on " + cell.criterion(),
                cell.n() + " ratings: " + String.join(", ", cell.grades().stream().map(Format::two).toList())
                        + (cell.median().isDefined() ? "; median " + Format.two(cell.median().orElseThrow()) : "")
                        + (cell.iqr().isDefined() ? "; IQR " + Format.two(cell.iqr().orElseThrow()) : "") + ".");
        svg.line(left, axisY, right, axisY, MUTED, 1);
        for (int g = 0; g <= 5; g++) {
            double x = x(g, left, right);
            svg.line(x, axisY, x, axisY + 5, MUTED, 1).text(x, axisY + 18, String.valueOf(g), 11, "middle");
        }
        if (cell.firstQuartile().isDefined()) {
            double q1 = x(cell.firstQuartile().orElseThrow(), left, right);
            double q3 = x(cell.thirdQuartile().orElseThrow(), left, right);
            svg.rect(q1, 14, Math.max(1, q3 - q1), 34, "#dbe7f5", ACCENT);
            double median = x(cell.median().orElseThrow(), left, right);
            svg.line(median, 10, median, 52, ACCENT, 2.5)
                    .text(median, 9, "median " + Format.two(cell.median().orElseThrow()), 10, "middle", ACCENT, true);
        }
        List<Double> seen = new ArrayList<>();
        for (double grade : cell.grades()) {
            long same = seen.stream().filter(s -> Math.abs(s - grade) < 1e-9).count();
            seen.add(grade);
            svg.circle(x(grade, left, right), 44 - same * 7, 3.5, INK, "#ffffff");
        }
        return svg;
    }

    /** Each target's overall score with its confidence range, on the 0–5 scale with the bands shaded. */
    static Svg forest(StudyResults results) {
        List<StudyResults.TargetScores> targets = results.targets().stream()
                .sorted(Comparator.comparing((StudyResults.TargetScores t) ->
                        t.overall().score() == null ? -1 : t.overall().score()).reversed())
                .toList();
        int labelWidth = 170;
        int valueWidth = 150;
        int rowHeight = 30;
        int top = 40;
        int plotWidth = 480;
        int width = labelWidth + plotWidth + valueWidth + 20;
        int height = top + targets.size() * rowHeight + 50;
        double left = labelWidth;
        double right = labelWidth + plotWidth;
        var description = new StringBuilder("Overall weighted maturity score of each target with its "
                + Math.round(results.content().level() * 100) + "% confidence range, from round " + results.roundNumber()
                + ": ");
        targets.forEach(t -> description.append(t.target()).append(' ').append(Format.scoreWithRange(t.overall())).append("; "));
        var svg = new Svg(width, height, "Overall scores with confidence ranges (round " + results.roundNumber() + ")",
                description.toString().strip());
        String[] bandFills = {"#f7f7f7", "#ffffff"};
        String[] bands = {"Very weak", "Weak", "Moderate", "Substantial", "Strong"};
        for (int b = 0; b < 5; b++) {
            svg.rect(x(b, left, right), top - 8, x(1, left, right) - left, targets.size() * rowHeight + 8, bandFills[b % 2], "");
            svg.text(x(b + 0.5, left, right), top - 14, bands[b], 10, "middle", MUTED, false);
        }
        for (int g = 0; g <= 5; g++) {
            double x = x(g, left, right);
            svg.line(x, top - 8, x, top + targets.size() * rowHeight, GRID, 1);
            svg.text(x, top + targets.size() * rowHeight + 16, String.valueOf(g), 11, "middle");
        }
        svg.text((left + right) / 2, top + targets.size() * rowHeight + 36, "Overall score (0–5)", 11, "middle", MUTED, false);
        for (int i = 0; i < targets.size(); i++) {
            StudyResults.TargetScores target = targets.get(i);
            StudyResults.NodeScore overall = target.overall();
            double y = top + i * rowHeight + rowHeight / 2.0;
            svg.text(labelWidth - 10, y + 4, target.target(), 12, "end", INK, true);
            if (overall.lower() != null && overall.upper() != null) {
                double lo = x(overall.lower(), left, right);
                double hi = x(overall.upper(), left, right);
                svg.line(lo, y, hi, y, ACCENT, 2).line(lo, y - 6, lo, y + 6, ACCENT, 2).line(hi, y - 6, hi, y + 6, ACCENT, 2);
            }
            if (overall.score() != null) {
                svg.circle(x(overall.score(), left, right), y, 5, ACCENT, "#ffffff");
            }
            svg.text(right + 10, y + 4, Format.scoreWithRange(overall), 11, "start");
        }
        return svg;
    }

    /**
     * Small multiples, targets by criteria: in each, the median by round (dots joined by a line) and
     * the IQR by round (a vertical bar), on the 0–5 scale.
     */
    static Svg trajectories(Convergence convergence, List<String> targets, List<String> criteria) {
        int rounds = convergence.rounds().size();
        int labelWidth = 150;
        int headerHeight = 56;
        int panelWidth = 100;
        int panelHeight = 70;
        int width = labelWidth + criteria.size() * panelWidth + 10;
        int height = headerHeight + targets.size() * panelHeight + 30;
        var svg = new Svg(width, height, "Median and IQR by round, per cell",
                "Small multiples of " + targets.size() + " targets by " + criteria.size() + " criteria over " + rounds
                        + " closed rounds. In each panel, dots joined by a line show the median in each round and"
                        + " vertical bars the interquartile range; narrowing bars mean the panel converged.");
        for (int c = 0; c < criteria.size(); c++) {
            List<String> lines = wrap(criteria.get(c), 16);
            for (int i = 0; i < lines.size() && i < 3; i++) {
                svg.text(labelWidth + c * panelWidth + panelWidth / 2.0, 14 + i * 13, lines.get(i), 10, "middle", INK, true);
            }
        }
        int index = 0;
        for (int t = 0; t < targets.size(); t++) {
            double top = headerHeight + t * panelHeight;
            svg.text(labelWidth - 8, top + panelHeight / 2.0 + 4, targets.get(t), 11, "end", INK, true);
            for (int c = 0; c < criteria.size(); c++) {
                Convergence.CellTrajectory cell = convergence.cells().get(index++);
                double left = labelWidth + c * panelWidth + 8;
                double right = labelWidth + (c + 1) * panelWidth - 8;
                double bottom = top + panelHeight - 14;
                double upper = top + 6;
                svg.rect(left - 4, upper - 2, right - left + 8, bottom - upper + 4, "#fafafa", GRID);
                double previousX = -1;
                double previousY = -1;
                for (int r = 0; r < rounds; r++) {
                    double x = rounds == 1 ? (left + right) / 2 : left + (right - left) * r / (rounds - 1);
                    if (cell.iqrs().get(r).isDefined() && cell.medians().get(r).isDefined()) {
                        double median = cell.medians().get(r).orElseThrow();
                        double iqr = cell.iqrs().get(r).orElseThrow();
                        svg.line(x, y(median + iqr / 2, upper, bottom), x, y(median - iqr / 2, upper, bottom), "#9db8da", 4);
                    }
                    if (cell.medians().get(r).isDefined()) {
                        double y = y(cell.medians().get(r).orElseThrow(), upper, bottom);
                        if (previousX >= 0) {
                            svg.line(previousX, previousY, x, y, ACCENT, 1.5);
                        }
                        svg.circle(x, y, 2.5, ACCENT, "");
                        previousX = x;
                        previousY = y;
                    }
                }
                String last = cell.medians().isEmpty() || !cell.medians().getLast().isDefined() ? "n/a"
                        : Format.two(cell.medians().getLast().orElseThrow());
                svg.text((left + right) / 2, bottom + 12, "now " + last + (cell.consensusInLatest() ? " ✓" : ""), 9,
                        "middle", MUTED, false);
            }
        }
        svg.text(labelWidth, height - 8, "Each panel: rounds 1 to " + rounds + " left to right; scale 0 (bottom) to 5 (top);"
                + " ✓ consensus in the latest round", 10, "start", MUTED, false);
        return svg;
    }

    private static double x(double grade, double left, double right) {
        return left + (right - left) * (grade - SCALE_MIN) / (SCALE_MAX - SCALE_MIN);
    }

    private static double y(double grade, double top, double bottom) {
        double clamped = Math.max(SCALE_MIN, Math.min(SCALE_MAX, grade));
        return bottom - (bottom - top) * (clamped - SCALE_MIN) / (SCALE_MAX - SCALE_MIN);
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        var line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
