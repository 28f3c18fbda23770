package org.delphipanel.rating;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.Framework;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.framework.ScaleDefinition;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves experts' ratings and decides who may read which ratings when. Blindness lives here, not in
 * the views: while a round is open an expert reads only their own ratings of it; every panelist may
 * read a closed round's ratings (as anonymised feedback); facilitators of the study may read an open
 * round's ratings (live statistics).
 */
@Service
@Transactional
public class RatingService {

    private final RatingRepository repository;
    private final StudyService studies;
    private final FrameworkService frameworks;
    private final Clock clock;

    RatingService(RatingRepository repository, StudyService studies, FrameworkService frameworks, Clock clock) {
        this.repository = repository;
        this.studies = studies;
        this.frameworks = frameworks;
        this.clock = clock;
    }

    /**
     * Saves one cell for the expert {@code userId}: a first rating, or a change of their own rating
     * when {@code change.expectedVersion()} still matches (another tab's change is never overwritten
     * silently).
     */
    public Rating save(long userId, RatingChange change) {
        Round round = studies.round(change.roundId());
        Study study = studies.study(round.studyId());
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
        Criterion criterion = criterion(study, change.criterionId());
        ScaleDefinition scale = criterion.scale();
        requireOnScale(criterion, change.grade());
        requireOwnEvidence(change);
        Optional<Rating> existing = repository.find(change.roundId(), change.targetId(), change.criterionId(), expert.id());
        if (existing.isEmpty()) {
            if (change.expectedVersion() != null) {
                throw new ConcurrentChangeException("this rating was removed meanwhile; reload the cell");
            }
            repository.insert(change, expert.id(), scale.min(), scale.max(), now);
        } else {
            Rating stored = existing.get();
            int expected = change.expectedVersion() == null ? -1 : change.expectedVersion();
            if (expected != stored.version() || !repository.update(stored.id(), expected, change, now)) {
                throw new ConcurrentChangeException("this cell was changed in another tab or window (now "
                        + stored.grade().stripTrailingZeros().toPlainString() + "); reload it to see the latest rating");
            }
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
        Panelist panelist = studies.panelist(round.studyId(), userId)
                .orElseThrow(() -> new AccessDeniedException("you are not on the panel of this study"));
        if (panelist.role() == PanelRole.EXPERT && !round.isClosed()) {
            throw new AccessDeniedException("round " + round.number()
                    + " is still open: experts see the panel's ratings only after it closes");
        }
        return repository.byRound(roundId);
    }

    /** Marks the expert's round as submitted; ratings stay editable until the round closes. */
    public void submit(long userId, RoundId roundId) {
        Round round = studies.round(roundId);
        Panelist expert = requireExpert(studies.study(round.studyId()), userId);
        if (!round.isOpen()) {
            throw new RoundNotOpenException("round " + round.number() + " is " + round.state().name().toLowerCase());
        }
        repository.submit(roundId, expert.id(), clock.instant());
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

    /** How many cells the expert has rated in a round, out of targets x criteria. */
    @Transactional(readOnly = true)
    public int ratedCount(long userId, RoundId roundId) {
        Round round = studies.round(roundId);
        return studies.panelist(round.studyId(), userId)
                .map(p -> repository.countByPanelist(roundId, p.id()))
                .orElse(0);
    }

    private Panelist requireExpert(Study study, long userId) {
        Panelist panelist = studies.panelist(study.id(), userId)
                .orElseThrow(() -> new AccessDeniedException("you are not on the panel of study " + study.name()));
        if (!panelist.isExpert()) {
            throw new AccessDeniedException("only experts rate; you are a facilitator of study " + study.name());
        }
        return panelist;
    }

    private Criterion criterion(Study study, long criterionId) {
        Framework framework = frameworks.find(study.frameworkId())
                .orElseThrow(() -> new IllegalStateException("the rubric of study " + study.name() + " is missing"));
        return framework.criteria().stream()
                .filter(c -> c.id() == criterionId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "criterion " + criterionId + " is not a criterion of rubric " + framework.label()));
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
}
