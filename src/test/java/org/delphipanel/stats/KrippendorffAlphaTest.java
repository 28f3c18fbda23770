package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.delphipanel.stats.KrippendorffAlpha.Interval;
import org.delphipanel.stats.KrippendorffAlpha.Level;
import org.delphipanel.stats.KrippendorffAlpha.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KrippendorffAlphaTest {

    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x 12
    // units, values 1-5, missing entries; unit 12 has a single value and is unpairable.
    // Published: n = 40 pairable values; alpha nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797.
    // Exact values (same data, independent numpy code in src/test/python/agreement_reference.py):
    // nominal 0.743421052631579, ordinal 0.8153875037548813, interval 0.8491071428571428, ratio 0.797402774711612.
    static final Double[][] KRIPPENDORFF_2011 = {
            {1.0, 1.0, null, 1.0}, {2.0, 2.0, 3.0, 2.0}, {3.0, 3.0, 3.0, 3.0}, {3.0, 3.0, 3.0, 3.0},
            {2.0, 2.0, 2.0, 2.0}, {1.0, 2.0, 3.0, 4.0}, {4.0, 4.0, 4.0, 4.0}, {1.0, 1.0, 2.0, 1.0},
            {2.0, 2.0, 2.0, 2.0}, {null, 5.0, 5.0, 5.0}, {null, null, 1.0, 1.0}, {null, 3.0, null, null}};

    @Test
    void krippendorffs_2011_example_gives_the_published_alphas() {
        RatingTable table = RatingTable.ofMatrix(KRIPPENDORFF_2011);
        assertThat(alpha(table, Level.NOMINAL)).isCloseTo(0.743, within(5e-4));
        assertThat(alpha(table, Level.ORDINAL)).isCloseTo(0.815, within(5e-4));
        assertThat(alpha(table, Level.INTERVAL)).isCloseTo(0.849, within(5e-4));
        assertThat(alpha(table, Level.RATIO)).isCloseTo(0.797, within(5e-4));
        // Nominal: D_o = 8/40 = 0.2 and D_e = 304/390, so alpha = 1 - 0.2 * 390/304 = 0.743421052631579 exactly.
        assertThat(alpha(table, Level.NOMINAL)).isCloseTo(1 - 0.2 * 390 / 304, within(1e-12));
        assertThat(alpha(table, Level.ORDINAL)).isCloseTo(0.8153875037548813, within(1e-12));
        assertThat(alpha(table, Level.INTERVAL)).isCloseTo(0.8491071428571428, within(1e-12));
        assertThat(alpha(table, Level.RATIO)).isCloseTo(0.797402774711612, within(1e-12));
    }

    @Test
    void counts_name_the_pairable_values_and_units() {
        Result result = KrippendorffAlpha.of(RatingTable.ofMatrix(KRIPPENDORFF_2011), Level.NOMINAL).orElseThrow();
        assertThat(result.pairableValues()).isEqualTo(40);
        assertThat(result.unitsUsed()).isEqualTo(11);
        assertThat(result.level()).isEqualTo(Level.NOMINAL);
        assertThat(result.observedDisagreement()).isCloseTo(0.2, within(1e-12));
        assertThat(result.expectedDisagreement()).isCloseTo(304.0 / 390, within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(Level.class)
    void relabelling_raters_and_permuting_units_change_nothing(Level level) {
        Double[][] data = randomData(30, 7, 0.25, 42);
        double original = alpha(RatingTable.ofMatrix(data), level);
        List<Integer> unitOrder = shuffled(data.length, 1);
        List<Integer> raterOrder = shuffled(data[0].length, 2);
        Double[][] permuted = new Double[data.length][data[0].length];
        for (int u = 0; u < data.length; u++) {
            for (int r = 0; r < data[0].length; r++) {
                permuted[u][r] = data[unitOrder.get(u)][raterOrder.get(r)];
            }
        }
        assertThat(alpha(RatingTable.ofMatrix(permuted), level)).isCloseTo(original, within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(Level.class)
    void adding_units_with_a_single_rating_leaves_alpha_unchanged(Level level) {
        Double[][] data = randomData(20, 5, 0.2, 7);
        double original = alpha(RatingTable.ofMatrix(data), level);
        Double[][] extended = new Double[data.length + 3][];
        System.arraycopy(data, 0, extended, 0, data.length);
        extended[data.length] = new Double[] {0.3, null, null, null, null};
        extended[data.length + 1] = new Double[] {null, null, 4.9, null, null};
        extended[data.length + 2] = new Double[] {null, null, null, null, 2.0};
        assertThat(alpha(RatingTable.ofMatrix(extended), level)).isCloseTo(original, within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(Level.class)
    void perfect_agreement_gives_exactly_one(Level level) {
        Double[][] data = {{1.0, 1.0, 1.0}, {2.5, 2.5, null}, {4.0, 4.0, 4.0}, {0.5, null, 0.5}};
        assertThat(alpha(RatingTable.ofMatrix(data), level)).isEqualTo(1.0);
    }

    @Test
    void identical_values_everywhere_are_undefined_because_no_disagreement_is_possible() {
        Outcome<Result> outcome = KrippendorffAlpha.of(
                RatingTable.ofMatrix(new Double[][] {{3.0, 3.0}, {3.0, 3.0}}), Level.INTERVAL);
        assertThat(outcome).isInstanceOf(Outcome.Undefined.class);
        assertThat(((Outcome.Undefined<Result>) outcome).reason()).contains("D_e is 0");
    }

    @Test
    void fewer_than_two_pairable_values_are_undefined() {
        Outcome<Result> outcome = KrippendorffAlpha.of(
                RatingTable.ofMatrix(new Double[][] {{1.0, null}, {null, 2.0}}), Level.NOMINAL);
        assertThat(((Outcome.Undefined<Result>) outcome).reason()).contains("fewer than 2 pairable values");
    }

    @Test
    void ratio_level_refuses_negative_values_with_a_reason() {
        Outcome<Result> outcome = KrippendorffAlpha.of(
                RatingTable.ofMatrix(new Double[][] {{-1.0, 1.0}, {2.0, 2.0}}), Level.RATIO);
        assertThat(((Outcome.Undefined<Result>) outcome).reason()).contains("non-negative");
        assertThat(KrippendorffAlpha.of(RatingTable.ofMatrix(new Double[][] {{-1.0, 1.0}, {2.0, 2.0}}),
                Level.INTERVAL).isDefined()).isTrue();
    }

    @Test
    void continuous_values_beyond_the_tabulated_metric_give_the_same_alpha_as_the_small_path() {
        // More than 256 distinct values switches delta2 from a table to computing on the fly, and more
        // than 512 switches distinct-value collection to sorting: both must agree with a direct count.
        Random random = new Random(3);
        Double[][] data = new Double[300][3];
        for (Double[] unit : data) {
            double truth = random.nextDouble() * 10;
            for (int r = 0; r < 3; r++) {
                unit[r] = truth + random.nextGaussian();
            }
        }
        RatingTable table = RatingTable.ofMatrix(data);
        for (Level level : Level.values()) {
            if (level == Level.RATIO) {
                continue;
            }
            assertThat(alpha(table, level)).isCloseTo(bruteForceAlpha(data, level), within(1e-9));
        }
    }

    @Test
    void bootstrap_with_the_same_seed_is_identical_and_another_seed_differs() {
        RatingTable table = RatingTable.ofMatrix(randomData(40, 6, 0.2, 11));
        Interval first = KrippendorffAlpha.bootstrap(table, Level.INTERVAL, 500, 2024L, 0.95).orElseThrow();
        Interval again = KrippendorffAlpha.bootstrap(table, Level.INTERVAL, 500, 2024L, 0.95).orElseThrow();
        Interval other = KrippendorffAlpha.bootstrap(table, Level.INTERVAL, 500, 7L, 0.95).orElseThrow();
        assertThat(again).isEqualTo(first);
        assertThat(again.sortedReplicates()).containsExactly(first.sortedReplicates());
        assertThat(other.sortedReplicates()).isNotEqualTo(first.sortedReplicates());
    }

    @Test
    void bootstrap_interval_brackets_the_estimate_and_describes_its_scheme() {
        RatingTable table = RatingTable.ofMatrix(KRIPPENDORFF_2011);
        Interval interval = KrippendorffAlpha.bootstrap(table, Level.NOMINAL, 2000, 1L, 0.95).orElseThrow();
        assertThat(interval.estimate()).isCloseTo(0.743421052631579, within(1e-12));
        assertThat(interval.lower()).isLessThan(interval.estimate()).isGreaterThan(0.3);
        assertThat(interval.upper()).isGreaterThan(interval.estimate()).isLessThanOrEqualTo(1.0);
        assertThat(interval.replicates()).isEqualTo(2000);
        // M = sum of m_u (m_u - 1)/2 over the 11 pairable units: 8 units of 4 ratings, 2 of 3, 1 of 2.
        assertThat(interval.pairsPerReplicate()).isEqualTo(8 * 6 + 2 * 3 + 1);
        double[] replicates = interval.sortedReplicates();
        double mean = 0;
        for (double a : replicates) {
            mean += a;
        }
        // D_e is held fixed and E[D_o*] = D_o, so the replicates centre on alpha itself.
        assertThat(mean / replicates.length).isCloseTo(interval.estimate(), within(0.02));
        assertThat(interval.probabilityBelow(0.667)).isBetween(0.0, 0.5);
        assertThat(interval.probabilityBelow(2.0)).isEqualTo(1.0);
        assertThat(interval.probabilityBelow(-10)).isEqualTo(0.0);
    }

    @Test
    void bootstrap_of_perfect_agreement_is_the_point_one() {
        RatingTable table = RatingTable.ofMatrix(new Double[][] {{1.0, 1.0}, {2.0, 2.0}, {3.0, 3.0}});
        Interval interval = KrippendorffAlpha.bootstrap(table, Level.ORDINAL, 100, 5L, 0.9).orElseThrow();
        assertThat(interval.lower()).isEqualTo(1.0);
        assertThat(interval.upper()).isEqualTo(1.0);
    }

    @Test
    void bootstrap_of_undefined_alpha_is_undefined_and_bad_options_are_refused() {
        RatingTable constant = RatingTable.ofMatrix(new Double[][] {{3.0, 3.0}, {3.0, 3.0}});
        assertThat(KrippendorffAlpha.bootstrap(constant, Level.NOMINAL, 10, 1L, 0.95).isDefined()).isFalse();
        RatingTable table = RatingTable.ofMatrix(KRIPPENDORFF_2011);
        assertThatThrownBy(() -> KrippendorffAlpha.bootstrap(table, Level.NOMINAL, 0, 1L, 0.95))
                .hasMessageContaining("at least 1 replicate");
        assertThatThrownBy(() -> KrippendorffAlpha.bootstrap(table, Level.NOMINAL, 10, 1L, 1.0))
                .hasMessageContaining("confidence");
    }

    @Test
    void a_delphi_sized_table_is_computed_on_the_coded_values() {
        // 2,000 units x 40 raters on the 0-5 step 0.1 scale with 20% missing: the lead's benchmark shape.
        RatingTable table = RatingTable.ofMatrix(randomData(2000, 40, 0.2, 99));
        Result result = KrippendorffAlpha.of(table, Level.INTERVAL).orElseThrow();
        assertThat(result.pairableValues()).isEqualTo(table.ratingCount() - unpairable(table));
        assertThat(result.value()).isBetween(0.0, 1.0);
    }

    private static int unpairable(RatingTable table) {
        int single = 0;
        for (int u = 0; u < table.unitCount(); u++) {
            if (table.unitValues(u).length == 1) {
                single++;
            }
        }
        return single;
    }

    static double alpha(RatingTable table, Level level) {
        return KrippendorffAlpha.of(table, level).orElseThrow().value();
    }

    /** Ratings on 0-5 in steps of 0.1 around a per-unit truth, with a share missing. */
    static Double[][] randomData(int units, int raters, double missing, long seed) {
        Random random = new Random(seed);
        Double[][] data = new Double[units][raters];
        for (int u = 0; u < units; u++) {
            int truth = 5 + random.nextInt(41);
            for (int r = 0; r < raters; r++) {
                if (random.nextDouble() < missing) {
                    continue;
                }
                int tenths = Math.max(0, Math.min(50, truth + random.nextInt(13) - 6));
                data[u][r] = tenths / 10.0;
            }
        }
        return data;
    }

    private static List<Integer> shuffled(int size, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        return order;
    }

    /** Krippendorff's definition pair by pair (O(m^2) per unit), for comparison only. */
    private static double bruteForceAlpha(Double[][] data, Level level) {
        List<double[]> units = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (Double[] row : data) {
            List<Double> present = new ArrayList<>();
            for (Double v : row) {
                if (v != null) {
                    present.add(v);
                }
            }
            if (present.size() >= 2) {
                units.add(present.stream().mapToDouble(Double::doubleValue).toArray());
                all.addAll(present);
            }
        }
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double observed = 0;
        for (double[] unit : units) {
            double sum = 0;
            for (int i = 0; i < unit.length; i++) {
                for (int j = 0; j < unit.length; j++) {
                    if (i != j) {
                        sum += delta2(level, unit[i], unit[j], sorted);
                    }
                }
            }
            observed += sum / (unit.length - 1);
        }
        double expected = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    expected += delta2(level, sorted[i], sorted[j], sorted);
                }
            }
        }
        return 1 - (n - 1) * observed / expected;
    }

    private static double delta2(Level level, double a, double b, double[] sorted) {
        if (a == b) {
            return 0;
        }
        return switch (level) {
            case NOMINAL -> 1;
            case INTERVAL -> (a - b) * (a - b);
            case RATIO -> ((a - b) / (a + b)) * ((a - b) / (a + b));
            case ORDINAL -> {
                double lo = Math.min(a, b);
                double hi = Math.max(a, b);
                double between = 0;
                double nLo = 0;
                double nHi = 0;
                for (double v : sorted) {
                    if (v >= lo && v <= hi) {
                        between++;
                    }
                    if (v == lo) {
                        nLo++;
                    }
                    if (v == hi) {
                        nHi++;
                    }
                }
                double d = between - (nLo + nHi) / 2;
                yield d * d;
            }
        };
    }
}
