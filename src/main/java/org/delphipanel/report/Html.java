package org.delphipanel.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * XHTML building blocks for the report: escaping of every piece of text, and the small part of Markdown
 * that docs/statistics.md uses (paragraphs, lists, pipe tables, {@code `code`}, {@code **bold**},
 * {@code *italic*}, {@code <url>} and {@code [text](url)}). Output is well-formed XML, which the PDF
 * renderer needs. Stateless and thread-safe.
 */
final class Html {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w*])\\*([^*\\s][^*]*?)\\*(?![\\w*])");
    private static final Pattern AUTOLINK = Pattern.compile("&lt;(https?://[^\\s&]+)&gt;");
    private static final Pattern BULLET = Pattern.compile("- ");
    private static final Pattern NUMBERED = Pattern.compile("\\d+\\. ");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");

    private Html() {
    }

    /** Text as XHTML character data or an attribute value: the five XML specials escaped, nothing else changed. */
    static String escape(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters other than tab and line ends are not allowed in XML 1.0
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** One line of Markdown as inline XHTML: escaped first, then code, bold, italic and links. */
    static String inline(String markdown) {
        List<String> codes = new ArrayList<>();
        Matcher code = CODE.matcher(escape(markdown));
        StringBuilder out = new StringBuilder();
        while (code.find()) {
            codes.add(code.group(1));
            code.appendReplacement(out, Matcher.quoteReplacement("\u0000" + (codes.size() - 1) + "\u0000"));
        }
        code.appendTail(out);
        String text = out.toString();
        text = BOLD.matcher(text).replaceAll("<strong>$1</strong>");
        text = ITALIC.matcher(text).replaceAll("<em>$1</em>");
        text = LINK.matcher(text).replaceAll("<a href=\"$2\">$1</a>");
        text = AUTOLINK.matcher(text).replaceAll("<a href=\"$1\">$1</a>");
        for (int i = 0; i < codes.size(); i++) {
            text = text.replace("\u0000" + i + "\u0000", "<code>" + codes.get(i) + "</code>");
        }
        return text;
    }

    /** A block of Markdown (a paragraph, a list or a pipe table) as XHTML. */
    static String block(String markdown) {
        List<String> lines = markdown.lines().toList();
        if (lines.getFirst().startsWith("|")) {
            return table(lines);
        }
        boolean bullets = BULLET.matcher(lines.getFirst()).lookingAt();
        if (bullets || NUMBERED.matcher(lines.getFirst()).lookingAt()) {
            Pattern marker = bullets ? BULLET : NUMBERED;
            String tag = bullets ? "ul" : "ol";
            StringBuilder out = new StringBuilder("<" + tag + ">");
            StringBuilder item = new StringBuilder();
            for (String line : lines) {
                Matcher start = marker.matcher(line);
                if (start.lookingAt()) {
                    if (!item.isEmpty()) {
                        out.append("<li>").append(inline(item.toString())).append("</li>");
                    }
                    item.setLength(0);
                    item.append(line.substring(start.end()).strip());
                } else {
                    item.append(' ').append(line.strip());
                }
            }
            out.append("<li>").append(inline(item.toString())).append("</li></").append(tag).append('>');
            return out.toString();
        }
        return "<p>" + inline(String.join(" ", lines.stream().map(String::strip).toList())) + "</p>";
    }

    private static String table(List<String> lines) {
        StringBuilder out = new StringBuilder("<table class=\"md\">");
        boolean header = true;
        for (String line : lines) {
            List<String> cells = cells(line);
            if (cells.stream().allMatch(c -> c.matches(":?-{3,}:?"))) {
                continue;
            }
            out.append("<tr>");
            for (String cell : cells) {
                String tag = header ? "th" : "td";
                out.append('<').append(tag).append('>').append(inline(cell)).append("</").append(tag).append('>');
            }
            out.append("</tr>");
            header = false;
        }
        return out.append("</table>").toString();
    }

    /** The cells of a pipe-table row; {@code \|} inside a cell is a literal bar. */
    private static List<String> cells(String line) {
        String row = line.strip();
        row = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length() && row.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
