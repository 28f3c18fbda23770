package org.delphipanel.scoring;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.Framework;
import org.delphipanel.framework.FrameworkNode;
import org.delphipanel.rating.Rating;
import org.delphipanel.stats.ConsensusRule;
import org.delphipanel.stats.QuantileType;
import org.delphipanel.stats.RatingTable;
import org.delphipanel.stats.ScoringTree;
import org.delphipanel.study.Panelist;
import org.delphipanel.study.PanelistId;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.Target;
import org.delphipanel.study.TargetId;

/**
 * Everything about a study that its statistics need, loaded once per request: the rubric as a scoring
 * tree, targets and criteria in display order, the experts (keyed by pseudonym in every statistic) and
 * the rounds. Cells are keyed {@code <target id>/<criterion code>}.
 */
record StudyData(Study study, Framework framework, ScoringTree tree, List<Criterion> criteria, List<Target> targets,
        List<Panelist> experts, List<Round> rounds) {

    StudyData {
        criteria = List.copyOf(criteria);
        targets = List.copyOf(targets);
        experts = List.copyOf(experts);
        rounds = rounds.stream().sorted(Comparator.comparingInt(Round::number)).toList();
    }

    ConsensusRule consensusRule() {
        return ConsensusRule.parse(study.rules().consensusRule());
    }

    QuantileType quantileType() {
        return QuantileType.of(study.rules().quantileType());
    }

    static String cellKey(TargetId target, String criterionCode) {
        return target.value() + "/" + criterionCode;
    }

    Optional<Criterion> criterion(long criterionId) {
        return criteria.stream().filter(c -> c.id() == criterionId).findFirst();
    }

    Optional<Target> target(TargetId id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    Map<PanelistId, Panelist> expertsById() {
        var map = new LinkedHashMap<PanelistId, Panelist>();
        experts.forEach(e -> map.put(e.id(), e));
        return map;
    }

    /** The name of a node of the rubric, for display. */
    String nodeName(String code) {
        return framework.definition().node(code).map(FrameworkNode::name).orElse(code);
    }

    List<Round> closedRounds() {
        return rounds.stream().filter(Round::isClosed).toList();
    }

    Optional<Round> latestClosedRound() {
        return closedRounds().stream().reduce((a, b) -> b);
    }

    /** The open round, else the latest round. */
    Optional<Round> currentRound() {
        return rounds.stream().filter(Round::isOpen).findFirst().or(() -> rounds.stream().reduce((a, b) -> b));
    }

    /**
     * A round's ratings as units (cells, every cell of the study declared even when unrated) by raters
     * (experts by pseudonym, every expert declared), restricted to the cells {@code keep} accepts.
     */
    RatingTable table(List<Rating> ratings, java.util.function.BiPredicate<TargetId, Criterion> keep) {
        RatingTable.Builder builder = RatingTable.builder();
        for (Target target : targets) {
            for (Criterion criterion : criteria) {
                if (keep.test(target.id(), criterion)) {
                    builder.unit(cellKey(target.id(), criterion.code()));
                }
            }
        }
        experts.forEach(e -> builder.rater(e.pseudonym()));
        Map<PanelistId, Panelist> byId = expertsById();
        for (Rating rating : ratings) {
            Panelist expert = byId.get(rating.panelistId());
            Optional<Criterion> criterion = criterion(rating.criterionId());
            if (expert == null || criterion.isEmpty() || target(rating.targetId()).isEmpty()
                    || !keep.test(rating.targetId(), criterion.get())) {
                continue;
            }
            builder.add(cellKey(rating.targetId(), criterion.get().code()), expert.pseudonym(),
                    rating.grade().doubleValue());
        }
        return builder.build();
    }

    RatingTable table(List<Rating> ratings) {
        return table(ratings, (t, c) -> true);
    }
}
