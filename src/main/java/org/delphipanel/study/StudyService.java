package org.delphipanel.study;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets studies up and runs their rounds. */
@Service
@Transactional
public class StudyService {

    private final StudyRepository repository;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StudyService(StudyRepository repository, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.clock = clock;
        this.events = events;
    }

    public Study createStudy(String name, @Nullable String description, @Nullable String question, long frameworkId,
            StudyRules rules) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a study needs a name");
        }
        StudyId id = repository.insertStudy(name.strip(), description, question, frameworkId, rules, clock.instant());
        return study(id);
    }

    @Transactional(readOnly = true)
    public Study study(StudyId id) {
        return repository.findStudy(id).orElseThrow(() -> new StudyNotFoundException("no study " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Study> findStudy(StudyId id) {
        return repository.findStudy(id);
    }

    /** Adds a target to a study in draft, creating the organisation when it is new. */
    public Target addTarget(StudyId studyId, String name, @Nullable String description, @Nullable String website) {
        requireDraft(study(studyId), "add targets");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a target needs a name");
        }
        String cleanName = name.strip();
        Target target = repository.findTargetByName(cleanName).orElseGet(() -> {
            TargetId id = repository.insertTarget(cleanName, description, website, clock.instant());
            return new Target(id, cleanName, description, website);
        });
        if (repository.isTargetOf(studyId, target.id())) {
            throw new IllegalArgumentException(cleanName + " is already a target of this study");
        }
        repository.linkTarget(studyId, target.id());
        return target;
    }

    public EvidenceItem addEvidence(TargetId targetId, String title, @Nullable String url, @Nullable String excerpt,
            @Nullable LocalDate publishedOn) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("an evidence item needs a title");
        }
        if (url != null && !url.isBlank() && !url.matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("evidence URL must start with http:// or https://, was " + url);
        }
        EvidenceItemId id = repository.insertEvidence(targetId, title.strip(), url, excerpt, publishedOn, clock.instant());
        return new EvidenceItem(id, targetId, title.strip(), url, excerpt, publishedOn);
    }

    @Transactional(readOnly = true)
    public List<Target> targets(StudyId studyId) {
        return repository.targets(studyId);
    }

    @Transactional(readOnly = true)
    public boolean isTargetOf(StudyId studyId, TargetId targetId) {
        return repository.isTargetOf(studyId, targetId);
    }

    @Transactional(readOnly = true)
    public List<EvidenceItem> evidence(TargetId targetId) {
        return repository.evidence(targetId);
    }

    /**
     * Puts a person on the panel. Experts are named "Expert 1", "Expert 2"... in the order they
     * join, which stays stable for the whole study; facilitators likewise "Facilitator 1"...
     */
    public Panelist addPanelist(StudyId studyId, long userId, PanelRole role) {
        study(studyId);
        if (repository.panelist(studyId, userId).isPresent()) {
            throw new IllegalArgumentException("user " + userId + " is already on the panel of study " + studyId);
        }
        String prefix = role == PanelRole.EXPERT ? "Expert " : "Facilitator ";
        String pseudonym = prefix + (repository.countPanelists(studyId, role) + 1);
        PanelistId id = repository.insertPanelist(studyId, userId, role, pseudonym, clock.instant());
        return repository.panelist(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Panelist> panel(StudyId studyId) {
        return repository.panel(studyId);
    }

    @Transactional(readOnly = true)
    public List<Panelist> experts(StudyId studyId) {
        return repository.panel(studyId).stream().filter(Panelist::isExpert).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Panelist> panelist(StudyId studyId, long userId) {
        return repository.panelist(studyId, userId);
    }

    @Transactional(readOnly = true)
    public Optional<Panelist> panelist(PanelistId id) {
        return repository.panelist(id);
    }

    @Transactional(readOnly = true)
    public List<Round> rounds(StudyId studyId) {
        return repository.rounds(studyId);
    }

    @Transactional(readOnly = true)
    public Round round(RoundId id) {
        return repository.findRound(id).orElseThrow(() -> new StudyNotFoundException("no round " + id));
    }

    /** The open round, else the latest one, else empty before round 1. */
    @Transactional(readOnly = true)
    public Optional<Round> currentRound(StudyId studyId) {
        List<Round> rounds = repository.rounds(studyId);
        return rounds.stream().filter(Round::isOpen).findFirst()
                .or(() -> rounds.stream().max(Comparator.comparingInt(Round::number)));
    }

    /**
     * Opens the study's next round. Refused while a round is open, when the study has no targets or
     * no experts, and beyond the study's maximum number of rounds.
     */
    public Round openNextRound(StudyId studyId, @Nullable Instant deadline) {
        Study study = study(studyId);
        if (study.state() == StudyState.FINISHED || study.state() == StudyState.PUBLISHED) {
            throw new IllegalStateException("study " + study.name() + " is " + study.state().name().toLowerCase()
                    + ": no more rounds can open");
        }
        if (repository.targets(studyId).isEmpty()) {
            throw new IllegalStateException("study " + study.name() + " cannot open a round: it has no targets");
        }
        if (repository.countPanelists(studyId, PanelRole.EXPERT) == 0) {
            throw new IllegalStateException("study " + study.name() + " cannot open a round: it has no experts");
        }
        List<Round> rounds = repository.rounds(studyId);
        if (rounds.stream().anyMatch(Round::isOpen)) {
            throw new IllegalStateException("study " + study.name() + " already has an open round");
        }
        int number = rounds.size() + 1;
        if (number > study.rules().maxRounds()) {
            throw new IllegalStateException("study " + study.name() + " allows at most " + study.rules().maxRounds()
                    + " rounds");
        }
        Round draft = round(repository.insertRound(studyId, number));
        Round open = draft.open(clock, deadline);
        saveRound(open);
        if (study.state() == StudyState.DRAFT) {
            repository.updateStudyState(studyId, StudyState.RUNNING, clock.instant());
        }
        Round opened = round(open.id());
        events.publishEvent(new RoundOpened(opened));
        return opened;
    }

    /** Closes an open round; of two facilitators closing at once, one wins and the other is told. */
    public Round closeRound(RoundId roundId) {
        Round closed = round(roundId).close(clock);
        saveRound(closed);
        Round stored = round(roundId);
        events.publishEvent(new RoundClosed(stored));
        return stored;
    }

    private void saveRound(Round round) {
        if (!repository.updateRound(round)) {
            throw new ConcurrentChangeException("round " + round.number() + " was changed by someone else meanwhile;"
                    + " reload to see its current state");
        }
    }

    /** The studies a person is on the panel of, newest first, with what their home page shows. */
    @Transactional(readOnly = true)
    public List<StudyOverview> overviewsFor(long userId) {
        return repository.studiesWithMember(userId).stream()
                .map(study -> overview(study, repository.panelist(study.id(), userId).map(Panelist::role).orElse(null)))
                .toList();
    }

    /** Every study, for administrators. */
    @Transactional(readOnly = true)
    public List<StudyOverview> allOverviews(long userId) {
        return repository.allStudies().stream()
                .map(study -> overview(study, repository.panelist(study.id(), userId).map(Panelist::role).orElse(null)))
                .toList();
    }

    private StudyOverview overview(Study study, @Nullable PanelRole role) {
        return new StudyOverview(study, role, currentRound(study.id()).orElse(null),
                repository.targets(study.id()).size(), repository.countPanelists(study.id(), PanelRole.EXPERT));
    }

    private static void requireDraft(Study study, String action) {
        if (study.state() != StudyState.DRAFT) {
            throw new IllegalStateException("cannot " + action + ": study " + study.name() + " is "
                    + study.state().name().toLowerCase());
        }
    }
}
