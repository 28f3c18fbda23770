package org.delphipanel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.Framework;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingService;
import org.delphipanel.security.UserService;
import org.delphipanel.stats.CellStatistics;
import org.delphipanel.stats.ConsensusRule;
import org.delphipanel.stats.GwetAc;
import org.delphipanel.stats.IntraclassCorrelation;
import org.delphipanel.stats.KendallW;
import org.delphipanel.stats.KrippendorffAlpha;
import org.delphipanel.stats.LeaveOneExpertOut;
import org.delphipanel.stats.MaturityScores;
import org.delphipanel.stats.Outcome;
import org.delphipanel.stats.PanelRatings;
import org.delphipanel.stats.QuantileType;
import org.delphipanel.stats.RatingTable;
import org.delphipanel.stats.RoundConvergence;
import org.delphipanel.stats.Scale;
import org.delphipanel.stats.ScoreAggregation;
import org.delphipanel.stats.ScoreBootstrap;
import org.delphipanel.stats.StoppingRule;
import org.delphipanel.study.Panelist;
import org.delphipanel.study.PanelistId;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/**
 * The figures the scoring services return for the demo study equal what the statistics core computes
 * when called directly, in this test, on the same ratings.
 */
@SpringBootTest(properties = "delphi.demo.enabled=true")
class DemoScoringTest {

    private static final String FACILITATOR = "facilitator@example.org";
    private static final String EXPERT = "expert1@example.org";

    @Autowired
    StudyService studies;
    @Autowired
    RatingService ratings;
    @Autowired
    FrameworkService frameworks;
    @Autowired
    UserService users;
    @Autowired
    ReviewService review;
    @Autowired
    ConvergenceService convergence;
    @Autowired
    AgreementService agreement;
    @Autowired
    ResultsService results;
    @Autowired
    AuditLog auditLog;

    private Study study;
    private List<Round> rounds;
    private long facilitatorId;
    private Framework rubric;

    @BeforeEach
    void findTheDemo() {
        facilitatorId = users.findByEmail(FACILITATOR).orElseThrow().id().value();
        study = studies.overviewsFor(facilitatorId).getFirst().study();
        rounds = studies.rounds(study.id());
        rubric = frameworks.find(study.frameworkId()).orElseThrow();
        ActingAs.user(FACILITATOR, "FACILITATOR");
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    /** The round's ratings as cells (target id/criterion code) by experts (pseudonym), built here, not by the service. */
    private RatingTable table(Round round) {
        Map<PanelistId, String> pseudonyms = studies.experts(study.id()).stream()
                .collect(Collectors.toMap(Panelist::id, Panelist::pseudonym));
        Map<Long, String> codes = rubric.criteria().stream().collect(Collectors.toMap(Criterion::id, Criterion::code));
        RatingTable.Builder builder = RatingTable.builder();
        for (Target target : studies.targets(study.id())) {
            for (Criterion criterion : rubric.criteria()) {
                builder.unit(target.id().value() + "/" + criterion.code());
            }
        }
        studies.experts(study.id()).forEach(e -> builder.rater(e.pseudonym()));
        for (Rating rating : ratings.roundRatings(facilitatorId, round.id())) {
            builder.add(rating.targetId().value() + "/" + codes.get(rating.criterionId()),
                    pseudonyms.get(rating.panelistId()), rating.grade().doubleValue());
        }
        return builder.build();
    }

    private static double value(Outcome<Double> outcome) {
        return outcome.orElseThrow();
    }

    @Test
    void triage_figures_and_consensus_equal_the_statistics_core_on_the_same_ratings() {
        Round round2 = rounds.get(1);
        Triage triage = review.triage(study.id(), round2.id());
        RatingTable table = table(round2);
        ConsensusRule rule = ConsensusRule.parse(study.rules().consensusRule());

        assertThat(triage.cells()).hasSize(6 * 7);
        assertThat(triage.live()).isFalse();
        for (Triage.Cell cell : triage.cells()) {
            double[] values = table.unitValues(table.unitIndex(cell.targetId().value() + "/" + cell.criterionCode()));
            CellStatistics expected = CellStatistics.of(values, QuantileType.TYPE_7, Scale.saferAi());
            assertThat(cell.n()).isEqualTo(8);
            assertThat(value(cell.median())).isEqualTo(value(expected.median()));
            assertThat(value(cell.iqr())).isEqualTo(value(expected.iqr()));
            assertThat(value(cell.rwg())).isEqualTo(value(expected.rwg()));
            assertThat(value(cell.shareWithinOne())).isEqualTo(value(expected.shareWithinOne()));
            assertThat(cell.consensus()).isEqualTo(rule.evaluate(expected).consensus());
            assertThat(cell.clauses()).isEqualTo(rule.evaluate(expected).clauses());
            long outside = java.util.Arrays.stream(values)
                    .filter(v -> v < value(expected.firstQuartile()) - 1e-9 || v > value(expected.thirdQuartile()) + 1e-9)
                    .count();
            assertThat(cell.outsideIqr()).hasSize((int) outside);
            assertThat(cell.reasons()).isNotEmpty();
        }
        List<Triage.Cell> ranked = triage.mostContestedFirst();
        if (!ranked.getFirst().consensus()) {
            assertThat(ranked.getFirst().reasons().getFirst()).doesNotStartWith("consensus under");
        }
        // no cell with consensus ranks above a cell without
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(!ranked.get(i - 1).consensus() || ranked.get(i).consensus()).isTrue();
        }
    }

    @Test
    void facilitators_see_the_open_round_live_with_names_and_experts_are_refused() {
        Round open = rounds.get(2);
        Triage live = review.triage(study.id(), open.id());
        assertThat(live.live()).isTrue();
        RoundProgress progress = review.progress(study.id(), open.id());
        assertThat(progress.experts()).hasSize(8);
        assertThat(progress.experts().getFirst().name()).isEqualTo("Demo Expert 1 (Expert 1)");
        int rated = progress.experts().stream().mapToInt(RoundProgress.ExpertProgress::rated).sum();
        assertThat(rated).isEqualTo(ratings.roundRatings(facilitatorId, open.id()).size());
        assertThat(progress.perTarget().stream().mapToInt(RoundProgress.Count::rated).sum()).isEqualTo(rated);
        assertThat(progress.perCriterion().stream().mapToInt(RoundProgress.Count::rated).sum()).isEqualTo(rated);
        assertThat(progress.cellsPerExpert()).isEqualTo(42);
        assertThat(progress.submitted()).isZero();

        ActingAs.user(EXPERT, "EXPERT");
        assertThatThrownBy(() -> review.triage(study.id(), open.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.triage(study.id(), rounds.get(0).id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.progress(study.id(), open.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> convergence.convergence(study.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> agreement.agreement(study.id(), open.id(), AgreementScope.allCells()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void convergence_equals_the_statistics_core_round_by_round_and_gives_the_stopping_advice() {
        Convergence result = convergence.convergence(study.id());
        RatingTable round1 = table(rounds.get(0));
        RatingTable round2 = table(rounds.get(1));
        RoundConvergence change = RoundConvergence.between(round1, round2, 0.5, QuantileType.TYPE_7);

        assertThat(result.rounds()).extracting(Convergence.RoundSummary::number).containsExactly(1, 2);
        assertThat(value(result.rounds().get(0).alphaOrdinal()))
                .isEqualTo(KrippendorffAlpha.of(round1, KrippendorffAlpha.Level.ORDINAL).orElseThrow().value());
        assertThat(value(result.rounds().get(1).kendallW())).isEqualTo(KendallW.of(round2).orElseThrow().wCorrected());
        assertThat(result.rounds().get(0).change()).isNull();
        Convergence.Change pooled = result.rounds().get(1).change();
        assertThat(pooled.pairs()).isEqualTo(change.pooled().pairs()).isEqualTo(6 * 7 * 8);
        assertThat(pooled.changed()).isEqualTo(change.pooled().changed());
        assertThat(pooled.wilcoxon().orElseThrow().v()).isEqualTo(change.pooled().wilcoxon().orElseThrow().v());

        Convergence.CellTrajectory first = result.cells().getFirst();
        String firstUnit = round1.units().getFirst();
        assertThat(first.medians()).hasSize(2);
        assertThat(value(first.medians().get(1)))
                .isEqualTo(value(CellStatistics.of(round2.unitValues(0), QuantileType.TYPE_7).median()));
        assertThat(first.fractionChanged().getFirst()).isEqualTo(change.cell(firstUnit).fractionChanged());

        ConsensusRule rule = ConsensusRule.parse(study.rules().consensusRule());
        List<ConsensusRule.Evaluation> latest = new ArrayList<>();
        for (int u = 0; u < round2.unitCount(); u++) {
            latest.add(rule.evaluate(CellStatistics.of(round2.unitValues(u), QuantileType.TYPE_7, Scale.saferAi())));
        }
        StoppingRule.Recommendation expected = StoppingRule.parse(study.rules().stoppingRule())
                .evaluate(StoppingRule.Progress.of(2, study.rules().maxRounds(), latest, Optional.of(change)));
        assertThat(result.stopping().stop()).isEqualTo(expected.stop());
        assertThat(result.stopping().clauses()).isEqualTo(expected.clauses());
        assertThat(result.stopping().rule()).isEqualTo("consensus>=0.8 or stable(0.15) or max_rounds");
        assertThat(result.stopping().summary()).startsWith(expected.stop() ? "Stop after round 2" : "Run another round");
    }

    @Test
    void agreement_figures_equal_the_statistics_core_for_each_scope() {
        Round round2 = rounds.get(1);
        RatingTable table = table(round2);
        AgreementReport all = agreement.agreement(study.id(), round2.id(), AgreementScope.allCells());

        assertThat(all.units()).isEqualTo(42);
        assertThat(all.raters()).isEqualTo(8);
        KrippendorffAlpha.Interval alpha = KrippendorffAlpha.bootstrap(table, KrippendorffAlpha.Level.ORDINAL,
                AgreementService.REPLICATES, AgreementService.SEED, 0.95).orElseThrow();
        AgreementReport.Statistic shown = all.statistic("Krippendorff's alpha (ordinal)");
        assertThat(value(shown.value())).isEqualTo(alpha.estimate());
        assertThat(shown.lower()).isEqualTo(alpha.lower());
        assertThat(shown.upper()).isEqualTo(alpha.upper());
        assertThat(shown.band()).isEqualTo(Interpretation.alpha(alpha.estimate()));
        IntraclassCorrelation.Estimate icc2k = IntraclassCorrelation.of(table).orElseThrow()
                .get(IntraclassCorrelation.Form.ICC2K);
        assertThat(value(all.statistic("ICC2k").value())).isEqualTo(icc2k.value());
        assertThat(all.statistic("ICC2k").lower()).isEqualTo(icc2k.lower());
        assertThat(value(all.statistic("Kendall's W").value())).isEqualTo(KendallW.of(table).orElseThrow().wCorrected());
        assertThat(value(all.statistic("Gwet's AC2").value())).isEqualTo(
                GwetAc.of(table, Scale.saferAi(), GwetAc.Weights.QUADRATIC).orElseThrow().coefficient());

        Criterion first = rubric.criteria().getFirst();
        AgreementReport oneCriterion = agreement.agreement(study.id(), round2.id(), AgreementScope.criterion(first.id()));
        assertThat(oneCriterion.units()).isEqualTo(6);
        RatingTable.Builder sub = RatingTable.builder();
        for (int u = 0; u < table.unitCount(); u++) {
            if (table.units().get(u).endsWith("/" + first.code())) {
                for (int r = 0; r < table.raterCount(); r++) {
                    sub.add(table.units().get(u), table.raters().get(r), table.value(u, r));
                }
            }
        }
        assertThat(value(oneCriterion.statistic("Krippendorff's alpha (interval)").value()))
                .isEqualTo(KrippendorffAlpha.of(sub.build(), KrippendorffAlpha.Level.INTERVAL).orElseThrow().value());

        // the open round has missing ratings: ICC and W need complete data and say so
        AgreementReport live = agreement.agreement(study.id(), rounds.get(2).id(), AgreementScope.allCells());
        assertThat(live.live()).isTrue();
        assertThat(live.statistic("ICC1").value()).isInstanceOf(Outcome.Undefined.class);
        assertThat(live.statistic("Kendall's W").value()).isInstanceOf(Outcome.Undefined.class);
        assertThat(((Outcome.Undefined<Double>) live.statistic("Kendall's W").value()).reason()).isNotBlank();
    }

    @Test
    void results_are_computed_from_the_latest_closed_round_stored_and_equal_the_bootstrap_on_the_snapshot() {
        results.setReplicates(2_000);
        try {
            StudyResults computed = results.compute(study.id());
            assertThat(computed.roundNumber()).isEqualTo(2);
            assertThat(computed.replicates()).isEqualTo(2_000);
            assertThat(computed.published()).isFalse();

            RatingsSnapshot snapshot = results.storedSnapshot(computed.snapshotId()).orElseThrow();
            assertThat(snapshot.ratings()).hasSize(6 * 7 * 8);
            PanelRatings panel = snapshot.toPanel(rubric.definition().toScoringTree());
            ScoreBootstrap.Result expected = ScoreBootstrap.seeded(computed.seed()).withReplicates(2_000)
                    .run(panel, ScoreAggregation.median());
            for (StudyResults.TargetScores target : computed.targets()) {
                assertThat(target.experts()).isEqualTo(8);
                for (StudyResults.NodeScore score : target.scores()) {
                    ScoreBootstrap.NodeInterval interval = expected.interval(target.target(), score.node());
                    assertThat(score.score()).isEqualTo(interval.estimate().orElseThrow());
                    assertThat(score.lower()).isEqualTo(interval.percentile().orElseThrow().lower());
                    assertThat(score.upper()).isEqualTo(interval.percentile().orElseThrow().upper());
                    assertThat(score.band()).isEqualTo(
                            expected.estimates().band(target.target(), score.node()).orElseThrow().label());
                }
            }
            String a = computed.targets().get(0).target();
            String b = computed.targets().get(1).target();
            assertThat(computed.content().rankProbabilities()).filteredOn(r -> r.target().equals(a) && r.other().equals(b))
                    .singleElement().extracting(StudyResults.RankProbability::probability)
                    .isEqualTo(expected.probabilityAbove(a, b, "overall").orElseThrow());
            LeaveOneExpertOut.Result loo = LeaveOneExpertOut.of(panel, ScoreAggregation.median());
            assertThat(computed.content().leaveOneOut()).filteredOn(i -> i.expert().equals("Expert 3") && i.target().equals(a))
                    .singleElement().extracting(StudyResults.Influence::delta)
                    .isEqualTo(loo.delta("Expert 3", a, "overall").orElseThrow());
            MaturityScores.Result mean = MaturityScores.of(panel, ScoreAggregation.mean());
            assertThat(computed.content().sensitivity()).filteredOn(r -> r.target().equals(a)).singleElement()
                    .extracting(StudyResults.RankChange::mean).isEqualTo(mean.overall(a).orElseThrow());
            assertThat(computed.nodes()).extracting(StudyResults.Node::depth).startsWith(0, 1, 1, 2);

            // reloading reads the stored figures back unchanged
            assertThat(results.results(study.id()).orElseThrow()).isEqualTo(computed);

            ActingAs.user(EXPERT, "EXPERT");
            assertThatThrownBy(() -> results.results(study.id())).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("not published");
            assertThatThrownBy(() -> results.publish(study.id())).isInstanceOf(AccessDeniedException.class);

            ActingAs.user(FACILITATOR, "FACILITATOR");
            StudyResults published = results.publish(study.id());
            assertThat(published.publishedBy()).isEqualTo(FACILITATOR);
            assertThat(auditLog.forEntity("study", String.valueOf(study.id().value())))
                    .extracting(org.delphipanel.audit.AuditEntry::action).contains("results.computed", "results.published");

            ActingAs.user(EXPERT, "EXPERT");
            StudyResults seenByExpert = results.results(study.id()).orElseThrow();
            assertThat(seenByExpert.targets()).isEqualTo(computed.targets());
            assertThat(results.mayManage(study.id())).isFalse();
        } finally {
            results.setReplicates(ScoreBootstrap.DEFAULT_REPLICATES);
        }
    }
}
