package org.delphipanel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.delphipanel.stats.IntraclassCorrelationTest.reason;

import org.delphipanel.stats.KendallW.Result;
import org.junit.jupiter.api.Test;

class KendallWTest {

    @Test
    void siegels_example_of_three_executives_ranking_six_applicants() {
        // Siegel (1956), Nonparametric Statistics for the Behavioral Sciences, p. 234: ranks of 6 applicants
        // by executives X, Y, Z: X 1 6 3 2 5 4, Y 1 5 6 4 2 3, Z 6 3 2 5 4 1; rank sums 8 14 11 11 11 8,
        // s = 25.5, W = 25.5 / (9 (216 - 6) / 12) = 0.162 (= 17/105), no ties.
        double[][] applicantsByExecutive = {{1, 1, 6}, {6, 5, 3}, {3, 6, 2}, {2, 4, 5}, {5, 2, 4}, {4, 3, 1}};
        Result result = KendallW.of(RatingTable.ofComplete(applicantsByExecutive)).orElseThrow();
        assertThat(result.w()).isCloseTo(17.0 / 105, within(1e-12));
        assertThat(result.wCorrected()).isEqualTo(result.w());
        assertThat(result.tieCorrection()).isZero();
        // chi2 = m (n - 1) W = 3 * 5 * 17/105; p from scipy.stats.chi2.sf(2.428571428571429, 5).
        assertThat(result.chiSquare()).isCloseTo(2.428571428571429, within(1e-12));
        assertThat(result.df()).isEqualTo(5);
        assertThat(result.p()).isCloseTo(0.7872118138839401, within(1e-12));
    }

    @Test
    void ties_take_mid_ranks_and_the_correction_raises_w() {
        // Worked by hand: 4 units rated by 3 raters. A: 1 2 2 3 -> ranks 1 2.5 2.5 4 (t = 2);
        // B: 1 1 2 3 -> 1.5 1.5 3 4 (t = 2); C: 1 2 3 4 -> 1 2 3 4. Rank sums 3.5 6 8.5 12, mean 7.5,
        // S = 16 + 2.25 + 1 + 20.25 = 39.5; T = 6 + 6 = 12.
        // W = 12 * 39.5 / (9 * 60) = 474/540; W_c = 474 / (540 - 3 * 12) = 474/504.
        // chi2_c = 3 * 3 * 474/504 = 8.464285714, which scipy.stats.friedmanchisquare([1,1,1],[2,1,2],
        // [2,2,3],[3,3,4]) also reports (statistic 8.46428571428572, p 0.03733033589705602).
        double[][] unitsByRater = {{1, 1, 1}, {2, 1, 2}, {2, 2, 3}, {3, 3, 4}};
        Result result = KendallW.of(RatingTable.ofComplete(unitsByRater)).orElseThrow();
        assertThat(result.w()).isCloseTo(474.0 / 540, within(1e-12));
        assertThat(result.wCorrected()).isCloseTo(474.0 / 504, within(1e-12));
        assertThat(result.tieCorrection()).isEqualTo(12);
        assertThat(result.chiSquare()).isCloseTo(7.9, within(1e-12));
        assertThat(result.chiSquareCorrected()).isCloseTo(8.464285714285714, within(1e-12));
        // scipy.stats.chi2.sf(7.9, 3) and chi2.sf(8.464285714285714, 3)
        assertThat(result.p()).isCloseTo(0.04812425184416017, within(1e-12));
        assertThat(result.pCorrected()).isCloseTo(0.03733033589705623, within(1e-12));
    }

    @Test
    void identical_rankings_give_one_and_permuting_raters_changes_nothing() {
        double[][] same = {{0.5, 1.0, 2.0}, {1.5, 2.0, 3.0}, {4.0, 4.5, 5.0}};
        assertThat(KendallW.of(RatingTable.ofComplete(same)).orElseThrow().wCorrected()).isCloseTo(1, within(1e-12));
        double[][] a = {{1, 3, 2}, {2, 2, 2}, {3, 1, 5}, {4, 5, 1}};
        double[][] b = {{2, 1, 3}, {5, 3, 1}, {2, 2, 2}, {1, 4, 5}};
        assertThat(KendallW.of(RatingTable.ofComplete(b)).orElseThrow().wCorrected())
                .isCloseTo(KendallW.of(RatingTable.ofComplete(a)).orElseThrow().wCorrected(), within(1e-12));
    }

    @Test
    void missing_data_few_units_or_raters_and_no_ranking_are_undefined() {
        assertThat(reason(KendallW.of(RatingTable.ofMatrix(new Double[][] {{1.0, 2.0}, {2.0, null}}))))
                .contains("complete data");
        assertThat(reason(KendallW.of(RatingTable.ofComplete(new double[][] {{1, 2}})))).contains("2 units");
        assertThat(reason(KendallW.of(RatingTable.ofComplete(new double[][] {{1}, {2}})))).contains("2 raters");
        assertThat(reason(KendallW.of(RatingTable.ofComplete(new double[][] {{3, 1}, {3, 1}}))))
                .contains("same value");
    }
}
