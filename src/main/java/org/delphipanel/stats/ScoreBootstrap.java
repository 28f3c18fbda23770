package org.delphipanel.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.apache.commons.math3.special.Erf;

/**
 * Confidence ranges for {@link MaturityScores} by bootstrapping the experts, with percentile and BCa
 * intervals, the probability that one target outscores another, and the resampled scores themselves.
 *
 * <p><b>Scheme.</b> The resampling unit is the expert, because the experts are the random sample (the
 * targets and criteria are fixed). Replicate b draws E experts with replacement from the E experts of the
 * panel; an expert drawn k times contributes each of their ratings k times. Every cell's aggregate is
 * recomputed from the drawn experts' ratings, then rolled up the tree, for every target at once (so
 * replicates are paired across targets, which is what the rank probabilities need). Efron and Tibshirani
 * (1993), "An Introduction to the Bootstrap", Chapman &amp; Hall, doi:10.1201/9780429246593.
 *
 * <p><b>Random numbers.</b> {@code new SplittableRandom(seed)} is split B times, in replicate order, in
 * the calling thread; replicate b uses the b-th split stream ({@code nextInt(E)}, E times). Each
 * replicate therefore depends only on the seed and its index: the results are identical whatever the
 * parallelism, and the first B replicates of a longer run are those of a run with B replicates.
 * {@link #drawnExperts(int, int)} reproduces one replicate's draws for an audit.
 *
 * <p><b>Undefined replicates.</b> When no drawn expert rated some criterion under a node (possible only
 * when few experts rated it), that replicate has no score for the node and its ancestors; it is excluded
 * from that node's intervals and counted in {@link NodeInterval#excludedReplicates()}. The intervals are
 * then conditional on every criterion being rated, so a large count is a warning in itself.
 *
 * <p><b>Percentile interval</b> at level 1 - 2 alpha: the alpha and 1 - alpha sample quantiles of the
 * defined replicates, by default Hyndman-Fan type 6 (position (B + 1) p, the rule of Davison and
 * Hinkley (1997), "Bootstrap Methods and their Application", doi:10.1017/CBO9780511802843, chapter 5, which takes the (R + 1) alpha-th ordered replicate;
 * numpy's {@code method="weibull"}); {@link #withQuantileType} chooses type 7 instead.
 *
 * <p><b>BCa interval</b> (Efron (1987), "Better bootstrap confidence intervals", JASA 82(397), 171-185,
 * doi:10.1080/01621459.1987.10478410): endpoints are the quantiles at
 * {@code alpha_j = Phi(z0 + (z0 + z_j) / (1 - a (z0 + z_j)))} for {@code z_j = Phi^-1(alpha)} and
 * {@code Phi^-1(1 - alpha)}, with the same quantile type. The bias correction is
 * {@code z0 = Phi^-1((#{theta*_b < theta} + #{theta*_b = theta} / 2) / B_defined)} (ties counted half,
 * which keeps z0 = 0 when the replicates pile up on the estimate, as medians on a 0.1 grid do). The
 * acceleration comes from the jackknife over experts, leaving out one expert at a time:
 * {@code a = sum (m - theta_(i))^3 / (6 (sum (m - theta_(i))^2)^(3/2))}, m the mean of the E
 * leave-one-out scores; it is 0 when they do not vary (within the tie tolerance). An expert who did not
 * rate the target gives theta_(i) = theta, since the jackknife runs over the same units as the bootstrap.
 * BCa is undefined when a leave-one-out score is undefined (an expert was the only one to rate a
 * criterion), when every replicate lies on one side of the estimate (z0 infinite), or when
 * {@code 1 - a (z0 + z_j) <= 0}. When an adjusted probability falls below 1 / (B + 1) the endpoint is
 * the extreme replicate; raise B.
 *
 * <p><b>Ties.</b> Two scores closer than {@link ScoringTree#BOUNDARY_TOLERANCE} (1e-9) are equal, for
 * z0 and for the rank probabilities: the same mean can be reached through sums of tenths that differ in
 * the last bit.
 *
 * <p>Instances are immutable and thread-safe; {@code with...} returns a modified copy.
 */
public final class ScoreBootstrap {

    public static final int DEFAULT_REPLICATES = 10_000;
    public static final double DEFAULT_LEVEL = 0.95;
    public static final QuantileType DEFAULT_QUANTILE_TYPE = QuantileType.TYPE_6;

    /** Replicates per parallel task: large enough to amortise scheduling, small enough to balance. */
    private static final int BLOCK = 256;
    private static final double TIE = ScoringTree.BOUNDARY_TOLERANCE;

    private final long seed;
    private final int replicates;
    private final double level;
    private final QuantileType quantileType;
    private final int parallelism;

    private ScoreBootstrap(long seed, int replicates, double level, QuantileType quantileType, int parallelism) {
        if (replicates < 1) {
            throw new IllegalArgumentException("the bootstrap needs at least one replicate, was " + replicates);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1), was " + level);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.seed = seed;
        this.replicates = replicates;
        this.level = level;
        this.quantileType = quantileType;
        this.parallelism = parallelism;
    }

    /**
     * A bootstrap with the given seed, {@value #DEFAULT_REPLICATES} replicates, level 0.95, type-6
     * quantiles and one thread per available processor.
     */
    public static ScoreBootstrap seeded(long seed) {
        return new ScoreBootstrap(seed, DEFAULT_REPLICATES, DEFAULT_LEVEL, DEFAULT_QUANTILE_TYPE,
                Runtime.getRuntime().availableProcessors());
    }

    public ScoreBootstrap withReplicates(int count) {
        return new ScoreBootstrap(seed, count, level, quantileType, parallelism);
    }

    public ScoreBootstrap withLevel(double confidenceLevel) {
        return new ScoreBootstrap(seed, replicates, confidenceLevel, quantileType, parallelism);
    }

    public ScoreBootstrap withQuantileType(QuantileType type) {
        return new ScoreBootstrap(seed, replicates, level, type, parallelism);
    }

    /** Threads used for the replicates (1 = the calling thread only); the results do not depend on it. */
    public ScoreBootstrap withParallelism(int threads) {
        return new ScoreBootstrap(seed, replicates, level, quantileType, threads);
    }

    public long seed() {
        return seed;
    }

    public int replicates() {
        return replicates;
    }

    public double level() {
        return level;
    }

    public QuantileType quantileType() {
        return quantileType;
    }

    public int parallelism() {
        return parallelism;
    }

    /**
     * The 0-based indices of the experts drawn in replicate {@code replicate} for a panel of
     * {@code expertCount} experts, in drawing order: what {@link #run} uses, for audits and re-analysis.
     */
    public int[] drawnExperts(int replicate, int expertCount) {
        if (replicate < 0 || replicate >= replicates) {
            throw new IndexOutOfBoundsException("replicate " + replicate + " of " + replicates);
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom stream = root.split();
        for (int b = 0; b < replicate; b++) {
            stream = root.split();
        }
        int[] drawn = new int[expertCount];
        for (int i = 0; i < expertCount; i++) {
            drawn[i] = stream.nextInt(expertCount);
        }
        return drawn;
    }

    /** Bootstraps the scores of {@code panel} aggregated by {@code aggregation}. */
    public Result run(PanelRatings panel, ScoreAggregation aggregation) {
        int experts = panel.expertCount();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[replicates];
        for (int b = 0; b < replicates; b++) {
            streams[b] = root.split();
        }
        return run(panel, aggregation, (b, counts) -> {
            SplittableRandom stream = streams[b];
            for (int i = 0; i < experts; i++) {
                counts[stream.nextInt(experts)]++;
            }
        });
    }

    /**
     * Bootstraps with externally given draws, {@code draws[b]} the expert indices of replicate b (E of
     * them). For the cross-check against an independent implementation that consumes the same draws.
     */
    Result run(PanelRatings panel, ScoreAggregation aggregation, int[][] draws) {
        if (draws.length != replicates) {
            throw new IllegalArgumentException(draws.length + " draws for " + replicates + " replicates");
        }
        return run(panel, aggregation, (b, counts) -> {
            if (draws[b].length != panel.expertCount()) {
                throw new IllegalArgumentException("replicate " + b + " draws " + draws[b].length
                        + " experts, the panel has " + panel.expertCount());
            }
            for (int e : draws[b]) {
                counts[e]++;
            }
        });
    }

    /** Adds replicate b's multiplicities to a zeroed array; called once per replicate, from any thread. */
    @FunctionalInterface
    private interface Draws {
        void countInto(int replicate, int[] counts);
    }

    private Result run(PanelRatings panel, ScoreAggregation aggregation, Draws draws) {
        ScoreEngine engine = new ScoreEngine(panel, aggregation);
        int series = panel.targetCount() * engine.nodes();
        double[][] replicateScores = new double[series][replicates];
        MaturityScores.Result estimates = MaturityScores.of(panel, aggregation);
        double[][] jackknife = jackknife(engine, panel);
        NodeInterval[] intervals = new NodeInterval[series];
        List<Callable<Void>> replicateTasks = new ArrayList<>();
        if (panel.expertCount() == 0) {
            for (double[] s : replicateScores) {
                Arrays.fill(s, Double.NaN);
            }
        } else {
            for (int from = 0; from < replicates; from += BLOCK) {
                int start = from;
                int end = Math.min(replicates, from + BLOCK);
                replicateTasks.add(() -> {
                    runBlock(engine, draws, start, end, replicateScores);
                    return null;
                });
            }
        }
        List<Callable<Void>> intervalTasks = new ArrayList<>(series);
        for (int s = 0; s < series; s++) {
            int at = s;
            intervalTasks.add(() -> {
                intervals[at] = interval(panel, estimates.scores().get(at), replicateScores[at], jackknife[at]);
                return null;
            });
        }
        // the intervals need every replicate: two phases, each spread over the threads
        if (parallelism == 1) {
            replicateTasks.forEach(ScoreBootstrap::call);
            intervalTasks.forEach(ScoreBootstrap::call);
        } else {
            try (ForkJoinPool pool = new ForkJoinPool(parallelism)) {
                invokeAll(pool, replicateTasks);
                invokeAll(pool, intervalTasks);
            }
        }
        return new Result(this, panel, estimates, replicateScores, List.of(intervals));
    }

    private static void runBlock(ScoreEngine engine, Draws draws, int from, int to, double[][] out) {
        // per-task scratch: no allocation per replicate and no copy of the panel
        int[] counts = new int[engine.experts()];
        double[] criterionScratch = engine.criterionScratch();
        double[] scores = new double[out.length];
        for (int b = from; b < to; b++) {
            Arrays.fill(counts, 0);
            draws.countInto(b, counts);
            engine.score(counts, criterionScratch, scores);
            for (int s = 0; s < scores.length; s++) {
                out[s][b] = scores[s];
            }
        }
    }

    private static void invokeAll(ForkJoinPool pool, List<Callable<Void>> tasks) {
        try {
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bootstrap interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bootstrap failed", e.getCause());
        }
    }

    private static void call(Callable<Void> task) {
        try {
            task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** jackknife[series][i]: the score without expert i (NaN where undefined). */
    private static double[][] jackknife(ScoreEngine engine, PanelRatings panel) {
        int experts = panel.expertCount();
        int series = panel.targetCount() * engine.nodes();
        double[][] out = new double[series][experts];
        int[] counts = new int[experts];
        Arrays.fill(counts, 1);
        double[] scratch = engine.criterionScratch();
        double[] scores = new double[series];
        for (int i = 0; i < experts; i++) {
            counts[i] = 0;
            engine.score(counts, scratch, scores);
            counts[i] = 1;
            for (int s = 0; s < series; s++) {
                out[s][i] = scores[s];
            }
        }
        return out;
    }

    /** The standard normal distribution function, Phi(x) = erfc(-x / sqrt 2) / 2. */
    static double phi(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    /** Its inverse, Phi^-1(p) = sqrt 2 erf^-1(2p - 1), for 0 &lt; p &lt; 1. */
    static double phiInverse(double p) {
        return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }

    /**
     * An interval.
     *
     * @param lower its lower endpoint
     * @param upper its upper endpoint
     */
    public record Interval(double lower, double upper) {
    }

    /**
     * A BCa interval with the quantities that produced it.
     *
     * @param z0 the bias correction
     * @param acceleration the jackknife acceleration a
     * @param lowerProbability the adjusted probability whose quantile is the lower endpoint
     * @param upperProbability likewise for the upper endpoint
     */
    public record BcaInterval(double lower, double upper, double z0, double acceleration, double lowerProbability,
            double upperProbability) {
    }

    /**
     * The confidence ranges of one target's score at one node.
     *
     * @param estimate the full panel's score
     * @param definedReplicates replicates with a score for this node
     * @param excludedReplicates replicates without one (a criterion under the node drew no rating)
     * @param percentile the percentile interval
     * @param bca the BCa interval
     */
    public record NodeInterval(String target, String node, Outcome<Double> estimate, int definedReplicates,
            int excludedReplicates, Outcome<Interval> percentile, Outcome<BcaInterval> bca) {
    }

    /**
     * The bootstrap probability that {@code target} scores above {@code other} at {@code node}:
     * {@code (#{s*_target > s*_other} + #{ties} / 2) / n} over the n replicates in which both are defined.
     * P(A above B) + P(B above A) = 1 exactly.
     */
    public record RankProbability(String node, String target, String other, Outcome<Double> probability,
            int replicates) {
    }

    private NodeInterval interval(PanelRatings panel, MaturityScores.NodeScore point, double[] all,
            double[] jackknife) {
        double[] defined = definedOnly(all);
        int excluded = all.length - defined.length;
        if (point.score() instanceof Outcome.Undefined<Double> u) {
            String why = "the score is undefined: " + u.reason();
            return new NodeInterval(point.target(), point.node(), point.score(), defined.length, excluded,
                    Outcome.undefined(why), Outcome.undefined(why));
        }
        if (defined.length == 0) {
            String why = "no replicate has a score (every draw missed a criterion's raters)";
            return new NodeInterval(point.target(), point.node(), point.score(), 0, excluded,
                    Outcome.undefined(why), Outcome.undefined(why));
        }
        Arrays.sort(defined);
        double alpha = (1 - level) / 2;
        QuantileType type = quantileType;
        Interval percentile = new Interval(Quantiles.ofSorted(defined, alpha, type),
                Quantiles.ofSorted(defined, 1 - alpha, type));
        Outcome<BcaInterval> bca = bca(panel, point, defined, jackknife, alpha, type);
        return new NodeInterval(point.target(), point.node(), point.score(), defined.length, excluded,
                Outcome.defined(percentile), bca);
    }

    private static Outcome<BcaInterval> bca(PanelRatings panel, MaturityScores.NodeScore point,
            double[] sorted, double[] jackknife, double alpha, QuantileType type) {
        double theta = point.score().orElseThrow();
        double below = 0;
        for (double v : sorted) {
            if (v < theta - TIE) {
                below += 1;
            } else if (v <= theta + TIE) {
                below += 0.5;
            }
        }
        double p0 = below / sorted.length;
        if (p0 <= 0 || p0 >= 1) {
            return Outcome.undefined("every replicate lies " + (p0 <= 0 ? "above" : "below")
                    + " the estimate, so the bias correction z0 is infinite");
        }
        double z0 = phiInverse(p0);
        for (int i = 0; i < jackknife.length; i++) {
            if (Double.isNaN(jackknife[i])) {
                return Outcome.undefined("without expert " + panel.experts().get(i)
                        + " a criterion under the node has no ratings, so the jackknife acceleration is undefined");
            }
        }
        double a = acceleration(jackknife);
        double[] probabilities = new double[2];
        double[] zs = {phiInverse(alpha), phiInverse(1 - alpha)};
        for (int j = 0; j < 2; j++) {
            double shifted = z0 + zs[j];
            double denominator = 1 - a * shifted;
            if (denominator <= 0) {
                return Outcome.undefined("the acceleration " + a + " is too large for the BCa formula (1 - a (z0 + z) <= 0)");
            }
            probabilities[j] = phi(z0 + shifted / denominator);
        }
        return Outcome.defined(new BcaInterval(Quantiles.ofSorted(sorted, probabilities[0], type),
                Quantiles.ofSorted(sorted, probabilities[1], type), z0, a, probabilities[0], probabilities[1]));
    }

    private static double[] definedOnly(double[] all) {
        double[] out = new double[all.length];
        int n = 0;
        for (double v : all) {
            if (!Double.isNaN(v)) {
                out[n++] = v;
            }
        }
        return n == all.length ? out : Arrays.copyOf(out, n);
    }

    /** The replicates and everything derived from them. Immutable and thread-safe. */
    public static final class Result {
        private final ScoreBootstrap settings;
        private final MaturityScores.Result estimates;
        private final List<String> targets;
        private final int nodes;
        private final double[][] replicateScores;
        private final List<NodeInterval> intervals;

        private Result(ScoreBootstrap settings, PanelRatings panel, MaturityScores.Result estimates,
                double[][] replicateScores, List<NodeInterval> intervals) {
            this.settings = settings;
            this.estimates = estimates;
            this.targets = panel.targets();
            this.nodes = panel.tree().nodeCount();
            this.replicateScores = replicateScores;
            this.intervals = intervals;
        }

        public ScoreBootstrap settings() {
            return settings;
        }

        /** The full panel's scores, whose ranges these are. */
        public MaturityScores.Result estimates() {
            return estimates;
        }

        /** One per target and node: target by target, nodes in the tree's pre-order. */
        public List<NodeInterval> intervals() {
            return intervals;
        }

        public NodeInterval interval(String target, String node) {
            return intervals.get(series(target, node));
        }

        /** The defined replicate scores of one target at one node, in replicate order (a fresh array). */
        public double[] replicates(String target, String node) {
            return definedOnly(replicateScores[series(target, node)]);
        }

        /** P(target's score &gt; other's score at node), ties counted half; see {@link RankProbability}. */
        public Outcome<Double> probabilityAbove(String target, String other, String node) {
            return rank(node, target, other).probability();
        }

        /** Every ordered pair of distinct targets at {@code node} (the root for the overall score). */
        public List<RankProbability> rankProbabilities(String node) {
            List<RankProbability> out = new ArrayList<>();
            for (String a : targets) {
                for (String b : targets) {
                    if (!a.equals(b)) {
                        out.add(rank(node, a, b));
                    }
                }
            }
            return out;
        }

        private RankProbability rank(String node, String target, String other) {
            if (target.equals(other)) {
                throw new IllegalArgumentException("a target is not ranked against itself: " + target);
            }
            double[] a = replicateScores[series(target, node)];
            double[] b = replicateScores[series(other, node)];
            int both = 0;
            double above = 0;
            for (int r = 0; r < a.length; r++) {
                if (Double.isNaN(a[r]) || Double.isNaN(b[r])) {
                    continue;
                }
                both++;
                double d = a[r] - b[r];
                if (d > TIE) {
                    above += 1;
                } else if (d >= -TIE) {
                    above += 0.5;
                }
            }
            Outcome<Double> p = both == 0
                    ? Outcome.undefined("no replicate in which both " + target + " and " + other
                            + " have a score at " + node)
                    : Outcome.defined(above / both);
            return new RankProbability(node, target, other, p, both);
        }

        private int series(String target, String node) {
            int t = targets.indexOf(target);
            if (t < 0) {
                throw new IllegalArgumentException("no target " + target);
            }
            return t * nodes + estimates.tree().nodeIndex(node);
        }
    }

    /** Efron's (1987) jackknife acceleration; 0 when the leave-one-out scores do not vary. */
    static double acceleration(double[] jackknife) {
        int n = jackknife.length;
        if (n < 2) {
            return 0;
        }
        double mean = 0;
        for (double v : jackknife) {
            mean += v;
        }
        mean /= n;
        double squares = 0;
        double cubes = 0;
        for (double v : jackknife) {
            double d = mean - v;
            squares += d * d;
            cubes += d * d * d;
        }
        if (Math.sqrt(squares / n) <= TIE) {
            return 0;
        }
        return cubes / (6 * Math.pow(squares, 1.5));
    }
}
