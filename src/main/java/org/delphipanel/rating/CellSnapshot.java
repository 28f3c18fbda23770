package org.delphipanel.rating;

import java.util.List;
import org.delphipanel.study.TargetId;
import org.jspecify.annotations.Nullable;

/**
 * The panel's response on one cell in one round, exactly as it was stored when the round closed and
 * as it is fed back. Holds no rater ids: rationales are bare texts in an order drawn at random when
 * the snapshot was made.
 *
 * @param ratedInRound the round whose ratings these statistics describe: the snapshot's own round, or
 *     for a cell settled earlier (and not rated again) the round in which it reached consensus
 * @param n the number of ratings
 * @param median the median, or null without ratings (likewise the quartiles and the IQR)
 * @param quantileType the Hyndman-Fan type of the median, quartiles and IQR
 * @param histogram the number of ratings at each grade of the scale, from {@code scaleMin} upwards in
 *     steps of {@code scaleStep}
 * @param consensus whether the study's consensus rule held
 * @param clauses every clause of the rule with what was observed
 * @param rationales the rationales given with the ratings, anonymised, in a fixed random order
 */
public record CellSnapshot(
        long targetId,
        long criterionId,
        int ratedInRound,
        int n,
        @Nullable Double median,
        @Nullable Double q1,
        @Nullable Double q3,
        @Nullable Double iqr,
        int quantileType,
        double scaleMin,
        double scaleMax,
        double scaleStep,
        List<Integer> histogram,
        boolean consensus,
        List<ClauseSnapshot> clauses,
        List<String> rationales) {

    public CellSnapshot {
        histogram = List.copyOf(histogram);
        clauses = List.copyOf(clauses);
        rationales = List.copyOf(rationales);
        if (n < 0 || histogram.stream().mapToInt(Integer::intValue).sum() != n) {
            throw new IllegalArgumentException("the histogram of a cell must count its " + n + " ratings");
        }
        if ((median == null) != (n == 0)) {
            throw new IllegalArgumentException("a cell has a median exactly when it has ratings");
        }
    }

    public CellKey key() {
        return new CellKey(new TargetId(targetId), criterionId);
    }

    /** The grade at histogram position {@code index}. */
    public double gradeAt(int index) {
        return index == histogram.size() - 1 ? scaleMax : scaleMin + index * scaleStep;
    }
}
