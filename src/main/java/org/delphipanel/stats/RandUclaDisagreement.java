package org.delphipanel.stats;

/**
 * Panel disagreement by the interpercentile range adjusted for symmetry (IPRAS) of the RAND/UCLA
 * Appropriateness Method: Fitch K, Bernstein SJ, Aguilar MD et al. (2001), <em>The RAND/UCLA
 * Appropriateness Method User's Manual</em>, RAND MR-1269-DG-XII/RE, Santa Monica (ISBN 0-8330-2918-5;
 * chapter 7). Immutable and thread-safe.
 *
 * <p>The method is defined on a 1–9 scale, so every rating is first mapped linearly onto it:
 * x' = 1 + 8 (x − min) / (max − min), with min and max the bounds of the study's {@link Scale} (0–5 in
 * steps of 0.1 maps 2.5 to 5, the centre). Then, on the mapped ratings:
 * <ul>
 * <li>P30, P70 = the 0.30- and 0.70-quantiles, by the cell's {@link QuantileType} (type 7 by default;
 *     the manual does not fix a percentile definition). Because the mapping is increasing and linear,
 *     this equals mapping the quantiles of the raw ratings;
 * <li>IPR = P70 − P30, CPIR = (P30 + P70) / 2, asymmetry index AI = |5 − CPIR|;
 * <li>IPRAS = 2.35 + 1.5 · AI (the manual's constants: 2.35 is the IPR that marks disagreement for a
 *     perfectly symmetric distribution, 1.5 the correction factor for asymmetry);
 * <li>disagreement when IPR &gt; IPRAS (strict; with a 1e-9 tolerance against binary rounding).
 * </ul>
 *
 * <p>Undefined without a scale (there is no 1–9 mapping) or without ratings. One rating gives IPR 0, so
 * no disagreement.
 */
public final class RandUclaDisagreement {

    /** The IPR that marks disagreement when the IPR is centred on 5. */
    public static final double SYMMETRIC_IPR = 2.35;
    /** The correction factor for asymmetry. */
    public static final double ASYMMETRY_FACTOR = 1.5;

    private final double p30;
    private final double p70;
    private final QuantileType quantileType;

    private RandUclaDisagreement(double p30, double p70, QuantileType quantileType) {
        this.p30 = p30;
        this.p70 = p70;
        this.quantileType = quantileType;
    }

    /** The IPRAS figures of one cell, on the 1–9 mapping of its scale. */
    public static Outcome<RandUclaDisagreement> of(CellStatistics cell) {
        if (cell.scale().isEmpty()) {
            return Outcome.undefined("the RAND/UCLA IPRAS needs the rating scale to map ratings onto 1-9");
        }
        if (cell.n() == 0) {
            return Outcome.undefined("the cell has no ratings");
        }
        Scale scale = cell.scale().orElseThrow();
        double p30 = toNinePoint(cell.quantile(0.30).orElseThrow(), scale);
        double p70 = toNinePoint(cell.quantile(0.70).orElseThrow(), scale);
        return Outcome.defined(new RandUclaDisagreement(p30, p70, cell.quantileType()));
    }

    /** x' = 1 + 8 (x − min) / (max − min). */
    public static double toNinePoint(double rating, Scale scale) {
        return 1 + 8 * (rating - scale.min()) / (scale.max() - scale.min());
    }

    /** The 30th percentile of the mapped ratings. */
    public double p30() {
        return p30;
    }

    /** The 70th percentile of the mapped ratings. */
    public double p70() {
        return p70;
    }

    public QuantileType quantileType() {
        return quantileType;
    }

    /** IPR = P70 − P30, on 1–9. */
    public double ipr() {
        return p70 - p30;
    }

    /** CPIR, the central point of the IPR: (P30 + P70) / 2. */
    public double centralPoint() {
        return (p30 + p70) / 2;
    }

    /** AI = |5 − CPIR|. */
    public double asymmetryIndex() {
        return Math.abs(5 - centralPoint());
    }

    /** IPRAS = 2.35 + 1.5 · AI. */
    public double ipras() {
        return SYMMETRIC_IPR + ASYMMETRY_FACTOR * asymmetryIndex();
    }

    /** IPR &gt; IPRAS. */
    public boolean disagreement() {
        return ipr() > ipras() + CellStatistics.TOLERANCE;
    }

    @Override
    public String toString() {
        return "RandUclaDisagreement[P30=" + p30 + ", P70=" + p70 + ", IPR=" + ipr() + ", IPRAS=" + ipras()
                + ", disagreement=" + disagreement() + "]";
    }
}
