package org.delphipanel.scoring;

import java.util.List;
import org.delphipanel.stats.ClauseResult;
import org.delphipanel.stats.Outcome;
import org.delphipanel.stats.QuantileType;
import org.delphipanel.stats.WilcoxonSignedRank;
import org.jspecify.annotations.Nullable;

/**
 * How the panel moved over the study's closed rounds, per panel and per cell, and what the study's
 * stopping rule advises after the latest closed round.
 *
 * @param changeThreshold a rating "changed" when it moved by strictly more than this many grades
 * @param stopping null before any round has closed
 */
public record Convergence(
        long studyId,
        String consensusRule,
        String stoppingRule,
        int maxRounds,
        double changeThreshold,
        QuantileType quantileType,
        List<RoundSummary> rounds,
        List<CellTrajectory> cells,
        @Nullable StoppingAdvice stopping) {

    public Convergence {
        rounds = List.copyOf(rounds);
        cells = List.copyOf(cells);
    }

    /**
     * The panel in one closed round.
     *
     * @param alphaOrdinal Krippendorff's alpha (ordinal) over all cells
     * @param kendallW Kendall's W (tie-corrected) over all cells; undefined with missing ratings
     * @param change the change from the previous round, null for the first
     */
    public record RoundSummary(int number, int ratings, int cells, int cellsWithConsensus, Outcome<Double> alphaOrdinal,
            Outcome<Double> kendallW, @Nullable Change change) {

        public double consensusShare() {
            return cells == 0 ? 0 : (double) cellsWithConsensus / cells;
        }
    }

    /**
     * The change between two consecutive rounds, pooled over every (expert, cell) pair.
     *
     * @param wilcoxon the signed-rank test on all pooled differences (descriptive: the pairs are not independent)
     */
    public record Change(int pairs, int changed, Outcome<Double> fractionChanged, Outcome<WilcoxonSignedRank> wilcoxon) {
    }

    /**
     * One cell over the rounds: one entry per closed round in {@code medians} and {@code iqrs}, one per
     * transition between consecutive rounds in the other lists.
     */
    public record CellTrajectory(String target, String criterion, List<Outcome<Double>> medians,
            List<Outcome<Double>> iqrs, List<Outcome<Double>> fractionChanged,
            List<Outcome<WilcoxonSignedRank>> wilcoxon, boolean consensusInLatest) {

        public CellTrajectory {
            medians = List.copyOf(medians);
            iqrs = List.copyOf(iqrs);
            fractionChanged = List.copyOf(fractionChanged);
            wilcoxon = List.copyOf(wilcoxon);
        }
    }

    /**
     * The stopping rule's advice.
     *
     * @param afterRound the round it was evaluated after
     * @param triggered the clauses that made it stop (empty when continuing)
     * @param clauses every clause with its observed figure
     * @param summary the advice in one sentence
     */
    public record StoppingAdvice(String rule, int afterRound, boolean stop, List<ClauseResult> triggered,
            List<ClauseResult> clauses, String summary) {
        public StoppingAdvice {
            triggered = List.copyOf(triggered);
            clauses = List.copyOf(clauses);
        }
    }
}
