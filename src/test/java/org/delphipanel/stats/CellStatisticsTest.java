package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CellStatisticsTest {

    private static final Scale RUBRIC = Scale.saferAi();

    // numpy 2.x: x = [2.5, 3.0, 3.2, 2.8, 4.0, 3.0, 1.9]
    //   np.quantile(x, [.25, .5, .75], method='linear')  -> 2.65, 3.0, 3.1    (Hyndman-Fan type 7)
    //   np.quantile(x, [.25, .5, .75], method='weibull') -> 2.5,  3.0, 3.2    (Hyndman-Fan type 6)
    //   np.mean(x) -> 2.914285714285714;  np.std(x, ddof=1) -> 0.6440201120787338
    //   np.median(np.abs(x - 3.0)) -> 0.2
    private static final double[] CELL = {2.5, 3.0, 3.2, 2.8, 4.0, 3.0, 1.9};

    @Test
    void quartiles_follow_numpy_linear_for_type_7() {
        CellStatistics cell = CellStatistics.of(CELL, QuantileType.TYPE_7, RUBRIC);

        assertThat(cell.quantileType()).isEqualTo(QuantileType.TYPE_7);
        assertThat(cell.firstQuartile().orElseThrow()).isCloseTo(2.65, within(1e-12));
        assertThat(cell.median().orElseThrow()).isCloseTo(3.0, within(1e-12));
        assertThat(cell.thirdQuartile().orElseThrow()).isCloseTo(3.1, within(1e-12));
        assertThat(cell.iqr().orElseThrow()).isCloseTo(0.45, within(1e-12));
    }

    @Test
    void quartiles_follow_numpy_weibull_for_type_6() {
        CellStatistics cell = CellStatistics.of(CELL, QuantileType.TYPE_6, RUBRIC);

        assertThat(cell.quantileType()).isEqualTo(QuantileType.TYPE_6);
        assertThat(cell.firstQuartile().orElseThrow()).isCloseTo(2.5, within(1e-12));
        assertThat(cell.thirdQuartile().orElseThrow()).isCloseTo(3.2, within(1e-12));
        assertThat(cell.iqr().orElseThrow()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void moments_extremes_and_mad_match_numpy() {
        CellStatistics cell = CellStatistics.of(CELL);

        assertThat(cell.n()).isEqualTo(7);
        assertThat(cell.mean().orElseThrow()).isCloseTo(2.914285714285714, within(1e-12));
        assertThat(cell.standardDeviation().orElseThrow()).isCloseTo(0.6440201120787338, within(1e-12));
        assertThat(cell.min().orElseThrow()).isEqualTo(1.9);
        assertThat(cell.max().orElseThrow()).isEqualTo(4.0);
        assertThat(cell.mad().orElseThrow()).isCloseTo(0.2, within(1e-12));
        assertThat(cell.madScaled().orElseThrow()).isCloseTo(1.4826 * 0.2, within(1e-12));
    }

    @Test
    void shares_within_the_median_are_inclusive_despite_binary_rounding() {
        // median 3.9; 4.4 - 3.9 = 0.5000000000000004 in binary and must still count as within 0.5.
        double[] values = {3.4, 3.9, 4.4, 3.9, 5.0};
        CellStatistics cell = CellStatistics.of(values, QuantileType.TYPE_7, RUBRIC);

        assertThat(4.4 - 3.9).isGreaterThan(0.5);
        assertThat(cell.shareWithinHalf().orElseThrow()).isCloseTo(4 / 5.0, within(1e-12));
        assertThat(cell.shareWithinOne().orElseThrow()).isCloseTo(4 / 5.0, within(1e-12));
        assertThat(cell.shareWithin(1.1).orElseThrow()).isCloseTo(1.0, within(1e-12));
        assertThat(cell.shareWithin(0).orElseThrow()).isCloseTo(2 / 5.0, within(1e-12));
    }

    @Test
    void histogram_counts_ratings_per_option_of_the_scale() {
        Scale fivePoint = new Scale(1, 5, 1);
        CellStatistics cell = CellStatistics.of(new double[] {1, 3, 3, 5, 3, 4}, QuantileType.TYPE_7, fivePoint);

        CellStatistics.Histogram histogram = cell.histogram().orElseThrow();
        assertThat(histogram.counts()).containsExactly(1, 0, 3, 1, 1);
        assertThat(histogram.countOf(3)).isEqualTo(3);
        assertThat(histogram.total()).isEqualTo(6);
    }

    @Test
    void rwg_matches_a_hand_computation() {
        // Ratings 2, 3, 3, 4 on 1..5 step 1: mean 3, s^2 = (1 + 0 + 0 + 1) / 3 = 2/3.
        // A = 5, sigma^2_EU = (25 - 1) / 12 = 2, so rwg = 1 - (2/3) / 2 = 2/3 (James et al. 1984, eq. 1).
        CellStatistics cell = CellStatistics.of(new double[] {2, 3, 3, 4}, QuantileType.TYPE_7, new Scale(1, 5, 1));
        assertThat(cell.uniformNullVariance().orElseThrow()).isCloseTo(2.0, within(1e-12));
        assertThat(cell.rwg().orElseThrow()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(cell.rwgTruncated().orElseThrow()).isCloseTo(2 / 3.0, within(1e-12));

        // On 0..5 step 0.1: A = 51, sigma^2_EU = (51^2 - 1) / 12 * 0.01 = 2.1666...;
        // ratings 0, 0, 5, 5: s^2 = 4 * 6.25 / 3 = 8.333..., rwg = 1 - 8.333.../2.1666... = -2.846153846...
        CellStatistics split = CellStatistics.of(new double[] {0, 0, 5, 5}, QuantileType.TYPE_7, RUBRIC);
        assertThat(split.uniformNullVariance().orElseThrow()).isCloseTo(2600 / 12.0 * 0.01, within(1e-12));
        assertThat(split.rwg().orElseThrow()).isCloseTo(1 - (25 / 3.0) / (26 / 12.0), within(1e-12));
        assertThat(split.rwgTruncated().orElseThrow()).isEqualTo(0.0);
    }

    @Test
    void rwg_is_undefined_without_a_scale_or_with_one_rating() {
        assertThat(CellStatistics.of(new double[] {2, 3}).rwg().isDefined()).isFalse();
        assertThat(CellStatistics.of(new double[] {2, 3}).histogram().isDefined()).isFalse();

        CellStatistics single = CellStatistics.of(new double[] {2.5}, QuantileType.TYPE_7, RUBRIC);
        assertThat(single.rwg()).isInstanceOf(Outcome.Undefined.class);
        assertThat(((Outcome.Undefined<Double>) single.rwg()).reason()).contains("at least two ratings");
        assertThat(single.standardDeviation().isDefined()).isFalse();
        assertThat(single.iqr().orElseThrow()).isEqualTo(0.0);
        assertThat(single.shareWithinHalf().orElseThrow()).isEqualTo(1.0);
    }

    @Test
    void an_empty_cell_defines_only_its_size_and_histogram() {
        CellStatistics empty = CellStatistics.of(new double[0], QuantileType.TYPE_7, RUBRIC);

        assertThat(empty.n()).isZero();
        assertThat(List.of(empty.mean(), empty.median(), empty.iqr(), empty.mad(), empty.min(), empty.max(),
                empty.shareWithinOne(), empty.rwg()))
                .allSatisfy(outcome -> assertThat(outcome.isDefined()).isFalse());
        assertThat(empty.histogram().orElseThrow().total()).isZero();
    }

    @Test
    void ratings_off_the_scale_are_refused() {
        assertThatThrownBy(() -> CellStatistics.of(new double[] {2.55}, QuantileType.TYPE_7, RUBRIC))
                .hasMessageContaining("2.55");
        assertThatThrownBy(() -> CellStatistics.of(new double[] {5.1}, QuantileType.TYPE_7, RUBRIC))
                .hasMessageContaining("not an option");
        assertThatThrownBy(() -> CellStatistics.of(new double[] {Double.NaN})).hasMessageContaining("finite");
    }

    @Test
    void the_order_of_raters_does_not_change_any_statistic() {
        Random random = new Random(7);
        double[] values = new double[11];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(51) / 10.0;
        }
        CellStatistics reference = CellStatistics.of(values, QuantileType.TYPE_7, RUBRIC);
        List<Double> shuffled = new java.util.ArrayList<>();
        for (double v : values) {
            shuffled.add(v);
        }
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(shuffled, random);
            double[] permuted = shuffled.stream().mapToDouble(Double::doubleValue).toArray();
            CellStatistics cell = CellStatistics.of(permuted, QuantileType.TYPE_7, RUBRIC);
            assertThat(cell.mean().orElseThrow()).isCloseTo(reference.mean().orElseThrow(), within(1e-12));
            assertThat(cell.standardDeviation().orElseThrow())
                    .isCloseTo(reference.standardDeviation().orElseThrow(), within(1e-12));
            assertThat(cell.iqr()).isEqualTo(reference.iqr());
            assertThat(cell.mad()).isEqualTo(reference.mad());
            assertThat(cell.shareWithinOne()).isEqualTo(reference.shareWithinOne());
            assertThat(cell.histogram()).isEqualTo(reference.histogram());
        }
    }

    @Test
    void input_array_is_left_untouched() {
        double[] values = {3, 1, 2};
        CellStatistics.of(values).iqr();
        assertThat(values).containsExactly(3, 1, 2);
    }
}
