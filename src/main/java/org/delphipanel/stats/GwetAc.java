package org.delphipanel.stats;

/**
 * Gwet's AC1 (nominal) and AC2 (weighted) agreement coefficients for many raters with missing ratings,
 * after K. L. Gwet (2008), "Computing inter-rater reliability and its variance in the presence of high
 * agreement", British Journal of Mathematical and Statistical Psychology 61(1), 29-48,
 * doi:10.1348/000711006X126600, and K. L. Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed.,
 * Advanced Analytics (ISBN 978-0970806284), as his R package irrCAC computes them
 * ({@code gwet.ac1.raw}).
 *
 * <h2>Formula</h2>
 * q categories with values x_1 &lt; ... &lt; x_q and weights w_kl; r_ik ratings of unit i in category k,
 * r_i = sum_k r_ik, r*_ik = sum_l w_kl r_il. Over the n units with at least one rating, and the n2 of them
 * with at least two:
 * <pre>
 *   p_a = (1/n2) sum_{i: r_i &gt;= 2} sum_k r_ik (r*_ik - 1) / (r_i (r_i - 1))
 *   pi_k = (1/n) sum_i r_ik / r_i
 *   p_e = T_w / (q (q - 1)) sum_k pi_k (1 - pi_k),   T_w = sum_k sum_l w_kl
 *   AC = (p_a - p_e) / (1 - p_e)
 * </pre>
 * Weights ({@link Weights}): identity for AC1 (then T_w = q); linear w_kl = 1 - |x_k - x_l| / (x_q - x_1);
 * quadratic w_kl = 1 - (x_k - x_l)^2 / (x_q - x_1)^2. Units rated once count in pi_k (chance agreement)
 * but not in p_a, as in irrCAC.
 *
 * <p>Categories are every option of the {@link Scale} when one is given (so q and the weights' range come
 * from the scale, used or not), else the distinct values observed. The scale matters for AC: q enters p_e.
 *
 * <h2>Edge cases</h2>
 * Undefined when fewer than 2 categories exist (irrCAC then substitutes p_e = 1e-15; we refuse instead),
 * when no unit has 2 ratings, or when p_e = 1. Units without ratings are left out.
 *
 * <p>Stateless and thread-safe; results are immutable.
 */
public final class GwetAc {

    /** The weights: unweighted gives AC1, linear and quadratic give AC2. */
    public enum Weights {
        UNWEIGHTED, LINEAR, QUADRATIC
    }

    /**
     * @param coefficient AC1 (unweighted) or AC2
     * @param pa weighted percent agreement p_a
     * @param pe chance agreement p_e
     * @param categories q
     * @param units n, the units with at least one rating (used in p_e)
     * @param unitsWithTwoOrMore n2, the units with at least two ratings (used in p_a)
     */
    public record Result(double coefficient, Weights weights, double pa, double pe, int categories, int units,
            int unitsWithTwoOrMore) {
        public Result {
            if (!Double.isFinite(coefficient) || weights == null || categories < 2 || unitsWithTwoOrMore < 1) {
                throw new IllegalArgumentException("inconsistent Gwet coefficient");
            }
        }
    }

    private GwetAc() {
    }

    /** AC over the distinct observed values. */
    public static Outcome<Result> of(RatingTable table, Weights weights) {
        return compute(RatingCategories.observed(table), weights);
    }

    /**
     * AC over the options of {@code scale}.
     *
     * @throws IllegalArgumentException when a rating is not an option of the scale
     */
    public static Outcome<Result> of(RatingTable table, Scale scale, Weights weights) {
        return compute(RatingCategories.onScale(table, scale), weights);
    }

    private static Outcome<Result> compute(RatingCategories categories, Weights weights) {
        if (weights == null) {
            throw new IllegalArgumentException("weights are required");
        }
        int q = categories.count();
        if (q < 2) {
            return Outcome.undefined("only " + q + " category: chance agreement is certain and AC is 0/0");
        }
        double[] w = weights(categories, weights);
        double weightTotal = 0;
        for (double x : w) {
            weightTotal += x;
        }
        int[] counts = categories.unitCounts();
        int units = categories.units();
        double[] pi = new double[q];
        double[] weighted = new double[q];
        double paSum = 0;
        int rated = 0;
        int rated2 = 0;
        for (int u = 0; u < units; u++) {
            int base = u * q;
            int r = 0;
            for (int c = 0; c < q; c++) {
                r += counts[base + c];
            }
            if (r == 0) {
                continue;
            }
            rated++;
            for (int c = 0; c < q; c++) {
                pi[c] += (double) counts[base + c] / r;
            }
            if (r < 2) {
                continue;
            }
            rated2++;
            double agree = 0;
            for (int k = 0; k < q; k++) {
                int rk = counts[base + k];
                if (rk == 0) {
                    continue;
                }
                double star = 0;
                for (int l = 0; l < q; l++) {
                    star += w[k * q + l] * counts[base + l];
                }
                agree += rk * (star - 1);
            }
            paSum += agree / ((double) r * (r - 1));
        }
        if (rated2 == 0) {
            return Outcome.undefined("no unit has 2 or more ratings, so there is no agreement to observe");
        }
        double spread = 0;
        for (int c = 0; c < q; c++) {
            double p = pi[c] / rated;
            spread += p * (1 - p);
        }
        double pa = paSum / rated2;
        double pe = weightTotal * spread / ((double) q * (q - 1));
        if (pe >= 1) {
            return Outcome.undefined("chance agreement p_e is 1, so AC is undefined");
        }
        return Outcome.defined(new Result((pa - pe) / (1 - pe), weights, pa, pe, q, rated, rated2));
    }

    private static double[] weights(RatingCategories categories, Weights weights) {
        int q = categories.count();
        double range = categories.value(q - 1) - categories.value(0);
        double[] w = new double[q * q];
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                double d = Math.abs(categories.value(k) - categories.value(l));
                w[k * q + l] = switch (weights) {
                    case UNWEIGHTED -> k == l ? 1 : 0;
                    case LINEAR -> 1 - d / range;
                    case QUADRATIC -> 1 - d * d / (range * range);
                };
            }
        }
        return w;
    }
}
