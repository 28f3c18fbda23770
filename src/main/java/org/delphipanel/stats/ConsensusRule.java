package org.delphipanel.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * When a cell (one target on one criterion in one round) has reached consensus: clauses on its
 * {@link CellStatistics}, combined with "and" / "or". A study stores its rule as text before round 1;
 * {@link #parse} reads it and {@link #spec()} writes the canonical text back, so that
 * {@code parse(rule.spec()).equals(rule)}. Rules are immutable records.
 *
 * <p>Grammar: clauses joined by "and" / "or", "and" binding tighter, parentheses to group; keywords
 * are case-insensitive, blanks optional, numbers plain decimals ({@code 1}, {@code 0.7}, {@code .7}):
 * <pre>
 * clause = "iqr" "&lt;=" T                 IQR &lt;= T (the cell's quantile type)
 *        | "within" "(" D ")" "&gt;=" P     share of ratings within ±D of the median &gt;= P, P in [0, 1]
 *        | "rwg" "&gt;=" R                  rwg (raw, not truncated) &gt;= R, R in [0, 1]
 *        | "ipr" "&lt;=" "ipras"            no RAND/UCLA disagreement ({@link RandUclaDisagreement})
 * </pre>
 * Examples: {@code iqr<=1 and within(1)>=0.7}; {@code rwg>=0.7 or (iqr<=0.5 and ipr<=ipras)}.
 *
 * <p>All comparisons are inclusive and allow 1e-9 for binary rounding. A clause whose statistic is
 * undefined (rwg with fewer than two ratings, anything on an empty cell) fails, and its
 * {@link ClauseResult} says why.
 *
 * <p>The default for the SaferAI 0–5 rubric, {@value #DEFAULT_SPEC}, combines the two most common
 * Delphi consensus criteria, both reviewed in von der Gracht (2012), "Consensus measurement in Delphi
 * studies: review and implications for future quality assurance", Technol Forecast Soc Change 79(8),
 * 1525–1536, doi:10.1016/j.techfore.2012.04.013: a bound on the interquartile range (IQR &lt;= 1 is the
 * usual bound on scales of a few points such as 1–5), and a percent-agreement bound, the definition of
 * consensus found most often by Diamond et al. (2014), "Defining consensus: a systematic review recommends
 * methodologic criteria for reporting of Delphi studies", J Clin Epidemiol 67(4), 401–409,
 * doi:10.1016/j.jclinepi.2013.12.002, here 70% of ratings within one grade of the median.
 */
public sealed interface ConsensusRule
        permits ConsensusRule.IqrAtMost, ConsensusRule.ShareWithin, ConsensusRule.RwgAtLeast,
        ConsensusRule.NoRandUclaDisagreement, ConsensusRule.AllOf, ConsensusRule.AnyOf {

    /** The default rule for the 0–5 rubric. */
    String DEFAULT_SPEC = "iqr<=1 and within(1)>=0.7";

    /** The canonical text of this rule. */
    String spec();

    /** Checks the rule on one cell; every clause is evaluated, so the result explains itself. */
    Evaluation evaluate(CellStatistics cell);

    /** {@link #DEFAULT_SPEC} as a rule. */
    static ConsensusRule saferAiDefault() {
        return parse(DEFAULT_SPEC);
    }

    /**
     * Reads a rule text.
     *
     * @throws RuleSyntaxException naming the bad token and its position
     */
    static ConsensusRule parse(String spec) {
        return RuleText.parse("consensus rule", spec, ConsensusRule::readClause, AllOf::new, AnyOf::new,
                "iqr<=T, within(D)>=P, rwg>=R or ipr<=ipras");
    }

    static ConsensusRule allOf(ConsensusRule... rules) {
        return rules.length == 1 ? rules[0] : new AllOf(List.of(rules));
    }

    static ConsensusRule anyOf(ConsensusRule... rules) {
        return rules.length == 1 ? rules[0] : new AnyOf(List.of(rules));
    }

    private static ConsensusRule readClause(RuleText<ConsensusRule> text) {
        RuleText.Token name = text.take();
        switch (RuleText.word(name)) {
            case "iqr" -> {
                text.expect(RuleText.Kind.LE, "'<=' after 'iqr'");
                return new IqrAtMost(text.number("the IQR threshold"));
            }
            case "within" -> {
                text.expect(RuleText.Kind.LPAREN, "'(' after 'within'");
                double distance = text.number("the distance from the median");
                text.expect(RuleText.Kind.RPAREN, "')' after the distance");
                text.expect(RuleText.Kind.GE, "'>=' after 'within(" + RuleText.format(distance) + ")'");
                double share = text.number("the share of ratings", 0, 1);
                return new ShareWithin(distance, share);
            }
            case "rwg" -> {
                text.expect(RuleText.Kind.GE, "'>=' after 'rwg'");
                return new RwgAtLeast(text.number("the rwg threshold", 0, 1));
            }
            case "ipr" -> {
                text.expect(RuleText.Kind.LE, "'<=' after 'ipr'");
                RuleText.Token bound = text.take();
                if (!RuleText.isWord(bound, "ipras")) {
                    throw text.error(bound, "unexpected " + bound.shown() + ", expected 'ipras'");
                }
                return new NoRandUclaDisagreement();
            }
            default -> throw text.unknownClause(name);
        }
    }

    /**
     * A rule checked on one cell.
     *
     * @param consensus whether the rule holds
     * @param clauses every leaf clause, in the order of the rule text
     */
    record Evaluation(boolean consensus, List<ClauseResult> clauses) {
        public Evaluation {
            clauses = List.copyOf(clauses);
        }
    }

    /** IQR &lt;= threshold. */
    record IqrAtMost(double threshold) implements ConsensusRule {
        public IqrAtMost {
            requireNonNegative(threshold, "IQR threshold");
        }

        @Override
        public String spec() {
            return "iqr<=" + RuleText.format(threshold);
        }

        @Override
        public Evaluation evaluate(CellStatistics cell) {
            return leaf(ClauseResult.atMost(spec(), cell.iqr(), threshold));
        }
    }

    /** Share of ratings within ±distance of the median (inclusive) &gt;= minimumShare. */
    record ShareWithin(double distance, double minimumShare) implements ConsensusRule {
        public ShareWithin {
            requireNonNegative(distance, "distance from the median");
            if (!(minimumShare >= 0 && minimumShare <= 1)) {
                throw new IllegalArgumentException("share must lie in [0, 1], was " + minimumShare);
            }
        }

        @Override
        public String spec() {
            return "within(" + RuleText.format(distance) + ")>=" + RuleText.format(minimumShare);
        }

        @Override
        public Evaluation evaluate(CellStatistics cell) {
            return leaf(ClauseResult.atLeast(spec(), cell.shareWithin(distance), minimumShare));
        }
    }

    /** Raw (untruncated) rwg &gt;= minimum; needs a scale and two ratings. */
    record RwgAtLeast(double minimum) implements ConsensusRule {
        public RwgAtLeast {
            if (!(minimum >= 0 && minimum <= 1)) {
                throw new IllegalArgumentException("rwg threshold must lie in [0, 1], was " + minimum);
            }
        }

        @Override
        public String spec() {
            return "rwg>=" + RuleText.format(minimum);
        }

        @Override
        public Evaluation evaluate(CellStatistics cell) {
            return leaf(ClauseResult.atLeast(spec(), cell.rwg(), minimum));
        }
    }

    /** IPR &lt;= IPRAS, i.e. no RAND/UCLA disagreement; observed = IPR, bound = IPRAS. */
    record NoRandUclaDisagreement() implements ConsensusRule {
        @Override
        public String spec() {
            return "ipr<=ipras";
        }

        @Override
        public Evaluation evaluate(CellStatistics cell) {
            Outcome<RandUclaDisagreement> rand = RandUclaDisagreement.of(cell);
            ClauseResult result = new ClauseResult(spec(), rand.map(RandUclaDisagreement::ipr),
                    rand.map(RandUclaDisagreement::ipras),
                    rand.isDefined() && !rand.orElseThrow().disagreement());
            return leaf(result);
        }
    }

    /** Every part holds. Nested all-of parts are flattened, so equal rules print and compare equal. */
    record AllOf(List<ConsensusRule> parts) implements ConsensusRule {
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
        public Evaluation evaluate(CellStatistics cell) {
            boolean all = true;
            List<ClauseResult> clauses = new ArrayList<>();
            for (ConsensusRule part : parts) {
                Evaluation evaluation = part.evaluate(cell);
                all &= evaluation.consensus();
                clauses.addAll(evaluation.clauses());
            }
            return new Evaluation(all, clauses);
        }
    }

    /** At least one part holds. Nested any-of parts are flattened. */
    record AnyOf(List<ConsensusRule> parts) implements ConsensusRule {
        public AnyOf {
            parts = RuleText.flatten(parts, AnyOf.class, AnyOf::parts, "any-of");
        }

        @Override
        public String spec() {
            // "and" binds tighter than "or", so all-of parts need no parentheses here.
            return parts.stream().map(ConsensusRule::spec).collect(Collectors.joining(" or "));
        }

        @Override
        public Evaluation evaluate(CellStatistics cell) {
            boolean any = false;
            List<ClauseResult> clauses = new ArrayList<>();
            for (ConsensusRule part : parts) {
                Evaluation evaluation = part.evaluate(cell);
                any |= evaluation.consensus();
                clauses.addAll(evaluation.clauses());
            }
            return new Evaluation(any, clauses);
        }
    }

    private static Evaluation leaf(ClauseResult result) {
        return new Evaluation(result.passed(), List.of(result));
    }

    private static void requireNonNegative(double value, String what) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a non-negative number, was " + value);
        }
    }
}
