package org.delphipanel.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.delphipanel.framework.FrameworkDefinition;
import org.delphipanel.framework.FrameworkNode;
import org.delphipanel.stats.LeaveOneExpertOut;
import org.delphipanel.stats.MaturityScores;
import org.delphipanel.stats.Outcome;
import org.delphipanel.stats.PanelRatings;
import org.delphipanel.stats.ScoreAggregation;
import org.delphipanel.stats.ScoreBootstrap;
import org.delphipanel.stats.ScoringTree;

/**
 * Turns a ratings snapshot into the stored results: median-aggregated weighted scores, their 95%
 * bootstrap ranges (percentile shown, BCa kept), rank probabilities, leave-one-expert-out deltas and
 * the mean-versus-median ranking. A pure function of (rubric, snapshot, seed, B): that is what makes
 * stored results reproducible.
 */
final class ResultsCalculator {

    static final ScoreAggregation AGGREGATION = ScoreAggregation.median();
    static final String INTERVAL_METHOD = "95% percentile bootstrap over experts (Efron & Tibshirani 1993),"
            + " Hyndman-Fan type 6 quantiles";

    private ResultsCalculator() {
    }

    static StudyResults.Content compute(FrameworkDefinition rubric, RatingsSnapshot snapshot, long seed, int replicates) {
        ScoringTree tree = rubric.toScoringTree();
        PanelRatings panel = snapshot.toPanel(tree);
        ScoreBootstrap.Result bootstrap = ScoreBootstrap.seeded(seed).withReplicates(replicates).run(panel, AGGREGATION);
        String root = tree.root().code();

        List<StudyResults.Node> nodes = new ArrayList<>();
        Map<String, Double> weights = rubric.effectiveWeights();
        for (FrameworkNode node : rubric.nodes()) {
            nodes.add(new StudyResults.Node(node.code(), node.name(), rubric.root().pathTo(node.code()).size() - 1,
                    weights.get(node.code()), node.isLeaf()));
        }

        List<StudyResults.TargetScores> targets = new ArrayList<>();
        for (RatingsSnapshot.TargetRef target : snapshot.targets()) {
            List<StudyResults.NodeScore> scores = new ArrayList<>();
            for (StudyResults.Node node : nodes) {
                scores.add(nodeScore(bootstrap, target.name(), node.code()));
            }
            targets.add(new StudyResults.TargetScores(target.id(), target.name(), snapshot.expertsWhoRated(target.name()),
                    scores));
        }

        List<StudyResults.RankProbability> ranks = bootstrap.rankProbabilities(root).stream()
                .map(r -> new StudyResults.RankProbability(r.target(), r.other(), value(r.probability())))
                .toList();

        LeaveOneExpertOut.Result loo = LeaveOneExpertOut.of(panel, AGGREGATION);
        List<StudyResults.Influence> influence = new ArrayList<>();
        for (String expert : panel.experts()) {
            for (String target : panel.targets()) {
                Outcome<Double> delta = loo.delta(expert, target, root);
                influence.add(new StudyResults.Influence(expert, target, value(delta), reason(delta)));
            }
        }

        MaturityScores.Result median = bootstrap.estimates();
        MaturityScores.Result mean = MaturityScores.of(panel, ScoreAggregation.mean());
        List<StudyResults.RankChange> sensitivity = new ArrayList<>();
        for (String target : panel.targets()) {
            sensitivity.add(new StudyResults.RankChange(target, value(median.overall(target)),
                    rank(median, target), value(mean.overall(target)), rank(mean, target)));
        }
        sensitivity.sort(Comparator.comparingInt(StudyResults.RankChange::medianRank));

        return new StudyResults.Content(AGGREGATION.toString(), bootstrap.settings().level(), INTERVAL_METHOD, nodes,
                targets, ranks, influence, sensitivity);
    }

    private static StudyResults.NodeScore nodeScore(ScoreBootstrap.Result bootstrap, String target, String node) {
        ScoreBootstrap.NodeInterval interval = bootstrap.interval(target, node);
        MaturityScores.NodeScore point = bootstrap.estimates().at(target, node);
        String undefined = reason(point.score());
        if (undefined == null) {
            undefined = reason(interval.percentile());
        }
        return new StudyResults.NodeScore(node, value(point.score()),
                point.band().isDefined() ? point.band().orElseThrow().label() : null,
                interval.percentile().isDefined() ? interval.percentile().orElseThrow().lower() : null,
                interval.percentile().isDefined() ? interval.percentile().orElseThrow().upper() : null,
                interval.bca().isDefined() ? interval.bca().orElseThrow().lower() : null,
                interval.bca().isDefined() ? interval.bca().orElseThrow().upper() : null,
                interval.definedReplicates(), interval.excludedReplicates(), undefined);
    }

    /** Competition ranking on the overall score, 1 = highest; equal scores (within 1e-9) share a rank; undefined last. */
    static int rank(MaturityScores.Result scores, String target) {
        Outcome<Double> own = scores.overall(target);
        if (!own.isDefined()) {
            return scores.targets().size();
        }
        int above = 0;
        for (String other : scores.targets()) {
            Outcome<Double> score = scores.overall(other);
            if (score.isDefined() && score.orElseThrow() > own.orElseThrow() + ScoringTree.BOUNDARY_TOLERANCE) {
                above++;
            }
        }
        return above + 1;
    }

    private static <T> @org.jspecify.annotations.Nullable T value(Outcome<T> outcome) {
        return outcome.isDefined() ? outcome.orElseThrow() : null;
    }

    private static @org.jspecify.annotations.Nullable String reason(Outcome<?> outcome) {
        return outcome instanceof Outcome.Undefined<?> undefined ? undefined.reason() : null;
    }
}
