package org.delphipanel.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.ScaleDefinition;
import org.delphipanel.rating.Rating;
import org.delphipanel.stats.CellStatistics;
import org.delphipanel.stats.ConsensusRule;
import org.delphipanel.stats.Outcome;
import org.delphipanel.stats.RandUclaDisagreement;
import org.delphipanel.study.Panelist;
import org.delphipanel.study.PanelistId;
import org.delphipanel.study.Round;
import org.delphipanel.study.RoundId;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.Target;
import org.delphipanel.study.TargetId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A round seen by its facilitators: who has rated how much, and where the panel disagrees. Live
 * while the round is open, which is why experts are refused both (they would lose their blindness).
 */
@Service
@Transactional(readOnly = true)
public class ReviewService {

    /** A rating more than this far from the median is never called an outlier, however small the IQR. */
    static final double OUTLIER_MIN_DISTANCE = 1.0;
    /** Tukey's fences: beyond Q1 - 1.5 IQR or Q3 + 1.5 IQR. */
    static final double TUKEY_FACTOR = 1.5;
    /** Two clusters at least this far apart (in grades) make a cell bimodal. */
    static final double BIMODAL_GAP = 1.5;
    private static final double TOLERANCE = 1e-9;

    private final ScoringAccess access;

    ReviewService(ScoringAccess access) {
        this.access = access;
    }

    /** The open round, else the latest round; empty before round 1. */
    public java.util.Optional<Round> currentRound(StudyId studyId) {
        access.facilitator(studyId, "review the rounds of this study");
        return access.load(studyId).currentRound();
    }

    /** Progress of a round per expert (named), per target and per criterion; facilitators only. */
    public RoundProgress progress(StudyId studyId, RoundId roundId) {
        Viewer viewer = access.facilitator(studyId, "see the progress of a round");
        StudyData data = access.load(studyId);
        Round round = requireRoundOf(data, roundId);
        List<Rating> ratings = access.ratings(viewer, roundId);
        Map<PanelistId, Instant> submissions = access.submissions(viewer, roundId);
        int cells = data.targets().size() * data.criteria().size();
        int experts = data.experts().size();
        Map<TargetId, Integer> perTarget = new LinkedHashMap<>();
        Map<Long, Integer> perCriterion = new LinkedHashMap<>();
        for (Rating rating : ratings) {
            perTarget.merge(rating.targetId(), 1, Integer::sum);
            perCriterion.merge(rating.criterionId(), 1, Integer::sum);
        }
        // per expert: the cells asked of them (settled cells are not) and those done, as they see it
        Map<PanelistId, Integer> done = new LinkedHashMap<>();
        Map<PanelistId, Integer> asked = access.cellsAsked(viewer, roundId, done);
        List<RoundProgress.ExpertProgress> expertRows = new ArrayList<>();
        for (Panelist expert : data.experts()) {
            expertRows.add(new RoundProgress.ExpertProgress(expert.pseudonym(), access.expertLabel(viewer, expert),
                    access.expertEmail(expert), done.getOrDefault(expert.id(), 0), asked.getOrDefault(expert.id(), cells),
                    submissions.get(expert.id())));
        }
        List<RoundProgress.Count> targetRows = data.targets().stream()
                .map(t -> new RoundProgress.Count(t.name(), perTarget.getOrDefault(t.id(), 0),
                        experts * data.criteria().size()))
                .toList();
        List<RoundProgress.Count> criterionRows = data.criteria().stream()
                .map(c -> new RoundProgress.Count(c.name(), perCriterion.getOrDefault(c.id(), 0),
                        experts * data.targets().size()))
                .toList();
        return new RoundProgress(studyId.value(), data.study().name(), round.number(), round.state(),
                round.closesAt(), cells, expertRows, targetRows, criterionRows);
    }

    /** Every cell's dispersion and consensus in a round, most contested first on request; facilitators only. */
    public Triage triage(StudyId studyId, RoundId roundId) {
        Viewer viewer = access.facilitator(studyId, "see the disagreement triage");
        StudyData data = access.load(studyId);
        Round round = requireRoundOf(data, roundId);
        List<Rating> ratings = access.ratings(viewer, roundId);
        Map<PanelistId, Panelist> experts = data.expertsById();
        Map<String, List<Rating>> byCell = new LinkedHashMap<>();
        for (Rating rating : ratings) {
            data.criterion(rating.criterionId()).ifPresent(criterion -> byCell
                    .computeIfAbsent(StudyData.cellKey(rating.targetId(), criterion.code()), k -> new ArrayList<>())
                    .add(rating));
        }
        ConsensusRule rule = data.consensusRule();
        List<Triage.Cell> cells = new ArrayList<>();
        for (Target target : data.targets()) {
            for (Criterion criterion : data.criteria()) {
                List<Rating> cellRatings = byCell.getOrDefault(StudyData.cellKey(target.id(), criterion.code()), List.of());
                cells.add(cell(viewer, data, rule, target, criterion, cellRatings, experts));
            }
        }
        return new Triage(studyId.value(), round.number(), round.isOpen(), rule.spec(), data.quantileType(),
                data.targets().stream().map(Target::name).toList(),
                data.criteria().stream().map(Criterion::name).toList(), cells);
    }

    private Triage.Cell cell(Viewer viewer, StudyData data, ConsensusRule rule, Target target, Criterion criterion,
            List<Rating> ratings, Map<PanelistId, Panelist> experts) {
        double[] values = ratings.stream().mapToDouble(r -> r.grade().doubleValue()).toArray();
        CellStatistics stats = CellStatistics.of(values, data.quantileType(), criterion.scale().toScale());
        ConsensusRule.Evaluation evaluation = rule.evaluate(stats);
        List<String> reasons = new ArrayList<>();
        evaluation.clauses().stream().filter(c -> !c.passed()).map(Words::failedClause).forEach(reasons::add);
        bimodality(stats).ifPresent(reasons::add);
        List<String> outsideIqr = new ArrayList<>();
        if (stats.n() > 0) {
            double median = stats.median().orElseThrow();
            double q1 = stats.firstQuartile().orElseThrow();
            double q3 = stats.thirdQuartile().orElseThrow();
            double iqr = q3 - q1;
            for (Rating rating : ratings) {
                double grade = rating.grade().doubleValue();
                Panelist expert = experts.get(rating.panelistId());
                String who = expert == null ? "an expert no longer on the panel" : access.expertLabel(viewer, expert);
                if (grade < q1 - TOLERANCE || grade > q3 + TOLERANCE) {
                    outsideIqr.add(who + ": " + Words.number(grade));
                }
                boolean beyondFences = grade < q1 - TUKEY_FACTOR * iqr - TOLERANCE || grade > q3 + TUKEY_FACTOR * iqr + TOLERANCE;
                double distance = Math.abs(grade - median);
                if (beyondFences && distance > OUTLIER_MIN_DISTANCE + TOLERANCE) {
                    reasons.add("an outlier: " + who + " rated " + Words.number(grade) + ", " + Words.number(distance)
                            + (grade < median ? " below" : " above") + " the median " + Words.number(median));
                }
            }
        }
        boolean ruleHasIpr = evaluation.clauses().stream().anyMatch(c -> c.clause().startsWith("ipr"));
        if (!ruleHasIpr && RandUclaDisagreement.of(stats) instanceof Outcome.Defined<RandUclaDisagreement> rand
                && rand.value().disagreement()) {
            reasons.add("RAND/UCLA disagreement: the inter-percentile range " + Words.number(rand.value().ipr())
                    + " exceeds IPRAS " + Words.number(rand.value().ipras()));
        }
        if (stats.n() == 0) {
            reasons.add("no ratings yet");
        } else if (reasons.isEmpty()) {
            String spread = stats.iqr().isDefined() && stats.shareWithinOne().isDefined()
                    ? ", with IQR " + Words.number(stats.iqr().orElseThrow()) + " and "
                            + Words.percent(stats.shareWithinOne().orElseThrow()) + " of ratings within ±1 of the median"
                    : "";
            reasons.add((evaluation.consensus() ? "consensus under " : "no consensus under ") + rule.spec() + spread);
        }
        return new Triage.Cell(target.id(), target.name(), criterion.id(), criterion.code(), criterion.name(),
                Arrays.stream(stats.sortedValues()).boxed().toList(), stats.median(), stats.firstQuartile(),
                stats.thirdQuartile(), stats.iqr(), stats.rwg(), stats.shareWithinOne(), evaluation.consensus(),
                evaluation.clauses(), reasons, outsideIqr, rationales(criterion.scale(), ratings));
    }

    /**
     * A cell is called bimodal when its sorted ratings split at one gap of at least
     * {@value #BIMODAL_GAP} grades into two groups of at least two ratings and a quarter of the panel
     * each: two camps, rather than one spread-out crowd or a lone outlier.
     */
    static java.util.Optional<String> bimodality(CellStatistics stats) {
        double[] sorted = stats.sortedValues();
        int n = sorted.length;
        int minimum = Math.max(2, (int) Math.ceil(n / 4.0));
        int bestSplit = -1;
        double bestGap = 0;
        for (int i = 1; i < n; i++) {
            double gap = sorted[i] - sorted[i - 1];
            if (gap > bestGap) {
                bestGap = gap;
                bestSplit = i;
            }
        }
        if (bestSplit < 0 || bestGap < BIMODAL_GAP - TOLERANCE || bestSplit < minimum || n - bestSplit < minimum) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("bimodal ratings: " + bestSplit + " at or below " + Words.number(sorted[bestSplit - 1])
                + " and " + (n - bestSplit) + " at or above " + Words.number(sorted[bestSplit]) + ", none in between");
    }

    private static List<Triage.RationaleGroup> rationales(ScaleDefinition scale, List<Rating> ratings) {
        List<Integer> levels = scale.wholeGrades();
        int lowest = levels.isEmpty() ? 0 : levels.getFirst();
        int highest = levels.isEmpty() ? 0 : levels.getLast();
        Map<Integer, List<String>> byLevel = new TreeMap<>();
        ratings.stream()
                .sorted(java.util.Comparator.comparing(Rating::grade))
                .filter(r -> r.rationale() != null && !r.rationale().isBlank())
                .forEach(r -> {
                    int level = (int) Math.floor(r.grade().doubleValue() + TOLERANCE);
                    level = Math.max(lowest, Math.min(highest, level));
                    byLevel.computeIfAbsent(level, k -> new ArrayList<>())
                            .add(Words.number(r.grade().doubleValue()) + ": " + r.rationale().strip());
                });
        List<Triage.RationaleGroup> groups = new ArrayList<>();
        byLevel.forEach((level, texts) -> groups.add(new Triage.RationaleGroup(level,
                "Level " + level + scale.descriptor(level).map(d -> " — " + shorten(d)).orElse(""), texts)));
        return groups;
    }

    private static String shorten(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 77) + "…";
    }

    static Round requireRoundOf(StudyData data, RoundId roundId) {
        return data.rounds().stream().filter(r -> r.id().equals(roundId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("round " + roundId + " is not a round of study "
                        + data.study().name()));
    }
}
