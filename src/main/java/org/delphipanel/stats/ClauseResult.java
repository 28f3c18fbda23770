package org.delphipanel.stats;

/**
 * One clause of a {@link ConsensusRule} or {@link StoppingRule} checked against data: what was observed,
 * against what bound, and whether it passed, so that a screen can say why a cell has (no) consensus or
 * why the panel should stop. A clause whose observed value or bound is undefined never passes; the
 * undefined {@link Outcome} carries the reason.
 *
 * @param clause the clause's canonical text, e.g. {@code within(1)>=0.7}
 * @param observed the value seen in the data (IQR, share, rwg, IPR, consensus share, fraction changed,
 *        rounds completed)
 * @param bound the value it was compared with: the rule's threshold, or for {@code ipr<=ipras} the
 *        cell's own IPRAS
 * @param passed whether the comparison held
 */
public record ClauseResult(String clause, Outcome<Double> observed, Outcome<Double> bound, boolean passed) {

    public ClauseResult {
        if (clause == null || clause.isBlank()) {
            throw new IllegalArgumentException("a clause result needs the clause text");
        }
        if (passed && (!observed.isDefined() || !bound.isDefined())) {
            throw new IllegalArgumentException("clause " + clause + " cannot pass on an undefined value");
        }
    }

    /** The result of comparing a possibly undefined observation with a fixed threshold. */
    static ClauseResult atMost(String clause, Outcome<Double> observed, double threshold) {
        boolean passed = observed.isDefined() && observed.orElseThrow() <= threshold + CellStatistics.TOLERANCE;
        return new ClauseResult(clause, observed, Outcome.defined(threshold), passed);
    }

    static ClauseResult atLeast(String clause, Outcome<Double> observed, double threshold) {
        boolean passed = observed.isDefined() && observed.orElseThrow() >= threshold - CellStatistics.TOLERANCE;
        return new ClauseResult(clause, observed, Outcome.defined(threshold), passed);
    }
}
