package org.delphipanel.scoring;

import java.util.Comparator;
import java.util.List;
import org.delphipanel.stats.ClauseResult;
import org.delphipanel.stats.Outcome;
import org.delphipanel.stats.QuantileType;
import org.delphipanel.study.TargetId;

/**
 * Where a round's panel disagrees: every cell's dispersion and consensus, and the cells ranked from
 * the most contested.
 *
 * @param live true while the round is open (statistics change as ratings arrive)
 * @param consensusRule the study's rule text
 * @param cells every cell, target by target, criteria in rubric order
 */
public record Triage(
        long studyId,
        int roundNumber,
        boolean live,
        String consensusRule,
        QuantileType quantileType,
        List<String> targets,
        List<String> criteria,
        List<Cell> cells) {

    /**
     * Most contested first: cells without consensus before those with it, then by IQR (largest first;
     * undefined last), then by the share within ±1 (smallest first).
     */
    public static final Comparator<Cell> MOST_CONTESTED_FIRST = Comparator.comparing(Cell::consensus)
            .thenComparing(cell -> -orMinus(cell.iqr()))
            .thenComparing(cell -> orOne(cell.shareWithinOne()));

    public Triage {
        targets = List.copyOf(targets);
        criteria = List.copyOf(criteria);
        cells = List.copyOf(cells);
    }

    public List<Cell> mostContestedFirst() {
        return cells.stream().sorted(MOST_CONTESTED_FIRST).toList();
    }

    public long cellsWithConsensus() {
        return cells.stream().filter(Cell::consensus).count();
    }

    public Cell cell(String target, String criterion) {
        return cells.stream().filter(c -> c.target().equals(target) && c.criterion().equals(criterion)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cell " + target + " x " + criterion));
    }

    private static double orMinus(Outcome<Double> value) {
        return value.isDefined() ? value.orElseThrow() : -1;
    }

    private static double orOne(Outcome<Double> value) {
        return value.isDefined() ? value.orElseThrow() : 1;
    }

    /**
     * One target on one criterion in the round.
     *
     * @param grades the ratings, ascending
     * @param clauses each clause of the consensus rule with its observed figure
     * @param reasons why the cell is contested (or why it has consensus), in words
     * @param outsideIqr the experts whose rating lies below Q1 or above Q3, with their rating
     * @param rationales the rationales, anonymised, grouped by whole rating level
     */
    public record Cell(
            TargetId targetId,
            String target,
            long criterionId,
            String criterionCode,
            String criterion,
            List<Double> grades,
            Outcome<Double> median,
            Outcome<Double> firstQuartile,
            Outcome<Double> thirdQuartile,
            Outcome<Double> iqr,
            Outcome<Double> rwg,
            Outcome<Double> shareWithinOne,
            boolean consensus,
            List<ClauseResult> clauses,
            List<String> reasons,
            List<String> outsideIqr,
            List<RationaleGroup> rationales) {

        public Cell {
            grades = List.copyOf(grades);
            clauses = List.copyOf(clauses);
            reasons = List.copyOf(reasons);
            outsideIqr = List.copyOf(outsideIqr);
            rationales = List.copyOf(rationales);
        }

        public int n() {
            return grades.size();
        }
    }

    /** The rationales given with ratings at one whole level of the scale (e.g. 2.0 to 2.9). */
    public record RationaleGroup(int level, String label, List<String> rationales) {
        public RationaleGroup {
            rationales = List.copyOf(rationales);
        }
    }
}
