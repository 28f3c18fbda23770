package org.delphipanel.stats;

import java.util.List;

import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * The six intraclass correlations of P. E. Shrout &amp; J. L. Fleiss (1979), "Intraclass correlations:
 * uses in assessing rater reliability", Psychological Bulletin 86(2), 420-428,
 * doi:10.1037/0033-2909.86.2.420, with the F tests and confidence intervals exactly as R's
 * {@code psych::ICC} computes them with {@code lmer = FALSE}, and named as psych names them.
 *
 * <h2>Formulas</h2>
 * For n units (targets) and k raters (judges), from the two-way ANOVA without interaction:
 * MSB (rows, between units, df n-1), MSJ (columns, between raters, df k-1), MSE (residual, df
 * (n-1)(k-1)) and MSW = (SSJ + SSE)/(n (k-1)) (within units, pooling raters and residual).
 * <pre>
 *   ICC1  = (MSB - MSW) / (MSB + (k-1) MSW)             ICC1k = (MSB - MSW) / MSB
 *   ICC2  = (MSB - MSE) / (MSB + (k-1) MSE + k (MSJ - MSE)/n)
 *                                                        ICC2k = (MSB - MSE) / (MSB + (MSJ - MSE)/n)
 *   ICC3  = (MSB - MSE) / (MSB + (k-1) MSE)             ICC3k = (MSB - MSE) / MSB
 * </pre>
 * F tests (upper tail): ICC1 and ICC1k use F = MSB/MSW on (n-1, n(k-1)) df; the four others use
 * F = MSB/MSE on (n-1, (n-1)(k-1)) df. Intervals at level 1 - a, with F_q(d1, d2) the (1 - a/2)
 * quantile: for ICC1, FL = F/F_q(d1, d2), FU = F F_q(d2, d1), bounds (FL-1)/(FL+k-1) and
 * (FU-1)/(FU+k-1), and for ICC1k 1 - 1/FL and 1 - 1/FU; ICC3 and ICC3k the same with their F and
 * df. ICC2 uses Satterthwaite's approximate df
 * <pre>
 *   Fj = MSJ/MSE
 *   v  = (k-1)(n-1) (k ICC2 Fj + n (1 + (k-1) ICC2) - k ICC2)^2
 *        / ((n-1) k^2 ICC2^2 Fj^2 + (n (1 + (k-1) ICC2) - k ICC2)^2)
 *   FU = F_q(n-1, v),  FL = F_q(v, n-1)
 *   lower = n (MSB - FU MSE) / (FU (k MSJ + (k n - k - n) MSE) + n MSB)
 *   upper = n (FL MSB - MSE) / (k MSJ + (k n - k - n) MSE + n FL MSB)
 * </pre>
 * and ICC2k's bounds are those of ICC2 stepped up by Spearman-Brown, L k/(1 + (k-1) L).
 * p-values are computed as the regularized incomplete beta of the upper tail, not 1 - cdf, so small
 * p-values keep their precision (psych now does the same with {@code -expm1(pf(..., log.p = TRUE))}).
 *
 * <h2>Edge cases</h2>
 * Complete data only: any missing rating makes the result undefined, as does having fewer than 2
 * units or 2 raters, identical values everywhere (zero variance) or a zero residual mean square
 * (every rater's column a shift of the others: the F ratios would be infinite).
 *
 * <p>Stateless and thread-safe; results are immutable.
 */
public final class IntraclassCorrelation {

    /** Residual mean squares below this share of the total mean square count as zero. */
    private static final double ZERO_RESIDUAL = 1e-13;

    /** Absolute accuracy of the F quantiles (Commons Math's default is 1e-9). */
    private static final double QUANTILE_ACCURACY = 1e-14;

    /** The six forms, named as {@code psych::ICC} prints them. */
    public enum Form {
        /** One-way random, single rater: absolute agreement when each unit has its own raters. */
        ICC1("ICC1", false),
        /** Two-way random, single rater, absolute agreement: raters a sample of a population of raters. */
        ICC2("ICC2", false),
        /** Two-way mixed, single rater, consistency: these raters only, rater offsets ignored. */
        ICC3("ICC3", false),
        /** ICC1 for the mean of the k raters. */
        ICC1K("ICC1k", true),
        /** ICC2 for the mean of the k raters. */
        ICC2K("ICC2k", true),
        /** ICC3 for the mean of the k raters. */
        ICC3K("ICC3k", true);

        private final String psychName;
        private final boolean average;

        Form(String psychName, boolean average) {
            this.psychName = psychName;
            this.average = average;
        }

        /** The name in {@code psych::ICC}'s output: ICC1, ..., ICC3k. */
        public String psychName() {
            return psychName;
        }

        /** True for the reliability of the mean of the k raters, false for a single rater. */
        public boolean average() {
            return average;
        }
    }

    /** The mean squares of the two-way ANOVA. */
    public record MeanSquares(double rows, double columns, double within, double residual) {
    }

    /**
     * One form with its F test and interval.
     *
     * @param f the F ratio of the form's test
     * @param df1 numerator df
     * @param df2 denominator df
     * @param p upper-tail p-value of the F test
     * @param lower lower bound of the interval
     * @param upper upper bound of the interval
     */
    public record Estimate(Form form, double value, double f, double df1, double df2, double p, double lower,
            double upper) {
        public Estimate {
            for (double d : new double[] {value, f, df1, df2, p, lower, upper}) {
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("ICC " + form + " has a non-finite component");
                }
            }
        }
    }

    /** All six forms for one table. */
    public record Result(int units, int raters, double confidence, MeanSquares meanSquares, List<Estimate> estimates) {
        public Result {
            estimates = List.copyOf(estimates);
        }

        public Estimate get(Form form) {
            return estimates.stream().filter(e -> e.form() == form).findFirst().orElseThrow();
        }
    }

    private IntraclassCorrelation() {
    }

    /** The six ICCs with 95% intervals. */
    public static Outcome<Result> of(RatingTable table) {
        return of(table, 0.95);
    }

    /** The six ICCs with intervals at {@code confidence} (psych's 1 - alpha). */
    public static Outcome<Result> of(RatingTable table, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie strictly between 0 and 1, was " + confidence);
        }
        int n = table.unitCount();
        int k = table.raterCount();
        if (n < 2) {
            return Outcome.undefined("the ICC needs at least 2 units, found " + n);
        }
        if (k < 2) {
            return Outcome.undefined("the ICC needs at least 2 raters, found " + k);
        }
        if (!table.isComplete()) {
            return Outcome.undefined("the ICC needs complete data; " + (n * k - table.ratingCount())
                    + " of " + n * k + " ratings are missing");
        }
        double[] rowMeans = new double[n];
        double[] colMeans = new double[k];
        double grand = 0;
        for (int u = 0; u < n; u++) {
            for (int r = 0; r < k; r++) {
                double v = table.value(u, r);
                rowMeans[u] += v;
                colMeans[r] += v;
                grand += v;
            }
        }
        grand /= (double) n * k;
        double ssRows = 0;
        for (int u = 0; u < n; u++) {
            double d = rowMeans[u] / k - grand;
            ssRows += d * d;
        }
        ssRows *= k;
        double ssCols = 0;
        for (int r = 0; r < k; r++) {
            double d = colMeans[r] / n - grand;
            ssCols += d * d;
        }
        ssCols *= n;
        double ssTotal = 0;
        for (int u = 0; u < n; u++) {
            for (int r = 0; r < k; r++) {
                double d = table.value(u, r) - grand;
                ssTotal += d * d;
            }
        }
        if (ssTotal == 0) {
            return Outcome.undefined("every rating is the same value: zero variance");
        }
        double ssError = Math.max(0, ssTotal - ssRows - ssCols);
        double msb = ssRows / (n - 1);
        double msj = ssCols / (k - 1);
        double mse = ssError / ((double) (n - 1) * (k - 1));
        double msw = (ssCols + ssError) / ((double) n * (k - 1));
        if (mse <= ZERO_RESIDUAL * ssTotal / ((double) n * k - 1)) {
            return Outcome.undefined("the residual mean square is 0 (each rater's ratings are the others' plus a "
                    + "constant), so the F ratios and intervals are infinite");
        }
        double q = 1 - (1 - confidence) / 2;
        double nk = k;

        double icc1 = (msb - msw) / (msb + (nk - 1) * msw);
        double icc2 = (msb - mse) / (msb + (nk - 1) * mse + nk * (msj - mse) / n);
        double icc3 = (msb - mse) / (msb + (nk - 1) * mse);
        double icc1k = (msb - msw) / msb;
        double icc2k = (msb - mse) / (msb + (msj - mse) / n);
        double icc3k = (msb - mse) / msb;
        if (msb == 0) {
            return Outcome.undefined("every unit has the same mean rating (between-unit mean square 0), "
                    + "so the average-rater ICCs divide by 0");
        }

        double f1 = msb / msw;
        double df1n = n - 1;
        double df1d = (double) n * (k - 1);
        double p1 = upperTail(f1, df1n, df1d);
        double f3 = msb / mse;
        double df3n = n - 1;
        double df3d = (double) (n - 1) * (k - 1);
        double p3 = upperTail(f3, df3n, df3d);

        double f1l = f1 / quantile(q, df1n, df1d);
        double f1u = f1 * quantile(q, df1d, df1n);
        double f3l = f3 / quantile(q, df3n, df3d);
        double f3u = f3 * quantile(q, df3d, df3n);

        double fj = msj / mse;
        double base = n * (1 + (nk - 1) * icc2) - nk * icc2;
        double vn = (nk - 1) * (n - 1) * square(nk * icc2 * fj + base);
        double vd = (n - 1) * nk * nk * icc2 * icc2 * fj * fj + square(base);
        double v = vn / vd;
        if (!(v > 0) || !Double.isFinite(v)) {
            return Outcome.undefined("the Satterthwaite df of the ICC2 interval is not positive (" + v + ")");
        }
        double f2u = quantile(q, n - 1, v);
        double f2l = quantile(q, v, n - 1);
        double spread = nk * msj + (nk * n - nk - n) * mse;
        double l2 = n * (msb - f2u * mse) / (f2u * spread + n * msb);
        double u2 = n * (f2l * msb - mse) / (spread + n * f2l * msb);

        List<Estimate> estimates = List.of(
                new Estimate(Form.ICC1, icc1, f1, df1n, df1d, p1, (f1l - 1) / (f1l + nk - 1), (f1u - 1) / (f1u + nk - 1)),
                new Estimate(Form.ICC2, icc2, f3, df3n, df3d, p3, l2, u2),
                new Estimate(Form.ICC3, icc3, f3, df3n, df3d, p3, (f3l - 1) / (f3l + nk - 1), (f3u - 1) / (f3u + nk - 1)),
                new Estimate(Form.ICC1K, icc1k, f1, df1n, df1d, p1, 1 - 1 / f1l, 1 - 1 / f1u),
                new Estimate(Form.ICC2K, icc2k, f3, df3n, df3d, p3, stepUp(l2, nk), stepUp(u2, nk)),
                new Estimate(Form.ICC3K, icc3k, f3, df3n, df3d, p3, 1 - 1 / f3l, 1 - 1 / f3u));
        for (Estimate e : estimates) {
            if (!Double.isFinite(e.lower()) || !Double.isFinite(e.upper())) {
                return Outcome.undefined("the interval of " + e.form().psychName() + " is not finite");
            }
        }
        return Outcome.defined(new Result(n, k, confidence, new MeanSquares(msb, msj, msw, mse), estimates));
    }

    /** P(F &gt; f) = I_{d2/(d2 + d1 f)}(d2/2, d1/2), without the cancellation of 1 - cdf. */
    static double upperTail(double f, double d1, double d2) {
        if (f <= 0) {
            return 1;
        }
        return Beta.regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
    }

    private static double quantile(double p, double d1, double d2) {
        // no random generator: the distribution is only inverted, never sampled
        return new FDistribution(null, d1, d2, QUANTILE_ACCURACY).inverseCumulativeProbability(p);
    }

    private static double stepUp(double single, double k) {
        return single * k / (1 + single * (k - 1));
    }

    private static double square(double x) {
        return x * x;
    }
}
