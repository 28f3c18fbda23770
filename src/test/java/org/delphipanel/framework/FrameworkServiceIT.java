package org.delphipanel.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.delphipanel.db.Tables.FRAMEWORK;
import static org.delphipanel.db.Tables.FRAMEWORK_BAND;
import static org.delphipanel.db.Tables.FRAMEWORK_NODE;
import static org.delphipanel.db.Tables.SCALE_LEVEL;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.delphipanel.scoring.ActingAs;
import org.delphipanel.security.Role;
import org.delphipanel.study.StudyTestData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Import, storage and loading of rubrics on the real schema. The tests share one database (no
 * rollback between them, so that the service's own transactions are what is tested), so each uses
 * its own rubric code. Imports run as a signed-in facilitator (FrameworkImportAuthorizationIT covers
 * who may import).
 */
@SpringBootTest
class FrameworkServiceIT {

    @Autowired
    FrameworkService frameworks;

    @Autowired
    DSLContext db;

    /** The real repository, made to fail on request to show that an import is all or nothing. */
    @MockitoSpyBean
    FrameworkRepository repository;

    @Autowired
    StudyTestData data;

    @BeforeEach
    void signInAsFacilitator() {
        ActingAs.user(data.aUser(Role.FACILITATOR, "rubric-author").email(), "FACILITATOR");
    }

    @AfterEach
    void restoreRepository() {
        reset(repository);
        ActingAs.nobody();
    }

    private ImportResult importRubric(String source, String fileName) {
        return frameworks.importRubric(source.getBytes(StandardCharsets.UTF_8), fileName);
    }

    private static String threeLevel(String code) throws IOException {
        try (InputStream in = FrameworkServiceIT.class.getResourceAsStream("three-level.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("code: test-three-level", "code: " + code);
        }
    }

    private List<Integer> rowCounts() {
        return List.of(db.fetchCount(FRAMEWORK), db.fetchCount(FRAMEWORK_NODE), db.fetchCount(SCALE_LEVEL),
                db.fetchCount(FRAMEWORK_BAND));
    }

    @Test
    void the_built_in_saferai_rubric_is_stored_at_startup() {
        Framework saferAi = frameworks.find("saferai-2024", 1).orElseThrow();
        assertThat(saferAi.definition())
                .isEqualTo(RubricParser.parse(BuiltInFrameworks.saferAiSource(), "saferai-2024.json"));
        assertThat(frameworks.source(saferAi.id())).contains(BuiltInFrameworks.saferAiSource());
        assertThat(saferAi.criteria()).extracting(Criterion::code).containsExactly("risk-identification",
                "global-risk-tolerance", "operational-risk-tolerance", "evaluation-protocols", "deployment-measures",
                "containment-measures", "assurance-properties");
        assertThat(frameworks.list()).extracting(FrameworkSummary::label).contains("saferai-2024 v1");
        assertThat(frameworks.list()).filteredOn(summary -> summary.code().equals("saferai-2024"))
                .singleElement().extracting(FrameworkSummary::criterionCount).isEqualTo(7);
    }

    @Test
    void the_startup_import_runs_again_without_storing_anything(@Autowired BuiltInFrameworks builtIn) {
        List<Integer> before = rowCounts();
        Framework again = builtIn.saferAi();
        assertThat(again.id()).isEqualTo(frameworks.find("saferai-2024", 1).orElseThrow().id());
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void an_imported_rubric_loads_back_as_it_was_parsed() throws IOException {
        String source = threeLevel("it-round-trip");
        ImportResult result = importRubric(source, "three-level.yaml");

        assertThat(result.created()).isTrue();
        Framework stored = result.framework();
        assertThat(stored.definition()).isEqualTo(RubricParser.parse(source, "three-level.yaml"));
        assertThat(frameworks.find(stored.id())).contains(stored);
        assertThat(frameworks.find("it-round-trip", 2)).contains(stored);
        assertThat(frameworks.latest("it-round-trip")).contains(stored);
        assertThat(frameworks.source(stored.id())).contains(source);
        assertThat(stored.root().children()).extracting(FrameworkNode::code).containsExactly("governance", "technical");
        assertThat(stored.definition().effectiveWeight("evals")).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(stored.criteria()).extracting(Criterion::id).doesNotHaveDuplicates().allMatch(id -> id > 0);
        assertThat(stored.nodeId("overall")).isPositive();
    }

    @Test
    void importing_the_same_rubric_again_stores_nothing() throws IOException {
        String source = threeLevel("it-idempotent");
        Framework first = importRubric(source, "three-level.yaml").framework();
        List<Integer> before = rowCounts();

        ImportResult again = importRubric(source, "three-level.yaml");
        ImportResult reformatted = importRubric("# the same rubric, reformatted\n" + source, "copy.yml");

        assertThat(again.created()).isFalse();
        assertThat(again.framework()).isEqualTo(first);
        assertThat(reformatted.created()).isFalse();
        assertThat(reformatted.framework().id()).isEqualTo(first.id());
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void a_new_version_is_stored_beside_the_old_one_which_does_not_change() throws IOException {
        String version2 = threeLevel("it-versions");
        Framework old = importRubric(version2, "three-level.yaml").framework();
        String version3 = version2.replace("version: 2", "version: 3")
                .replace("weight: 0.4", "weight: 0.5").replace("weight: 0.6", "weight: 0.5")
                // board-review (1..4) now weighs 0.5 * 0.5 * 0.7 = 0.175: scores run from 0.175 to 4.825
                .replace("lower: 0.14", "lower: 0.175").replace("upper: 4.86", "upper: 4.825");

        Framework newer = importRubric(version3, "three-level-v3.yaml").framework();

        assertThat(newer.id()).isNotEqualTo(old.id());
        assertThat(newer.version()).isEqualTo(3);
        assertThat(newer.definition().node("governance").orElseThrow().weight()).isEqualTo(0.5);
        assertThat(frameworks.find("it-versions", 2)).contains(old);
        assertThat(frameworks.find("it-versions", 2).orElseThrow().definition().node("governance").orElseThrow()
                .weight()).isEqualTo(0.4);
        assertThat(frameworks.latest("it-versions")).contains(newer);
        assertThat(frameworks.list()).extracting(FrameworkSummary::label)
                .containsSubsequence("it-versions v3", "it-versions v2");
    }

    @Test
    void a_changed_rubric_under_a_stored_version_is_refused() throws IOException {
        String source = threeLevel("it-conflict");
        Framework stored = importRubric(source, "three-level.yaml").framework();
        List<Integer> before = rowCounts();

        RubricException refused = catchThrowableOfType(RubricException.class, () -> importRubric(
                source.replace("name: Audit", "name: External audit"), "three-level.yaml"));

        assertThat(refused.getMessage()).isEqualTo("three-level.yaml: rubric: it-conflict version 2 is already stored"
                + " with different content, and a stored version never changes; give the file a new version (the"
                + " latest stored is 2, so 3)");
        assertThat(frameworks.find(stored.id())).contains(stored);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void an_invalid_file_stores_nothing() throws IOException {
        List<Integer> before = rowCounts();
        String invalid = threeLevel("it-invalid").replace("weight: 0.7\n", "weight: 0.6\n");

        RubricException refused = catchThrowableOfType(RubricException.class,
                () -> importRubric(invalid, "three-level.yaml"));

        assertThat(refused.problems()).extracting(RubricProblem::location).containsExactly("node 'oversight' (root.children[0].children[0])");
        assertThat(frameworks.find("it-invalid", 2)).isEmpty();
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void a_failure_while_writing_rolls_the_whole_import_back() throws IOException {
        List<Integer> before = rowCounts();
        // the framework row, every node and every scale level are written before the bands
        doThrow(new IllegalStateException("simulated failure while writing the bands"))
                .when(repository).insertBands(anyLong(), anyList());

        var failure = catchThrowableOfType(IllegalStateException.class,
                () -> importRubric(threeLevel("it-rollback"), "three-level.yaml"));

        assertThat(failure).hasMessage("simulated failure while writing the bands");
        assertThat(frameworks.find("it-rollback", 2)).isEmpty();
        assertThat(rowCounts()).isEqualTo(before);
    }
}
