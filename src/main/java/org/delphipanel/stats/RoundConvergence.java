package org.delphipanel.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much the panel moved between two consecutive rounds, per cell and pooled over all cells: the
 * stability half of a Delphi stopping decision (a panel that no longer changes its ratings gains little
 * from another round; Dajani, Sincoff &amp; Talley (1979), "Stability and agreement criteria for the
 * termination of Delphi studies", Technol Forecast Soc Change 13(1), 83–90,
 * doi:10.1016/0040-1625(79)90007-6). Immutable and thread-safe.
 *
 * <p>Both rounds come as {@link RatingTable}s whose units are the cells (target x criterion) and whose
 * raters are the experts. They must hold the same set of unit ids (in any order). In each cell an expert
 * is a pair when they rated it in both rounds (matched by rater id); experts who rated it in only one
 * round are left out of the pairs.
 *
 * <p>Per cell, with d = later − earlier for each pair (rounded to 9 decimals, as in
 * {@link WilcoxonSignedRank}):
 * <ul>
 * <li>changed = #{|d| &gt; threshold}, <em>strictly</em> greater (default threshold 0.5: a move of
 *     exactly half a grade is not a change), with 1e-9 tolerance so 3.1 − 2.6 counts as 0.5;
 * <li>fraction changed = changed / pairs (undefined without pairs); non-zero = #{d ≠ 0};
 * <li>median and IQR change = the later round's minus the earlier round's, each over <em>all</em> the
 *     cell's ratings in that round (what the panel saw in its feedback), by the chosen quantile type;
 * <li>the {@link WilcoxonSignedRank} test on the pairs (V and the three p-values).
 * </ul>
 * Pooled: the same counts over every pair of every cell, and one Wilcoxon test over all pooled
 * differences (cells are not independent, so read that p-value as descriptive).
 */
public final class RoundConvergence {

    /** The default change threshold: half a grade. */
    public static final double DEFAULT_CHANGE_THRESHOLD = 0.5;

    private final double changeThreshold;
    private final QuantileType quantileType;
    private final List<CellChange> cells;
    private final Pooled pooled;

    private RoundConvergence(double changeThreshold, QuantileType quantileType, List<CellChange> cells,
            Pooled pooled) {
        this.changeThreshold = changeThreshold;
        this.quantileType = quantileType;
        this.cells = List.copyOf(cells);
        this.pooled = pooled;
    }

    /** Change with the default threshold (0.5) and quantile type 7. */
    public static RoundConvergence between(RatingTable earlier, RatingTable later) {
        return between(earlier, later, DEFAULT_CHANGE_THRESHOLD, QuantileType.TYPE_7);
    }

    /**
     * Change from {@code earlier} to {@code later}.
     *
     * @param changeThreshold a pair changed when |later − earlier| is strictly above this (&gt;= 0)
     * @throws IllegalArgumentException when the two tables do not hold the same units
     */
    public static RoundConvergence between(RatingTable earlier, RatingTable later, double changeThreshold,
            QuantileType quantileType) {
        if (!(changeThreshold >= 0) || !Double.isFinite(changeThreshold)) {
            throw new IllegalArgumentException("change threshold must be a non-negative number, was "
                    + changeThreshold);
        }
        requireSameUnits(earlier, later);
        Map<String, Integer> laterRaters = new HashMap<>();
        for (int r = 0; r < later.raterCount(); r++) {
            laterRaters.put(later.raters().get(r), r);
        }
        List<CellChange> cells = new ArrayList<>();
        List<Double> allDifferences = new ArrayList<>();
        int pooledChanged = 0;
        int pooledNonZero = 0;
        for (int u = 0; u < earlier.unitCount(); u++) {
            String unit = earlier.units().get(u);
            int lu = later.unitIndex(unit);
            List<Double> differences = new ArrayList<>();
            for (int r = 0; r < earlier.raterCount(); r++) {
                Integer lr = laterRaters.get(earlier.raters().get(r));
                if (lr != null && earlier.has(u, r) && later.has(lu, lr)) {
                    differences.add(later.value(lu, lr) - earlier.value(u, r));
                }
            }
            double[] d = toArray(differences);
            int changed = countChanged(d, changeThreshold);
            int nonZero = countNonZero(d);
            CellStatistics before = CellStatistics.of(earlier.unitValues(u), quantileType);
            CellStatistics after = CellStatistics.of(later.unitValues(lu), quantileType);
            cells.add(new CellChange(unit, d.length, changed, fraction(changed, d.length), nonZero,
                    difference(after.median(), before.median()), difference(after.iqr(), before.iqr()),
                    WilcoxonSignedRank.ofDifferences(d)));
            allDifferences.addAll(differences);
            pooledChanged += changed;
            pooledNonZero += nonZero;
        }
        double[] all = toArray(allDifferences);
        Pooled pooled = new Pooled(all.length, pooledChanged, fraction(pooledChanged, all.length), pooledNonZero,
                WilcoxonSignedRank.ofDifferences(all));
        return new RoundConvergence(changeThreshold, quantileType, cells, pooled);
    }

    private static void requireSameUnits(RatingTable earlier, RatingTable later) {
        Set<String> onlyEarlier = new LinkedHashSet<>(earlier.units());
        onlyEarlier.removeAll(later.units());
        Set<String> onlyLater = new LinkedHashSet<>(later.units());
        onlyLater.removeAll(earlier.units());
        if (!onlyEarlier.isEmpty() || !onlyLater.isEmpty()) {
            throw new IllegalArgumentException("the two rounds must rate the same cells; only in the earlier round: "
                    + onlyEarlier + ", only in the later round: " + onlyLater);
        }
    }

    private static double[] toArray(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static int countChanged(double[] differences, double threshold) {
        int changed = 0;
        for (double d : differences) {
            if (Math.abs(Math.rint(d * 1e9) / 1e9) > threshold + CellStatistics.TOLERANCE) {
                changed++;
            }
        }
        return changed;
    }

    private static int countNonZero(double[] differences) {
        int nonZero = 0;
        for (double d : differences) {
            if (Math.rint(d * 1e9) != 0) {
                nonZero++;
            }
        }
        return nonZero;
    }

    private static Outcome<Double> fraction(int count, int of) {
        return of == 0 ? Outcome.undefined("no expert rated the cell in both rounds")
                : Outcome.defined((double) count / of);
    }

    private static Outcome<Double> difference(Outcome<Double> later, Outcome<Double> earlier) {
        if (!earlier.isDefined()) {
            return Outcome.undefined("earlier round: " + ((Outcome.Undefined<Double>) earlier).reason());
        }
        if (!later.isDefined()) {
            return Outcome.undefined("later round: " + ((Outcome.Undefined<Double>) later).reason());
        }
        return Outcome.defined(later.orElseThrow() - earlier.orElseThrow());
    }

    public double changeThreshold() {
        return changeThreshold;
    }

    public QuantileType quantileType() {
        return quantileType;
    }

    /** One entry per cell, in the earlier table's unit order. */
    public List<CellChange> cells() {
        return cells;
    }

    /** The change of one cell, by unit id. */
    public CellChange cell(String unit) {
        for (CellChange cell : cells) {
            if (cell.unit().equals(unit)) {
                return cell;
            }
        }
        throw new IllegalArgumentException("no cell " + unit);
    }

    public Pooled pooled() {
        return pooled;
    }

    /**
     * The change of one cell between the two rounds.
     *
     * @param unit the cell's unit id
     * @param pairs experts who rated the cell in both rounds
     * @param changed pairs with |later − earlier| strictly above the threshold
     * @param fractionChanged changed / pairs; undefined without pairs
     * @param nonZero pairs with a non-zero difference
     * @param medianChange later median − earlier median (all ratings of each round)
     * @param iqrChange later IQR − earlier IQR (all ratings of each round)
     * @param wilcoxon the signed-rank test on the pairs; undefined without non-zero differences
     */
    public record CellChange(String unit, int pairs, int changed, Outcome<Double> fractionChanged, int nonZero,
            Outcome<Double> medianChange, Outcome<Double> iqrChange, Outcome<WilcoxonSignedRank> wilcoxon) {
        public CellChange {
            if (changed < 0 || nonZero < changed || pairs < nonZero) {
                throw new IllegalArgumentException(
                        "need 0 <= changed <= nonZero <= pairs, got " + changed + ", " + nonZero + ", " + pairs);
            }
        }
    }

    /**
     * The change pooled over every pair of every cell.
     *
     * @param pairs all (expert, cell) pairs
     * @param changed pairs with |later − earlier| strictly above the threshold
     * @param fractionChanged changed / pairs: the stability figure of {@link StoppingRule}
     * @param nonZero pairs with a non-zero difference
     * @param wilcoxon the signed-rank test on all pooled differences
     */
    public record Pooled(int pairs, int changed, Outcome<Double> fractionChanged, int nonZero,
            Outcome<WilcoxonSignedRank> wilcoxon) {
        public Pooled {
            if (changed < 0 || nonZero < changed || pairs < nonZero) {
                throw new IllegalArgumentException(
                        "need 0 <= changed <= nonZero <= pairs, got " + changed + ", " + nonZero + ", " + pairs);
            }
        }
    }
}
