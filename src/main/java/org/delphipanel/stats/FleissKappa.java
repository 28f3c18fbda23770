package org.delphipanel.stats;

import org.apache.commons.math3.special.Erf;

/**
 * Fleiss' kappa for many raters and nominal categories, after J. L. Fleiss (1971), "Measuring nominal
 * scale agreement among many raters", Psychological Bulletin 76(5), 378-382, doi:10.1037/h0031619,
 * with the z test on the standard error under the null hypothesis of J. L. Fleiss, J. C. M. Nee &amp;
 * J. R. Landis (1979), "Large sample variance of kappa in the case of different sets of raters",
 * Psychological Bulletin 86(5), 974-977, doi:10.1037/0033-2909.86.5.974.
 *
 * <h2>Formula</h2>
 * N units each rated by the same number n of raters into q categories; n_ij raters put unit i in
 * category j; p_j = sum_i n_ij / (N n), q_j = 1 - p_j.
 * <pre>
 *   P_i = sum_j n_ij (n_ij - 1) / (n (n - 1)),   P_bar = mean of P_i,   P_e = sum_j p_j^2
 *   kappa = (P_bar - P_e) / (1 - P_e)
 *   SE_0 = sqrt(2) / (sum_j p_j q_j sqrt(N n (n - 1)))
 *          * sqrt((sum_j p_j q_j)^2 - sum_j p_j q_j (q_j - p_j))
 *   z = kappa / SE_0,   p = erfc(|z| / sqrt(2))   (two-sided)
 * </pre>
 * The two-sided p-value is taken from the complementary error function of |z|, never as 1 - cdf, so it
 * keeps its precision far into the tail (z = 17.65 in Fleiss' example gives p = 9.85e-70).
 *
 * <p>Categories are every option of the {@link Scale} when one is given, else the distinct values
 * observed; unused categories have p_j = 0 and change neither kappa nor z. The values are treated as
 * names: 2.9 and 3.0 disagree exactly as much as 0 and 5.
 *
 * <h2>Edge cases</h2>
 * Units without any rating are left out. Fleiss' kappa assumes the same number of raters per unit:
 * when the rated units have different numbers of ratings the result is undefined (with the counts
 * found), rather than silently generalised; use {@link GwetAc} or {@link KrippendorffAlpha} there.
 * Also undefined for fewer than 2 ratings per unit, no rated unit, or all ratings in one category
 * (P_e = 1).
 *
 * <p>Stateless and thread-safe; results are immutable.
 */
public final class FleissKappa {

    /**
     * @param observedAgreement P_bar
     * @param chanceAgreement P_e
     * @param standardError SE_0 under the null hypothesis kappa = 0
     * @param z kappa / SE_0
     * @param p two-sided p-value of z
     * @param units N, the units with ratings
     * @param ratersPerUnit n
     * @param categories q, the categories counted (including unused scale options)
     */
    public record Result(double kappa, double observedAgreement, double chanceAgreement, double standardError,
            double z, double p, int units, int ratersPerUnit, int categories) {
        public Result {
            if (!Double.isFinite(kappa) || !Double.isFinite(z) || !(p >= 0 && p <= 1) || !(standardError > 0)) {
                throw new IllegalArgumentException("inconsistent Fleiss kappa");
            }
        }
    }

    private FleissKappa() {
    }

    /** Kappa over the distinct observed values. */
    public static Outcome<Result> of(RatingTable table) {
        return compute(RatingCategories.observed(table));
    }

    /**
     * Kappa over the options of {@code scale}.
     *
     * @throws IllegalArgumentException when a rating is not an option of the scale
     */
    public static Outcome<Result> of(RatingTable table, Scale scale) {
        return compute(RatingCategories.onScale(table, scale));
    }

    private static Outcome<Result> compute(RatingCategories categories) {
        int q = categories.count();
        int[] counts = categories.unitCounts();
        int units = categories.units();
        int raters = -1;
        int rated = 0;
        double[] totals = new double[q];
        double agreementSum = 0;
        for (int u = 0; u < units; u++) {
            int m = 0;
            long pairs = 0;
            for (int c = 0; c < q; c++) {
                int x = counts[u * q + c];
                m += x;
                pairs += (long) x * (x - 1);
                totals[c] += x;
            }
            if (m == 0) {
                continue;
            }
            if (raters < 0) {
                raters = m;
            } else if (m != raters) {
                return Outcome.undefined("Fleiss' kappa needs the same number of ratings per unit; found units with "
                        + raters + " and with " + m + " ratings");
            }
            rated++;
            agreementSum += pairs;
        }
        if (rated == 0) {
            return Outcome.undefined("no unit has a rating");
        }
        if (raters < 2) {
            return Outcome.undefined("Fleiss' kappa needs at least 2 ratings per unit, found " + raters);
        }
        double n = raters;
        double all = rated * n;
        double pe = 0;
        double pq = 0;
        double pqSkew = 0;
        for (int c = 0; c < q; c++) {
            double p = totals[c] / all;
            double qq = 1 - p;
            pe += p * p;
            pq += p * qq;
            pqSkew += p * qq * (qq - p);
        }
        if (pq <= 0) {
            return Outcome.undefined("all ratings fall in one category, so chance agreement is 1 and kappa is 0/0");
        }
        if (pq * pq - pqSkew <= 0) {
            return Outcome.undefined("the null variance of kappa is not positive for these marginals");
        }
        double pBar = agreementSum / (rated * n * (n - 1));
        double kappa = (pBar - pe) / (1 - pe);
        double se = Math.sqrt(2) / (pq * Math.sqrt(rated * n * (n - 1))) * Math.sqrt(pq * pq - pqSkew);
        double z = kappa / se;
        double p = Erf.erfc(Math.abs(z) / Math.sqrt(2));
        return Outcome.defined(new Result(kappa, pBar, pe, se, z, p, rated, raters, q));
    }
}
