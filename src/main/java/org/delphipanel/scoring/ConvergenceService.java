package org.delphipanel.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.delphipanel.framework.Criterion;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingService;
import org.delphipanel.stats.CellStatistics;
import org.delphipanel.stats.ClauseResult;
import org.delphipanel.stats.ConsensusRule;
import org.delphipanel.stats.KendallW;
import org.delphipanel.stats.KrippendorffAlpha;
import org.delphipanel.stats.Outcome;
import org.delphipanel.stats.RatingTable;
import org.delphipanel.stats.RoundConvergence;
import org.delphipanel.stats.StoppingRule;
import org.delphipanel.stats.WilcoxonSignedRank;
import org.delphipanel.study.Round;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.Target;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Convergence across the study's closed rounds and the stopping advice. An open round is left out:
 * its partial ratings would read as movement that has not happened yet (its live state is on the
 * review page).
 */
@Service
@Transactional(readOnly = true)
public class ConvergenceService {

    private final ScoringAccess access;

    ConvergenceService(ScoringAccess access) {
        this.access = access;
    }

    /** Facilitators and administrators only. */
    public Convergence convergence(StudyId studyId) {
        Viewer viewer = access.facilitator(studyId, "see how the panel converged");
        StudyData data = access.load(studyId);
        List<Round> closed = data.closedRounds();
        List<List<Rating>> ratings = new ArrayList<>();
        for (Round round : closed) {
            ratings.add(access.ratings(viewer, round.id()));
        }
        return compute(data, closed, ratings);
    }

    /**
     * Convergence over closed rounds whose ratings the caller has already read through
     * {@link RatingService#closedRound} (which decides who may), in round order; for exports and the
     * study report, which apply their own rule of which rounds a person may export.
     */
    public Convergence closedRoundsConvergence(StudyId studyId, List<RatingService.ClosedRound> rounds) {
        StudyData data = access.load(studyId);
        List<RatingService.ClosedRound> ordered = rounds.stream()
                .sorted(java.util.Comparator.comparingInt(r -> r.round().number())).toList();
        for (RatingService.ClosedRound round : ordered) {
            if (!round.round().studyId().equals(studyId) || !round.round().isClosed()) {
                throw new IllegalArgumentException("round " + round.round().number() + " is not a closed round of study "
                        + studyId.value());
            }
        }
        return compute(data, ordered.stream().map(RatingService.ClosedRound::round).toList(),
                ordered.stream().map(RatingService.ClosedRound::ratings).toList());
    }

    private Convergence compute(StudyData data, List<Round> closed, List<List<Rating>> ratings) {
        StudyId studyId = data.study().id();
        ConsensusRule rule = data.consensusRule();
        double threshold = RoundConvergence.DEFAULT_CHANGE_THRESHOLD;
        List<RatingTable> tables = new ArrayList<>();
        for (List<Rating> roundRatings : ratings) {
            tables.add(data.table(roundRatings));
        }
        List<RoundConvergence> changes = new ArrayList<>();
        for (int r = 1; r < tables.size(); r++) {
            changes.add(RoundConvergence.between(tables.get(r - 1), tables.get(r), threshold, data.quantileType()));
        }

        List<Convergence.RoundSummary> summaries = new ArrayList<>();
        List<List<ConsensusRule.Evaluation>> evaluations = new ArrayList<>();
        for (int r = 0; r < tables.size(); r++) {
            RatingTable table = tables.get(r);
            List<ConsensusRule.Evaluation> roundEvaluations = new ArrayList<>();
            for (int u = 0; u < table.unitCount(); u++) {
                roundEvaluations.add(rule.evaluate(cellStatistics(data, table, u)));
            }
            evaluations.add(roundEvaluations);
            int agreed = (int) roundEvaluations.stream().filter(ConsensusRule.Evaluation::consensus).count();
            Convergence.Change change = null;
            if (r > 0) {
                RoundConvergence.Pooled pooled = changes.get(r - 1).pooled();
                change = new Convergence.Change(pooled.pairs(), pooled.changed(), pooled.fractionChanged(), pooled.wilcoxon());
            }
            summaries.add(new Convergence.RoundSummary(closed.get(r).number(), table.ratingCount(), table.unitCount(),
                    agreed, KrippendorffAlpha.of(table, KrippendorffAlpha.Level.ORDINAL).map(KrippendorffAlpha.Result::value),
                    KendallW.of(table).map(KendallW.Result::wCorrected), change));
        }

        List<Convergence.CellTrajectory> cells = new ArrayList<>();
        int unit = 0;
        for (Target target : data.targets()) {
            for (Criterion criterion : data.criteria()) {
                String key = StudyData.cellKey(target.id(), criterion.code());
                List<Outcome<Double>> medians = new ArrayList<>();
                List<Outcome<Double>> iqrs = new ArrayList<>();
                for (RatingTable table : tables) {
                    CellStatistics stats = cellStatistics(data, table, table.unitIndex(key));
                    medians.add(stats.median());
                    iqrs.add(stats.iqr());
                }
                List<Outcome<Double>> fractions = new ArrayList<>();
                List<Outcome<WilcoxonSignedRank>> tests = new ArrayList<>();
                for (RoundConvergence change : changes) {
                    RoundConvergence.CellChange cell = change.cell(key);
                    fractions.add(cell.fractionChanged());
                    tests.add(cell.wilcoxon());
                }
                boolean consensus = !evaluations.isEmpty() && evaluations.getLast().get(unit).consensus();
                cells.add(new Convergence.CellTrajectory(target.name(), criterion.name(), medians, iqrs, fractions, tests,
                        consensus));
                unit++;
            }
        }

        Convergence.StoppingAdvice advice = null;
        if (!closed.isEmpty()) {
            StoppingRule stopping = StoppingRule.parse(data.study().rules().stoppingRule());
            Optional<RoundConvergence> lastChange = changes.isEmpty() ? Optional.empty() : Optional.of(changes.getLast());
            StoppingRule.Recommendation recommendation = stopping.evaluate(StoppingRule.Progress.of(closed.size(),
                    data.study().rules().maxRounds(), evaluations.getLast(), lastChange));
            advice = new Convergence.StoppingAdvice(stopping.spec(), closed.getLast().number(), recommendation.stop(),
                    recommendation.triggered(), recommendation.clauses(), summary(recommendation, closed.getLast().number()));
        }
        return new Convergence(studyId.value(), rule.spec(), data.study().rules().stoppingRule(),
                data.study().rules().maxRounds(), threshold, data.quantileType(), summaries, cells, advice);
    }

    private static CellStatistics cellStatistics(StudyData data, RatingTable table, int unit) {
        String key = table.units().get(unit);
        String code = key.substring(key.indexOf('/') + 1);
        Criterion criterion = data.criteria().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
        return CellStatistics.of(table.unitValues(unit), data.quantileType(), criterion.scale().toScale());
    }

    private static String summary(StoppingRule.Recommendation recommendation, int round) {
        if (recommendation.stop()) {
            return "Stop after round " + round + ": " + String.join("; ",
                    recommendation.triggered().stream().map(ConvergenceService::clauseInWords).toList()) + ".";
        }
        return "Run another round: no part of the rule holds after round " + round + " ("
                + String.join("; ", recommendation.clauses().stream().map(ConvergenceService::clauseInWords).toList())
                + ").";
    }

    static String clauseInWords(ClauseResult clause) {
        String text = clause.clause();
        if (clause.observed() instanceof Outcome.Undefined<Double> undefined) {
            return text + " not yet known: " + undefined.reason();
        }
        double observed = clause.observed().orElseThrow();
        String verdict = clause.passed() ? "holds" : "does not hold";
        if (text.startsWith("consensus")) {
            return text + " " + verdict + ": " + Words.percent(observed) + " of cells have consensus";
        }
        if (text.startsWith("stable")) {
            return text + " " + verdict + ": " + Words.percent(observed) + " of ratings moved by more than "
                    + Words.number(RoundConvergence.DEFAULT_CHANGE_THRESHOLD) + " since the previous round";
        }
        if (text.startsWith("max_rounds")) {
            return text + " " + verdict + ": " + Words.number(observed) + " of at most "
                    + (clause.bound().isDefined() ? Words.number(clause.bound().orElseThrow()) : "?") + " rounds completed";
        }
        return text + " " + verdict + " (observed " + Words.number(observed) + ")";
    }
}
