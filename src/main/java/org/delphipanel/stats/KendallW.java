package org.delphipanel.stats;

import java.util.Arrays;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Kendall's coefficient of concordance W of the raters' rankings of the units, after M. G. Kendall &amp;
 * B. Babington Smith (1939), "The problem of m rankings", Annals of Mathematical Statistics 10(3),
 * 275-287, doi:10.1214/aoms/1177732186, with their correction for ties.
 *
 * <h2>Formula</h2>
 * Each of the m raters ranks the n units by value, tied values taking the mean of the ranks they span
 * (mid-ranks, Commons Math {@link NaturalRanking} with {@link TiesStrategy#AVERAGE}). With R_i the sum
 * of unit i's ranks and S = sum_i (R_i - m (n + 1)/2)^2,
 * <pre>
 *   W   = 12 S / (m^2 (n^3 - n))
 *   W_c = 12 S / (m^2 (n^3 - n) - m T),   T = sum over raters, over groups of t tied values, of (t^3 - t)
 *   chi2 = m (n - 1) W,  chi2_c = m (n - 1) W_c,  df = n - 1
 * </pre>
 * and p is the upper tail of the chi-square distribution (a large-sample approximation; the regularized
 * gamma function gives it without the cancellation of 1 - cdf). chi2_c equals Friedman's statistic with
 * raters as blocks.
 *
 * <h2>Edge cases</h2>
 * Complete data only (a ranking with missing units is not comparable): otherwise undefined. Also
 * undefined for fewer than 2 units or 2 raters, and when every rater gives every unit the same value
 * (no ranking at all: m^2 (n^3 - n) - m T = 0).
 *
 * <p>Stateless and thread-safe; results are immutable.
 */
public final class KendallW {

    /**
     * @param w W without the tie correction
     * @param wCorrected W with the tie correction (equal to w when there are no ties)
     * @param tieCorrection T = sum of (t^3 - t) over the raters' groups of ties
     */
    public record Result(double w, double wCorrected, double chiSquare, double chiSquareCorrected, int df,
            double p, double pCorrected, int units, int raters, double tieCorrection) {
        public Result {
            if (!(w >= -1e-12 && wCorrected >= -1e-12 && wCorrected <= 1 + 1e-9) || df < 1) {
                throw new IllegalArgumentException("W must lie in [0, 1], was " + w + " / " + wCorrected);
            }
        }
    }

    private KendallW() {
    }

    public static Outcome<Result> of(RatingTable table) {
        int n = table.unitCount();
        int m = table.raterCount();
        if (n < 2) {
            return Outcome.undefined("Kendall's W needs at least 2 units to rank, found " + n);
        }
        if (m < 2) {
            return Outcome.undefined("Kendall's W needs at least 2 raters, found " + m);
        }
        if (!table.isComplete()) {
            return Outcome.undefined("Kendall's W needs complete data; " + (n * m - table.ratingCount())
                    + " of " + n * m + " ratings are missing");
        }
        NaturalRanking ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
        double[] rankSums = new double[n];
        double[] column = new double[n];
        double ties = 0;
        for (int r = 0; r < m; r++) {
            for (int u = 0; u < n; u++) {
                column[u] = table.value(u, r) + 0.0; // -0.0 and 0.0 are one value
            }
            double[] ranks = ranking.rank(column);
            for (int u = 0; u < n; u++) {
                rankSums[u] += ranks[u];
            }
            ties += tieSum(column);
        }
        double mean = m * (n + 1) / 2.0;
        double s = 0;
        for (double sum : rankSums) {
            s += (sum - mean) * (sum - mean);
        }
        double cube = (double) n * n * n - n;
        double denominator = (double) m * m * cube;
        double corrected = denominator - m * ties;
        if (corrected <= 0) {
            return Outcome.undefined("every rater gave every unit the same value, so there is no ranking to compare");
        }
        double w = 12 * s / denominator;
        double wc = 12 * s / corrected;
        int df = n - 1;
        double chi = m * (n - 1) * w;
        double chic = m * (n - 1) * wc;
        return Outcome.defined(new Result(w, wc, chi, chic, df, chiSquareUpperTail(chi, df),
                chiSquareUpperTail(chic, df), n, m, ties));
    }

    /** sum of (t^3 - t) over the groups of t equal values. */
    private static double tieSum(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i + 1;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            sum += t * t * t - t;
            i = j;
        }
        return sum;
    }

    /** P(chi2_df &gt; x) = Q(df/2, x/2), the regularized upper incomplete gamma function. */
    static double chiSquareUpperTail(double x, int df) {
        if (x <= 0) {
            return 1;
        }
        return Gamma.regularizedGammaQ(df / 2.0, x / 2);
    }
}
