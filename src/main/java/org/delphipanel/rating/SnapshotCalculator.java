package org.delphipanel.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.delphipanel.framework.Criterion;
import org.delphipanel.stats.CellStatistics;
import org.delphipanel.stats.ClauseResult;
import org.delphipanel.stats.ConsensusRule;
import org.delphipanel.stats.Outcome;
import org.delphipanel.stats.QuantileType;
import org.delphipanel.stats.Scale;
import org.delphipanel.study.StudyRules;
import org.delphipanel.study.TargetId;
import org.jspecify.annotations.Nullable;

/** Computes a round's snapshot from its ratings with the statistics core; pure, no database. */
final class SnapshotCalculator {

    private SnapshotCalculator() {
    }

    /**
     * @param ratings every rating of the round
     * @param previous the snapshot of the round before, if any: settled cells are carried from it
     * @param shuffleSeed the seed of the rationales' random order
     */
    static RoundSnapshot compute(long roundId, int roundNumber, Instant computedAt, StudyRules rules,
            List<TargetId> targets, List<Criterion> criteria, Collection<Rating> ratings,
            Optional<RoundSnapshot> previous, long shuffleSeed) {
        ConsensusRule consensusRule = ConsensusRule.parse(rules.consensusRule());
        QuantileType quantileType = QuantileType.of(rules.quantileType());
        Map<CellKey, List<Rating>> byCell = ratings.stream()
                .collect(Collectors.groupingBy(r -> new CellKey(r.targetId(), r.criterionId())));
        Random random = new Random(shuffleSeed);
        List<CellSnapshot> cells = new ArrayList<>();
        for (TargetId target : targets) {
            for (Criterion criterion : criteria) {
                CellKey key = new CellKey(target, criterion.id());
                Optional<CellSnapshot> settled = CellRules.settledBy(rules, previous, key);
                if (settled.isPresent() && !byCell.containsKey(key)) {
                    cells.add(settled.get());
                } else {
                    cells.add(cell(key, roundNumber, byCell.getOrDefault(key, List.of()), criterion.scale().toScale(),
                            quantileType, consensusRule, random));
                }
            }
        }
        return new RoundSnapshot(roundId, roundNumber, computedAt, consensusRule.spec(), quantileType.number(),
                shuffleSeed, cells);
    }

    private static CellSnapshot cell(CellKey key, int roundNumber, List<Rating> ratings, Scale scale,
            QuantileType quantileType, ConsensusRule rule, Random random) {
        double[] grades = ratings.stream().map(Rating::grade).mapToDouble(BigDecimal::doubleValue).toArray();
        CellStatistics statistics = CellStatistics.of(grades, quantileType, scale);
        ConsensusRule.Evaluation evaluation = rule.evaluate(statistics);
        List<ClauseSnapshot> clauses = evaluation.clauses().stream().map(SnapshotCalculator::clause).toList();
        // sorted first so that the shuffled order depends only on the texts and the seed, not on
        // database order, which follows who rated first
        List<String> rationales = ratings.stream()
                .map(Rating::rationale)
                .filter(text -> text != null && !text.isBlank())
                .map(String::strip)
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.toCollection(ArrayList::new));
        java.util.Collections.shuffle(rationales, random);
        return new CellSnapshot(key.targetId().value(), key.criterionId(), roundNumber, statistics.n(),
                value(statistics.median()), value(statistics.firstQuartile()), value(statistics.thirdQuartile()),
                value(statistics.iqr()), quantileType.number(), scale.min(), scale.max(), scale.step(),
                statistics.histogram().orElseThrow().counts(), evaluation.consensus(), clauses, rationales);
    }

    private static ClauseSnapshot clause(ClauseResult result) {
        String reason = reason(result.observed());
        if (reason == null) {
            reason = reason(result.bound());
        }
        return new ClauseSnapshot(result.clause(), value(result.observed()), value(result.bound()), result.passed(),
                reason);
    }

    private static @Nullable Double value(Outcome<Double> outcome) {
        return outcome.isDefined() ? outcome.orElseThrow() : null;
    }

    private static @Nullable String reason(Outcome<Double> outcome) {
        return outcome instanceof Outcome.Undefined<Double> undefined ? undefined.reason() : null;
    }
}
