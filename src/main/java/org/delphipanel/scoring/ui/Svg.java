package org.delphipanel.scoring.ui;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A small chart drawing: rectangles, lines, circles and text on a fixed canvas, with a title and a
 * description as text alternatives. The same list of shapes is written out as SVG (for the page and
 * the SVG download) and drawn with Java2D (for the PNG download), so both files show the same chart.
 */
final class Svg {

    static final String FONT = "DejaVu Sans, Verdana, sans-serif";
    private static final int PNG_SCALE = 2;

    private final int width;
    private final int height;
    private final String title;
    private final String description;
    private final List<Shape> shapes = new ArrayList<>();

    private sealed interface Shape permits Rect, Segment, Circle, Label {
    }

    private record Rect(double x, double y, double w, double h, String fill, String stroke) implements Shape {
    }

    private record Segment(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed)
            implements Shape {
    }

    private record Circle(double cx, double cy, double r, String fill, String stroke) implements Shape {
    }

    private record Label(double x, double y, String text, double size, String anchor, String fill, boolean bold)
            implements Shape {
    }

    Svg(int width, int height, String title, String description) {
        this.width = width;
        this.height = height;
        this.title = title;
        this.description = description;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    Svg rect(double x, double y, double w, double h, String fill, String stroke) {
        shapes.add(new Rect(x, y, w, h, fill, stroke));
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        shapes.add(new Segment(x1, y1, x2, y2, stroke, strokeWidth, false));
        return this;
    }

    Svg dashed(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        shapes.add(new Segment(x1, y1, x2, y2, stroke, strokeWidth, true));
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, String stroke) {
        shapes.add(new Circle(cx, cy, r, fill, stroke));
        return this;
    }

    /** Text with its anchor point: {@code anchor} is "start", "middle" or "end" (SVG's text-anchor). */
    Svg text(double x, double y, String text, double size, String anchor, String fill, boolean bold) {
        shapes.add(new Label(x, y, text, size, anchor, fill, bold));
        return this;
    }

    Svg text(double x, double y, String text, double size, String anchor) {
        return text(x, y, text, size, anchor, "#1a1a1a", false);
    }

    /** The drawing as an SVG document, with role="img", a title and a description for screen readers. */
    String toSvg() {
        String id = "chart-" + Integer.toHexString((title + description).hashCode());
        var out = new StringBuilder(4096);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" font-family=\"").append(FONT).append("\" style=\"max-width:100%;height:auto\">")
                .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
        for (Shape shape : shapes) {
            switch (shape) {
                case Rect r -> out.append("<rect x=\"").append(n(r.x())).append("\" y=\"").append(n(r.y()))
                        .append("\" width=\"").append(n(r.w())).append("\" height=\"").append(n(r.h()))
                        .append("\" fill=\"").append(r.fill()).append('"')
                        .append(r.stroke().isEmpty() ? "" : " stroke=\"" + r.stroke() + "\"").append("/>");
                case Segment s -> out.append("<line x1=\"").append(n(s.x1())).append("\" y1=\"").append(n(s.y1()))
                        .append("\" x2=\"").append(n(s.x2())).append("\" y2=\"").append(n(s.y2()))
                        .append("\" stroke=\"").append(s.stroke()).append("\" stroke-width=\"").append(n(s.width()))
                        .append(s.dashed() ? "\" stroke-dasharray=\"4 3" : "").append("\"/>");
                case Circle c -> out.append("<circle cx=\"").append(n(c.cx())).append("\" cy=\"").append(n(c.cy()))
                        .append("\" r=\"").append(n(c.r())).append("\" fill=\"").append(c.fill()).append('"')
                        .append(c.stroke().isEmpty() ? "" : " stroke=\"" + c.stroke() + "\"").append("/>");
                case Label l -> out.append("<text x=\"").append(n(l.x())).append("\" y=\"").append(n(l.y()))
                        .append("\" font-size=\"").append(n(l.size())).append("\" text-anchor=\"").append(l.anchor())
                        .append("\" fill=\"").append(l.fill()).append('"')
                        .append(l.bold() ? " font-weight=\"bold\"" : "").append('>').append(escape(l.text()))
                        .append("</text>");
            }
        }
        return out.append("</svg>").toString();
    }

    /** The same drawing rasterised with Java2D at twice the size, as PNG bytes. */
    byte[] toPng() {
        var image = new BufferedImage(width * PNG_SCALE, height * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(PNG_SCALE, PNG_SCALE);
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(0, 0, width, height));
            for (Shape shape : shapes) {
                draw(g, shape);
            }
        } finally {
            g.dispose();
        }
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart as PNG", e);
        }
        return bytes.toByteArray();
    }

    private static void draw(Graphics2D g, Shape shape) {
        switch (shape) {
            case Rect r -> {
                var box = new Rectangle2D.Double(r.x(), r.y(), r.w(), r.h());
                if (!"none".equals(r.fill())) {
                    g.setColor(color(r.fill()));
                    g.fill(box);
                }
                if (!r.stroke().isEmpty()) {
                    g.setColor(color(r.stroke()));
                    g.setStroke(new BasicStroke(1));
                    g.draw(box);
                }
            }
            case Segment s -> {
                g.setColor(color(s.stroke()));
                g.setStroke(s.dashed()
                        ? new BasicStroke((float) s.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                                new float[] {4, 3}, 0)
                        : new BasicStroke((float) s.width()));
                g.draw(new Line2D.Double(s.x1(), s.y1(), s.x2(), s.y2()));
            }
            case Circle c -> {
                var dot = new Ellipse2D.Double(c.cx() - c.r(), c.cy() - c.r(), 2 * c.r(), 2 * c.r());
                if (!"none".equals(c.fill())) {
                    g.setColor(color(c.fill()));
                    g.fill(dot);
                }
                if (!c.stroke().isEmpty()) {
                    g.setColor(color(c.stroke()));
                    g.setStroke(new BasicStroke(1));
                    g.draw(dot);
                }
            }
            case Label l -> {
                g.setFont(new Font("DejaVu Sans", l.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) l.size()));
                g.setColor(color(l.fill()));
                FontMetrics metrics = g.getFontMetrics();
                double w = metrics.getStringBounds(l.text(), g).getWidth();
                double x = switch (l.anchor()) {
                    case "middle" -> l.x() - w / 2;
                    case "end" -> l.x() - w;
                    default -> l.x();
                };
                g.drawString(l.text(), (float) x, (float) l.y());
            }
        }
    }

    private static Color color(String hex) {
        return Color.decode(hex);
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
