package org.delphipanel.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TargetCsvTest {

    @Test
    void columns_may_come_in_any_order_and_only_name_is_required() {
        TargetCsv.Parsed parsed = TargetCsv.parse("Website,NAME\nhttps://a.example.org,Aurora\n,Borealis\n");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.targets()).extracting(t -> t.details().name(), t -> t.details().website(), t -> t.line())
                .containsExactly(tuple("Aurora", "https://a.example.org", 2), tuple("Borealis", null, 3));
    }

    @Test
    void rows_with_the_same_name_add_evidence_to_one_target() {
        TargetCsv.Parsed parsed = TargetCsv.parse("""
                name,description,evidence_title,evidence_date
                Aurora,A lab,Policy,2026-03-14
                aurora,,Model card,
                """);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.targets()).singleElement().satisfies(target -> {
            assertThat(target.details().description()).isEqualTo("A lab");
            assertThat(target.evidence()).extracting(e -> e.line(), e -> e.details().title(),
                    e -> e.details().publishedOn())
                    .containsExactly(tuple(2, "Policy", LocalDate.of(2026, 3, 14)), tuple(3, "Model card", null));
        });
    }

    @Test
    void header_problems_name_the_column() {
        assertThat(TargetCsv.parse("name,colour,name\nx,y,z\n").problems())
                .extracting(ImportProblem::line, ImportProblem::column)
                .containsExactly(tuple(1, "colour"), tuple(1, "name"));
        assertThat(TargetCsv.parse("description\nx\n").problems()).extracting(ImportProblem::toString)
                .containsExactly("line 1, column name: the first line must name a column \"name\"");
        assertThat(TargetCsv.parse("\n\n").problems()).extracting(ImportProblem::line).containsExactly(1);
        assertThat(TargetCsv.parse("name\n").problems()).extracting(ImportProblem::message)
                .containsExactly("the file has column names but no targets");
    }

    @Test
    void a_second_row_of_a_target_may_not_contradict_the_first() {
        assertThat(TargetCsv.parse("name,description\nAurora,A lab\nAurora,A company\n").problems())
                .extracting(ImportProblem::line, ImportProblem::column)
                .containsExactly(tuple(3, "description"));
    }

    @Test
    void malformed_csv_is_one_problem_at_the_line_where_it_starts() {
        assertThat(TargetCsv.parse("name,description\nAurora,\"never closed\nBorealis,x\n").problems())
                .extracting(ImportProblem::line, ImportProblem::column)
                .containsExactly(tuple(2, null));
    }

    @Test
    void the_example_in_the_user_guide_imports_without_problems() throws Exception {
        String guide = Files.readString(Path.of("docs/user-guide.md"));
        int start = guide.indexOf("```csv\n") + "```csv\n".length();
        String example = guide.substring(start, guide.indexOf("```", start));
        TargetCsv.Parsed parsed = TargetCsv.parse(example);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.targets()).extracting(t -> t.details().name(), t -> t.evidence().size())
                .containsExactly(tuple("Aurora Labs", 2), tuple("Borealis AI", 0));
        assertThat(parsed.targets().get(0).evidence().get(0).details().excerpt())
                .isEqualTo("Defines \"critical\" capability thresholds.");
    }
}
