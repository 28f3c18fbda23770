package org.delphipanel.rating.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.delphipanel.rating.CellSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * A small server-rendered SVG of a cell's distribution on its scale: a bar per grade given, the
 * interquartile range as a band, the median as a line, and the viewer's own earlier grade as a
 * marker; with the same facts in words beside it for screen readers and for anyone who prefers text.
 */
final class DistributionChart {

    private static final int WIDTH = 360;
    private static final int HEIGHT = 90;
    private static final int PAD = 14;
    private static final int BASE = 62;

    private DistributionChart() {
    }

    static Component of(CellSnapshot cell, @Nullable BigDecimal own) {
        String description = description(cell, own);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" aria-label=\"").append(escape(description)).append("\">");
        svg.append("<title>").append(escape(description)).append("</title>");
        if (cell.q1() != null && cell.q3() != null) {
            double from = x(cell, cell.q1());
            double to = x(cell, cell.q3());
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"8\" width=\"%.1f\" height=\"%d\" fill=\"currentColor\" fill-opacity=\"0.12\"/>",
                    from, Math.max(1.5, to - from), BASE - 8));
        }
        int max = cell.histogram().stream().mapToInt(Integer::intValue).max().orElse(1);
        for (int i = 0; i < cell.histogram().size(); i++) {
            int count = cell.histogram().get(i);
            if (count == 0) {
                continue;
            }
            double height = (BASE - 12) * (double) count / Math.max(1, max);
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"4\" height=\"%.1f\" fill=\"currentColor\"/>",
                    x(cell, cell.gradeAt(i)) - 2, BASE - height, height));
        }
        if (cell.median() != null) {
            double m = x(cell, cell.median());
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"4\" y2=\"%d\" stroke=\"currentColor\" stroke-width=\"2\""
                            + " stroke-dasharray=\"4 2\"/>", m, m, BASE));
        }
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"currentColor\"/>", PAD, WIDTH - PAD, BASE, BASE));
        for (double tick = Math.ceil(cell.scaleMin()); tick <= cell.scaleMax() + 1e-9; tick++) {
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"currentColor\">%d</text>",
                    x(cell, tick), BASE + 14, (int) tick));
        }
        if (own != null) {
            double o = x(cell, own.doubleValue());
            svg.append(String.format(Locale.ROOT,
                    "<path d=\"M%.1f %d l-5 -8 h10 z\" fill=\"currentColor\"/>", o, BASE + 26 - 8));
        }
        svg.append("</svg>");
        var chart = new Div(new Html("<div class=\"dp-chart\">" + svg + "</div>"));
        chart.setHeight((HEIGHT + 30) + "px");
        var words = new Paragraph(description);
        words.addClassName("dp-chart-text");
        return new Div(chart, words);
    }

    /** The chart in words: who rated what, and where the middle half and median lie. */
    static String description(CellSnapshot cell, @Nullable BigDecimal own) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < cell.histogram().size(); i++) {
            int count = cell.histogram().get(i);
            if (count > 0) {
                parts.add(RatingTexts.number(cell.gradeAt(i)) + " (" + count + (count == 1 ? " rating)" : " ratings)"));
            }
        }
        return "Distribution of the panel's " + cell.n() + " ratings in round " + cell.ratedInRound() + ": "
                + String.join(", ", parts) + ". Median " + RatingTexts.number(cell.median()) + " (dashed line);"
                + " middle half from " + RatingTexts.number(cell.q1()) + " to " + RatingTexts.number(cell.q3())
                + " (shaded band)" + (own == null ? "." : "; your rating " + RatingTexts.grade(own) + " (triangle).");
    }

    private static double x(CellSnapshot cell, double grade) {
        return PAD + (grade - cell.scaleMin()) / (cell.scaleMax() - cell.scaleMin()) * (WIDTH - 2 * PAD);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
