package org.delphipanel.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When to stop a Delphi study: clauses on the panel's progress after a round, combined with "and" /
 * "or", stored as text with the study like a {@link ConsensusRule} and read by {@link #parse}
 * ({@code parse(rule.spec()).equals(rule)}). Immutable records.
 *
 * <p>Grammar: as for {@link ConsensusRule} (and, or, parentheses, plain decimal numbers), with clauses:
 * <pre>
 * clause = "consensus" "&gt;=" X     share of cells with consensus in the last round &gt;= X, X in [0, 1]
 *        | "stable" "(" Y ")"      pooled fraction of (expert, cell) pairs that changed by more than
 *                                  the convergence threshold between the last two rounds &lt;= Y, Y in [0, 1]
 *        | "max_rounds"            rounds completed &gt;= the study's maximum number of rounds
 * </pre>
 * Example: {@code consensus>=0.8 or stable(0.15) or max_rounds}: stop on agreement, on stability, or at
 * the cap. Stability as a stopping criterion besides agreement: Dajani, Sincoff &amp; Talley (1979),
 * "Stability and agreement criteria for the termination of Delphi studies", Technol Forecast Soc Change
 * 13(1), 83–90, doi:10.1016/0040-1625(79)90007-6; both are reviewed in von der Gracht (2012),
 * doi:10.1016/j.techfore.2012.04.013.
 *
 * <p>Comparisons are inclusive with a 1e-9 tolerance. A clause whose figure is undefined (stability
 * after the first round, consensus share with no cells) does not trigger. The result names the clauses
 * that triggered the stop and gives every clause's observed figure.
 */
public sealed interface StoppingRule
        permits StoppingRule.ConsensusAtLeast, StoppingRule.Stable, StoppingRule.MaxRounds,
        StoppingRule.AllOf, StoppingRule.AnyOf {

    /** A sensible default: 80% of cells at consensus, or at most 15% of ratings moving, or the cap. */
    String DEFAULT_SPEC = "consensus>=0.8 or stable(0.15) or max_rounds";

    String spec();

    Recommendation evaluate(Progress progress);

    /**
     * Reads a rule text.
     *
     * @throws RuleSyntaxException naming the bad token and its position
     */
    static StoppingRule parse(String spec) {
        return RuleText.parse("stopping rule", spec, StoppingRule::readClause, AllOf::new, AnyOf::new,
                "consensus>=X, stable(Y) or max_rounds");
    }

    private static StoppingRule readClause(RuleText<StoppingRule> text) {
        RuleText.Token name = text.take();
        switch (RuleText.word(name)) {
            case "consensus" -> {
                text.expect(RuleText.Kind.GE, "'>=' after 'consensus'");
                return new ConsensusAtLeast(text.number("the share of cells", 0, 1));
            }
            case "stable" -> {
                text.expect(RuleText.Kind.LPAREN, "'(' after 'stable'");
                double fraction = text.number("the fraction of changed ratings", 0, 1);
                text.expect(RuleText.Kind.RPAREN, "')' after the fraction");
                return new Stable(fraction);
            }
            case "max_rounds" -> {
                return new MaxRounds();
            }
            default -> throw text.unknownClause(name);
        }
    }

    /**
     * Where the study stands after its latest round.
     *
     * @param roundsCompleted rounds closed so far (&gt;= 1)
     * @param maxRounds the study's cap on rounds (&gt;= 1)
     * @param cells cells rated in the latest round
     * @param cellsWithConsensus of those, cells whose consensus rule held
     * @param lastChange the change between the last two rounds; empty after the first round
     */
    record Progress(int roundsCompleted, int maxRounds, int cells, int cellsWithConsensus,
            Optional<RoundConvergence> lastChange) {
        public Progress {
            if (roundsCompleted < 1 || maxRounds < 1) {
                throw new IllegalArgumentException("rounds completed and max rounds must be at least 1, were "
                        + roundsCompleted + " and " + maxRounds);
            }
            if (cells < 0 || cellsWithConsensus < 0 || cellsWithConsensus > cells) {
                throw new IllegalArgumentException(
                        "need 0 <= cells with consensus <= cells, got " + cellsWithConsensus + " of " + cells);
            }
        }

        /** Progress from the consensus evaluations of the latest round's cells. */
        public static Progress of(int roundsCompleted, int maxRounds, List<ConsensusRule.Evaluation> latestRound,
                Optional<RoundConvergence> lastChange) {
            int agreed = 0;
            for (ConsensusRule.Evaluation evaluation : latestRound) {
                if (evaluation.consensus()) {
                    agreed++;
                }
            }
            return new Progress(roundsCompleted, maxRounds, latestRound.size(), agreed, lastChange);
        }

        /** cellsWithConsensus / cells; undefined without cells. */
        public Outcome<Double> consensusShare() {
            return cells == 0 ? Outcome.undefined("no cells were rated")
                    : Outcome.defined((double) cellsWithConsensus / cells);
        }

        /** The pooled fraction of pairs that changed; undefined after the first round or without pairs. */
        public Outcome<Double> fractionChanged() {
            return lastChange.map(change -> change.pooled().fractionChanged())
                    .orElseGet(() -> Outcome.undefined("stability needs two rounds, only one has been completed"));
        }
    }

    /**
     * The advice after a round.
     *
     * @param stop true to stop, false to run another round
     * @param triggered the clauses that made the rule hold, when stopping: those of the parts of an "or"
     *        that held, not a passing clause inside an "and" that failed (empty when continuing)
     * @param clauses every leaf clause with its observed figure, in the order of the rule text
     */
    record Recommendation(boolean stop, List<ClauseResult> triggered, List<ClauseResult> clauses) {
        public Recommendation {
            triggered = List.copyOf(triggered);
            clauses = List.copyOf(clauses);
            if (!stop && !triggered.isEmpty()) {
                throw new IllegalArgumentException("a recommendation to continue has no triggering clause");
            }
        }

        static Recommendation leaf(ClauseResult result) {
            return new Recommendation(result.passed(), result.passed() ? List.of(result) : List.of(), List.of(result));
        }
    }

    /** Share of cells with consensus &gt;= minimumShare. */
    record ConsensusAtLeast(double minimumShare) implements StoppingRule {
        public ConsensusAtLeast {
            requireFraction(minimumShare, "share of cells");
        }

        @Override
        public String spec() {
            return "consensus>=" + RuleText.format(minimumShare);
        }

        @Override
        public Recommendation evaluate(Progress progress) {
            ClauseResult result = ClauseResult.atLeast(spec(), progress.consensusShare(), minimumShare);
            return Recommendation.leaf(result);
        }
    }

    /** Pooled fraction of changed pairs between the last two rounds &lt;= maximumFraction. */
    record Stable(double maximumFraction) implements StoppingRule {
        public Stable {
            requireFraction(maximumFraction, "fraction of changed ratings");
        }

        @Override
        public String spec() {
            return "stable(" + RuleText.format(maximumFraction) + ")";
        }

        @Override
        public Recommendation evaluate(Progress progress) {
            ClauseResult result = ClauseResult.atMost(spec(), progress.fractionChanged(), maximumFraction);
            return Recommendation.leaf(result);
        }
    }

    /** Rounds completed &gt;= the study's maximum; observed = rounds completed, bound = the maximum. */
    record MaxRounds() implements StoppingRule {
        @Override
        public String spec() {
            return "max_rounds";
        }

        @Override
        public Recommendation evaluate(Progress progress) {
            ClauseResult result = ClauseResult.atLeast(spec(), Outcome.defined((double) progress.roundsCompleted()),
                    progress.maxRounds());
            return Recommendation.leaf(result);
        }
    }

    /** Every part holds. Nested all-of parts are flattened. */
    record AllOf(List<StoppingRule> parts) implements StoppingRule {
        public AllOf {
            parts = RuleText.flatten(parts, AllOf.class, AllOf::parts, "all-of");
        }

        @Override
        public String spec() {
            return parts.stream()
                    .map(part -> part instanceof AnyOf ? "(" + part.spec() + ")" : part.spec())
                    .collect(Collectors.joining(" and "));
        }

        @Override
        public Recommendation evaluate(Progress progress) {
            boolean all = true;
            List<ClauseResult> triggered = new ArrayList<>();
            List<ClauseResult> clauses = new ArrayList<>();
            for (StoppingRule part : parts) {
                Recommendation recommendation = part.evaluate(progress);
                all &= recommendation.stop();
                triggered.addAll(recommendation.triggered());
                clauses.addAll(recommendation.clauses());
            }
            return new Recommendation(all, all ? triggered : List.of(), clauses);
        }
    }

    /** At least one part holds. Nested any-of parts are flattened. */
    record AnyOf(List<StoppingRule> parts) implements StoppingRule {
        public AnyOf {
            parts = RuleText.flatten(parts, AnyOf.class, AnyOf::parts, "any-of");
        }

        @Override
        public String spec() {
            return parts.stream().map(StoppingRule::spec).collect(Collectors.joining(" or "));
        }

        @Override
        public Recommendation evaluate(Progress progress) {
            boolean any = false;
            List<ClauseResult> triggered = new ArrayList<>();
            List<ClauseResult> clauses = new ArrayList<>();
            for (StoppingRule part : parts) {
                Recommendation recommendation = part.evaluate(progress);
                // Only parts that held as a whole trigger: a passing clause inside a failed all-of does not.
                if (recommendation.stop()) {
                    any = true;
                    triggered.addAll(recommendation.triggered());
                }
                clauses.addAll(recommendation.clauses());
            }
            return new Recommendation(any, triggered, clauses);
        }
    }

    private static void requireFraction(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must lie in [0, 1], was " + value);
        }
    }
}
