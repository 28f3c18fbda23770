package org.delphipanel.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.delphipanel.framework.Criterion;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingService;
import org.delphipanel.stats.FleissKappa;
import org.delphipanel.stats.GwetAc;
import org.delphipanel.stats.IntraclassCorrelation;
import org.delphipanel.stats.KendallW;
import org.delphipanel.stats.KrippendorffAlpha;
import org.delphipanel.stats.Outcome;
import org.delphipanel.stats.RatingTable;
import org.delphipanel.stats.Scale;
import org.delphipanel.study.Round;
import org.delphipanel.study.RoundId;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.Target;
import org.springframework.stereotype.Service;

/**
 * Agreement statistics of a round over a scope of cells (Krippendorff's alpha, the ICC forms, Kendall's W,
 * Fleiss' kappa, Gwet's AC1 and AC2), each with its interpretation band and source.
 * The alpha bootstraps use {@value #REPLICATES} replicates with a fixed seed: enough for two-decimal
 * bounds on a study of this size, and quick enough (well under a second) for a page.
 */
@Service
public class AgreementService {

    /** B of the alpha bootstraps; Hayes &amp; Krippendorff (2007) use 1,000 to 10,000. */
    public static final int REPLICATES = 1_000;
    /** The alpha bootstraps' seed: fixed, so the same round and scope always show the same interval. */
    public static final long SEED = 20_070_101L;
    public static final double LEVEL = 0.95;

    private final ScoringAccess access;
    private final ScoringExecutor executor;

    AgreementService(ScoringAccess access, ScoringExecutor executor) {
        this.access = access;
        this.executor = executor;
    }

    /** Computes on the calling thread; facilitators and administrators only. */
    public AgreementReport agreement(StudyId studyId, RoundId roundId, AgreementScope scope) {
        return prepare(studyId, roundId, scope).get();
    }

    /**
     * Checks access and reads the ratings on the calling thread (which carries the signed-in user), then
     * computes on the feature's background executor.
     */
    public CompletableFuture<AgreementReport> agreementAsync(StudyId studyId, RoundId roundId, AgreementScope scope) {
        return executor.submit(prepare(studyId, roundId, scope));
    }

    /**
     * The agreement of a closed round whose ratings the caller has already read through
     * {@link RatingService#closedRound}, which decides who may read them (anyone on the panel, only once
     * the round is closed). For exports and the study report: they apply their own rule of who may
     * export what, and this computes exactly what {@link #agreement} shows, on the calling thread.
     */
    public AgreementReport closedRoundAgreement(StudyId studyId, RatingService.ClosedRound round, AgreementScope scope) {
        return closedRoundAgreement(studyId, round, List.of(scope)).getFirst();
    }

    /** As {@link #closedRoundAgreement(StudyId, RatingService.ClosedRound, AgreementScope)} for several scopes, in order. */
    public List<AgreementReport> closedRoundAgreement(StudyId studyId, RatingService.ClosedRound round,
            List<AgreementScope> scopes) {
        if (!round.round().studyId().equals(studyId) || !round.round().isClosed()) {
            throw new IllegalArgumentException("round " + round.round().number() + " is not a closed round of study "
                    + studyId.value());
        }
        StudyData data = access.load(studyId);
        return scopes.stream().map(scope -> compute(data, round.round(), round.ratings(), scope).get()).toList();
    }

    private java.util.function.Supplier<AgreementReport> prepare(StudyId studyId, RoundId roundId, AgreementScope scope) {
        Viewer viewer = access.facilitator(studyId, "see the agreement statistics");
        StudyData data = access.load(studyId);
        Round round = ReviewService.requireRoundOf(data, roundId);
        return compute(data, round, access.ratings(viewer, roundId), scope);
    }

    private java.util.function.Supplier<AgreementReport> compute(StudyData data, Round round, List<Rating> ratings,
            AgreementScope scope) {
        StudyId studyId = data.study().id();
        String scopeLabel;
        RatingTable table;
        if (scope.criterionId() != null) {
            Criterion criterion = data.criterion(scope.criterionId())
                    .orElseThrow(() -> new IllegalArgumentException("criterion " + scope.criterionId() + " is not in the rubric"));
            table = data.table(ratings, (t, c) -> c.id() == criterion.id());
            scopeLabel = "criterion " + criterion.name() + " (" + table.unitCount() + " targets)";
        } else if (scope.targetId() != null) {
            Target target = data.target(scope.targetId())
                    .orElseThrow(() -> new IllegalArgumentException("target " + scope.targetId() + " is not in the study"));
            table = data.table(ratings, (t, c) -> t.equals(target.id()));
            scopeLabel = "target " + target.name() + " (" + table.unitCount() + " criteria)";
        } else {
            table = data.table(ratings);
            scopeLabel = "all " + table.unitCount() + " cells";
        }
        // every criterion of a rubric shares one scale in practice; AC2 needs one, so it takes the first
        Scale scale = data.criteria().getFirst().scale().toScale();
        boolean oneScale = data.criteria().stream().allMatch(c -> c.scale().toScale().equals(scale));
        return () -> new AgreementReport(studyId.value(), round.number(), round.isOpen(), scopeLabel, table.unitCount(),
                table.raterCount(), table.ratingCount(), SEED, REPLICATES, statistics(table, oneScale ? scale : null));
    }

    /** The statistics of one table; package-visible so tests can recompute on the same table. */
    static List<AgreementReport.Statistic> statistics(RatingTable table, @org.jspecify.annotations.Nullable Scale scale) {
        List<AgreementReport.Statistic> out = new ArrayList<>();
        String bootstrap = "percentile bootstrap (Hayes & Krippendorff 2007), B = " + REPLICATES + ", seed " + SEED;
        for (KrippendorffAlpha.Level level : List.of(KrippendorffAlpha.Level.ORDINAL, KrippendorffAlpha.Level.INTERVAL)) {
            String name = "Krippendorff's alpha (" + level.name().toLowerCase() + ")";
            Outcome<KrippendorffAlpha.Interval> interval = KrippendorffAlpha.bootstrap(table, level, REPLICATES, SEED, LEVEL);
            Outcome<Double> value = interval.map(KrippendorffAlpha.Interval::estimate);
            out.add(new AgreementReport.Statistic(name, value, interval.isDefined() ? interval.orElseThrow().lower() : null,
                    interval.isDefined() ? interval.orElseThrow().upper() : null, bootstrap,
                    value.isDefined() ? Interpretation.alpha(value.orElseThrow()) : "", Interpretation.KRIPPENDORFF, ""));
        }
        Outcome<IntraclassCorrelation.Result> icc = IntraclassCorrelation.of(table, LEVEL);
        for (IntraclassCorrelation.Form form : IntraclassCorrelation.Form.values()) {
            Outcome<IntraclassCorrelation.Estimate> estimate = icc.map(r -> r.get(form));
            Outcome<Double> value = estimate.map(IntraclassCorrelation.Estimate::value);
            out.add(new AgreementReport.Statistic(form.psychName(), value,
                    estimate.isDefined() ? estimate.orElseThrow().lower() : null,
                    estimate.isDefined() ? estimate.orElseThrow().upper() : null, "F-distribution interval (Shrout & Fleiss 1979)",
                    value.isDefined() ? Interpretation.icc(value.orElseThrow()) : "", Interpretation.KOO_LI, use(form)));
        }
        Outcome<Double> w = KendallW.of(table).map(KendallW.Result::wCorrected);
        out.add(new AgreementReport.Statistic("Kendall's W", w, null, null, "no interval (tie-corrected W)",
                w.isDefined() ? Interpretation.kendall(w.orElseThrow()) : "", Interpretation.SCHMIDT, ""));
        // nominal coefficients: on a fine scale (0-5 in steps of 0.1) exact matches are rare, so they read low;
        // shown because readers of the Delphi literature ask for them, and the CLI computes them too
        Outcome<Double> kappa = (scale == null ? FleissKappa.of(table) : FleissKappa.of(table, scale))
                .map(FleissKappa.Result::kappa);
        out.add(new AgreementReport.Statistic("Fleiss' kappa", kappa, null, null,
                "no interval (nominal: exact matches over the scale's options)",
                kappa.isDefined() ? Interpretation.landisKoch(kappa.orElseThrow()) : "", Interpretation.LANDIS_KOCH, ""));
        Outcome<Double> ac1 = (scale == null ? GwetAc.of(table, GwetAc.Weights.UNWEIGHTED)
                : GwetAc.of(table, scale, GwetAc.Weights.UNWEIGHTED)).map(GwetAc.Result::coefficient);
        out.add(new AgreementReport.Statistic("Gwet's AC1", ac1, null, null,
                "no interval (nominal: exact matches over the scale's options)",
                ac1.isDefined() ? Interpretation.landisKoch(ac1.orElseThrow()) : "", Interpretation.LANDIS_KOCH, ""));
        Outcome<Double> ac2 = (scale == null ? GwetAc.of(table, GwetAc.Weights.QUADRATIC)
                : GwetAc.of(table, scale, GwetAc.Weights.QUADRATIC)).map(GwetAc.Result::coefficient);
        out.add(new AgreementReport.Statistic("Gwet's AC2", ac2, null, null,
                "no interval (quadratic weights over the scale's options)",
                ac2.isDefined() ? Interpretation.landisKoch(ac2.orElseThrow()) : "", Interpretation.LANDIS_KOCH, ""));
        return out;
    }

    private static String use(IntraclassCorrelation.Form form) {
        return switch (form) {
            case ICC1 -> "Each cell rated by a different random set of experts; one expert's rating is used.";
            case ICC2 -> "Experts are a sample of possible experts, all rate every cell, and one expert's absolute grade"
                    + " matters.";
            case ICC3 -> "Only these experts matter and a constant leniency offset between them is acceptable.";
            case ICC1K -> "As ICC1, when the panel's mean grade is reported.";
            case ICC2K -> "As ICC2, when the panel's mean grade is reported: the usual case for a Delphi score.";
            case ICC3K -> "As ICC3, when the panel's mean grade is reported.";
        };
    }
}
