package org.delphipanel.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report's methods section, read at run time from docs/statistics.md (shipped in the jar as
 * {@value #RESOURCE}), so that the report says exactly what the documentation says and cannot drift
 * from it. For each statistic the report uses it takes, from that statistic's section of the docs, the
 * definition (the opening paragraphs and tables, up to the edge cases, checks and costs, which a
 * reader of the report does not need), the interpretation and the references. A section that is missing
 * from the docs is an error, not a silently shorter report. Immutable and thread-safe.
 *
 * @param sections the statistics in the report's order
 * @param references every reference paragraph, once, in order of appearance
 */
record Methods(List<Section> sections, List<String> references) {

    static final String RESOURCE = "docs/statistics.md";

    /** The docs' headings (their start, without the leading #s) of the statistics the report shows, in its order. */
    static final List<String> HEADINGS = List.of(
            "1. Cell statistics",
            "Default for the 0–5 rubric",
            "4. Convergence between consecutive rounds",
            "5. Stopping recommendation",
            "Krippendorff's alpha",
            "Bootstrap interval",
            "Intraclass correlation",
            "Kendall's W",
            "Fleiss' kappa",
            "Gwet's AC1 and AC2",
            "Cell aggregation",
            "Roll-up and bands",
            "Bootstrap (`ScoreBootstrap`)");

    /** Paragraphs that open the parts of a section the report leaves out: edge cases, checks, costs, internals. */
    private static final List<String> DEFINITION_ENDS = List.of("Undefined", "Checked", "Cost", "Result", "Caveat",
            "Implementation", "**Seed derivation", "**Computation", "Reference values", "Trimmed mean");
    private static final int MAX_DEFINITION_BLOCKS = 4;
    private static final Pattern HEADING = Pattern.compile("^(#{2,6})\\s+(.*)$");

    Methods {
        sections = List.copyOf(sections);
        references = List.copyOf(references);
    }

    /**
     * One statistic's method.
     *
     * @param title the docs' heading
     * @param definition blocks of Markdown: paragraphs and tables
     * @param interpretation the docs' interpretation paragraphs (may be empty)
     * @param references the docs' reference paragraphs of this section (may be empty)
     */
    record Section(String title, List<String> definition, List<String> interpretation, List<String> references) {
        Section {
            definition = List.copyOf(definition);
            interpretation = List.copyOf(interpretation);
            references = List.copyOf(references);
        }
    }

    /** Reads the docs from the class path. */
    static Methods load() {
        try (InputStream in = Methods.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path: the build ships it in the jar"
                        + " (pom.xml, <resource> docs)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Methods parse(String markdown) {
        List<RawSection> raw = split(markdown);
        List<Section> sections = new ArrayList<>();
        Set<String> references = new LinkedHashSet<>();
        for (String heading : HEADINGS) {
            RawSection section = raw.stream().filter(s -> s.title().startsWith(heading)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(RESOURCE + " has no section \"" + heading
                            + "\", which the study report's methods section needs"));
            List<String> definition = new ArrayList<>();
            List<String> interpretation = new ArrayList<>();
            List<String> sectionReferences = new ArrayList<>();
            boolean definitionOpen = true;
            for (String block : section.blocks()) {
                if (block.startsWith("Reference: ") || block.startsWith("References: ")) {
                    sectionReferences.add(block);
                    references.add(block.substring(block.indexOf(':') + 1).strip());
                } else if (block.startsWith("Interpretation")) {
                    interpretation.add(block);
                } else if (DEFINITION_ENDS.stream().anyMatch(block::startsWith)) {
                    definitionOpen = false;
                } else if (definitionOpen && !block.startsWith("```") && definition.size() < MAX_DEFINITION_BLOCKS) {
                    definition.add(block);
                }
            }
            if (definition.isEmpty()) {
                throw new IllegalStateException(RESOURCE + " section \"" + heading + "\" has no definition paragraph");
            }
            sections.add(new Section(plain(section.title()), definition, interpretation, sectionReferences));
        }
        return new Methods(sections, List.copyOf(references));
    }

    private record RawSection(String title, List<String> blocks) {
    }

    /** Splits the Markdown into sections at every heading, and each section into blocks separated by blank lines. */
    private static List<RawSection> split(String markdown) {
        List<RawSection> sections = new ArrayList<>();
        String title = "";
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        boolean fence = false;
        for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
            Matcher heading = HEADING.matcher(line);
            if (!fence && heading.matches()) {
                flush(block, blocks);
                sections.add(new RawSection(title, blocks));
                title = heading.group(2).strip();
                blocks = new ArrayList<>();
                continue;
            }
            if (line.startsWith("```")) {
                fence = !fence;
            }
            if (!fence && line.isBlank()) {
                flush(block, blocks);
            } else {
                block.append(block.isEmpty() ? "" : "\n").append(line);
            }
        }
        flush(block, blocks);
        sections.add(new RawSection(title, blocks));
        return sections;
    }

    private static void flush(StringBuilder block, List<String> blocks) {
        if (!block.isEmpty()) {
            blocks.add(block.toString().strip());
            block.setLength(0);
        }
    }

    /** A heading without its Markdown: "Kendall's W — `KendallW.of(table)`" stays readable as text. */
    private static String plain(String heading) {
        // the docs number the round statistics 1-5; the report shows a selection, so the numbers would mislead
        return heading.replace("`", "").replaceFirst("^\\d+\\.\\s+", "");
    }
}
