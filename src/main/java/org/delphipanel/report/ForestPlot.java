package org.delphipanel.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;

/**
 * The report's forest plot: one row per target with its overall score (a dot) and its confidence range
 * (a line), over the rubric's bands. Drawn with Java2D as a PNG, because one image serves both the HTML
 * file (a data URI) and the PDF, which cannot draw inline SVG without an extra renderer. Stateless.
 */
final class ForestPlot {

    /** One row: a target, its score and range (null when undefined). */
    record Row(String label, @Nullable Double score, @Nullable Double lower, @Nullable Double upper) {
    }

    /** A band of the scale, e.g. Moderate (2, 3]. */
    record BandZone(String label, double lower, double upper) {
    }

    static final int WIDTH = 860;
    private static final int SCALE = 2;
    private static final int ROW = 34;
    private static final int TOP = 56;
    private static final int BOTTOM = 46;
    private static final int LEFT = 230;
    private static final int RIGHT = 30;
    private static final Color INK = new Color(0x1a1a1a);
    private static final Color MUTED = new Color(0x5c5c5c);
    private static final Color ACCENT = new Color(0x1f5fa8);
    private static final Color GRID = new Color(0xd0d0d0);
    private static final Color[] BAND_FILL = {new Color(0xf4f4f4), new Color(0xe9eef5)};

    private ForestPlot() {
    }

    static int height(int rows) {
        return TOP + rows * ROW + BOTTOM;
    }

    static byte[] png(List<Row> rows, List<BandZone> bands, double min, double max, String level) {
        int height = height(rows.size());
        BufferedImage image = new BufferedImage(WIDTH * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(SCALE, SCALE);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(0, 0, WIDTH, height));
            double plotBottom = TOP + rows.size() * ROW;
            int shade = 0;
            Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
            for (BandZone band : bands) {
                double x1 = x(Math.max(band.lower(), min), min, max);
                double x2 = x(Math.min(band.upper(), max), min, max);
                g.setColor(BAND_FILL[shade++ % 2]);
                g.fill(new Rectangle2D.Double(x1, TOP, Math.max(x2 - x1, 1), plotBottom - TOP));
                g.setColor(MUTED);
                g.setFont(small);
                if (x2 - x1 >= 30) {
                    // a point band (Non-existent = [0, 0]) has no room for a label
                    centred(g, fit(g, band.label(), x2 - x1 - 4), (x1 + x2) / 2, TOP - 8);
                }
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.setColor(INK);
            g.drawString("Overall score per target with its " + level + " confidence range", 10, 20);
            g.setFont(small);
            for (double tick = Math.ceil(min); tick <= max + 1e-9; tick++) {
                double x = x(tick, min, max);
                g.setColor(GRID);
                g.setStroke(new BasicStroke(1f));
                g.draw(new Line2D.Double(x, TOP, x, plotBottom));
                g.setColor(INK);
                centred(g, String.format(Locale.ROOT, "%.0f", tick), x, plotBottom + 16);
            }
            centred(g, "score", (LEFT + WIDTH - RIGHT) / 2.0, plotBottom + 34);
            Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                double y = TOP + i * ROW + ROW / 2.0;
                g.setFont(label);
                g.setColor(INK);
                g.drawString(fit(g, row.label(), LEFT - 20), 10, (float) (y + 4));
                if (row.lower() != null && row.upper() != null) {
                    g.setColor(ACCENT);
                    g.setStroke(new BasicStroke(2.5f));
                    g.draw(new Line2D.Double(x(row.lower(), min, max), y, x(row.upper(), min, max), y));
                    g.draw(new Line2D.Double(x(row.lower(), min, max), y - 6, x(row.lower(), min, max), y + 6));
                    g.draw(new Line2D.Double(x(row.upper(), min, max), y - 6, x(row.upper(), min, max), y + 6));
                }
                if (row.score() != null) {
                    double x = x(row.score(), min, max);
                    g.setColor(INK);
                    g.fill(new Ellipse2D.Double(x - 5, y - 5, 10, 10));
                } else {
                    g.setColor(MUTED);
                    g.drawString("undefined", LEFT + 6, (float) (y + 4));
                }
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double x(double value, double min, double max) {
        return LEFT + (value - min) / (max - min) * (WIDTH - LEFT - RIGHT);
    }

    private static void centred(Graphics2D g, String text, double x, double y) {
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, (float) (x - metrics.stringWidth(text) / 2.0), (float) y);
    }

    /** The text, shortened with an ellipsis to fit the width. */
    private static String fit(Graphics2D g, String text, double width) {
        FontMetrics metrics = g.getFontMetrics();
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String shorter = text;
        while (!shorter.isEmpty() && metrics.stringWidth(shorter + "…") > width) {
            shorter = shorter.substring(0, shorter.length() - 1);
        }
        return shorter + "…";
    }
}
