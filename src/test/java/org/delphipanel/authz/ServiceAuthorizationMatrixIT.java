package org.delphipanel.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.zip.ZipInputStream;
import org.delphipanel.api.ApiScope;
import org.delphipanel.api.ApiTokenService;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.authz.AuthzWorld.World;
import org.delphipanel.export.ExportService;
import org.delphipanel.export.RatingsImportService;
import org.delphipanel.home.HomeService;
import org.delphipanel.report.ReportService;
import org.delphipanel.rating.Confidence;
import org.delphipanel.rating.FeedbackService;
import org.delphipanel.rating.ImportedRating;
import org.delphipanel.rating.RatingChange;
import org.delphipanel.rating.RatingService;
import org.delphipanel.rating.RoundNotOpenException;
import org.delphipanel.rating.RoundSnapshotService;
import org.delphipanel.scoring.ActingAs;
import org.delphipanel.scoring.AgreementScope;
import org.delphipanel.scoring.AgreementService;
import org.delphipanel.scoring.ConvergenceService;
import org.delphipanel.scoring.ResultsService;
import org.delphipanel.scoring.ReviewService;
import org.delphipanel.security.InvitationService;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserId;
import org.delphipanel.security.UserService;
import org.delphipanel.study.EvidenceDetails;
import org.delphipanel.study.PanelRole;
import org.delphipanel.study.StudyDetails;
import org.delphipanel.study.StudyRules;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.TargetDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every public method of every service of the features that hold study data, called as each kind of
 * caller against the studies of {@link AuthzWorld}. The table below is the contract (and is copied
 * verbatim into docs/authorization.md, which this test checks): ✔ the call succeeds and gives the
 * caller the thing asked for; ✘ it is refused ({@link AccessDeniedException}, or
 * {@link RoundNotOpenException} where a round's state forbids reading it) or gives nothing (false, an
 * empty Optional, a list without this study). Rows marked {@code internal} check no caller: they serve
 * other services and views, which authorize first; none of them may return anything carrying
 * ratings to a view or the API (checked below). A public method missing from the table fails the test.
 * Every change runs in a transaction that is rolled back, so each call meets the same world.
 * Besides the table, no result given to anyone but the study's facilitator or an administrator may
 * contain the other expert's open-round rationale.
 */
@SpringBootTest(properties = "delphi.scheduling.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceAuthorizationMatrixIT {

    static final String MATRIX = """
            | service method | on | anonymous | expert | other expert | facilitator | other facilitator | admin |
            |---|---|---|---|---|---|---|---|
            | ApiTokenService.allTokens(long) | everyone's tokens | ✘ | ✘ | ✘ | ✘ | ✘ | ✔ |
            | ApiTokenService.authenticate(String) | internal | · | · | · | · | · | · |
            | ApiTokenService.create(long, String, Instant, Collection, ApiScope) | own token | ✘ | ✔ | ✔ | ✔ | ✔ | ✔ |
            | ApiTokenService.find(long, long) | the expert's token | ✘ | ✔ | ✘ | ✘ | ✘ | ✔ |
            | ApiTokenService.revoke(long, long) | the expert's token | ✘ | ✔ | ✘ | ✘ | ✘ | ✔ |
            | ApiTokenService.tokensOf(long) | own tokens | ✘ | ✔ | ✔ | ✔ | ✔ | ✔ |
            | AuditLog.forEntity(String, String) | internal | · | · | · | · | · | · |
            | AuditLog.recent(int) | internal | · | · | · | · | · | · |
            | AuditLog.record(String, String, String, String, String, String) | internal | · | · | · | · | · | · |
            | ExportService.bundle(StudyId, boolean) | pseudonymous | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | ExportService.bundle(StudyId, boolean) | named | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | ExportService.consensus(StudyId) | this study | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | ExportService.documents() | internal | · | · | · | · | · | · |
            | ExportService.exportedStudy(StudyId) | this study | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | ExportService.mayExport(StudyId) | this study | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | ExportService.mayExportNamed(StudyId) | this study | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | ExportService.rawRatings(StudyId, boolean) | pseudonymous | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | ExportService.rawRatings(StudyId, boolean) | named | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | ExportService.roundStatistics(StudyId) | this study | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | RatingsImportService.importRatings(StudyId, byte[]) | open round | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | FrameworkService.find(String, int) | internal | · | · | · | · | · | · |
            | FrameworkService.find(long) | internal | · | · | · | · | · | · |
            | FrameworkService.importRubric(String, String) | internal | · | · | · | · | · | · |
            | FrameworkService.latest(String) | internal | · | · | · | · | · | · |
            | FrameworkService.list() | internal | · | · | · | · | · | · |
            | FrameworkService.source(long) | internal | · | · | · | · | · | · |
            | HomeService.cardsForCurrentUser() | lists this study | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | FeedbackService.feedback(long, RoundId) | open round 2 | ✘ | ✔ | ✘ | ✔ | ✘ | ✘ |
            | FeedbackService.feedback(long, RoundId, CellKey) | open round 2 | ✘ | ✔ | ✘ | ✔ | ✘ | ✘ |
            | RatingService.cell(long, RoundId, TargetId, long) | open round | ✘ | ✔ | ✘ | ✘ | ✘ | ✘ |
            | RatingService.closedRound(long, RoundId) | closed round | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | RatingService.closedRound(long, RoundId) | open round | ✘ | ✘ | ✘ | ✘ | ✘ | ✘ |
            | RatingService.importRatings(long, RoundId, List) | open round | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | RatingService.myRatings(long, RoundId) | open round | ✘ | ✔ | ✘ | ✔ | ✘ | ✘ |
            | RatingService.progress(long, RoundId) | open round | ✘ | ✔ | ✘ | ✘ | ✘ | ✘ |
            | RatingService.ratedCount(long, RoundId) | open round | ✔ | ✔ | ✔ | ✔ | ✔ | ✔ |
            | RatingService.roundRatings(long, RoundId) | closed round | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | RatingService.roundRatings(long, RoundId) | open round | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | RatingService.save(long, RatingChange) | open round | ✘ | ✔ | ✘ | ✘ | ✘ | ✘ |
            | RatingService.submissions(long, RoundId) | open round | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | RatingService.submit(long, RoundId) | open round | ✘ | ✔ | ✘ | ✘ | ✘ | ✘ |
            | RoundSnapshotService.snapshot(long, RoundId) | closed round | ✘ | ✔ | ✘ | ✔ | ✘ | ✘ |
            | RoundSnapshotService.snapshot(long, RoundId) | open round | ✘ | ✘ | ✘ | ✘ | ✘ | ✘ |
            | AgreementService.agreement(StudyId, RoundId, AgreementScope) | open round | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | AgreementService.agreementAsync(StudyId, RoundId, AgreementScope) | open round | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | AgreementService.closedRoundAgreement(StudyId, ClosedRound, AgreementScope) | internal | · | · | · | · | · | · |
            | AgreementService.closedRoundAgreement(StudyId, ClosedRound, List) | internal | · | · | · | · | · | · |
            | ConvergenceService.closedRoundsConvergence(StudyId, List) | internal | · | · | · | · | · | · |
            | ConvergenceService.convergence(StudyId) | this study | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | ResultsService.compute(StudyId) | this study | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | ResultsService.computeAsync(StudyId) | this study | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | ResultsService.finalRound(StudyId) | this study | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | ResultsService.mayManage(StudyId) | this study | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | ResultsService.publish(StudyId) | this study | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | ResultsService.results(StudyId) | published | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | ReviewService.currentRound(StudyId) | this study | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | ReviewService.progress(StudyId, RoundId) | open round | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | ReviewService.triage(StudyId, RoundId) | open round | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | ReportService.html(StudyId) | this study | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | ReportService.pdf(StudyId) | this study | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | AppUserDetailsService.loadUserByUsername(String) | internal | · | · | · | · | · | · |
            | InvitationService.accept(String, String, String, String) | internal | · | · | · | · | · | · |
            | InvitationService.invite(String, Role) | an expert | ✘ | ✘ | ✘ | ✔ | ✔ | ✔ |
            | InvitationService.invite(String, Role) | a facilitator | ✘ | ✘ | ✘ | ✘ | ✘ | ✔ |
            | InvitationService.inviteToStudy(String, Role, long) | an expert | ✘ | ✘ | ✘ | ✔ | ✔ | ✔ |
            | InvitationService.pending() | internal | · | · | · | · | · | · |
            | InvitationService.pendingForStudy(long) | internal | · | · | · | · | · | · |
            | InvitationService.preview(String) | internal | · | · | · | · | · | · |
            | InvitationService.timeToLive() | internal | · | · | · | · | · | · |
            | UserService.createUser(String, String, Role, String) | internal | · | · | · | · | · | · |
            | UserService.currentUser() | signed in | ✘ | ✔ | ✔ | ✔ | ✔ | ✔ |
            | UserService.directory() | internal | · | · | · | · | · | · |
            | UserService.findByEmail(String) | internal | · | · | · | · | · | · |
            | UserService.findById(UserId) | internal | · | · | · | · | · | · |
            | UserService.hasUsableAdmin() | internal | · | · | · | · | · | · |
            | UserService.list() | internal | · | · | · | · | · | · |
            | UserService.requireCurrentUser(String) | signed in | ✘ | ✔ | ✔ | ✔ | ✔ | ✔ |
            | UserService.setEnabled(UserId, boolean) | an expert | ✘ | ✘ | ✘ | ✘ | ✘ | ✔ |
            | StudyService.addEvidence(long, StudyId, TargetId, EvidenceDetails) | draft | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.addExpert(long, StudyId, String) | this study | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.addFacilitator(long, StudyId, String) | this study | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.addPanelist(long, StudyId, long, PanelRole) | this study | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.addTarget(long, StudyId, TargetDetails) | draft | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.allOverviews(long) | internal | · | · | · | · | · | · |
            | StudyService.closeIfOverdue(RoundId) | internal | · | · | · | · | · | · |
            | StudyService.closeRound(long, RoundId) | open round | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.createStudy(long, long, StudyDetails) | new study | ✘ | ✘ | ✘ | ✔ | ✔ | ✔ |
            | StudyService.createStudy(long, long, StudyDetails, StudyRules) | new study | ✘ | ✘ | ✘ | ✔ | ✔ | ✔ |
            | StudyService.currentRound(StudyId) | internal | · | · | · | · | · | · |
            | StudyService.evidence(TargetId) | internal | · | · | · | · | · | · |
            | StudyService.experts(StudyId) | internal | · | · | · | · | · | · |
            | StudyService.findStudy(StudyId) | internal | · | · | · | · | · | · |
            | StudyService.finishStudy(long, StudyId) | round closed | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.holdRound(RoundId) | internal | · | · | · | · | · | · |
            | StudyService.importTargets(long, StudyId, String) | draft | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.importTargets(long, StudyId, byte[]) | draft | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.inviteExpert(long, StudyId, String) | this study | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.isTargetOf(StudyId, TargetId) | internal | · | · | · | · | · | · |
            | StudyService.mayManage(long, StudyId) | this study | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.openNextRound(long, StudyId, Instant) | draft | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.overdueRounds() | internal | · | · | · | · | · | · |
            | StudyService.overviewsFor(long) | lists this study | ✘ | ✔ | ✘ | ✔ | ✘ | ✘ |
            | StudyService.panel(StudyId) | internal | · | · | · | · | · | · |
            | StudyService.panelMembers(long, StudyId) | this study | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.panelist(PanelistId) | internal | · | · | · | · | · | · |
            | StudyService.panelist(StudyId, long) | internal | · | · | · | · | · | · |
            | StudyService.pendingInvitations(long, StudyId) | this study | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.progress(long, RoundId) | open round | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.removeEvidence(long, StudyId, EvidenceItemId) | draft | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.removeTarget(long, StudyId, TargetId) | draft | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.round(RoundId) | internal | · | · | · | · | · | · |
            | StudyService.rounds(StudyId) | internal | · | · | · | · | · | · |
            | StudyService.study(StudyId) | internal | · | · | · | · | · | · |
            | StudyService.studyForMember(long, StudyId) | this study | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.targets(StudyId) | internal | · | · | · | · | · | · |
            | StudyService.updateDetails(long, StudyId, StudyDetails) | this study | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.updateEvidence(long, StudyId, EvidenceItemId, EvidenceDetails) | draft | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.updateRules(long, StudyId, StudyRules) | draft | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | StudyService.updateTarget(long, StudyId, TargetId, TargetDetails) | draft | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            """;

    /** The features whose services hold or change study data. */
    private static final List<String> FEATURES = List.of("study", "rating", "scoring", "export", "framework", "security",
            "home", "audit", "api", "report");

    /** Return types that carry ratings (or statistics of an open round) and so must never come from an unchecked method to a view. */
    private static final List<String> RATING_BEARING = List.of("Rating", "RoundSnapshot", "CellSnapshot", "CellFeedback",
            "CellState", "RoundProgress", "ClosedRound", "StudyResults", "Export", "Triage", "AgreementReport",
            "Convergence", "AuditEntry", "byte[]");

    @Autowired
    ApplicationContext context;

    @Autowired
    AuthzWorld worlds;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    StudyService studies;

    @Autowired
    RatingService ratings;

    @Autowired
    FeedbackService feedback;

    @Autowired
    RoundSnapshotService snapshots;

    @Autowired
    AgreementService agreement;

    @Autowired
    ConvergenceService convergence;

    @Autowired
    ResultsService results;

    @Autowired
    ReviewService review;

    @Autowired
    ExportService exports;

    @Autowired
    RatingsImportService ratingsImport;

    @Autowired
    HomeService home;

    @Autowired
    ReportService report;

    @Autowired
    InvitationService invitations;

    @Autowired
    UserService users;

    @Autowired
    AuditLog auditLog;

    @Autowired
    ApiTokenService tokens;

    private World world;
    private long expertsToken;

    @BeforeAll
    void buildWorld() {
        world = worlds.build();
        expertsToken = tokens.create(world.callers().expert(), "the expert's script", null, List.of(), ApiScope.READ)
                .token().id();
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    /** A call as one caller; returns what the caller got. */
    @FunctionalInterface
    interface Call {
        Object as(long userId) throws Exception;
    }

    /** Row key ("method | on") → the call. The methods with {@code internal} rows have none. */
    private Map<String, Call> calls() {
        World w = world;
        var study = w.study().id();
        var draft = w.draft().id();
        var open = w.openRound().id();
        var closed = w.closedRound().id();
        long facilitator = w.callers().facilitator();
        String tag = org.delphipanel.study.StudyTestData.uniqueTag();
        String expertPseudonym = studies.panelist(study, w.callers().expert()).orElseThrow().pseudonym();
        Map<String, Call> calls = new LinkedHashMap<>();

        calls.put("ApiTokenService.allTokens(long) | everyone's tokens", u -> tokens.allTokens(u));
        calls.put("ApiTokenService.create(long, String, Instant, Collection, ApiScope) | own token",
                u -> tokens.create(u, "a script", null, List.of(), ApiScope.READ));
        calls.put("ApiTokenService.find(long, long) | the expert's token", u -> tokens.find(u, expertsToken));
        calls.put("ApiTokenService.revoke(long, long) | the expert's token", u -> tokens.revoke(u, expertsToken));
        calls.put("ApiTokenService.tokensOf(long) | own tokens", u -> tokens.tokensOf(u));

        calls.put("ExportService.bundle(StudyId, boolean) | pseudonymous", u -> exportText(exports.bundle(study, false)));
        calls.put("ExportService.bundle(StudyId, boolean) | named", u -> exportText(exports.bundle(study, true)));
        calls.put("ExportService.consensus(StudyId) | this study", u -> exports.consensus(study));
        calls.put("ExportService.exportedStudy(StudyId) | this study", u -> exports.exportedStudy(study));
        calls.put("ReportService.html(StudyId) | this study", u -> report.html(study));
        calls.put("ReportService.pdf(StudyId) | this study", u -> new String(report.pdf(study), StandardCharsets.ISO_8859_1));
        calls.put("ExportService.mayExport(StudyId) | this study", u -> exports.mayExport(study));
        calls.put("ExportService.mayExportNamed(StudyId) | this study", u -> exports.mayExportNamed(study));
        calls.put("ExportService.rawRatings(StudyId, boolean) | pseudonymous", u -> exports.rawRatings(study, false));
        calls.put("ExportService.rawRatings(StudyId, boolean) | named", u -> exports.rawRatings(study, true));
        calls.put("ExportService.roundStatistics(StudyId) | this study", u -> exports.roundStatistics(study));
        calls.put("RatingsImportService.importRatings(StudyId, byte[]) | open round", u -> ratingsImport.importRatings(study,
                ("target,criterion,expert,value\n" + w.target().name() + "," + w.panel().criterion(2).code() + ","
                        + expertPseudonym + ",2.0\n").getBytes(StandardCharsets.UTF_8)));
        calls.put("HomeService.cardsForCurrentUser() | lists this study", u -> home.cardsForCurrentUser().stream()
                .anyMatch(card -> card.studyId() == study.value()));

        calls.put("FeedbackService.feedback(long, RoundId) | open round 2", u -> feedback.feedback(u, open));
        calls.put("FeedbackService.feedback(long, RoundId, CellKey) | open round 2", u -> feedback.feedback(u, open, w.cell(0)));
        calls.put("RatingService.cell(long, RoundId, TargetId, long) | open round", u -> ratings.cell(u, open,
                w.target().id(), w.cell(0).criterionId()));
        calls.put("RatingService.closedRound(long, RoundId) | closed round", u -> ratings.closedRound(u, closed));
        calls.put("RatingService.closedRound(long, RoundId) | open round", u -> ratings.closedRound(u, open));
        calls.put("RatingService.importRatings(long, RoundId, List) | open round", u -> ratings.importRatings(u, open,
                List.of(new ImportedRating(2, studies.panelist(study, w.callers().expert()).orElseThrow().id(),
                        w.target().id(), w.cell(2).criterionId(), new BigDecimal("2.0"), null, null))));
        calls.put("RatingService.myRatings(long, RoundId) | open round", u -> ratings.myRatings(u, open));
        calls.put("RatingService.progress(long, RoundId) | open round", u -> ratings.progress(u, open));
        calls.put("RatingService.ratedCount(long, RoundId) | open round", u -> ratings.ratedCount(u, open));
        calls.put("RatingService.roundRatings(long, RoundId) | closed round", u -> ratings.roundRatings(u, closed));
        calls.put("RatingService.roundRatings(long, RoundId) | open round", u -> ratings.roundRatings(u, open));
        calls.put("RatingService.save(long, RatingChange) | open round", u -> ratings.save(u, new RatingChange(open,
                w.target().id(), w.cell(3).criterionId(), new BigDecimal("3.0"), Confidence.LOW, null, List.of(), null)));
        calls.put("RatingService.submissions(long, RoundId) | open round", u -> ratings.submissions(u, open));
        calls.put("RatingService.submit(long, RoundId) | open round", u -> ratings.submit(u, open));
        calls.put("RoundSnapshotService.snapshot(long, RoundId) | closed round", u -> snapshots.snapshot(u, closed));
        calls.put("RoundSnapshotService.snapshot(long, RoundId) | open round", u -> snapshots.snapshot(u, open));

        calls.put("AgreementService.agreement(StudyId, RoundId, AgreementScope) | open round",
                u -> agreement.agreement(study, open, AgreementScope.allCells()));
        calls.put("AgreementService.agreementAsync(StudyId, RoundId, AgreementScope) | open round",
                u -> agreement.agreementAsync(study, open, AgreementScope.allCells()));
        calls.put("ConvergenceService.convergence(StudyId) | this study", u -> convergence.convergence(study));
        calls.put("ResultsService.compute(StudyId) | this study", u -> results.compute(study));
        calls.put("ResultsService.computeAsync(StudyId) | this study", u -> results.computeAsync(study));
        calls.put("ResultsService.finalRound(StudyId) | this study", u -> results.finalRound(study));
        calls.put("ResultsService.mayManage(StudyId) | this study", u -> results.mayManage(study));
        calls.put("ResultsService.publish(StudyId) | this study", u -> results.publish(study));
        calls.put("ResultsService.results(StudyId) | published", u -> results.results(study));
        calls.put("ReviewService.currentRound(StudyId) | this study", u -> review.currentRound(study));
        calls.put("ReviewService.progress(StudyId, RoundId) | open round", u -> review.progress(study, open));
        calls.put("ReviewService.triage(StudyId, RoundId) | open round", u -> review.triage(study, open));

        calls.put("InvitationService.invite(String, Role) | an expert",
                u -> invitations.invite("invited-" + tag + "@example.org", Role.EXPERT));
        calls.put("InvitationService.invite(String, Role) | a facilitator",
                u -> invitations.invite("invited-" + tag + "@example.org", Role.FACILITATOR));
        calls.put("InvitationService.inviteToStudy(String, Role, long) | an expert",
                u -> invitations.inviteToStudy("invited-" + tag + "@example.org", Role.EXPERT, study.value()));
        calls.put("UserService.currentUser() | signed in", u -> users.currentUser());
        calls.put("UserService.requireCurrentUser(String) | signed in", u -> users.requireCurrentUser("be tested"));
        calls.put("UserService.setEnabled(UserId, boolean) | an expert",
                u -> users.setEnabled(new UserId(w.newcomer().id().value()), false));

        calls.put("StudyService.addEvidence(long, StudyId, TargetId, EvidenceDetails) | draft", u -> studies.addEvidence(u,
                draft, w.draftTarget().id(), new EvidenceDetails("Another card", null, null, null)));
        calls.put("StudyService.addExpert(long, StudyId, String) | this study",
                u -> studies.addExpert(u, study, w.newcomer().email()));
        calls.put("StudyService.addFacilitator(long, StudyId, String) | this study",
                u -> studies.addFacilitator(u, study, w.newFacilitator().email()));
        calls.put("StudyService.addPanelist(long, StudyId, long, PanelRole) | this study",
                u -> studies.addPanelist(u, study, w.newcomer().id().value(), PanelRole.EXPERT));
        calls.put("StudyService.addTarget(long, StudyId, TargetDetails) | draft",
                u -> studies.addTarget(u, draft, new TargetDetails("New target " + tag, null, null)));
        calls.put("StudyService.closeRound(long, RoundId) | open round", u -> studies.closeRound(u, open));
        calls.put("StudyService.createStudy(long, long, StudyDetails) | new study", u -> studies.createStudy(u,
                w.panel().framework().id(), new StudyDetails("New study " + tag, null, null)));
        calls.put("StudyService.createStudy(long, long, StudyDetails, StudyRules) | new study", u -> studies.createStudy(u,
                w.panel().framework().id(), new StudyDetails("New study " + tag, null, null), StudyRules.defaults()));
        calls.put("StudyService.finishStudy(long, StudyId) | round closed", u -> {
            studies.closeRound(facilitator, open);
            return studies.finishStudy(u, study);
        });
        calls.put("StudyService.importTargets(long, StudyId, String) | draft",
                u -> studies.importTargets(u, draft, "name\nImported target " + tag + "\n"));
        calls.put("StudyService.importTargets(long, StudyId, byte[]) | draft", u -> studies.importTargets(u, draft,
                ("name\nUploaded target " + tag + "\n").getBytes(StandardCharsets.UTF_8)));
        calls.put("StudyService.inviteExpert(long, StudyId, String) | this study",
                u -> studies.inviteExpert(u, study, "invited-" + tag + "@example.org"));
        calls.put("StudyService.mayManage(long, StudyId) | this study", u -> studies.mayManage(u, study));
        calls.put("StudyService.openNextRound(long, StudyId, Instant) | draft",
                u -> studies.openNextRound(u, draft, (Instant) null));
        calls.put("StudyService.overviewsFor(long) | lists this study", u -> studies.overviewsFor(u).stream()
                .anyMatch(overview -> overview.study().id().equals(study)));
        calls.put("StudyService.panelMembers(long, StudyId) | this study", u -> studies.panelMembers(u, study));
        calls.put("StudyService.pendingInvitations(long, StudyId) | this study", u -> studies.pendingInvitations(u, study));
        calls.put("StudyService.progress(long, RoundId) | open round", u -> studies.progress(u, open));
        calls.put("StudyService.removeEvidence(long, StudyId, EvidenceItemId) | draft",
                u -> {
                    studies.removeEvidence(u, draft, w.draftEvidence().id());
                    return "removed";
                });
        calls.put("StudyService.removeTarget(long, StudyId, TargetId) | draft", u -> {
            studies.removeTarget(u, draft, w.draftTarget().id());
            return "removed";
        });
        calls.put("StudyService.studyForMember(long, StudyId) | this study", u -> studies.studyForMember(u, study));
        calls.put("StudyService.updateDetails(long, StudyId, StudyDetails) | this study", u -> studies.updateDetails(u,
                study, new StudyDetails("Renamed " + tag, null, w.study().question())));
        calls.put("StudyService.updateEvidence(long, StudyId, EvidenceItemId, EvidenceDetails) | draft",
                u -> studies.updateEvidence(u, draft, w.draftEvidence().id(),
                        new EvidenceDetails("A corrected card", null, null, null)));
        calls.put("StudyService.updateRules(long, StudyId, StudyRules) | draft",
                u -> studies.updateRules(u, draft, StudyRules.defaults()));
        calls.put("StudyService.updateTarget(long, StudyId, TargetId, TargetDetails) | draft", u -> studies.updateTarget(u,
                draft, w.draftTarget().id(), new TargetDetails("Renamed target " + tag, null, null)));
        return calls;
    }

    @Test
    void every_public_method_of_the_study_data_services_has_a_row_and_every_row_a_method() {
        Set<String> discovered = new TreeSet<>(publicMethods().keySet());
        Set<String> inTable = new TreeSet<>(rows().stream().map(Row::method).toList());
        assertThat(inTable).as("methods in the table").isEqualTo(discovered);
        Set<String> callable = new TreeSet<>(calls().keySet());
        Set<String> checked = new TreeSet<>(rows().stream().filter(row -> !row.internal()).map(Row::key).toList());
        assertThat(callable).as("each checked row has its call").isEqualTo(checked);
    }

    @Test
    void each_caller_gets_exactly_what_the_table_allows_and_no_expert_reads_the_open_round() {
        Map<String, Call> calls = calls();
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows()) {
            if (row.internal()) {
                continue;
            }
            for (Caller caller : Caller.values()) {
                Outcome outcome = call(calls.get(row.key()), caller);
                boolean expected = row.allowed().contains(caller);
                if (outcome.error() != null) {
                    mismatches.add(row.key() + " as " + caller.column + ": unexpected " + outcome.error());
                } else if (outcome.granted() != expected) {
                    mismatches.add(row.key() + " as " + caller.column + ": expected " + (expected ? "✔" : "✘")
                            + ", got " + (outcome.granted() ? "✔" : "✘ " + outcome.refusal()));
                }
                if (outcome.granted() && caller != Caller.FACILITATOR && caller != Caller.ADMIN
                        && outcome.text().contains(AuthzWorld.SECRET)) {
                    mismatches.add(row.key() + " as " + caller.column + " shows another expert's open-round rating");
                }
            }
        }
        assertThat(mismatches).as("cells of the matrix that do not hold").isEmpty();
    }

    @Test
    void no_unchecked_method_hands_ratings_to_a_view_or_the_api() {
        Map<String, Method> methods = publicMethods();
        List<Method> leaking = rows().stream().filter(Row::internal)
                .map(row -> methods.get(row.method()))
                .filter(method -> {
                    String type = method.getGenericReturnType().getTypeName();
                    return RATING_BEARING.stream().anyMatch(name -> type.matches("(?s).*\\b" + java.util.regex.Pattern.quote(name) + "\\b.*"));
                })
                .toList();
        // the audit log's entries describe rating changes (grades); the closed-round statistics compute from a
        // ClosedRound the caller already read through the checked RatingService.closedRound (exports, report)
        assertThat(leaking).as("internal methods returning ratings or their statistics")
                .extracting(method -> method.getDeclaringClass().getSimpleName() + "." + method.getName())
                .containsOnly("AuditLog.forEntity", "AuditLog.recent", "AuditLog.record",
                        "AgreementService.closedRoundAgreement", "ConvergenceService.closedRoundsConvergence");
        for (Method method : leaking) {
            if (method.getName().equals("record")) {
                continue; // writes an entry and returns that same entry: nothing the caller did not give it
            }
            assertThat(UncheckedCallers.viewsAndApiCalling(method.getDeclaringClass(), method.getName()))
                    .as("views and API calling " + method.getName()).isEmpty();
        }
    }

    @Test
    void docs_authorization_md_shows_this_table() throws IOException {
        String doc = Files.readString(Path.of("docs/authorization.md"));
        assertThat(doc).contains(MATRIX.strip());
    }

    // ------------------------------------------------------------------ machinery

    record Row(String method, String on, Set<Caller> allowed) {
        String key() {
            return method + " | " + on;
        }

        boolean internal() {
            return on.equals("internal");
        }
    }

    static List<Row> rows() {
        return rows(MATRIX);
    }

    /** The rows of a matrix table whose first two columns name the thing and the case. */
    static List<Row> rows(String matrix) {
        List<String> lines = matrix.strip().lines().toList();
        List<String> header = cells(lines.get(0));
        List<Caller> columns = header.subList(2, header.size()).stream()
                .map(name -> Caller.byColumn(name).orElseThrow(() -> new IllegalStateException("no caller " + name)))
                .toList();
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            List<String> cells = cells(line);
            Set<Caller> allowed = EnumSet.noneOf(Caller.class);
            for (int i = 0; i < columns.size(); i++) {
                if (cells.get(i + 2).equals("✔")) {
                    allowed.add(columns.get(i));
                }
            }
            rows.add(new Row(cells.get(0), cells.get(1), allowed));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.strip().substring(1, line.strip().length() - 1);
        return Arrays.stream(inner.split("\\|")).map(String::strip).toList();
    }

    /** "Type.method(ParamType, ...)" → method, over the public instance methods of the features' services. */
    private Map<String, Method> publicMethods() {
        Map<String, Method> methods = new LinkedHashMap<>();
        for (Object bean : context.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            String feature = type.getPackageName().replace("org.delphipanel.", "");
            if (!FEATURES.contains(feature)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && !method.isSynthetic()) {
                    methods.put(key(method), method);
                }
            }
        }
        return methods;
    }

    static String key(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
                + ")";
    }

    /** What one call gave: granted or refused (with why), its result as text, or an unexpected error. */
    record Outcome(boolean granted, String refusal, String text, Throwable error) {
    }

    private Outcome call(Call call, Caller caller) {
        if (caller == Caller.ANONYMOUS) {
            ActingAs.nobody();
        } else {
            ActingAs.user(users.findById(new UserId(caller.id(world))).orElseThrow().email(), caller.role);
        }
        var transaction = new TransactionTemplate(transactionManager);
        try {
            return transaction.execute(status -> {
                status.setRollbackOnly();
                try {
                    Object result = call.as(caller.id(world));
                    if (result instanceof CompletableFuture<?> future) {
                        result = future.join();
                    }
                    boolean granted = !(Boolean.FALSE.equals(result)
                            || result instanceof Optional<?> optional && optional.isEmpty());
                    return new Outcome(granted, granted ? "" : "nothing given", String.valueOf(result), null);
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (AccessDeniedException | RoundNotOpenException refused) {
            return new Outcome(false, refused.getClass().getSimpleName() + ": " + refused.getMessage(), "", null);
        } catch (RuntimeException other) {
            return new Outcome(false, "", "", other);
        } finally {
            ActingAs.nobody();
        }
    }

    /** The text files of an export ZIP, for the search for what must not be there. */
    private static String exportText(byte[] zip) throws IOException {
        StringBuilder text = new StringBuilder();
        try (var entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            while (entries.getNextEntry() != null) {
                text.append(new String(entries.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return text.toString();
    }
}
