package org.delphipanel.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The methods section comes from docs/statistics.md as shipped in the jar, and fails loudly when the docs lose a section. */
class MethodsTest {

    @Test
    void every_statistic_of_the_report_has_its_definition_from_the_shipped_docs() throws IOException {
        Methods methods = Methods.load();
        String docs = Files.readString(Path.of("docs", "statistics.md"));
        assertThat(methods.sections()).hasSize(Methods.HEADINGS.size())
                .allSatisfy(section -> assertThat(section.definition()).isNotEmpty());
        for (Methods.Section section : methods.sections()) {
            // every block is the docs' own text, not a paraphrase
            section.definition().forEach(block -> assertThat(docs).contains(block));
            section.references().forEach(block -> assertThat(docs).contains(block));
        }
        Methods.Section alpha = methods.sections().stream().filter(s -> s.title().startsWith("Krippendorff's alpha"))
                .findFirst().orElseThrow();
        assertThat(alpha.references()).singleElement().asString()
                .startsWith("Reference: K. Krippendorff (2011), *Computing Krippendorff's Alpha-Reliability*");
        assertThat(methods.references()).anyMatch(r -> r.contains("doi:10.1037/h0031619"))
                .anyMatch(r -> r.contains("Shrout & J. L. Fleiss (1979)"));
    }

    @Test
    void definitions_stop_before_edge_cases_and_checks_while_interpretation_and_references_stay() {
        Methods.Section kendall = Methods.load().sections().stream().filter(s -> s.title().startsWith("Kendall's W"))
                .findFirst().orElseThrow();
        assertThat(kendall.definition()).noneMatch(b -> b.startsWith("Undefined")).noneMatch(b -> b.startsWith("Reference"))
                .anyMatch(b -> b.contains("W = 12S/(m^2(n^3 - n))"));
        assertThat(kendall.interpretation()).singleElement().asString().contains("Schmidt");
        assertThat(kendall.title()).isEqualTo("Kendall's W — KendallW.of(table)");
        Methods.Section cells = Methods.load().sections().getFirst();
        assertThat(cells.title()).isEqualTo("Cell statistics — CellStatistics");
    }

    @Test
    void docs_without_a_section_the_report_needs_are_refused_by_name() {
        assertThatThrownBy(() -> Methods.parse("# Statistics\n\n## Krippendorff's alpha\n\nA definition.\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("\"1. Cell statistics\"");
    }
}
