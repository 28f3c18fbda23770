package org.delphipanel.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RubricParserTest {

    /** A small valid rubric; each malformed case below breaks one thing in it. */
    private static final String MINI = """
            {
              "code": "mini",
              "version": 1,
              "name": "Mini rubric",
              "root": {
                "code": "root",
                "name": "Root",
                "children": [
                  {"code": "a", "name": "A", "weight": 0.5,
                   "scale": {"min": 0, "max": 2, "step": 1, "levels": {"0": "none", "1": "some", "2": "all"}}},
                  {"code": "b", "name": "B", "weight": 0.5,
                   "scale": {"min": 0, "max": 2, "step": 1, "levels": {"0": "none", "1": "some", "2": "all"}}}
                ]
              },
              "bands": [
                {"label": "Low", "lower": 0, "upper": 1, "lowerInclusive": true},
                {"label": "High", "lower": 1, "upper": 2}
              ]
            }
            """;

    private static String mini(String target, String replacement) {
        assertThat(MINI).contains(target);
        return MINI.replaceFirst(java.util.regex.Pattern.quote(target),
                java.util.regex.Matcher.quoteReplacement(replacement));
    }

    private static List<String> problems(String source) {
        return problems(source, "mini.json");
    }

    private static List<String> problems(String source, String fileName) {
        RubricException refused = catchThrowableOfType(RubricException.class, () -> RubricParser.parse(source, fileName));
        assertThat(refused).as("the file should be refused").isNotNull();
        return refused.problems().stream().map(RubricProblem::toString).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RubricParserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_small_example_is_valid() {
        FrameworkDefinition rubric = RubricParser.parse(MINI, "mini.json");
        assertThat(rubric.leaves()).extracting(FrameworkNode::code).containsExactly("a", "b");
        assertThat(rubric.node("a").orElseThrow().requireScale().levels()).containsEntry(1, "some");
    }

    @Test
    void children_weights_that_do_not_sum_to_one_are_refused_naming_the_parent() {
        assertThat(problems(mini("\"weight\": 0.5,", "\"weight\": 0.4,")))
                .containsExactly("mini.json: node 'root' (root): the weights of its children sum to 0.9 (a 0.4, b 0.5),"
                        + " not 1 (within 1.0E-6)");
    }

    @Test
    void weights_within_one_millionth_of_one_are_accepted() {
        String thirds = mini("\"weight\": 0.5,", "\"weight\": 0.3333335,").replace("\"weight\": 0.5,", "\"weight\": 0.666667,");
        FrameworkDefinition rubric = RubricParser.parse(thirds, "mini.json");
        assertThat(rubric.node("a").orElseThrow().weight()).isEqualTo(0.3333335);
        // the weights are divided by their sum (1.0000005), so the scores still run from 0 to 2
        assertThat(rubric.effectiveWeight("a") + rubric.effectiveWeight("b")).isCloseTo(1.0, within(1e-15));
        assertThat(rubric.scoreMax()).isCloseTo(2.0, within(1e-15));
    }

    @Test
    void fraction_weights_are_read_exactly() {
        String fractions = mini("\"weight\": 0.5,", "\"weight\": \"1/3\",").replace("\"weight\": 0.5,", "\"weight\": \"2/3\",");
        FrameworkDefinition rubric = RubricParser.parse(fractions, "mini.json");
        assertThat(rubric.node("a").orElseThrow().weight()).isEqualTo(1.0 / 3);
        assertThat(rubric.node("b").orElseThrow().weight()).isEqualTo(2.0 / 3);
    }

    @Test
    void a_weight_that_is_no_number_is_refused() {
        assertThat(problems(mini("\"weight\": 0.5,", "\"weight\": \"half\",")))
                .contains("mini.json: node 'a' (root.children[0]): weight \"half\" is neither a number nor a fraction"
                        + " like \"1/3\"");
    }

    @Test
    void a_missing_weight_is_refused() {
        assertThat(problems(mini("\"weight\": 0.5,", ""))).anySatisfy(problem -> assertThat(problem)
                .startsWith("mini.json: node 'a' (root.children[0]): the field 'weight'").contains("is missing"));
    }

    @Test
    void duplicate_codes_are_refused_naming_both_places() {
        assertThat(problems(mini("\"code\": \"b\"", "\"code\": \"a\"")))
                .containsExactly("mini.json: node 'a' (root.children[1]): duplicate code 'a': the node at"
                        + " root.children[0] already uses it");
    }

    @Test
    void a_scale_whose_min_is_not_below_its_max_is_refused() {
        assertThat(problems(mini("\"min\": 0, \"max\": 2", "\"min\": 2, \"max\": 2")))
                .contains("mini.json: node 'a' (root.children[0]): scale min 2 must be below max 2");
    }

    @Test
    void a_step_that_is_not_positive_is_refused() {
        assertThat(problems(mini("\"step\": 1", "\"step\": 0")))
                .containsExactly("mini.json: node 'a' (root.children[0]): scale step must be positive, was 0");
        assertThat(problems(mini("\"step\": 1", "\"step\": -0.5")))
                .containsExactly("mini.json: node 'a' (root.children[0]): scale step must be positive, was -0.5");
    }

    @Test
    void a_range_that_is_not_a_whole_number_of_steps_is_refused() {
        assertThat(problems(mini("\"step\": 1", "\"step\": 0.3")))
                .containsExactly("mini.json: node 'a' (root.children[0]): scale range 0..2 is not a whole number of"
                        + " steps of 0.3");
    }

    @Test
    void a_missing_descriptor_of_a_whole_grade_is_refused() {
        assertThat(problems(mini("\"0\": \"none\", \"1\": \"some\", \"2\": \"all\"", "\"0\": \"none\", \"2\": \"all\"")))
                .containsExactly("mini.json: node 'a' (root.children[0]): no descriptor for grade 1 of the scale 0..2"
                        + " (every whole grade needs one)");
    }

    @Test
    void a_descriptor_outside_the_scale_or_between_grades_is_refused() {
        assertThat(problems(mini("\"2\": \"all\"}", "\"2\": \"all\", \"3\": \"more\", \"1.5\": \"half\"}")))
                .containsExactly(
                        "mini.json: node 'a' (root.children[0]): level 3 lies outside the scale 0..2",
                        "mini.json: node 'a' (root.children[0]): level '1.5' is not a whole grade; descriptors are"
                                + " given per whole grade (\"0\", \"1\", ...)");
    }

    @Test
    void a_leaf_without_a_scale_is_refused() {
        String noScale = """
                {"code": "mini", "version": 1, "name": "Mini", "root": {"code": "root", "name": "Root", "children": [
                  {"code": "a", "name": "A", "weight": 1}]}}
                """;
        assertThat(problems(noScale))
                .containsExactly("mini.json: node 'a' (root.children[0]): a leaf (a node without children) needs a scale");
    }

    @Test
    void an_inner_node_with_a_scale_is_refused() {
        String scaledRoot = mini("\"name\": \"Root\",", "\"name\": \"Root\", \"scale\": {\"min\": 0, \"max\": 1,"
                + " \"step\": 1, \"levels\": {\"0\": \"no\", \"1\": \"yes\"}},");
        assertThat(problems(scaledRoot)).containsExactly("mini.json: node 'root' (root): an inner node (it has children)"
                + " must not have a scale; scales belong to the leaves");
    }

    @Test
    void empty_trees_are_refused() {
        String noChildren = """
                {"code": "mini", "version": 1, "name": "Mini", "root": {"code": "root", "name": "Root", "children": []}}
                """;
        assertThat(problems(noChildren))
                .containsExactly("mini.json: node 'root' (root): the tree is empty: the root has no children");
        String noRoot = """
                {"code": "mini", "version": 1, "name": "Mini"}
                """;
        assertThat(problems(noRoot)).containsExactly(
                "mini.json: rubric: the tree is empty: the field 'root' (the top node of the tree) is missing");
        assertThat(problems("", "empty.json")).hasSize(1).first().asString().startsWith("empty.json: file:");
    }

    @Test
    void unknown_fields_are_refused_with_a_suggestion() {
        assertThat(problems(mini("\"weight\": 0.5,", "\"wieght\": 0.5,")))
                .contains("mini.json: node 'a' (root.children[0]): unknown field 'wieght' (did you mean 'weight'?);"
                        + " allowed: code, name, description, weight, scale, children");
        assertThat(problems(mini("\"version\": 1,", "\"version\": 1, \"author\": \"me\",")))
                .containsExactly("mini.json: rubric: unknown field 'author'; allowed: code, version, name, description,"
                        + " scales, root, bands");
        assertThat(problems(mini("\"upper\": 2}", "\"upper\": 2, \"colour\": \"green\"}")))
                .containsExactly("mini.json: band 'High' (bands[1]): unknown field 'colour'; allowed: label, lower,"
                        + " upper, lowerInclusive");
    }

    @Test
    void malformed_json_is_refused_with_line_and_column() {
        String broken = mini("\"name\": \"Mini rubric\",", "\"name\": \"Mini rubric\"");
        assertThat(problems(broken)).hasSize(1).first().asString()
                .startsWith("mini.json: line 5, column 3: malformed JSON: ");
    }

    @Test
    void a_field_given_twice_is_refused() {
        assertThat(problems(mini("\"version\": 1,", "\"version\": 1, \"version\": 2,"))).hasSize(1).first().asString()
                .isEqualTo("mini.json: line 3, column 26: malformed JSON: Duplicate Object property \"version\"");
    }

    @Test
    void overlapping_bands_are_refused() {
        assertThat(problems(mini("{\"label\": \"High\", \"lower\": 1,", "{\"label\": \"High\", \"lower\": 0.5,")))
                .containsExactly("mini.json: bands: bands 'Low' [0, 1] and 'High' (0.5, 2] overlap (list bands from"
                        + " the lowest to the highest)");
        assertThat(problems(mini("\"upper\": 2}", "\"upper\": 2, \"lowerInclusive\": true}")))
                .containsExactly("mini.json: bands: bands 'Low' and 'High' both contain the score 1 (upper bounds are"
                        + " inclusive, so 'High' must not be lowerInclusive)");
    }

    @Test
    void bands_that_leave_gaps_are_refused() {
        assertThat(problems(mini("{\"label\": \"High\", \"lower\": 1,", "{\"label\": \"High\", \"lower\": 1.5,")))
                .containsExactly("mini.json: bands: scores between 1 and 1.5 fall in no band (gap between 'Low' and"
                        + " 'High')");
        assertThat(problems(mini("\"lower\": 0, \"upper\": 1, \"lowerInclusive\": true", "\"lower\": 0, \"upper\": 1")))
                .containsExactly("mini.json: bands: the lowest band 'Low' (0, 1] must start at the lowest possible"
                        + " score 0 and be lowerInclusive");
        assertThat(problems(mini("\"upper\": 2}", "\"upper\": 1.9}")))
                .containsExactly("mini.json: bands: the highest band 'High' (1, 1.9] must end at the highest possible"
                        + " score 2");
    }

    @Test
    void a_single_point_band_must_include_its_point() {
        assertThat(problems(mini("\"lower\": 0, \"upper\": 1, \"lowerInclusive\": true", "\"lower\": 1, \"upper\": 1")))
                .contains("mini.json: band 'Low' (bands[0]): (1, 1] contains no score; a single-point band must be"
                        + " lowerInclusive");
    }

    @Test
    void all_problems_are_reported_together() {
        String many = mini("\"weight\": 0.5,", "\"weight\": 0.7,")
                .replace("\"step\": 1,", "\"step\": 0,")
                .replace("\"code\": \"b\"", "\"code\": \"a\"");
        RubricException refused = catchThrowableOfType(RubricException.class, () -> RubricParser.parse(many, "mini.json"));
        assertThat(refused.problems()).extracting(RubricProblem::message).containsExactly(
                "scale step must be positive, was 0",
                "duplicate code 'a': the node at root.children[0] already uses it",
                "scale step must be positive, was 0",
                "the weights of its children sum to 1.2 (a 0.7, a 0.5), not 1 (within 1.0E-6)");
        assertThat(refused.getMessage()).startsWith("4 problems in the rubric file:\n  - mini.json: ");
    }

    @Test
    void the_version_must_be_a_whole_number_from_one() {
        assertThat(problems(mini("\"version\": 1,", "\"version\": 0,")))
                .containsExactly("mini.json: rubric: version must be a whole number of at least 1, was 0");
        assertThat(problems(mini("\"version\": 1,", "\"version\": 1.5,")))
                .containsExactly("mini.json: rubric: version must be a whole number of at least 1, was 1.5");
    }

    @Test
    void codes_with_spaces_are_refused() {
        assertThat(problems(mini("\"code\": \"b\"", "\"code\": \"b c\""))).containsExactly(
                "mini.json: node 'b c' (root.children[1]): code 'b c' may hold only letters, digits, '.', '_' and '-',"
                        + " starting with a letter or digit");
    }

    @Test
    void a_reference_to_an_undefined_shared_scale_is_refused() {
        String shared = mini("\"scale\": {\"min\": 0, \"max\": 2, \"step\": 1, \"levels\": {\"0\": \"none\", \"1\":"
                + " \"some\", \"2\": \"all\"}}}", "\"scale\": \"zero-to-two\"}");
        assertThat(problems(shared)).containsExactly(
                "mini.json: node 'a' (root.children[0]): scale 'zero-to-two' is not defined under 'scales'");
    }

    @Test
    void a_three_level_yaml_rubric_reports_the_weights_it_declares() throws IOException {
        FrameworkDefinition rubric = RubricParser.parse(resource("three-level.yaml"), "three-level.yaml");
        assertThat(rubric.code()).isEqualTo("test-three-level");
        assertThat(rubric.version()).isEqualTo(2);
        assertThat(rubric.root().children()).extracting(FrameworkNode::code, FrameworkNode::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("governance", 0.4),
                        org.assertj.core.groups.Tuple.tuple("technical", 0.6));
        assertThat(rubric.node("testing").orElseThrow().weight()).isEqualTo(2.0 / 3);
        assertThat(rubric.leaves()).extracting(FrameworkNode::code)
                .containsExactly("board-review", "audit", "publication", "red-teaming", "evals", "access-control");
        // effective weights by exact fractions (Python's fractions.Fraction):
        // 0.4*1/2*0.7 = 7/50, 0.4*1/2*0.3 = 3/50, 0.4*1/2 = 1/5, 0.6*2/3*0.25 = 1/10, 0.6*2/3*0.75 = 3/10, 0.6*1/3 = 1/5
        var weights = rubric.effectiveWeights();
        assertThat(weights.get("governance")).isCloseTo(0.4, within(1e-15));
        assertThat(weights.get("oversight")).isCloseTo(0.2, within(1e-15));
        assertThat(weights.get("board-review")).isCloseTo(7.0 / 50, within(1e-15));
        assertThat(weights.get("audit")).isCloseTo(3.0 / 50, within(1e-15));
        assertThat(weights.get("publication")).isCloseTo(1.0 / 5, within(1e-15));
        assertThat(weights.get("red-teaming")).isCloseTo(1.0 / 10, within(1e-15));
        assertThat(weights.get("evals")).isCloseTo(3.0 / 10, within(1e-15));
        assertThat(weights.get("access-control")).isCloseTo(1.0 / 5, within(1e-15));
        assertThat(rubric.effectiveWeight("evals")).isEqualTo(weights.get("evals"));
        // the board-review scale runs 1..4, the others 0..5: scores from 7/50*1 = 0.14 to 7/50*4 + 43/50*5 = 4.86
        assertThat(rubric.scoreMin()).isCloseTo(0.14, within(1e-12));
        assertThat(rubric.scoreMax()).isCloseTo(4.86, within(1e-12));
        assertThat(rubric.node("board-review").orElseThrow().requireScale().levels().keySet()).containsExactly(1, 2, 3, 4);
        assertThat(rubric.node("audit").orElseThrow().requireScale())
                .isEqualTo(rubric.node("evals").orElseThrow().requireScale());
        assertThat(rubric.parentOf("evals")).map(FrameworkNode::code).contains("testing");
        assertThat(rubric.band(2.0)).map(Band::label).contains("Low");
        assertThat(rubric.band(4.0)).map(Band::label).contains("High");
    }

    @Test
    void yaml_files_are_checked_by_the_same_rules() throws IOException {
        // band coverage is checked only once the tree is valid, since the tree gives the score range
        String yaml = resource("three-level.yaml").replace("weight: 0.6", "weight: 0.5");
        assertThat(problems(yaml, "three-level.yaml")).containsExactly(
                "three-level.yaml: node 'overall' (root): the weights of its children sum to 0.9 (governance 0.4,"
                        + " technical 0.5), not 1 (within 1.0E-6)");
    }

    @Test
    void malformed_yaml_is_refused_with_a_line() {
        assertThat(problems("code: x\n  version: [1\n", "bad.yml")).hasSize(1).first().asString()
                .startsWith("bad.yml: line ").contains("malformed YAML");
    }

    @Test
    void the_example_in_the_user_documentation_is_valid() throws IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/frameworks.md"));
        String example = doc.substring(doc.indexOf("```json\n") + 8, doc.indexOf("```", doc.indexOf("```json\n") + 8));
        FrameworkDefinition rubric = RubricParser.parse(example, "frameworks.md");
        // the effective weights the documentation states: 0.4, 0.6 * 2/3 = 0.4, 0.6 * 1/3 = 0.2
        assertThat(rubric.effectiveWeight("policy")).isCloseTo(0.4, within(1e-15));
        assertThat(rubric.effectiveWeight("testing")).isCloseTo(0.4, within(1e-15));
        assertThat(rubric.effectiveWeight("disclosure")).isCloseTo(0.2, within(1e-15));
        assertThat(rubric.bands()).extracting(Band::label).containsExactly("None", "Low", "High");
    }

    @Test
    void records_refuse_inconsistent_trees_on_their_own() {
        ScaleDefinition scale = ScaleDefinition.of("0", "1", "1", "no", "yes");
        assertThatThrownBy(() -> FrameworkNode.inner("root", "Root", null, 1,
                List.of(FrameworkNode.leaf("a", "A", null, 0.5, scale))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 0.5");
        assertThatThrownBy(() -> new FrameworkNode("a", "A", null, 1, null, List.of()))
                .hasMessageContaining("a leaf needs a scale");
        assertThatThrownBy(() -> ScaleDefinition.of("0", "2", "1", "no", "yes"))
                .hasMessageContaining("exactly the whole grades [0, 1, 2]");
    }
}
