package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    // R 4.x: x <- c(1, 2, 2.5, 4, 5, 3); quantile(x, c(.25, .5, .75), type = 7) -> 2.125 2.75 3.75
    //                                    quantile(x, c(.25, .5, .75), type = 6) -> 1.75  2.75 4.25
    private static final double[] SAMPLE = {1, 2, 2.5, 4, 5, 3};

    @Test
    void type_7_matches_r_default() {
        assertThat(Quantiles.of(SAMPLE, 0.25, QuantileType.TYPE_7)).isCloseTo(2.125, within(1e-12));
        assertThat(Quantiles.of(SAMPLE, 0.50, QuantileType.TYPE_7)).isCloseTo(2.75, within(1e-12));
        assertThat(Quantiles.of(SAMPLE, 0.75, QuantileType.TYPE_7)).isCloseTo(3.75, within(1e-12));
    }

    @Test
    void type_6_matches_r_type_6() {
        assertThat(Quantiles.of(SAMPLE, 0.25, QuantileType.TYPE_6)).isCloseTo(1.75, within(1e-12));
        assertThat(Quantiles.of(SAMPLE, 0.50, QuantileType.TYPE_6)).isCloseTo(2.75, within(1e-12));
        assertThat(Quantiles.of(SAMPLE, 0.75, QuantileType.TYPE_6)).isCloseTo(4.25, within(1e-12));
    }

    @Test
    void extreme_probabilities_give_min_and_max() {
        for (QuantileType type : QuantileType.values()) {
            assertThat(Quantiles.of(SAMPLE, 0, type)).isEqualTo(1);
            assertThat(Quantiles.of(SAMPLE, 1, type)).isEqualTo(5);
        }
    }

    @Test
    void input_is_not_reordered() {
        double[] values = {3, 1, 2};
        Quantiles.median(values);
        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void empty_sample_and_bad_probability_are_refused() {
        assertThatThrownBy(() -> Quantiles.of(new double[0], 0.5, QuantileType.TYPE_7))
                .hasMessageContaining("at least one value");
        assertThatThrownBy(() -> Quantiles.of(SAMPLE, 1.5, QuantileType.TYPE_7))
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> QuantileType.of(5)).hasMessageContaining("6 or 7");
    }
}
