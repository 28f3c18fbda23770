package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoreAggregationTest {

    @Test
    void median_and_mean_of_odd_and_even_counts() {
        assertThat(ScoreAggregation.median().of(3.1, 0.4, 2.2).orElseThrow()).isEqualTo(2.2);
        assertThat(ScoreAggregation.median().of(3.1, 0.4, 2.2, 4.0).orElseThrow()).isCloseTo(2.65, within(1e-12));
        assertThat(ScoreAggregation.mean().of(1, 2, 6).orElseThrow()).isEqualTo(3.0);
    }

    @Test
    void trimmed_mean_cuts_floor_of_n_times_p_from_each_end_as_r_and_scipy_do() {
        // scipy 1.17.1 scipy.stats.trim_mean(x, p) (lowercut = int(p * n), the same rule as R's
        // mean(x, trim = p): lo <- floor(n * trim) + 1):
        //   [1..10], 0.2 -> 5.5 (cuts 2);  [3.1,0.4,2.2,4.8,1.0,2.9,3.3], 0.2 -> 2.5 (n p = 1.4 cuts 1)
        //   same, 0.15 -> 2.5 (1.05 cuts 1);  [0.5,1.5,2.5,4.5,5.0], 0.25 -> 2.8333333333333335 (1.25 cuts 1)
        //   [2.0,2.0,2.1,5.0], 0.1 -> 2.775 (0.4 cuts nothing)
        assertThat(ScoreAggregation.trimmedMean(0.2).of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).orElseThrow())
                .isCloseTo(5.5, within(1e-12));
        double[] seven = {3.1, 0.4, 2.2, 4.8, 1.0, 2.9, 3.3};
        assertThat(ScoreAggregation.trimmedMean(0.2).of(seven).orElseThrow()).isCloseTo(2.5, within(1e-12));
        assertThat(ScoreAggregation.trimmedMean(0.15).of(seven).orElseThrow()).isCloseTo(2.5, within(1e-12));
        assertThat(ScoreAggregation.trimmedMean(0.25).of(0.5, 1.5, 2.5, 4.5, 5.0).orElseThrow())
                .isCloseTo(2.8333333333333335, within(1e-12));
        assertThat(ScoreAggregation.trimmedMean(0.1).of(2.0, 2.0, 2.1, 5.0).orElseThrow())
                .isCloseTo(2.775, within(1e-12));
    }

    @Test
    void the_cut_count_uses_the_same_floating_point_product_as_scipy() {
        // 0.29 * 100 = 28.999999999999996, so scipy cuts 28 from each end (R likewise):
        // python3: x = [i*i/100 for i in range(100)]; stats.trim_mean(x, 0.29) -> 26.115000000000006,
        // while cutting 29 would give 25.971666666666664
        double[] x = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i * i / 100.0;
        }
        assertThat(ScoreAggregation.trimmedMean(0.29).of(x).orElseThrow()).isCloseTo(26.115, within(1e-9));
    }

    @Test
    void confidence_weighted_mean_weighs_low_medium_high_as_one_two_three() {
        // (1 * 1.0 + 2 * 2.0 + 3 * 4.0) / (1 + 2 + 3) = 17 / 6
        double[] values = {1.0, 2.0, 4.0};
        double[] weights = {PanelRatings.Confidence.LOW.weight(), PanelRatings.Confidence.MEDIUM.weight(),
            PanelRatings.Confidence.HIGH.weight()};
        assertThat(ScoreAggregation.confidenceWeighted().of(values, weights).orElseThrow())
                .isCloseTo(17.0 / 6, within(1e-12));
    }

    @Test
    void an_expert_drawn_twice_counts_twice() {
        // sorted cell {1.0 (expert 0), 2.0 (expert 1), 4.0 (expert 2)}; expert 2 drawn twice, expert 0 not:
        // multiset {2, 4, 4}: median 4, mean 10/3, trimmed(0.34) cuts 1 each end -> 4
        double[] sorted = {1.0, 2.0, 4.0};
        double[] weights = {1, 3, 1};
        int[] experts = {0, 1, 2};
        int[] counts = {0, 1, 2};
        assertThat(ScoreAggregation.median().ofSortedMultiset(sorted, weights, experts, 0, 3, counts)).isEqualTo(4.0);
        assertThat(ScoreAggregation.mean().ofSortedMultiset(sorted, weights, experts, 0, 3, counts))
                .isCloseTo(10.0 / 3, within(1e-12));
        assertThat(ScoreAggregation.trimmedMean(0.34).ofSortedMultiset(sorted, weights, experts, 0, 3, counts))
                .isEqualTo(4.0);
        // confidence: (3 * 2 + 1 * 4 * 2) / (3 + 2) = 14 / 5
        assertThat(ScoreAggregation.confidenceWeighted().ofSortedMultiset(sorted, weights, experts, 0, 3, counts))
                .isCloseTo(2.8, within(1e-12));
        assertThat(ScoreAggregation.median().ofSortedMultiset(sorted, weights, experts, 0, 3, new int[3])).isNaN();
    }

    @Test
    void no_values_give_an_undefined_aggregate() {
        assertThat(ScoreAggregation.median().of().isDefined()).isFalse();
    }

    @Test
    void the_text_form_round_trips() {
        for (String text : new String[] {"median", "mean", "trimmed:0.2", "confidence"}) {
            assertThat(ScoreAggregation.parse(text).toString()).isEqualTo(text);
        }
        assertThat(ScoreAggregation.parse("trimmed:0.2")).isEqualTo(ScoreAggregation.trimmedMean(0.2));
        assertThat(ScoreAggregation.parse(" Median ").kind()).isEqualTo(ScoreAggregation.Kind.MEDIAN);
    }

    @Test
    void bad_text_and_trim_proportions_are_refused() {
        assertThatThrownBy(() -> ScoreAggregation.parse("mode")).hasMessageContaining("median, mean, trimmed:P or confidence");
        assertThatThrownBy(() -> ScoreAggregation.parse("trimmed:x")).hasMessageContaining("trimmed:0.2");
        assertThatThrownBy(() -> ScoreAggregation.trimmedMean(0.5)).hasMessageContaining("[0, 0.5)");
        assertThatThrownBy(() -> ScoreAggregation.trimmedMean(-0.1)).hasMessageContaining("[0, 0.5)");
    }
}
