package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.delphipanel.stats.ScoresTestData.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoreBootstrapTest {

    private static final String RESOURCES = "/org/delphipanel/stats/scores/";

    /** A complete random panel on the SaferAI tree: grades on the 0.1 grid around a per-target level. */
    static PanelRatings randomPanel(int experts, int targets, long seed) {
        Random random = new Random(seed);
        PanelRatings.Builder builder = PanelRatings.builder(saferAiTree());
        for (int t = 0; t < targets; t++) {
            double level = 1 + 3 * random.nextDouble();
            for (String criterion : CRITERIA) {
                for (int e = 0; e < experts; e++) {
                    int tenths = (int) Math.round(10 * (level + random.nextGaussian()));
                    builder.add("t" + t, criterion, "e" + e, Math.min(50, Math.max(0, tenths)) / 10.0);
                }
            }
        }
        return builder.build();
    }

    private static void assertSameResults(ScoreBootstrap.Result a, ScoreBootstrap.Result b, PanelRatings panel) {
        assertThat(a.intervals()).isEqualTo(b.intervals());
        for (String target : panel.targets()) {
            for (ScoringTree.Node node : panel.tree().nodes()) {
                assertThat(a.replicates(target, node.code())).isEqualTo(b.replicates(target, node.code()));
            }
        }
    }

    @Test
    void the_same_seed_gives_identical_results_whatever_the_number_of_threads() {
        PanelRatings panel = randomPanel(12, 4, 7);
        ScoreBootstrap bootstrap = ScoreBootstrap.seeded(42).withReplicates(1500);
        ScoreBootstrap.Result one = bootstrap.withParallelism(1).run(panel, ScoreAggregation.median());
        ScoreBootstrap.Result two = bootstrap.withParallelism(2).run(panel, ScoreAggregation.median());
        ScoreBootstrap.Result three = bootstrap.withParallelism(3).run(panel, ScoreAggregation.median());
        ScoreBootstrap.Result again = bootstrap.withParallelism(2).run(panel, ScoreAggregation.median());
        assertSameResults(one, two, panel);
        assertSameResults(one, three, panel);
        assertSameResults(two, again, panel);
        assertThat(one.rankProbabilities(OVERALL)).isEqualTo(three.rankProbabilities(OVERALL));
    }

    @Test
    void a_different_seed_gives_different_replicates() {
        PanelRatings panel = randomPanel(12, 2, 7);
        double[] a = ScoreBootstrap.seeded(1).withReplicates(300).run(panel, ScoreAggregation.mean())
                .replicates("t0", OVERALL);
        double[] b = ScoreBootstrap.seeded(2).withReplicates(300).run(panel, ScoreAggregation.mean())
                .replicates("t0", OVERALL);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void a_shorter_run_is_a_prefix_of_a_longer_one() {
        PanelRatings panel = randomPanel(10, 2, 3);
        double[] shorter = ScoreBootstrap.seeded(9).withReplicates(700).run(panel, ScoreAggregation.mean())
                .replicates("t1", MITIGATION);
        double[] longer = ScoreBootstrap.seeded(9).withReplicates(2000).run(panel, ScoreAggregation.mean())
                .replicates("t1", MITIGATION);
        assertThat(longer).startsWith(shorter);
    }

    @Test
    void the_published_draws_of_a_replicate_reproduce_its_score() {
        PanelRatings panel = randomPanel(9, 1, 11);
        ScoreBootstrap bootstrap = ScoreBootstrap.seeded(5).withReplicates(50);
        double[] replicates = bootstrap.run(panel, ScoreAggregation.mean()).replicates("t0", DEPLOYMENT);
        for (int b : new int[] {0, 1, 17, 49}) {
            double sum = 0;
            for (int e : bootstrap.drawnExperts(b, 9)) {
                sum += panel.rating("t0", DEPLOYMENT, "e" + e).getAsDouble();
            }
            assertThat(replicates[b]).isCloseTo(sum / 9, within(1e-12));
        }
    }

    @Test
    void intervals_match_the_independent_python_implementation_on_the_same_draws() throws IOException {
        // src/test/python/scores_reference.py (numpy 2.4.6, scipy 1.17.1) wrote ratings.csv, draws.csv
        // (numpy default_rng(20250101), 2000 x 8) and the expected values; both sides use these draws.
        PanelRatings.Builder builder = PanelRatings.builder(saferAiTree());
        for (int e = 1; e <= 8; e++) {
            builder.expert("e" + e); // index i = Python's expert i
        }
        for (String[] row : csv("ratings.csv", true)) {
            double grade = Double.parseDouble(row[3]);
            if (row.length < 5 || row[4].isEmpty()) {
                builder.add(row[0], row[1], row[2], grade);
            } else {
                builder.add(row[0], row[1], row[2], grade, PanelRatings.Confidence.valueOf(row[4]));
            }
        }
        PanelRatings panel = builder.build();
        List<String[]> drawRows = csv("draws.csv", false);
        int[][] draws = new int[drawRows.size()][];
        for (int b = 0; b < draws.length; b++) {
            draws[b] = java.util.Arrays.stream(drawRows.get(b)).mapToInt(Integer::parseInt).toArray();
        }
        ScoreBootstrap bootstrap = ScoreBootstrap.seeded(0).withReplicates(draws.length);
        java.util.Map<String, ScoreBootstrap.Result> results = new java.util.HashMap<>();
        int checked = 0;
        int bcaChecked = 0;
        for (String[] row : csv("expected-intervals.csv", true)) {
            ScoreBootstrap.Result result = results.computeIfAbsent(row[0],
                    agg -> bootstrap.run(panel, ScoreAggregation.parse(agg), draws));
            ScoreBootstrap.NodeInterval interval = result.interval(row[1], row[2]);
            String where = row[0] + " " + row[1] + " " + row[2];
            assertThat(interval.estimate().orElseThrow()).as(where).isCloseTo(Double.parseDouble(row[3]), within(1e-9));
            assertThat(interval.definedReplicates()).as(where).isEqualTo(Integer.parseInt(row[4]));
            assertThat(interval.excludedReplicates()).as(where).isEqualTo(Integer.parseInt(row[5]));
            ScoreBootstrap.Interval pct = interval.percentile().orElseThrow();
            assertThat(pct.lower()).as(where).isCloseTo(Double.parseDouble(row[6]), within(1e-6));
            assertThat(pct.upper()).as(where).isCloseTo(Double.parseDouble(row[7]), within(1e-6));
            if (row[8].equals("NA")) {
                assertThat(interval.bca().isDefined()).as(where).isFalse();
            } else {
                ScoreBootstrap.BcaInterval bca = interval.bca().orElseThrow();
                assertThat(bca.z0()).as(where).isCloseTo(Double.parseDouble(row[8]), within(1e-6));
                assertThat(bca.acceleration()).as(where).isCloseTo(Double.parseDouble(row[9]), within(1e-6));
                assertThat(bca.lower()).as(where).isCloseTo(Double.parseDouble(row[10]), within(1e-6));
                assertThat(bca.upper()).as(where).isCloseTo(Double.parseDouble(row[11]), within(1e-6));
                bcaChecked++;
            }
            checked++;
        }
        for (String[] row : csv("expected-ranks.csv", true)) {
            ScoreBootstrap.Result result = results.get(row[0]);
            List<ScoreBootstrap.RankProbability> ranks = result.rankProbabilities(row[1]);
            ScoreBootstrap.RankProbability rank = ranks.stream()
                    .filter(r -> r.target().equals(row[2]) && r.other().equals(row[3])).findFirst().orElseThrow();
            assertThat(rank.probability().orElseThrow()).as(String.join(" ", row))
                    .isCloseTo(Double.parseDouble(row[4]), within(1e-12));
            assertThat(rank.replicates()).isEqualTo(Integer.parseInt(row[5]));
        }
        // 4 aggregations x 3 targets x 10 nodes, most with a BCa interval
        assertThat(checked).isEqualTo(120);
        assertThat(bcaChecked).isGreaterThan(90);
    }

    @Test
    void bca_is_close_to_the_percentile_interval_when_the_sampling_distribution_is_symmetric() {
        // 41 experts grading 0.5, 0.6, ..., 4.5: symmetric about 2.5, so the jackknife values of the mean
        // are symmetric (a = 0) and the bootstrap distribution of the mean nearly so (z0 near 0)
        ScoringTree tree = singleCriterionTree(Scale.saferAi());
        PanelRatings.Builder builder = PanelRatings.builder(tree);
        for (int e = 0; e <= 40; e++) {
            builder.add("t", "only", "e" + e, (5 + e) / 10.0);
        }
        ScoreBootstrap.NodeInterval interval = ScoreBootstrap.seeded(2024).run(builder.build(), ScoreAggregation.mean())
                .interval("t", "root");
        ScoreBootstrap.Interval pct = interval.percentile().orElseThrow();
        ScoreBootstrap.BcaInterval bca = interval.bca().orElseThrow();
        assertThat(bca.acceleration()).isCloseTo(0, within(1e-12));
        assertThat(bca.z0()).isCloseTo(0, within(0.05));
        assertThat(bca.lower()).isCloseTo(pct.lower(), within(0.02));
        assertThat(bca.upper()).isCloseTo(pct.upper(), within(0.02));
        // standard error of the mean 1.2 / sqrt(41) = 0.187: the 95% interval is about 2.5 +- 0.37
        assertThat(pct.lower()).isCloseTo(2.5 - 0.37, within(0.05));
        assertThat(pct.upper()).isCloseTo(2.5 + 0.37, within(0.05));
    }

    @Test
    void rank_probabilities_and_their_reverse_sum_to_one() {
        PanelRatings panel = randomPanel(8, 4, 21);
        ScoreBootstrap.Result result = ScoreBootstrap.seeded(3).withReplicates(2000).run(panel, ScoreAggregation.median());
        for (String node : new String[] {OVERALL, TOLERANCE, ASSURANCE}) {
            List<ScoreBootstrap.RankProbability> ranks = result.rankProbabilities(node);
            assertThat(ranks).hasSize(4 * 3);
            for (ScoreBootstrap.RankProbability r : ranks) {
                double reverse = result.probabilityAbove(r.other(), r.target(), node).orElseThrow();
                assertThat(r.probability().orElseThrow() + reverse).isCloseTo(1.0, within(1e-12));
            }
        }
    }

    @Test
    void identical_targets_outscore_each_other_with_probability_one_half() {
        ScoringTree tree = singleCriterionTree(Scale.saferAi());
        PanelRatings.Builder builder = PanelRatings.builder(tree);
        for (int e = 0; e < 6; e++) {
            builder.add("twin-a", "only", "e" + e, e / 2.0).add("twin-b", "only", "e" + e, e / 2.0);
        }
        ScoreBootstrap.Result result = ScoreBootstrap.seeded(1).withReplicates(500).run(builder.build(), ScoreAggregation.mean());
        assertThat(result.probabilityAbove("twin-a", "twin-b", "root").orElseThrow()).isEqualTo(0.5);
    }

    @Test
    void replicates_that_draw_no_rater_of_a_criterion_are_excluded_and_counted() {
        // ten experts, a criterion rated by e0 alone: a replicate misses e0 with probability 0.9^10 = 0.35
        Scale s = Scale.saferAi();
        ScoringTree tree = ScoringTree.builder().root("root").criterion("a", "root", 0.5, s)
                .criterion("b", "root", 0.5, s).build();
        PanelRatings.Builder builder = PanelRatings.builder(tree).add("t", "b", "e0", 1.0);
        for (int e = 0; e < 10; e++) {
            builder.add("t", "a", "e" + e, e / 2.0);
        }
        ScoreBootstrap.Result result = ScoreBootstrap.seeded(8).withReplicates(4000).run(builder.build(), ScoreAggregation.mean());
        ScoreBootstrap.NodeInterval root = result.interval("t", "root");
        assertThat(root.definedReplicates() + root.excludedReplicates()).isEqualTo(4000);
        assertThat(root.excludedReplicates() / 4000.0).isCloseTo(Math.pow(0.9, 10), within(0.03));
        assertThat(result.interval("t", "a").excludedReplicates()).isZero();
        assertThat(root.percentile().isDefined()).isTrue();
        // leaving e0 out empties criterion b, so the jackknife (and BCa) is undefined for b and the root
        assertThat(root.bca()).isEqualTo(Outcome.undefined(
                "without expert e0 a criterion under the node has no ratings, so the jackknife acceleration is undefined"));
        assertThat(result.interval("t", "a").bca().isDefined()).isTrue();
    }

    @Test
    void undefined_estimates_and_replicates_give_undefined_intervals_with_reasons() {
        Scale s = Scale.saferAi();
        ScoringTree tree = ScoringTree.builder().root("root").criterion("a", "root", 0.5, s)
                .criterion("b", "root", 0.5, s).build();
        PanelRatings panel = PanelRatings.builder(tree)
                .add("t", "a", "x", 1).add("t", "a", "y", 2).add("t", "b", "x", 3)
                .add("u", "a", "x", 1)
                .build();
        // draws that never pick x: t's criterion b and u's everything have no rating in any replicate
        int[][] draws = {{1, 1}, {1, 1}, {1, 1}};
        ScoreBootstrap.Result result = ScoreBootstrap.seeded(0).withReplicates(3).run(panel, ScoreAggregation.median(), draws);
        assertThat(result.interval("t", "root").percentile())
                .isEqualTo(Outcome.undefined("no replicate has a score (every draw missed a criterion's raters)"));
        assertThat(result.interval("t", "root").excludedReplicates()).isEqualTo(3);
        assertThat(result.interval("u", "root").percentile()).isEqualTo(Outcome.undefined(
                "the score is undefined: criterion b of target u has no ratings (a criterion under root)"));
        assertThat(result.probabilityAbove("t", "u", "a")).isEqualTo(
                Outcome.undefined("no replicate in which both t and u have a score at a"));
        assertThat(result.interval("t", "a").percentile().orElseThrow()).isEqualTo(new ScoreBootstrap.Interval(2, 2));
    }

    @Test
    void settings_are_validated() {
        assertThatThrownBy(() -> ScoreBootstrap.seeded(1).withReplicates(0)).hasMessageContaining("at least one replicate");
        assertThatThrownBy(() -> ScoreBootstrap.seeded(1).withLevel(1)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> ScoreBootstrap.seeded(1).withParallelism(0)).hasMessageContaining("at least 1");
        ScoreBootstrap defaults = ScoreBootstrap.seeded(1);
        assertThat(defaults.replicates()).isEqualTo(10_000);
        assertThat(defaults.level()).isEqualTo(0.95);
        assertThat(defaults.quantileType()).isEqualTo(QuantileType.TYPE_6);
    }

    @Test
    void normal_distribution_helpers_match_tabulated_values() {
        // Abramowitz & Stegun table 26.1: Phi(1.959963984540054) = 0.975, Phi(0) = 0.5
        assertThat(ScoreBootstrap.phi(0)).isEqualTo(0.5);
        assertThat(ScoreBootstrap.phi(1.959963984540054)).isCloseTo(0.975, within(1e-12));
        assertThat(ScoreBootstrap.phiInverse(0.025)).isCloseTo(-1.959963984540054, within(1e-9));
    }

    private static List<String[]> csv(String name, boolean header) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = ScoreBootstrapTest.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean first = true;
            while ((line = reader.readLine()) != null) {
                if (first && header) {
                    first = false;
                    continue;
                }
                first = false;
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
        }
        return rows;
    }
}
