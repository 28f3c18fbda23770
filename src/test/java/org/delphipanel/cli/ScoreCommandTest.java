package org.delphipanel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.delphipanel.framework.RubricParser;
import org.delphipanel.stats.LeaveOneExpertOut;
import org.delphipanel.stats.PanelRatings;
import org.delphipanel.stats.QuantileType;
import org.delphipanel.stats.ScoreAggregation;
import org.delphipanel.stats.ScoreBootstrap;
import org.delphipanel.stats.ScoringTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ScoreCommandTest {

    private static final String SCORES = CliRun.example("scores.csv");
    private static final String RUBRIC = CliRun.example("example-rubric.json");
    private static final String RUBRIC_SCORES = CliRun.example("scores-example-rubric.csv");
    private static final List<String> SAFERAI_CRITERIA = List.of("risk-identification", "global-risk-tolerance",
            "operational-risk-tolerance", "evaluation-protocols", "deployment-measures", "containment-measures",
            "assurance-properties");

    @TempDir
    Path dir;

    /** The panel of a plain CSV (no quotes) built directly, not through the command's reader. */
    private static PanelRatings panel(String file, ScoringTree tree) throws IOException {
        PanelRatings.Builder builder = PanelRatings.builder(tree);
        List<String> lines = Files.readAllLines(Path.of(file));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length > 4 && !f[4].isEmpty()) {
                builder.add(f[0], f[1], f[2], Double.parseDouble(f[3]), PanelRatings.Confidence.valueOf(f[4]));
            } else {
                builder.add(f[0], f[1], f[2], Double.parseDouble(f[3]));
            }
        }
        return builder.build();
    }

    private static ScoringTree saferAi() {
        return ScoreCommand.framework("saferai-2024").toScoringTree();
    }

    @Test
    void weighted_scores_follow_the_saferai_weights_by_hand() {
        // three experts, criterion medians 3, 1, 2, 4, 0.5, 1.5, 4 in the rubric's order
        double[][] grades = {{2, 3, 3.5}, {1, 1, 0.2}, {2, 1.5, 2.5}, {4, 4.5, 3.9}, {0.5, 0, 1}, {1.5, 1.5, 1.5},
                {5, 4, 3}};
        StringBuilder csv = new StringBuilder("target,criterion,rater,value\n");
        for (int c = 0; c < 7; c++) {
            for (int e = 0; e < 3; e++) {
                csv.append("acme,").append(SAFERAI_CRITERIA.get(c)).append(",e").append(e + 1).append(',')
                        .append(grades[c][e]).append('\n');
            }
        }

        JsonNode acme = CliRun.of("score", CliRun.write(dir, "s.csv", csv.toString()), "--framework", "saferai-2024",
                "--bootstrap", "200").json().get("targets").get("acme");

        // SaferAI (2024): overall = mean of the three dimensions; risk tolerance & analysis = 25/50/25 %,
        // risk mitigation = mean of its three: (3 + (0.25 + 1 + 1) + (0.5 + 1.5 + 4) / 3) / 3 = 7.25 / 3
        assertThat(acme.get("risk-tolerance-analysis").get("score").doubleValue()).isCloseTo(2.25, within(1e-12));
        assertThat(acme.get("risk-mitigation").get("score").doubleValue()).isCloseTo(2.0, within(1e-12));
        assertThat(acme.get("overall").get("score").doubleValue()).isCloseTo(7.25 / 3, within(1e-12));
        assertThat(acme.get("overall").get("band").stringValue()).isEqualTo("Moderate");
        // the bands include their upper bound: exactly 2 is Weak, not Moderate
        assertThat(acme.get("risk-mitigation").get("band").stringValue()).isEqualTo("Weak");
        assertThat(acme.get("deployment-measures").get("band").stringValue()).isEqualTo("Very weak");
    }

    @Test
    void every_number_is_the_statistics_core_value_for_the_same_seed_and_settings() throws IOException {
        JsonNode json = CliRun.of("score", SCORES, "--framework", "saferai-2024", "--bootstrap", "2000", "--seed", "9",
                "--ci", "0.9").json();
        ScoringTree tree = saferAi();
        PanelRatings panel = panel(SCORES, tree);
        ScoreBootstrap.Result expected = ScoreBootstrap.seeded(9).withReplicates(2000).withLevel(0.9)
                .run(panel, ScoreAggregation.median());
        LeaveOneExpertOut.Result loo = LeaveOneExpertOut.of(panel, ScoreAggregation.median());

        for (ScoreBootstrap.NodeInterval interval : expected.intervals()) {
            JsonNode node = json.get("targets").get(interval.target()).get(interval.node());
            assertThat(node.get("score").doubleValue()).isEqualTo(interval.estimate().orElseThrow());
            assertThat(node.get("ci_lower").doubleValue()).isEqualTo(interval.percentile().orElseThrow().lower());
            assertThat(node.get("ci_upper").doubleValue()).isEqualTo(interval.percentile().orElseThrow().upper());
            if (interval.bca().isDefined()) {
                assertThat(node.get("bca_lower").doubleValue()).isEqualTo(interval.bca().orElseThrow().lower());
                assertThat(node.get("bca_upper").doubleValue()).isEqualTo(interval.bca().orElseThrow().upper());
            } else {
                assertThat(node.get("bca_lower").isNull()).isTrue();
            }
            assertThat(node.get("band").stringValue())
                    .isEqualTo(expected.estimates().band(interval.target(), interval.node()).orElseThrow().label());
        }
        for (ScoreBootstrap.RankProbability p : expected.rankProbabilities("overall")) {
            assertThat(json.get("rank_probabilities").get("overall").get(p.target()).get(p.other()).doubleValue())
                    .isEqualTo(p.probability().orElseThrow());
        }
        for (LeaveOneExpertOut.Delta delta : loo.deltas()) {
            JsonNode out = json.get("leave_one_out").get(delta.expert()).get(delta.target()).get(delta.node());
            if (delta.delta().isDefined()) {
                assertThat(out.doubleValue()).isEqualTo(delta.delta().orElseThrow());
            } else {
                assertThat(out.isNull()).isTrue();
            }
        }
        JsonNode settings = json.get("settings");
        assertThat(settings.get("aggregate").stringValue()).isEqualTo("median");
        assertThat(settings.get("B").intValue()).isEqualTo(2000);
        assertThat(settings.get("seed").longValue()).isEqualTo(9);
        assertThat(settings.get("ci").doubleValue()).isEqualTo(0.9);
        assertThat(settings.get("quantile_type").intValue()).isEqualTo(6);
        assertThat(settings.get("framework").get("code").stringValue()).isEqualTo("saferai-2024");
        assertThat(settings.get("framework").get("version").intValue()).isEqualTo(1);
    }

    @Test
    void the_bootstrap_repeats_exactly_with_a_seed_and_changes_with_another() {
        CliRun first = CliRun.of("score", SCORES, "--framework", "saferai-2024", "--bootstrap", "1000", "--seed", "42");
        CliRun again = CliRun.of("score", SCORES, "--framework", "saferai-2024", "--bootstrap", "1000", "--seed", "42");
        CliRun other = CliRun.of("score", SCORES, "--framework", "saferai-2024", "--bootstrap", "1000", "--seed", "43");

        assertThat(first.exitCode()).isZero();
        assertThat(again.out()).isEqualTo(first.out());
        assertThat(other.out()).isNotEqualTo(first.out());
    }

    @Test
    void the_aggregate_and_quantile_type_options_reach_the_statistics() throws IOException {
        JsonNode json = CliRun.of("score", SCORES, "--framework", "saferai-2024", "--bootstrap", "500",
                "--aggregate", "confidence", "--quantile-type", "7").json();
        ScoreBootstrap.Result expected = ScoreBootstrap.seeded(42).withReplicates(500)
                .withQuantileType(QuantileType.TYPE_7).run(panel(SCORES, saferAi()), ScoreAggregation.confidenceWeighted());

        ScoreBootstrap.NodeInterval overall = expected.interval("globex", "overall");
        JsonNode node = json.get("targets").get("globex").get("overall");
        assertThat(node.get("score").doubleValue()).isEqualTo(overall.estimate().orElseThrow());
        assertThat(node.get("ci_lower").doubleValue()).isEqualTo(overall.percentile().orElseThrow().lower());
        assertThat(json.get("settings").get("aggregate").stringValue()).isEqualTo("confidence");
        assertThat(json.get("quantile_type").intValue()).isEqualTo(7);
    }

    @Test
    void a_custom_rubric_file_gives_its_own_weights_and_bands() {
        JsonNode json = CliRun.of("score", RUBRIC_SCORES, "--framework", RUBRIC, "--bootstrap", "500").json();

        // acme medians: policy 2, testing 1, disclosure 3 -> 0.4 x 2 + 0.6 x (2/3 x 1 + 1/3 x 3) = 1.8
        JsonNode acme = json.get("targets").get("acme");
        assertThat(acme.get("overall").get("score").doubleValue()).isCloseTo(1.8, within(1e-12));
        assertThat(acme.get("overall").get("band").stringValue()).isEqualTo("High");
        // globex medians: policy 1, testing 2.5, disclosure 1 -> 0.4 + 0.6 x 2 = 1.6
        assertThat(json.get("targets").get("globex").get("overall").get("score").doubleValue()).isCloseTo(1.6, within(1e-12));
        assertThat(json.get("settings").get("framework").get("code").stringValue()).isEqualTo("example-maturity");
        assertThat(json.get("shape").get("criteria").intValue()).isEqualTo(3);
    }

    @Test
    void a_yaml_rubric_file_is_read_too() throws IOException {
        String yaml = CliRun.resource("two-criteria.yaml");
        String csv = CliRun.write(dir, "s.csv", "target,criterion,rater,value\nt,a,x,1\nt,a,y,2\nt,b,x,4\nt,b,y,4\n");

        JsonNode t = CliRun.of("score", csv, "--framework", yaml, "--bootstrap", "100").json().get("targets").get("t");

        // a weighs 0.25, b 0.75: 0.25 x 1.5 + 0.75 x 4 = 3.375
        assertThat(t.get("total").get("score").doubleValue()).isCloseTo(3.375, within(1e-12));
        assertThat(RubricParser.parse(Path.of(yaml)).code()).isEqualTo("two-criteria");
    }

    @Test
    void a_criterion_that_is_not_in_the_framework_is_refused_with_file_and_line() {
        String csv = CliRun.write(dir, "s.csv", "target,criterion,rater,value\nacme,risk-identification,e1,2\n"
                + "acme,risk-identificaton,e2,2\n");

        CliRun run = CliRun.of("score", csv, "--framework", "saferai-2024");

        assertThat(run.exitCode()).isEqualTo(CliException.INPUT);
        assertThat(run.err().strip()).doesNotContain("\n")
                .startsWith("error: " + csv + ":3: criterion 'risk-identificaton' is not in framework saferai-2024 v1");
    }

    @Test
    void a_group_of_criteria_cannot_be_rated() {
        String csv = CliRun.write(dir, "s.csv", "target,criterion,rater,value\nacme,risk-mitigation,e1,2\n");

        CliRun run = CliRun.of("score", csv, "--framework", "saferai-2024");

        assertThat(run.exitCode()).isEqualTo(CliException.INPUT);
        assertThat(run.err()).contains(csv + ":2: 'risk-mitigation' is not a criterion");
    }

    @Test
    void a_value_off_the_criterions_scale_is_refused() {
        String csv = CliRun.write(dir, "s.csv", "target,criterion,rater,value\nacme,disclosure,e1,2.5\n");

        CliRun run = CliRun.of("score", csv, "--framework", RUBRIC);

        assertThat(run.exitCode()).isEqualTo(CliException.INPUT);
        assertThat(run.err()).contains(csv + ":2: value 2.5 is off the scale of criterion 'disclosure' (0..3 step 1)");
    }

    @Test
    void duplicate_ratings_and_bad_confidence_are_refused() {
        String duplicate = CliRun.write(dir, "d.csv", "target,criterion,rater,value\nacme,policy,e1,2\nacme,policy,e1,3\n");
        String confidence = CliRun.write(dir, "c.csv", "target,criterion,rater,value,confidence\nacme,policy,e1,2,SURE\n");

        CliRun first = CliRun.of("score", duplicate, "--framework", RUBRIC);
        CliRun second = CliRun.of("score", confidence, "--framework", RUBRIC);

        assertThat(first.exitCode()).isEqualTo(CliException.INPUT);
        assertThat(first.err()).contains(duplicate + ":3: duplicate rating").contains("on line 2");
        assertThat(second.exitCode()).isEqualTo(CliException.INPUT);
        assertThat(second.err()).contains(confidence + ":2: confidence 'SURE' must be LOW, MEDIUM or HIGH");
    }

    @Test
    void a_missing_or_broken_rubric_is_reported_on_one_line() {
        String broken = CliRun.write(dir, "broken.json", "{\"code\": \"x\", \"version\": 1, \"name\": \"X\",\n"
                + "\"root\": {\"code\": \"r\", \"name\": \"R\", \"children\": [{\"code\": \"a\", \"name\": \"A\", \"weight\": 0.5,"
                + " \"scale\": {\"min\": 0, \"max\": 5, \"step\": 1}}]}}");

        CliRun missing = CliRun.of("score", SCORES, "--framework", dir.resolve("nope.json").toString());
        CliRun refused = CliRun.of("score", SCORES, "--framework", broken);

        assertThat(missing.exitCode()).isEqualTo(CliException.INPUT);
        assertThat(missing.err()).contains("nope.json: no such rubric file (built-in frameworks: saferai-2024)");
        assertThat(refused.exitCode()).isEqualTo(CliException.INPUT);
        assertThat(refused.err().strip()).doesNotContain("\n").startsWith("error: " + broken + ": rubric refused: ");
    }

    @Test
    void score_without_a_framework_or_with_a_bad_aggregate_is_a_usage_error() {
        CliRun noFramework = CliRun.of("score", SCORES);
        CliRun badAggregate = CliRun.of("score", SCORES, "--framework", "saferai-2024", "--aggregate", "mode");

        assertThat(noFramework.exitCode()).isEqualTo(CliException.USAGE);
        assertThat(noFramework.err()).contains("--framework");
        assertThat(badAggregate.exitCode()).isEqualTo(CliException.USAGE);
        assertThat(badAggregate.err()).contains("--aggregate: aggregation must be median, mean, trimmed:P or confidence");
    }

    @Test
    void a_target_missing_a_criterion_has_undefined_scores_up_the_tree_with_reasons() {
        String csv = CliRun.write(dir, "s.csv", "target,criterion,rater,value\nacme,policy,e1,2\nacme,testing,e1,1\n"
                + "globex,policy,e1,1\nglobex,testing,e1,1\nglobex,disclosure,e1,1\n");

        JsonNode json = CliRun.of("score", csv, "--framework", RUBRIC, "--bootstrap", "100").json();

        assertThat(json.get("targets").get("acme").get("policy").get("score").doubleValue()).isEqualTo(2.0);
        assertThat(json.get("targets").get("acme").get("overall").get("score").isNull()).isTrue();
        assertThat(json.get("undefined").get("targets.acme.overall.score").stringValue()).contains("disclosure");
        assertThat(json.get("undefined").has("targets.acme.practice.score")).isTrue();
        assertThat(json.get("rank_probabilities").get("overall").get("acme").get("globex").isNull()).isTrue();
    }
}
