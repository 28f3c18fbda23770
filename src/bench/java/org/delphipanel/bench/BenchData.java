package org.delphipanel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.delphipanel.stats.CellStatistics;
import org.delphipanel.stats.PanelRatings;
import org.delphipanel.stats.QuantileType;
import org.delphipanel.stats.RatingTable;
import org.delphipanel.stats.Scale;
import org.delphipanel.stats.ScoringTree;

/**
 * Synthetic but plausible rating data, the same for every run (fixed seeds): each unit has a true
 * level, each rater a small bias, each rating noise, and everything is rounded to the 0.1 grid of the
 * 0 to 5 scale. Delphi rounds pull each expert halfway towards the previous round's median.
 */
final class BenchData {

    static final Scale SCALE = Scale.saferAi();

    /** The SaferAI 2024 rubric's tree (Annex A weights and bands), built directly. */
    static final ScoringTree SAFERAI_TREE = ScoringTree.builder()
            .root("overall")
            .criterion("risk-identification", "overall", 1.0 / 3, SCALE)
            .node("risk-tolerance-analysis", "overall", 1.0 / 3)
            .criterion("global-risk-tolerance", "risk-tolerance-analysis", 0.25, SCALE)
            .criterion("operational-risk-tolerance", "risk-tolerance-analysis", 0.5, SCALE)
            .criterion("evaluation-protocols", "risk-tolerance-analysis", 0.25, SCALE)
            .node("risk-mitigation", "overall", 1.0 / 3)
            .criterion("deployment-measures", "risk-mitigation", 1.0 / 3, SCALE)
            .criterion("containment-measures", "risk-mitigation", 1.0 / 3, SCALE)
            .criterion("assurance-properties", "risk-mitigation", 1.0 / 3, SCALE)
            .bands(ScoringTree.saferAiBands())
            .build();

    private BenchData() {
    }

    /** units x raters on 0-5 step 0.1, each rating missing with probability {@code missing}. */
    static RatingTable table(int units, int raters, double missing, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] bias = new double[raters];
        for (int r = 0; r < raters; r++) {
            bias[r] = random.nextGaussian(0, 0.3);
        }
        RatingTable.Builder builder = RatingTable.builder();
        for (int u = 0; u < units; u++) {
            double level = random.nextDouble(0.5, 4.5);
            String unit = "u" + u;
            builder.unit(unit);
            for (int r = 0; r < raters; r++) {
                if (random.nextDouble() < missing) {
                    continue;
                }
                builder.add(unit, "r" + r, grid(level + bias[r] + random.nextGaussian(0, 0.7)));
            }
        }
        return builder.build();
    }

    /**
     * A complete Delphi study on the SaferAI tree: {@code rounds} rounds of {@code experts} experts rating
     * {@code targets} targets on every criterion. Each round is returned both as a table (units
     * "target/criterion") and as a panel for the scores.
     */
    static Study study(int experts, int targets, int rounds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> criteria = SAFERAI_TREE.criteria().stream().map(ScoringTree.Node::code).toList();
        int cells = targets * criteria.size();
        double[] level = new double[cells];
        for (int c = 0; c < cells; c++) {
            level[c] = random.nextDouble(0.5, 4.5);
        }
        double[] bias = new double[experts];
        for (int e = 0; e < experts; e++) {
            bias[e] = random.nextGaussian(0, 0.3);
        }
        double[][] grades = new double[cells][experts];
        List<RatingTable> tables = new ArrayList<>();
        List<PanelRatings> panels = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int c = 0; c < cells; c++) {
                double median = round == 0 ? 0 : CellStatistics.of(grades[c], QuantileType.TYPE_7).median().orElseThrow();
                for (int e = 0; e < experts; e++) {
                    grades[c][e] = round == 0
                            ? grid(level[c] + bias[e] + random.nextGaussian(0, 0.8))
                            : grid(grades[c][e] + 0.5 * (median - grades[c][e]) + random.nextGaussian(0, 0.15));
                }
            }
            RatingTable.Builder table = RatingTable.builder();
            PanelRatings.Builder panel = PanelRatings.builder(SAFERAI_TREE);
            for (int t = 0; t < targets; t++) {
                for (int k = 0; k < criteria.size(); k++) {
                    int c = t * criteria.size() + k;
                    for (int e = 0; e < experts; e++) {
                        table.add("t" + t + "/" + criteria.get(k), "e" + e, grades[c][e]);
                        panel.add("t" + t, criteria.get(k), "e" + e, grades[c][e]);
                    }
                }
            }
            tables.add(table.build());
            panels.add(panel.build());
        }
        return new Study(List.copyOf(tables), List.copyOf(panels));
    }

    /** Clamped to 0-5 and rounded to the nearest tenth, exactly on the scale's grid. */
    static double grid(double value) {
        double clamped = Math.max(0, Math.min(5, value));
        return SCALE.option((int) Math.round(clamped * 10));
    }

    record Study(List<RatingTable> rounds, List<PanelRatings> panels) {
    }
}
