package org.delphipanel.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plausible, reproducible demo ratings: each target has a latent maturity per criterion, each expert
 * a personal leniency and noise; in later rounds experts move part of the way toward the previous
 * round's median, as Delphi panels tend to. All draws come from one seeded generator, so the same
 * seed always gives the same study.
 */
final class DemoPanel {

    /** Fictional organisations; the demo must not suggest ratings of real companies. */
    static final List<String> TARGETS = List.of(
            "Aurora Labs", "Borealis AI", "Cedar Systems", "Delta Intelligence", "Ember Research", "Fjord Models");

    static final int EXPERTS = 8;

    private final double[][] latent;
    private final double[] leniency;
    private final double[] noise;
    private final SplittableRandom random;

    DemoPanel(int criteria, long seed) {
        this.random = new SplittableRandom(seed);
        latent = new double[TARGETS.size()][criteria];
        for (int t = 0; t < TARGETS.size(); t++) {
            double organisation = 0.6 + 3.2 * random.nextDouble();
            for (int c = 0; c < criteria; c++) {
                latent[t][c] = clamp(organisation + (random.nextDouble() - 0.5) * 1.6);
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
        return grade(latent[target][criterion] + leniency[expert] + gaussian() * noise[expert]);
    }

    /**
     * A revised rating: part of the way from the expert's previous rating toward the panel's previous
     * median, plus a little fresh noise.
     */
    BigDecimal revision(BigDecimal previous, double previousMedian, int expert) {
        double pull = 0.3 + 0.4 * random.nextDouble();
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
