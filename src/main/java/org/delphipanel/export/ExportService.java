package org.delphipanel.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.delphipanel.audit.AuditLog;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.Framework;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.rating.CellSnapshot;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingService;
import org.delphipanel.rating.RoundSnapshot;
import org.delphipanel.scoring.AgreementReport;
import org.delphipanel.scoring.AgreementScope;
import org.delphipanel.scoring.AgreementService;
import org.delphipanel.scoring.ResultsService;
import org.delphipanel.scoring.StudyResults;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserId;
import org.delphipanel.security.UserService;
import org.delphipanel.study.PanelRole;
import org.delphipanel.study.Panelist;
import org.delphipanel.study.PanelistId;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.Target;
import org.delphipanel.stats.Outcome;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Builds a study's exports and decides who gets which. The study's facilitators and administrators may
 * export at any time; its experts only once results are published, and then only the published results
 * and the closed rounds up to the one they were computed from. Raw ratings and round statistics come
 * from closed rounds only, for everyone: an open round is never exported. Experts appear under their
 * pseudonyms; only a facilitator's explicit named export adds names and e-mails, and it is audit-logged.
 * Reads only: it changes nothing but the audit log.
 */
@Service
public class ExportService {

    public static final String CONSENSUS = "consensus";
    public static final String SCORES = "scores";
    public static final String RATINGS = "ratings";
    public static final String ROUND_STATISTICS = "round-statistics";
    public static final String ROUND_AGREEMENT = "round-agreement";

    private final UserService users;
    private final StudyService studies;
    private final FrameworkService frameworks;
    private final RatingService ratings;
    private final ResultsService results;
    private final AgreementService agreement;
    private final ObjectProvider<ExportDocument> documents;
    private final AuditLog auditLog;
    private final Clock clock;
    private final String appVersion;

    ExportService(UserService users, StudyService studies, FrameworkService frameworks, RatingService ratings,
            ResultsService results, AgreementService agreement, ObjectProvider<ExportDocument> documents,
            AuditLog auditLog, Clock clock, ObjectProvider<BuildProperties> build) {
        this.users = users;
        this.studies = studies;
        this.frameworks = frameworks;
        this.ratings = ratings;
        this.results = results;
        this.agreement = agreement;
        this.documents = documents;
        this.auditLog = auditLog;
        this.clock = clock;
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null ? null : properties.getVersion();
        if (version == null) {
            version = ExportService.class.getPackage().getImplementationVersion();
        }
        this.appVersion = version == null ? "development build" : version;
    }

    /** Whether the signed-in person may export anything of the study now. */
    public boolean mayExport(StudyId studyId) {
        try {
            access(studyId);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /** Whether the signed-in person may choose a named export (facilitators of the study and administrators). */
    public boolean mayExportNamed(StudyId studyId) {
        try {
            return access(studyId).facilitates();
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /**
     * The consensus ratings: table {@value #CONSENSUS} (per target x criterion of the round the results
     * come from) and {@value #SCORES} (per target and rubric node).
     */
    public Export consensus(StudyId studyId) {
        Access access = access(studyId);
        Optional<Round> round = access.resultsRound();
        Table.Builder cells = Table.builder(CONSENSUS, "target", "criterion", "criterion_name", "median", "q1", "q3",
                "iqr", "n", "consensus", "rounds_taken", "rated_in_round", "quantile_type");
        List<Integer> included = new ArrayList<>();
        if (round.isPresent()) {
            RoundSnapshot snapshot = ratings.closedRound(access.userId(), round.get().id()).snapshot();
            included.add(round.get().number());
            if (snapshot != null) {
                for (CellSnapshot cell : ordered(access, snapshot)) {
                    Criterion criterion = access.criterion(cell.criterionId());
                    int roundsTaken = cell.consensus() ? cell.ratedInRound() : snapshot.roundNumber();
                    cells.row(access.targetName(cell.targetId()), criterion.code(), criterion.name(), cell.median(),
                            cell.q1(), cell.q3(), cell.iqr(), cell.n(), cell.consensus(), roundsTaken,
                            cell.ratedInRound(), cell.quantileType());
                }
            }
        }
        Table.Builder scores = Table.builder(SCORES, "target", "node", "node_name", "depth", "effective_weight", "score",
                "band", "lower", "upper", "bca_lower", "bca_upper", "level", "undefined");
        access.results().ifPresent(r -> {
            Map<String, StudyResults.Node> nodes = new LinkedHashMap<>();
            r.nodes().forEach(n -> nodes.put(n.code(), n));
            for (StudyResults.TargetScores target : r.targets()) {
                for (StudyResults.NodeScore score : target.scores()) {
                    StudyResults.Node node = nodes.get(score.node());
                    scores.row(target.target(), score.node(), node == null ? null : node.name(),
                            node == null ? null : node.depth(), node == null ? null : node.effectiveWeight(),
                            score.score(), score.band(), score.lower(), score.upper(), score.bcaLower(),
                            score.bcaUpper(), r.content().level(), score.undefined());
                }
            }
        });
        return new Export("consensus", provenance(access, included, false), List.of(cells.build(), scores.build()));
    }

    /**
     * Every rating of the closed rounds the person may export, long format (table {@value #RATINGS}):
     * {@code study,round,target,criterion,rater,value,confidence,rationale}, plus {@code name,email} in a
     * named export. {@code rater} is the expert's pseudonym, the same in every round.
     *
     * @param named add names and e-mails; only for facilitators and administrators, and audit-logged
     */
    public Export rawRatings(StudyId studyId, boolean named) {
        Access access = access(studyId);
        if (named && !access.facilitates()) {
            throw new AccessDeniedException("Only the study's facilitators and administrators can export experts' names.");
        }
        Table.Builder table = named
                ? Table.builder(RATINGS, "study", "round", "target", "criterion", "rater", "value", "confidence",
                        "rationale", "name", "email")
                : Table.builder(RATINGS, "study", "round", "target", "criterion", "rater", "value", "confidence",
                        "rationale");
        Map<PanelistId, Panelist> experts = new LinkedHashMap<>();
        studies.experts(studyId).forEach(e -> experts.put(e.id(), e));
        Map<PanelistId, AppUser> identities = new LinkedHashMap<>();
        List<Integer> included = new ArrayList<>();
        for (Round round : access.exportableRounds()) {
            included.add(round.number());
            List<Rating> roundRatings = new ArrayList<>(ratings.closedRound(access.userId(), round.id()).ratings());
            roundRatings.sort(Comparator.comparingInt((Rating r) -> access.targetOrder(r.targetId().value()))
                    .thenComparingInt(r -> access.criterionOrder(r.criterionId()))
                    .thenComparing(r -> pseudonym(experts, r.panelistId())));
            for (Rating rating : roundRatings) {
                Panelist expert = experts.get(rating.panelistId());
                if (expert == null) {
                    continue;
                }
                List<@Nullable Object> row = new ArrayList<>(List.of(access.study().name(), round.number(),
                        access.targetName(rating.targetId().value()), access.criterion(rating.criterionId()).code(),
                        expert.pseudonym()));
                row.add(rating.grade().doubleValue());
                row.add(rating.confidence() == null ? null : rating.confidence().name().toLowerCase());
                row.add(rating.rationale() == null || rating.rationale().isBlank() ? null : rating.rationale());
                if (named) {
                    AppUser user = identities.computeIfAbsent(expert.id(),
                            id -> users.findById(new UserId(expert.userId())).orElse(null));
                    row.add(user == null ? null : user.displayName());
                    row.add(user == null ? null : user.email());
                }
                table.row(row.toArray());
            }
        }
        if (named) {
            auditLog.record(access.user().email(), "export.named", "study", String.valueOf(studyId.value()), null,
                    "{\"rounds\":" + included + ",\"ratings\":" + table.build().rows().size() + "}");
        }
        return new Export("ratings", provenance(access, included, named), List.of(table.build()));
    }

    /**
     * Per exportable closed round: the cell statistics stored when it closed (table
     * {@value #ROUND_STATISTICS}) and the panel's agreement (table {@value #ROUND_AGREEMENT}, one row per
     * round, scope and statistic: all cells, each criterion's cells, each target's cells), computed by
     * {@link AgreementService} exactly as the agreement page shows them.
     */
    public Export roundStatistics(StudyId studyId) {
        Access access = access(studyId);
        Table.Builder agreementTable = Table.builder(ROUND_AGREEMENT, "round", "scope", "scope_id", "units", "raters",
                "ratings", "statistic", "value", "lower", "upper", "level", "interval", "band", "undefined");
        Table.Builder table = Table.builder(ROUND_STATISTICS, "round", "target", "criterion", "rated_in_round", "n",
                "median", "q1", "q3", "iqr", "quantile_type", "consensus");
        List<Integer> included = new ArrayList<>();
        for (Round round : access.exportableRounds()) {
            RatingService.ClosedRound closed = ratings.closedRound(access.userId(), round.id());
            RoundSnapshot snapshot = closed.snapshot();
            if (snapshot == null) {
                continue;
            }
            included.add(round.number());
            for (CellSnapshot cell : ordered(access, snapshot)) {
                table.row(round.number(), access.targetName(cell.targetId()), access.criterion(cell.criterionId()).code(),
                        cell.ratedInRound(), cell.n(), cell.median(), cell.q1(), cell.q3(), cell.iqr(),
                        cell.quantileType(), cell.consensus());
            }
            List<AgreementScope> scopes = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            List<@Nullable String> ids = new ArrayList<>();
            scopes.add(AgreementScope.allCells());
            kinds.add("all");
            ids.add(null);
            for (Criterion criterion : access.framework().criteria()) {
                scopes.add(AgreementScope.criterion(criterion.id()));
                kinds.add("criterion");
                ids.add(criterion.code());
            }
            for (Target target : access.targets()) {
                scopes.add(AgreementScope.target(target.id()));
                kinds.add("target");
                ids.add(target.name());
            }
            List<AgreementReport> reports = agreement.closedRoundAgreement(studyId, closed, scopes);
            for (int i = 0; i < reports.size(); i++) {
                agreementRows(agreementTable, kinds.get(i), ids.get(i), reports.get(i));
            }
        }
        return new Export("round-statistics", provenance(access, included, false),
                List.of(table.build(), agreementTable.build()));
    }

    private static void agreementRows(Table.Builder table, String scope, @Nullable String scopeId, AgreementReport report) {
        for (AgreementReport.Statistic statistic : report.statistics()) {
            boolean defined = statistic.value().isDefined();
            boolean interval = statistic.lower() != null && statistic.upper() != null;
            table.row(report.roundNumber(), scope, scopeId, report.units(), report.raters(), report.ratings(),
                    statistic.name(), defined ? statistic.value().orElseThrow() : null, statistic.lower(),
                    statistic.upper(), interval ? AgreementService.LEVEL : null, statistic.interval(),
                    defined ? statistic.band() : null,
                    statistic.value() instanceof Outcome.Undefined<Double> undefined ? undefined.reason() : null);
        }
    }

    /**
     * What the signed-in person may export of the study, under the same rules as every export, for
     * documents built on the exports (the study report). Refused as the exports are.
     */
    public ExportedStudy exportedStudy(StudyId studyId) {
        Access access = access(studyId);
        List<RatingService.ClosedRound> closed = new ArrayList<>();
        for (Round round : access.exportableRounds()) {
            closed.add(ratings.closedRound(access.userId(), round.id()));
        }
        return new ExportedStudy(provenance(access, closed.stream().map(r -> r.round().number()).toList(), false),
                access.study(), access.framework(), access.targets(), studies.experts(studyId), access.rounds(), closed,
                access.results().orElse(null), access.facilitates());
    }

    /** The further documents (e.g. the study report) that other features contribute, in their declared order. */
    public List<ExportDocument> documents() {
        return documents.orderedStream().toList();
    }

    /**
     * Everything as one ZIP ({@code study-<id>-export.zip}): consensus.csv, scores.csv, ratings.csv,
     * round-statistics.csv, round-agreement.csv, the {@link #documents()} (the study report),
     * provenance.json and README.txt.
     */
    public byte[] bundle(StudyId studyId, boolean named) {
        Export consensus = consensus(studyId);
        Export raw = rawRatings(studyId, named);
        Export rounds = roundStatistics(studyId);
        Provenance provenance = raw.provenance();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "consensus.csv", CsvWriter.bytes(consensus.table(CONSENSUS)));
            entry(zip, "scores.csv", CsvWriter.bytes(consensus.table(SCORES)));
            entry(zip, "ratings.csv", CsvWriter.bytes(raw.table(RATINGS)));
            entry(zip, "round-statistics.csv", CsvWriter.bytes(rounds.table(ROUND_STATISTICS)));
            entry(zip, "round-agreement.csv", CsvWriter.bytes(rounds.table(ROUND_AGREEMENT)));
            for (ExportDocument document : documents()) {
                entry(zip, document.fileName(studyId), document.render(studyId));
            }
            entry(zip, "provenance.json", JsonWriter.provenanceOnly(provenance));
            entry(zip, "README.txt", readme(provenance).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static String bundleName(StudyId studyId) {
        return "study-" + studyId.value() + "-export.zip";
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String readme(Provenance p) {
        String text = """
                Export of Delphi study %d "%s" (rubric %s version %d), made %s by Delphi Panel %s.
                Closed rounds included: %s. Open rounds are never exported.

                consensus.csv         one row per target and criterion of the round the results come from:
                                      median (the final aggregate), q1, q3, iqr (Hyndman-Fan type %d), n,
                                      consensus (the study's rule: %s), rounds_taken.
                scores.csv            one row per target and rubric node: weighted score, band, percentile
                                      interval (lower, upper) and BCa interval at the given level; empty
                                      when no results were computed yet.
                ratings.csv           every rating of the included rounds, long format:
                                      study,round,target,criterion,rater,value,confidence,rationale
                                      (rater = the expert's pseudonym%s).
                round-statistics.csv  the statistics stored when each round closed, per cell.
                round-agreement.csv   the panel's agreement per round: for all cells, each criterion and each
                                      target, Krippendorff's alpha (bootstrap interval, B = %d, seed %d),
                                      the ICC forms, Kendall's W, Fleiss' kappa, Gwet's AC1 and AC2.
                %s
                %sthe study report (HTML and PDF): rules, rounds, response rates,
                                      agreement, convergence, final scores, forest plot and methods.
                provenance.json       where the numbers come from: study, rubric, rules, app version, time,
                                      results round, bootstrap seed and replicates.

                All files are UTF-8 CSV after RFC 4180 with CRLF line ends. Text that a spreadsheet would
                read as a formula (starting with = + - @, tab or CR) starts with an apostrophe.
                To recompute the statistics with the application's jar, see docs/exports.md
                ("Re-running the statistics"), e.g. one unit,rater,value file per round, then
                  java -jar delphi-panel.jar rounds round1.csv round2.csv --quantile-type %d
                """;
        return String.format(java.util.Locale.ROOT, text, p.studyId(), p.studyName(), p.frameworkCode(),
                p.frameworkVersion(), p.exportedAt(), p.appVersion(), p.roundsIncluded(), p.quantileType(),
                p.consensusRule(), p.named() ? "; this is a NAMED export with names and e-mails" : "",
                AgreementService.REPLICATES, AgreementService.SEED, "study-" + p.studyId() + "-report.html",
                String.format(java.util.Locale.ROOT, "%-22s", "study-" + p.studyId() + "-report.pdf"), p.quantileType()).replace("\n", "\r\n");
    }

    private static String pseudonym(Map<PanelistId, Panelist> experts, PanelistId id) {
        Panelist expert = experts.get(id);
        return expert == null ? "" : expert.pseudonym();
    }

    private static List<CellSnapshot> ordered(Access access, RoundSnapshot snapshot) {
        return snapshot.cells().stream()
                .filter(c -> access.hasTarget(c.targetId()) && access.hasCriterion(c.criterionId()))
                .sorted(Comparator.comparingInt((CellSnapshot c) -> access.targetOrder(c.targetId()))
                        .thenComparingInt(c -> access.criterionOrder(c.criterionId())))
                .toList();
    }

    private Provenance provenance(Access access, List<Integer> included, boolean named) {
        Study study = access.study();
        Optional<StudyResults> r = access.results();
        return new Provenance(study.id().value(), study.name(), access.framework().code(),
                access.framework().version(), study.rules().consensusRule(), study.rules().stoppingRule(),
                study.rules().quantileType(), appVersion, clock.instant(), included,
                r.map(StudyResults::roundNumber).orElse(null), r.map(StudyResults::snapshotId).orElse(null),
                r.map(StudyResults::published).orElse(null), r.map(x -> x.content().aggregation()).orElse(null),
                r.map(StudyResults::seed).orElse(null), r.map(StudyResults::replicates).orElse(null),
                r.map(x -> x.content().level()).orElse(null), named);
    }

    private Access access(StudyId studyId) {
        AppUser user = users.requireCurrentUser("export this study");
        Study study = studies.study(studyId);
        Optional<Panelist> panelist = studies.panelist(studyId, user.id().value());
        boolean facilitates = user.is(Role.ADMIN)
                || panelist.filter(p -> p.role() == PanelRole.FACILITATOR).isPresent();
        if (!facilitates && panelist.isEmpty()) {
            throw new AccessDeniedException("You are not on the panel of this study, so you cannot export it.");
        }
        Optional<StudyResults> shown;
        if (facilitates) {
            shown = results.results(studyId);
        } else {
            try {
                shown = results.results(studyId);
            } catch (AccessDeniedException e) {
                throw new AccessDeniedException("The results of this study are not published yet: experts can"
                        + " export them once a facilitator publishes them.");
            }
        }
        Framework framework = frameworks.find(study.frameworkId())
                .orElseThrow(() -> new IllegalStateException("the rubric of study " + study.name() + " is missing"));
        return new Access(user, study, facilitates, shown, framework, studies.targets(studyId),
                studies.rounds(studyId).stream().sorted(Comparator.comparingInt(Round::number)).toList());
    }

    /** The person, their part in the study, and what they may export of it. */
    private record Access(AppUser user, Study study, boolean facilitates, Optional<StudyResults> results,
            Framework framework, List<Target> targets, List<Round> rounds) {

        long userId() {
            return user.id().value();
        }

        /** Facilitators: every closed round. Experts: closed rounds up to the published results' round. */
        List<Round> exportableRounds() {
            int last = facilitates ? Integer.MAX_VALUE : results.map(StudyResults::roundNumber).orElse(0);
            return rounds.stream().filter(Round::isClosed).filter(r -> r.number() <= last).toList();
        }

        /** The round of the results shown; without results (facilitators only), the latest closed round. */
        Optional<Round> resultsRound() {
            if (results.isPresent()) {
                long id = results.get().roundId();
                return rounds.stream().filter(r -> r.id().value() == id).findFirst();
            }
            return facilitates ? exportableRounds().stream().reduce((a, b) -> b) : Optional.empty();
        }

        String targetName(long targetId) {
            return targets.stream().filter(t -> t.id().value() == targetId).map(Target::name).findFirst()
                    .orElse("target " + targetId);
        }

        boolean hasTarget(long targetId) {
            return targets.stream().anyMatch(t -> t.id().value() == targetId);
        }

        int targetOrder(long targetId) {
            for (int i = 0; i < targets.size(); i++) {
                if (targets.get(i).id().value() == targetId) {
                    return i;
                }
            }
            return Integer.MAX_VALUE;
        }

        boolean hasCriterion(long criterionId) {
            return framework.criteria().stream().anyMatch(c -> c.id() == criterionId);
        }

        Criterion criterion(long criterionId) {
            return framework.criteria().stream().filter(c -> c.id() == criterionId).findFirst()
                    .orElseThrow(() -> new IllegalStateException("criterion " + criterionId + " is not in the rubric"));
        }

        int criterionOrder(long criterionId) {
            List<Criterion> criteria = framework.criteria();
            for (int i = 0; i < criteria.size(); i++) {
                if (criteria.get(i).id() == criterionId) {
                    return i;
                }
            }
            return Integer.MAX_VALUE;
        }
    }
}
