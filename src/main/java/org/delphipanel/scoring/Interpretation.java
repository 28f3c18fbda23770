package org.delphipanel.scoring;

/**
 * The published benchmarks used to put an agreement coefficient in words, with their sources (see
 * docs/statistics.md and docs/results.md). A band is a reading aid, not a verdict.
 */
final class Interpretation {

    static final String KRIPPENDORFF = "Krippendorff (2004), Content Analysis, 2nd ed., p. 241";
    static final String KOO_LI = "Koo & Li (2016), J Chiropr Med 15(2), 155–163, doi:10.1016/j.jcm.2016.02.012";
    static final String SCHMIDT = "Schmidt (1997), Decision Sciences 28(3), 763–774, doi:10.1111/j.1540-5915.1997.tb01330.x";
    static final String LANDIS_KOCH = "Landis & Koch (1977), Biometrics 33(1), 159–174, doi:10.2307/2529310, as used by"
            + " Gwet (2014), Handbook of Inter-Rater Reliability";

    private Interpretation() {
    }

    static String alpha(double value) {
        if (value >= 0.800) {
            return "reliable (α ≥ 0.800)";
        }
        if (value >= 0.667) {
            return "tentative conclusions only (0.667 ≤ α < 0.800)";
        }
        return "do not rely on it (α < 0.667)";
    }

    static String icc(double value) {
        if (value < 0.5) {
            return "poor (< 0.50)";
        }
        if (value < 0.75) {
            return "moderate (0.50–0.75)";
        }
        if (value <= 0.9) {
            return "good (0.75–0.90)";
        }
        return "excellent (> 0.90)";
    }

    /** Schmidt gives anchor values 0.1, 0.3, 0.5, 0.7, 0.9; a W takes the nearest one's words. */
    static String kendall(double value) {
        if (value < 0.2) {
            return "very weak agreement (near 0.1)";
        }
        if (value < 0.4) {
            return "weak agreement (near 0.3)";
        }
        if (value < 0.6) {
            return "moderate agreement (near 0.5)";
        }
        if (value < 0.8) {
            return "strong agreement (near 0.7)";
        }
        return "unusually strong agreement (near 0.9)";
    }

    static String landisKoch(double value) {
        if (value < 0) {
            return "poor (< 0)";
        }
        if (value <= 0.20) {
            return "slight (0–0.20)";
        }
        if (value <= 0.40) {
            return "fair (0.21–0.40)";
        }
        if (value <= 0.60) {
            return "moderate (0.41–0.60)";
        }
        if (value <= 0.80) {
            return "substantial (0.61–0.80)";
        }
        return "almost perfect (0.81–1)";
    }
}
