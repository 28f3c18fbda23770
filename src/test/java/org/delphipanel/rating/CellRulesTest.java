package org.delphipanel.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.delphipanel.study.RationalePolicy;
import org.junit.jupiter.api.Test;

class CellRulesTest {

    /** A previous round with median 3, Q1 2 and Q3 4.5: wide enough that the 1-from-median rule bites alone. */
    private static final CellSnapshot WIDE = new CellSnapshot(1, 2, 1, 1, 3.0, 2.0, 4.5, 2.5, 7, 0, 5, 0.1,
            histogramWithOne(30), false, List.of(), List.of());

    private static List<Integer> histogramWithOne(int index) {
        Integer[] counts = new Integer[51];
        java.util.Arrays.fill(counts, 0);
        counts[index] = 1;
        return List.of(counts);
    }

    private static String requirement(RationalePolicy policy, CellSnapshot previous, String grade) {
        return CellRules.rationaleRequirement(policy, previous, new BigDecimal(grade));
    }

    @Test
    void when_deviating_a_grade_outside_the_previous_iqr_needs_a_rationale() {
        assertThat(requirement(RationalePolicy.WHEN_DEVIATING, WIDE, "1.9")).contains("interquartile range");
        assertThat(requirement(RationalePolicy.WHEN_DEVIATING, WIDE, "4.6")).contains("interquartile range");
        assertThat(requirement(RationalePolicy.WHEN_DEVIATING, WIDE, "2.0")).isNull();
    }

    @Test
    void when_deviating_a_grade_more_than_one_from_the_previous_median_needs_a_rationale() {
        assertThat(requirement(RationalePolicy.WHEN_DEVIATING, WIDE, "4.0")).isNull();
        assertThat(requirement(RationalePolicy.WHEN_DEVIATING, WIDE, "4.1")).contains("more than 1");
    }

    @Test
    void without_a_previous_round_only_always_asks_and_never_never_does() {
        assertThat(requirement(RationalePolicy.WHEN_DEVIATING, null, "0.0")).isNull();
        assertThat(requirement(RationalePolicy.ALWAYS, null, "3.0")).contains("every rating");
        assertThat(requirement(RationalePolicy.NEVER, WIDE, "0.0")).isNull();
    }
}
