package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WilcoxonSignedRankTest {

    @Test
    void worked_example_without_ties_matches_scipy() {
        // d = later - earlier = 0.3 -0.1 0.7 0.2 1.1 -0.4 0.9 0.6; ranks of |d| 3 1 6 2 8 4 7 5, so
        // V = W+ = 3 + 6 + 2 + 8 + 7 + 5 = 31 and W- = 5. scipy 1.17.1:
        //   wilcoxon(later, earlier, zero_method='wilcox', correction=False, method='approx')
        //       -> statistic 5.0 (= min(W+, W-)), pvalue 0.0687035743228782
        //   ... correction=True  -> pvalue 0.08005791998443475
        //   ... method='exact'   -> pvalue 0.078125 (= 2 * 10 / 256, R's psignrank)
        double[] earlier = {2.0, 3.1, 1.5, 4.0, 2.2, 3.3, 1.0, 2.8};
        double[] later = {2.3, 3.0, 2.2, 4.2, 3.3, 2.9, 1.9, 3.4};

        WilcoxonSignedRank test = WilcoxonSignedRank.paired(later, earlier).orElseThrow();

        assertThat(test.nonZero()).isEqualTo(8);
        assertThat(test.zeroDifferences()).isZero();
        assertThat(test.v()).isEqualTo(31.0);
        assertThat(test.wMinus()).isEqualTo(5.0);
        assertThat(test.minimumRankSum()).isEqualTo(5.0);
        assertThat(test.pNormal()).isCloseTo(0.0687035743228782, within(1e-12));
        assertThat(test.pNormalCorrected()).isCloseTo(0.08005791998443475, within(1e-12));
        assertThat(test.pExact().orElseThrow()).isCloseTo(0.078125, within(1e-15));
    }

    @Test
    void ties_and_zeros_follow_r_conventions() {
        // d = 1 0 1 -2 1 0 -1 1 1 1: two zeros dropped (n = 8); |d| = 1 seven times -> mid-rank 4, |d| = 2 -> 8.
        // V = 6 * 4 = 24; E[V] = 18; Var = 8*9*17/24 - (7^3 - 7)/48 = 51 - 7 = 44.
        // scipy 1.17.1, zero_method='wilcox', method='approx': correction=False -> 0.36571229628151325,
        // correction=True -> 0.4070160272713743 (statistic 12 = W-).
        // Exact conditional on the mid-ranks, by enumerating the 256 sign assignments in Python:
        // P(W+ <= 24) = 226/256, P(W+ >= 24) = 72/256, p = 2 * 72 / 256 = 0.5625.
        double[] earlier = {3, 3, 2, 4, 1, 2, 5, 3, 2, 4};
        double[] later = {4, 3, 3, 2, 2, 2, 4, 4, 3, 5};

        WilcoxonSignedRank test = WilcoxonSignedRank.paired(later, earlier).orElseThrow();

        assertThat(test.pairs()).isEqualTo(10);
        assertThat(test.zeroDifferences()).isEqualTo(2);
        assertThat(test.nonZero()).isEqualTo(8);
        assertThat(test.tieGroups()).isEqualTo(1);
        assertThat(test.v()).isEqualTo(24.0);
        assertThat(test.expectedV()).isEqualTo(18.0);
        assertThat(test.varianceV()).isCloseTo(44.0, within(1e-12));
        assertThat(test.pNormal()).isCloseTo(0.36571229628151325, within(1e-12));
        assertThat(test.pNormalCorrected()).isCloseTo(0.4070160272713743, within(1e-12));
        assertThat(test.pExact().orElseThrow()).isCloseTo(0.5625, within(1e-15));
    }

    @Test
    void exact_p_equals_brute_force_enumeration_of_sign_assignments() {
        Random random = new Random(42);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + random.nextInt(14);
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                // Steps of 0.5 in -2..2 give many ties, zeros and .5 mid-ranks.
                d[i] = (random.nextInt(9) - 4) * 0.5;
            }
            var outcome = WilcoxonSignedRank.ofDifferences(d);
            if (!outcome.isDefined()) {
                continue;
            }
            WilcoxonSignedRank test = outcome.orElseThrow();
            assertThat(test.pExact().orElseThrow()).as("trial %d", trial)
                    .isCloseTo(bruteForceExactP(d), within(1e-12));
        }
    }

    /** Enumerates every sign assignment of the mid-ranks of the non-zero |d|, independently of the DP. */
    private static double bruteForceExactP(double[] differences) {
        double[] d = java.util.Arrays.stream(differences).filter(x -> x != 0).toArray();
        int n = d.length;
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            int below = 0;
            int equal = 0;
            for (double other : d) {
                if (Math.abs(other) < Math.abs(d[i])) {
                    below++;
                } else if (Math.abs(other) == Math.abs(d[i])) {
                    equal++;
                }
            }
            ranks[i] = below + (equal + 1) / 2.0;
        }
        double v = 0;
        for (int i = 0; i < n; i++) {
            if (d[i] > 0) {
                v += ranks[i];
            }
        }
        long atMost = 0;
        long atLeast = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            double w = 0;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    w += ranks[i];
                }
            }
            if (w <= v + 1e-9) {
                atMost++;
            }
            if (w >= v - 1e-9) {
                atLeast++;
            }
        }
        return Math.min(1, 2.0 * Math.min(atMost, atLeast) / (1L << n));
    }

    @Test
    void differences_equal_on_paper_are_tied() {
        // 2.3 - 1.8 = 0.4999999999999998 and 4.0 - 3.5 = 0.5 in binary; both must share mid-rank 1.5.
        WilcoxonSignedRank test = WilcoxonSignedRank.paired(new double[] {2.3, 4.0, 1.0}, new double[] {1.8, 3.5, 2.0})
                .orElseThrow();

        assertThat(test.tieGroups()).isEqualTo(1);
        assertThat(test.v()).isEqualTo(3.0);
    }

    @Test
    void no_non_zero_differences_leave_the_test_undefined() {
        Outcome<WilcoxonSignedRank> same = WilcoxonSignedRank.paired(new double[] {1, 2, 3}, new double[] {1, 2, 3});
        assertThat(same).isInstanceOf(Outcome.Undefined.class);
        assertThat(((Outcome.Undefined<WilcoxonSignedRank>) same).reason()).contains("no non-zero differences");
        assertThat(WilcoxonSignedRank.paired(new double[0], new double[0]).isDefined()).isFalse();
    }

    @Test
    void exact_p_is_undefined_beyond_the_enumeration_limit() {
        double[] d = new double[WilcoxonSignedRank.EXACT_LIMIT + 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = (i % 2 == 0 ? 1 : -1) * (i + 1) * 0.1;
        }
        WilcoxonSignedRank test = WilcoxonSignedRank.ofDifferences(d).orElseThrow();

        assertThat(test.pExact()).isInstanceOf(Outcome.Undefined.class);
        assertThat(((Outcome.Undefined<Double>) test.pExact()).reason())
                .contains("too many pairs for exact enumeration");
        assertThat(test.pNormal()).isBetween(0.0, 1.0);

        double[] atLimit = java.util.Arrays.copyOf(d, WilcoxonSignedRank.EXACT_LIMIT);
        assertThat(WilcoxonSignedRank.ofDifferences(atLimit).orElseThrow().pExact().isDefined()).isTrue();
    }

    @Test
    void a_centred_statistic_gives_p_one() {
        // d = 1, -1: V = 1.5 = E[V]; every two-sided p is 1 (capped).
        WilcoxonSignedRank test = WilcoxonSignedRank.ofDifferences(new double[] {1, -1}).orElseThrow();

        assertThat(test.pNormal()).isEqualTo(1.0);
        assertThat(test.pNormalCorrected()).isEqualTo(1.0);
        assertThat(test.pExact().orElseThrow()).isEqualTo(1.0);
    }

    @Test
    void unequal_lengths_are_refused() {
        assertThatThrownBy(() -> WilcoxonSignedRank.paired(new double[] {1, 2}, new double[] {1}))
                .hasMessageContaining("equal lengths");
    }
}
