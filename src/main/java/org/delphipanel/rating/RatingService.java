package org.delphipanel.rating;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.ScaleDefinition;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserId;
import org.delphipanel.security.UserService;
import org.delphipanel.study.ConcurrentChangeException;
import org.delphipanel.study.EvidenceItem;
import org.delphipanel.study.EvidenceItemId;
import org.delphipanel.study.PanelRole;
import org.delphipanel.study.Panelist;
import org.delphipanel.study.PanelistId;
import org.delphipanel.study.Round;
import org.delphipanel.study.RoundId;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.TargetId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves experts' ratings and decides who may read which ratings when. Blindness lives here, not in
 * the views: while a round is open an expert reads only their own ratings of it; every panelist may
 * read a closed round's ratings (as anonymised feedback); facilitators of the study may read an open
 * round's ratings (live statistics). Cells the panel settled by consensus in an earlier round are
 * not rated again when the study does not carry them forward, and the study's rationale policy decides
 * which saved grades still need a rationale before they count as rated.
 */
@Service
@Transactional
public class RatingService {

    private final RatingRepository repository;
    private final StudyService studies;
    private final RoundContexts contexts;
    private final UserService users;
    private final AuditLog auditLog;
    private final Clock clock;
    private final RoundSnapshotRepository snapshots;

    RatingService(RatingRepository repository, StudyService studies, RoundContexts contexts, UserService users,
            AuditLog auditLog, Clock clock, RoundSnapshotRepository snapshots) {
        this.snapshots = snapshots;
        this.repository = repository;
        this.studies = studies;
        this.contexts = contexts;
        this.users = users;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Saves one cell for the expert {@code userId}: a first rating, or a change of their own rating
     * when {@code change.expectedVersion()} still matches (another tab's change is never overwritten
     * silently). A grade that needs a rationale is stored all the same (nothing typed is lost), but
     * its cell {@linkplain #cell shows} {@link CellStatus#NEEDS_RATIONALE} until one is given.
     *
     * @throws CellSettledException for a cell the panel settled in an earlier round
     */
    public Rating save(long userId, RatingChange change) {
        // held, not just read: the round cannot close between this check and the commit (decision 0006)
        RoundContext context = contexts.of(studies.holdRound(change.roundId()));
        Round round = context.round();
        Study study = context.study();
        Panelist expert = requireExpert(study, userId);
        Instant now = clock.instant();
        if (!round.isOpen()) {
            throw new RoundNotOpenException("round " + round.number() + " is " + round.state().name().toLowerCase()
                    + ": ratings can no longer change");
        }
        if (round.closesAt() != null && now.isAfter(round.closesAt())) {
            throw new RoundNotOpenException("the deadline of round " + round.number() + " has passed");
        }
        if (!studies.isTargetOf(study.id(), change.targetId())) {
            throw new IllegalArgumentException("target " + change.targetId() + " is not rated in study " + study.name());
        }
        Criterion criterion = context.criterion(change.criterionId())
                .orElseThrow(() -> new IllegalArgumentException("criterion " + change.criterionId()
                        + " is not a criterion of the rubric of study " + study.name()));
        ScaleDefinition scale = criterion.scale();
        requireOnScale(criterion, change.grade());
        requireOwnEvidence(change);
        Optional<CellSnapshot> settledBy = context.settledBy(new CellKey(change.targetId(), change.criterionId()));
        if (settledBy.isPresent()) {
            throw new CellSettledException("the panel reached consensus on " + criterion.name() + " for this target in"
                    + " round " + settledBy.get().ratedInRound() + "; this study does not rate settled cells again");
        }
        Optional<Rating> existing = repository.find(change.roundId(), change.targetId(), change.criterionId(), expert.id());
        if (existing.isEmpty()) {
            if (change.expectedVersion() != null) {
                throw new ConcurrentChangeException("this rating was removed meanwhile; reload the cell");
            }
            long id;
            try {
                id = repository.insert(change, expert.id(), scale.min(), scale.max(), now);
            } catch (DuplicateKeyException otherTabFirst) {
                // the same expert's other tab or window created this cell meanwhile
                throw new ConcurrentChangeException("this cell was rated in another tab or window meanwhile;"
                        + " reload it to see the latest rating");
            }
            audit(userId, "rating.created", id, null, change);
        } else {
            Rating stored = existing.get();
            int expected = change.expectedVersion() == null ? -1 : change.expectedVersion();
            if (expected != stored.version() || !repository.update(stored.id(), expected, change, now)) {
                throw new ConcurrentChangeException("this cell was changed in another tab or window (now "
                        + stored.grade().stripTrailingZeros().toPlainString() + "); reload it to see the latest rating");
            }
            audit(userId, "rating.changed", stored.id(), describe(stored.grade(), stored.confidence(), stored.rationale()),
                    change);
        }
        return repository.find(change.roundId(), change.targetId(), change.criterionId(), expert.id()).orElseThrow();
    }

    /**
     * Stores ratings collected elsewhere into an open round, all or nothing: a facilitator of the study
     * (or an administrator) brings them in for the experts named. Each is checked as an expert's own
     * save would be (the round open and before its deadline, a target of the study, a leaf criterion of
     * its rubric, a grade on the scale's steps, not a cell settled earlier); an expert's existing rating
     * of a cell is replaced. Any problem refuses the whole list with every problem found. Audit-logged
     * per rating and once for the import.
     *
     * @throws RatingsRejectedException listing every problem; nothing was stored
     */
    public int importRatings(long userId, RoundId roundId, List<ImportedRating> imported) {
        RoundContext context = contexts.of(studies.holdRound(roundId));
        Round round = context.round();
        Study study = context.study();
        AppUser actor = users.findById(new UserId(userId))
                .orElseThrow(() -> new AccessDeniedException("unknown user " + userId));
        boolean facilitates = actor.is(org.delphipanel.security.Role.ADMIN) || studies.panelist(study.id(), userId)
                .filter(p -> p.role() == PanelRole.FACILITATOR).isPresent();
        if (!facilitates) {
            throw new AccessDeniedException("only the study's facilitators and administrators import ratings");
        }
        Instant now = clock.instant();
        if (!round.isOpen()) {
            throw new RoundNotOpenException("round " + round.number() + " is " + round.state().name().toLowerCase()
                    + ": ratings can be imported only into an open round");
        }
        if (round.closesAt() != null && now.isAfter(round.closesAt())) {
            throw new RoundNotOpenException("the deadline of round " + round.number() + " has passed");
        }
        List<RatingsRejectedException.Problem> problems = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ImportedRating rating : imported) {
            int line = rating.line();
            Optional<Panelist> expert = studies.panelist(rating.expert());
            if (expert.isEmpty() || !expert.get().studyId().equals(study.id()) || !expert.get().isExpert()) {
                problems.add(new RatingsRejectedException.Problem(line, "expert", "not an expert of study " + study.name()));
            }
            if (!studies.isTargetOf(study.id(), rating.targetId())) {
                problems.add(new RatingsRejectedException.Problem(line, "target", "not a target of study " + study.name()));
            }
            Optional<Criterion> criterion = context.criterion(rating.criterionId());
            if (criterion.isEmpty()) {
                problems.add(new RatingsRejectedException.Problem(line, "criterion",
                        "not a criterion of the rubric of study " + study.name()));
            } else {
                try {
                    requireOnScale(criterion.get(), rating.grade());
                } catch (IllegalArgumentException e) {
                    problems.add(new RatingsRejectedException.Problem(line, "value", e.getMessage()));
                }
                context.settledBy(new CellKey(rating.targetId(), rating.criterionId())).ifPresent(settled -> problems.add(
                        new RatingsRejectedException.Problem(line, "", "the panel reached consensus on this cell in round "
                                + settled.ratedInRound() + "; this study does not rate settled cells again")));
            }
            if (!seen.add(rating.expert().value() + "/" + rating.targetId().value() + "/" + rating.criterionId())) {
                problems.add(new RatingsRejectedException.Problem(line, "", "a second rating of the same expert, target and criterion"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RatingsRejectedException(problems);
        }
        for (ImportedRating rating : imported) {
            Criterion criterion = context.criterion(rating.criterionId()).orElseThrow();
            ScaleDefinition scale = criterion.scale();
            Optional<Rating> existing = repository.find(roundId, rating.targetId(), rating.criterionId(), rating.expert());
            RatingChange change = new RatingChange(roundId, rating.targetId(), rating.criterionId(), rating.grade(),
                    rating.confidence(), rating.rationale(), List.of(), existing.map(Rating::version).orElse(null));
            if (existing.isEmpty()) {
                long id = repository.insert(change, rating.expert(), scale.min(), scale.max(), now);
                audit(userId, "rating.imported", id, null, change);
            } else {
                Rating stored = existing.get();
                if (!repository.update(stored.id(), stored.version(), change, now)) {
                    throw new ConcurrentChangeException("a rating of this round changed during the import; nothing was imported");
                }
                audit(userId, "rating.imported", stored.id(),
                        describe(stored.grade(), stored.confidence(), stored.rationale()), change);
            }
        }
        auditLog.record(actor.email(), "ratings.imported", "round", roundId.toString(), null,
                "{\"ratings\":" + imported.size() + ",\"round\":" + round.number() + "}");
        return imported.size();
    }

    /**
     * Every rating of a closed round with its stored snapshot, for exports: for anyone on the study's
     * panel and for administrators (who may be off it). Refused for a round that is not closed, to
     * everyone, so an export can never carry an open round.
     */
    @Transactional(readOnly = true)
    public ClosedRound closedRound(long userId, RoundId roundId) {
        Round round = studies.round(roundId);
        boolean admin = users.findById(new UserId(userId)).filter(u -> u.is(org.delphipanel.security.Role.ADMIN)).isPresent();
        if (!admin && studies.panelist(round.studyId(), userId).isEmpty()) {
            throw new AccessDeniedException("you are not on the panel of this study");
        }
        if (!round.isClosed()) {
            throw new RoundNotOpenException("round " + round.number() + " is not closed: only closed rounds are exported");
        }
        return new ClosedRound(round, repository.byRound(roundId), snapshots.find(roundId).orElse(null));
    }

    /** A closed round's ratings and the snapshot stored when it closed (null only for rounds closed before snapshots existed). */
    public record ClosedRound(Round round, List<Rating> ratings, @Nullable RoundSnapshot snapshot) {
        public ClosedRound {
            ratings = List.copyOf(ratings);
        }
    }

    /** The ratings {@code userId} entered in a round: always their own, whatever the round's state. */
    @Transactional(readOnly = true)
    public List<Rating> myRatings(long userId, RoundId roundId) {
        Round round = studies.round(roundId);
        Panelist panelist = studies.panelist(round.studyId(), userId)
                .orElseThrow(() -> new AccessDeniedException("you are not on the panel of this study"));
        return repository.byPanelist(roundId, panelist.id());
    }

    /**
     * Every rating of a round, for {@code userId}. Refused to an expert while the round is open
     * (blindness), and to anyone not on the study's panel.
     */
    @Transactional(readOnly = true)
    public List<Rating> roundRatings(long userId, RoundId roundId) {
        Round round = studies.round(roundId);
        Optional<Panelist> member = studies.panelist(round.studyId(), userId);
        if (member.isEmpty() && isAdmin(userId)) {
            // administrators oversee every study as its facilitators do
            return repository.byRound(roundId);
        }
        Panelist panelist = member
                .orElseThrow(() -> new AccessDeniedException("you are not on the panel of this study"));
        if (panelist.role() == PanelRole.EXPERT && !round.isClosed()) {
            throw new AccessDeniedException("round " + round.number()
                    + " is still open: experts see the panel's ratings only after it closes");
        }
        return repository.byRound(roundId);
    }

    private boolean isAdmin(long userId) {
        return users.findById(new UserId(userId)).filter(user -> user.enabled() && user.role() == Role.ADMIN).isPresent();
    }

    /**
     * Marks the expert's round as submitted; ratings stay editable until the round closes.
     *
     * @return the expert's progress, whose {@link RoundProgress#notRated()} and
     *     {@link RoundProgress#needingRationale()} list what is still missing
     */
    public RoundProgress submit(long userId, RoundId roundId) {
        Round round = studies.round(roundId);
        Panelist expert = requireExpert(studies.study(round.studyId()), userId);
        if (!round.isOpen()) {
            throw new RoundNotOpenException("round " + round.number() + " is " + round.state().name().toLowerCase());
        }
        repository.submit(roundId, expert.id(), clock.instant());
        RoundProgress progress = progress(userId, roundId);
        auditLog.record(email(userId), "round.submitted", "round", roundId.toString(), null,
                expert.pseudonym() + ": " + progress.summary());
        return progress;
    }

    /** Who submitted a round and when; for the study's facilitators and administrators. */
    @Transactional(readOnly = true)
    public Map<PanelistId, Instant> submissions(long userId, RoundId roundId) {
        Round round = studies.round(roundId);
        Optional<Panelist> member = studies.panelist(round.studyId(), userId);
        if (member.isEmpty() && isAdmin(userId)) {
            // as in roundRatings: administrators oversee every study (the review page's progress needs this)
            return repository.submissions(roundId);
        }
        Panelist panelist = member
                .orElseThrow(() -> new AccessDeniedException("you are not on the panel of this study"));
        if (panelist.role() != PanelRole.FACILITATOR) {
            throw new AccessDeniedException("only the study's facilitators see who submitted");
        }
        return repository.submissions(roundId);
    }

    /**
     * How many cells count as rated for the expert in a round (with any rationale the study requires);
     * 0 for anyone who is not an expert of the study.
     */
    @Transactional(readOnly = true)
    public int ratedCount(long userId, RoundId roundId) {
        Round round = studies.round(roundId);
        boolean expert = studies.panelist(round.studyId(), userId).map(Panelist::isExpert).orElse(false);
        return expert ? progress(userId, roundId).rated() : 0;
    }

    /** The expert's own cells of a round with their status: what is rated, what is left, what is settled. */
    @Transactional(readOnly = true)
    public RoundProgress progress(long userId, RoundId roundId) {
        RoundContext context = contexts.of(roundId);
        Panelist expert = requireExpert(context.study(), userId);
        Map<CellKey, Rating> own = repository.byPanelist(roundId, expert.id()).stream()
                .collect(Collectors.toMap(r -> new CellKey(r.targetId(), r.criterionId()), Function.identity()));
        List<CellState> cells = new ArrayList<>();
        for (CellKey key : context.cells()) {
            cells.add(state(context, key, own.get(key)));
        }
        Round round = context.round();
        return new RoundProgress(roundId, round.number(), round.isOpen(), round.closesAt(),
                repository.submissions(roundId).get(expert.id()), cells);
    }

    /** One of the expert's own cells with its status and, when a rationale is required, why. */
    @Transactional(readOnly = true)
    public CellState cell(long userId, RoundId roundId, TargetId targetId, long criterionId) {
        RoundContext context = contexts.of(roundId);
        Panelist expert = requireExpert(context.study(), userId);
        if (!studies.isTargetOf(context.study().id(), targetId) || context.criterion(criterionId).isEmpty()) {
            throw new IllegalArgumentException("target " + targetId + " on criterion " + criterionId
                    + " is not a cell of study " + context.study().name());
        }
        CellKey key = new CellKey(targetId, criterionId);
        return state(context, key, repository.find(roundId, targetId, criterionId, expert.id()).orElse(null));
    }

    static CellState state(RoundContext context, CellKey key, @Nullable Rating rating) {
        if (context.settledBy(key).isPresent()) {
            return new CellState(key, CellStatus.SETTLED, rating, null);
        }
        if (rating == null) {
            return new CellState(key, CellStatus.NOT_RATED, null, null);
        }
        String requirement = CellRules.rationaleRequirement(context.study().rules().rationalePolicy(),
                context.previousCell(key).orElse(null), rating.grade());
        CellStatus status = requirement != null && !CellRules.hasRationale(rating)
                ? CellStatus.NEEDS_RATIONALE : CellStatus.RATED;
        return new CellState(key, status, rating, requirement);
    }

    private Panelist requireExpert(Study study, long userId) {
        Panelist panelist = studies.panelist(study.id(), userId)
                .orElseThrow(() -> new AccessDeniedException("you are not on the panel of study " + study.name()));
        if (!panelist.isExpert()) {
            throw new AccessDeniedException("only experts rate; you are a facilitator of study " + study.name());
        }
        return panelist;
    }

    private static void requireOnScale(Criterion criterion, BigDecimal grade) {
        ScaleDefinition scale = criterion.scale();
        if (grade.compareTo(scale.min()) < 0 || grade.compareTo(scale.max()) > 0) {
            throw new IllegalArgumentException("a grade of " + criterion.name() + " must lie between "
                    + scale.min().toPlainString() + " and " + scale.max().toPlainString() + ", was " + grade.toPlainString());
        }
        if (grade.subtract(scale.min()).remainder(scale.step()).signum() != 0) {
            throw new IllegalArgumentException("a grade of " + criterion.name() + " must be a multiple of "
                    + scale.step().toPlainString() + ", was " + grade.toPlainString());
        }
    }

    private void requireOwnEvidence(RatingChange change) {
        if (change.evidence().isEmpty()) {
            return;
        }
        List<EvidenceItemId> ofTarget = studies.evidence(change.targetId()).stream().map(EvidenceItem::id).toList();
        for (EvidenceItemId item : change.evidence()) {
            if (!ofTarget.contains(item)) {
                throw new IllegalArgumentException("evidence item " + item + " does not belong to this target");
            }
        }
    }

    private void audit(long userId, String action, long ratingId, @Nullable String before, RatingChange change) {
        auditLog.record(email(userId), action, "rating", Long.toString(ratingId), before,
                describe(change.grade(), change.confidence(), change.rationale()));
    }

    private static String describe(BigDecimal grade, @Nullable Confidence confidence, @Nullable String rationale) {
        return "grade " + grade.stripTrailingZeros().toPlainString()
                + (confidence == null ? "" : ", confidence " + confidence.name().toLowerCase())
                + (rationale == null || rationale.isBlank() ? ", no rationale" : ", rationale of " + rationale.length()
                        + " characters");
    }

    private String email(long userId) {
        return users.findById(new UserId(userId)).map(AppUser::email).orElse("user " + userId);
    }
}
