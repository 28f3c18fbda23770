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

    RatingService(RatingRepository repository, StudyService studies, RoundContexts contexts, UserService users,
            AuditLog auditLog, Clock clock) {
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
        RoundContext context = contexts.of(change.roundId());
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
            long id = repository.insert(change, expert.id(), scale.min(), scale.max(), now);
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

    /** Who submitted a round and when; for the study's facilitators. */
    @Transactional(readOnly = true)
    public Map<PanelistId, Instant> submissions(long userId, RoundId roundId) {
        Round round = studies.round(roundId);
        Panelist panelist = studies.panelist(round.studyId(), userId)
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

    private static CellState state(RoundContext context, CellKey key, @Nullable Rating rating) {
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
