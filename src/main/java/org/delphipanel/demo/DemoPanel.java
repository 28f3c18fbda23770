package org.delphipanel.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plausible, reproducible demo ratings: each target has a latent maturity per criterion, each expert
 * a personal leniency and noise; in later rounds experts move part of the way toward the previous
 * round's median, as Delphi panels tend to. A few cells are contested: the panel splits into two camps
 * that barely move, so the facilitator's triage has real disagreement to show. All draws come from one
 * seeded generator, so the same seed always gives the same study.
 */
final class DemoPanel {

    /** Fictional organisations; the demo must not suggest ratings of real companies. */
    static final List<String> TARGETS = List.of(
            "Aurora Labs", "Borealis AI", "Cedar Systems", "Delta Intelligence", "Ember Research", "Fjord Models");

    static final int EXPERTS = 8;

    /** Share of cells on which the panel splits into two camps. */
    private static final double CONTESTED_SHARE = 0.15;
    /** How far each camp sits from the cell's latent maturity. */
    private static final double CAMP_OFFSET = 1.3;

    private final double[][] latent;
    private final boolean[][] contested;
    private final double[] leniency;
    private final double[] noise;
    private final SplittableRandom random;

    DemoPanel(int criteria, long seed) {
        this.random = new SplittableRandom(seed);
        latent = new double[TARGETS.size()][criteria];
        contested = new boolean[TARGETS.size()][criteria];
        for (int t = 0; t < TARGETS.size(); t++) {
            double organisation = 0.6 + 3.2 * random.nextDouble();
            for (int c = 0; c < criteria; c++) {
                // contested cells sit mid-scale so both camps stay on the scale
                contested[t][c] = random.nextDouble() < CONTESTED_SHARE;
                latent[t][c] = contested[t][c]
                        ? 1.5 + 2.0 * random.nextDouble()
                        : clamp(organisation + (random.nextDouble() - 0.5) * 1.6);
            }
        }
        leniency = new double[EXPERTS];
        noise = new double[EXPERTS];
        for (int e = 0; e < EXPERTS; e++) {
            leniency[e] = (random.nextDouble() - 0.5) * 0.8;
            noise[e] = 0.3 + 0.6 * random.nextDouble();
        }
    }

    /** A first-round rating: latent maturity, the expert's leniency, and their noise. */
    BigDecimal firstRound(int target, int criterion, int expert) {
        double camp = contested[target][criterion] ? (expert % 2 == 0 ? CAMP_OFFSET : -CAMP_OFFSET) : 0;
        return grade(latent[target][criterion] + camp + leniency[expert] + gaussian() * noise[expert]);
    }

    /**
     * A revised rating: part of the way from the expert's previous rating toward the panel's previous
     * median (hardly at all on a contested cell), plus a little fresh noise.
     */
    BigDecimal revision(int target, int criterion, BigDecimal previous, double previousMedian, int expert) {
        double pull = contested[target][criterion] ? 0.05 + 0.1 * random.nextDouble() : 0.3 + 0.4 * random.nextDouble();
        double moved = previous.doubleValue() + pull * (previousMedian - previous.doubleValue());
        return grade(moved + gaussian() * noise[expert] * 0.3);
    }

    /** Whether an expert has already rated a cell in the open round (about two thirds have). */
    boolean ratedYet(int expert) {
        return random.nextDouble() < (expert < 5 ? 0.9 : 0.35);
    }

    int confidenceIndex() {
        return random.nextInt(3);
    }

    private double gaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 21
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static BigDecimal grade(double value) {
        return BigDecimal.valueOf(clamp(value)).setScale(1, RoundingMode.HALF_UP);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(5, value));
    }
}
