package org.delphipanel.report;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Lays the report's XHTML out as a PDF with openhtmltopdf (PDFBox). Nothing is fetched: the only image is a
 * data URI and every other URI is refused. The text font is DejaVu Sans when the system has it (Debian's
 * fonts-dejavu-core; it covers the Greek letters and maths signs of the methods section); without it the
 * PDF falls back to the standard Helvetica, which lacks those signs, so they are spelled in ASCII
 * ({@code ≤} as {@code <=}). Stateless and thread-safe.
 */
final class ReportPdf {

    /** Where Debian, Fedora and Arch keep DejaVu. */
    private static final List<String> FONT_DIRS = List.of("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
            "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu-sans-fonts");

    private static final Map<String, String> ASCII = Map.ofEntries(Map.entry("−", "-"), Map.entry("≤", "<="),
            Map.entry("≥", ">="), Map.entry("≠", "!="), Map.entry("Σ", "sum "), Map.entry("α", "alpha"),
            Map.entry("δ", "delta"), Map.entry("σ", "sigma"), Map.entry("√", "sqrt"), Map.entry("…", "..."),
            Map.entry("→", "->"), Map.entry("ᵢ", "_i"), Map.entry("∈", " in "), Map.entry("≈", "~"));

    private ReportPdf() {
    }

    static byte[] render(String xhtml) {
        File fonts = FONT_DIRS.stream().map(File::new).filter(d -> new File(d, "DejaVuSans.ttf").isFile()).findFirst()
                .orElse(null);
        String html = fonts == null ? ascii(xhtml) : xhtml;
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withProducer("Delphi Panel");
            builder.useUriResolver((base, uri) -> uri.startsWith("data:") ? uri : null);
            if (fonts != null) {
                font(builder, fonts, "DejaVuSans.ttf", "DejaVu Sans", 400, FontStyle.NORMAL);
                font(builder, fonts, "DejaVuSans-Bold.ttf", "DejaVu Sans", 700, FontStyle.NORMAL);
                font(builder, fonts, "DejaVuSans-Oblique.ttf", "DejaVu Sans", 400, FontStyle.ITALIC);
                font(builder, fonts, "DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, FontStyle.NORMAL);
            }
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void font(PdfRendererBuilder builder, File dir, String file, String family, int weight,
            FontStyle style) {
        File font = new File(dir, file);
        if (font.isFile()) {
            builder.useFont(font, family, weight, style, true);
        }
    }

    static String ascii(String text) {
        String out = text;
        for (var entry : ASCII.entrySet()) {
            out = out.replace(entry.getKey(), entry.getValue());
        }
        return out;
    }
}
