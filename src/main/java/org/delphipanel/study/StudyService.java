package org.delphipanel.study;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.delphipanel.base.Utf8Text;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.framework.Framework;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.InvitationLink;
import org.delphipanel.security.InvitationService;
import org.delphipanel.security.PendingInvitation;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserId;
import org.delphipanel.security.UserService;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sets studies up and runs their rounds. Every change names the acting user ({@code actingUserId})
 * and is allowed only to a facilitator of that study or an administrator; creating a study, to
 * facilitators and administrators. Refusals are {@link AccessDeniedException}s. Every change is
 * written to the audit log with its state before and after.
 */
@Service
@Transactional
public class StudyService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PSEUDONYM_NUMBER = Pattern.compile("(\\d+)$");

    private final StudyRepository repository;
    private final UserService users;
    private final InvitationService invitations;
    private final FrameworkService frameworks;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** Looked up when needed: its implementation in the rating feature itself depends on this service. */
    private final ObjectProvider<RoundWorkload> workload;

    StudyService(StudyRepository repository, UserService users, InvitationService invitations,
            FrameworkService frameworks, AuditLog auditLog, Clock clock, ApplicationEventPublisher events,
            ObjectProvider<RoundWorkload> workload) {
        this.workload = workload;
        this.repository = repository;
        this.users = users;
        this.invitations = invitations;
        this.frameworks = frameworks;
        this.auditLog = auditLog;
        this.clock = clock;
        this.events = events;
    }

    // ---------------------------------------------------------------- studies

    /** Creates a study with the default rules; the creator becomes its first facilitator. */
    public Study createStudy(long actingUserId, long frameworkId, StudyDetails details) {
        return createStudy(actingUserId, frameworkId, details, StudyRules.defaults());
    }

    /**
     * Creates a study on a stored rubric version; the creator becomes its first facilitator.
     *
     * @throws AccessDeniedException unless the acting user is a facilitator or an administrator
     * @throws IllegalArgumentException for an unknown rubric version
     */
    public Study createStudy(long actingUserId, long frameworkId, StudyDetails details, StudyRules rules) {
        AppUser actor = actor(actingUserId);
        if (!actor.is(Role.FACILITATOR) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("Only facilitators and administrators can create studies.");
        }
        Framework framework = frameworks.find(frameworkId)
                .orElseThrow(() -> new IllegalArgumentException("There is no rubric version with id " + frameworkId + "."));
        StudyId id = repository.insertStudy(details.name(), details.description(), details.question(), framework.id(),
                rules, clock.instant());
        Study study = study(id);
        audit(actor, "study.created", "study", id, null, describe(study));
        Panelist creator = join(study, actor, PanelRole.FACILITATOR);
        audit(actor, "panel.member-added", "study", id, null, describe(creator));
        return study;
    }

    @Transactional(readOnly = true)
    public Study study(StudyId id) {
        return repository.findStudy(id).orElseThrow(() -> new StudyNotFoundException("no study " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Study> findStudy(StudyId id) {
        return repository.findStudy(id);
    }

    /**
     * The study as a member of its panel (or an administrator) may see it: its details and rules.
     *
     * @throws AccessDeniedException for anyone else
     */
    @Transactional(readOnly = true)
    public Study studyForMember(long userId, StudyId id) {
        Study study = study(id);
        AppUser user = actor(userId);
        if (!user.is(Role.ADMIN) && repository.panelist(id, userId).isEmpty()) {
            throw new AccessDeniedException("You are not on the panel of study " + study.name() + ".");
        }
        return study;
    }

    /** Whether the user may change the study: one of its facilitators, or an administrator. */
    @Transactional(readOnly = true)
    public boolean mayManage(long userId, StudyId id) {
        Optional<AppUser> user = users.findById(new UserId(userId)).filter(AppUser::enabled);
        return user.isPresent() && repository.findStudy(id).isPresent()
                && (user.get().is(Role.ADMIN) || isFacilitator(id, userId));
    }

    /**
     * Changes the name, description and question. The question is what experts answer, so it is
     * fixed once round 1 opens; name and description can be corrected until the study finishes.
     */
    public Study updateDetails(long actingUserId, StudyId id, StudyDetails details) {
        Study before = study(id);
        AppUser actor = requireManager(actingUserId, before, "change its details");
        requireNotFinished(before, "change its details");
        if (before.state() != StudyState.DRAFT && !Objects.equals(before.question(), details.question())) {
            throw new IllegalStateException("The question of study " + before.name()
                    + " is fixed since round 1 opened; experts have answered it.");
        }
        repository.updateStudyDetails(id, details, clock.instant());
        Study after = study(id);
        audit(actor, "study.details-changed", "study", id, describe(before), describe(after));
        return after;
    }

    /**
     * Sets the rules. Refused once round 1 has opened: experts rate under the rules they were shown.
     */
    public Study updateRules(long actingUserId, StudyId id, StudyRules rules) {
        Study before = study(id);
        AppUser actor = requireManager(actingUserId, before, "change its rules");
        if (before.state() != StudyState.DRAFT || !repository.rounds(id).isEmpty()) {
            throw new IllegalStateException("The rules of study " + before.name()
                    + " are fixed since round 1 opened.");
        }
        repository.updateStudyRules(id, rules, clock.instant());
        Study after = study(id);
        audit(actor, "study.rules-changed", "study", id, describe(before), describe(after));
        return after;
    }

    // ---------------------------------------------------------------- targets and evidence

    /** Adds a target to a study in draft, creating the organisation when it is new. */
    public Target addTarget(long actingUserId, StudyId studyId, TargetDetails details) {
        Study study = study(studyId);
        AppUser actor = requireManager(actingUserId, study, "add targets");
        requireDraft(study, "add targets");
        Target target = linkTarget(study, details);
        audit(actor, "study.target-added", "study", studyId, null, describe(target));
        return target;
    }

    private Target linkTarget(Study study, TargetDetails details) {
        Target target = repository.findTargetByName(details.name()).orElseGet(() -> {
            TargetId id = repository.insertTarget(details.name(), details.description(), details.website(),
                    clock.instant());
            return new Target(id, details.name(), details.description(), details.website());
        });
        if (repository.isTargetOf(study.id(), target.id())) {
            throw new IllegalArgumentException(details.name() + " is already a target of this study");
        }
        repository.linkTarget(study.id(), target.id());
        return target;
    }

    /**
     * Changes a target's name, description or website. Targets are shared by studies, so this is
     * refused when a study past its draft rates the same organisation (its experts saw the old text).
     */
    public Target updateTarget(long actingUserId, StudyId studyId, TargetId targetId, TargetDetails details) {
        Study study = study(studyId);
        AppUser actor = requireManager(actingUserId, study, "change targets");
        Target before = requireEditableTarget(study, targetId, "change targets");
        repository.findTargetByName(details.name()).filter(other -> !other.id().equals(targetId)).ifPresent(other -> {
            throw new IllegalArgumentException("Another target is already called " + details.name() + ".");
        });
        repository.updateTarget(targetId, details);
        Target after = repository.findTarget(targetId).orElseThrow();
        audit(actor, "study.target-changed", "target", targetId, describe(before), describe(after));
        return after;
    }

    /** Takes a target off a study in draft (the organisation and its evidence stay for other studies). */
    public void removeTarget(long actingUserId, StudyId studyId, TargetId targetId) {
        Study study = study(studyId);
        AppUser actor = requireManager(actingUserId, study, "remove targets");
        requireDraft(study, "remove targets");
        Target target = repository.findTarget(targetId).filter(t -> repository.isTargetOf(studyId, t.id()))
                .orElseThrow(() -> new StudyNotFoundException("target " + targetId + " is not in study " + study.name()));
        repository.unlinkTarget(studyId, targetId);
        audit(actor, "study.target-removed", "study", studyId, describe(target), null);
    }

    public EvidenceItem addEvidence(long actingUserId, StudyId studyId, TargetId targetId, EvidenceDetails details) {
        Study study = study(studyId);
        AppUser actor = requireManager(actingUserId, study, "add evidence");
        requireEditableTarget(study, targetId, "add evidence");
        EvidenceItem item = insertEvidence(targetId, details);
        audit(actor, "study.evidence-added", "evidence", item.id(), null, describe(item));
        return item;
    }

    private EvidenceItem insertEvidence(TargetId targetId, EvidenceDetails details) {
        EvidenceItemId id = repository.insertEvidence(targetId, details.title(), details.url(), details.excerpt(),
                details.publishedOn(), clock.instant());
        return new EvidenceItem(id, targetId, details.title(), details.url(), details.excerpt(), details.publishedOn());
    }

    public EvidenceItem updateEvidence(long actingUserId, StudyId studyId, EvidenceItemId evidenceId,
            EvidenceDetails details) {
        Study study = study(studyId);
        AppUser actor = requireManager(actingUserId, study, "change evidence");
        EvidenceItem before = requireEvidence(evidenceId);
        requireEditableTarget(study, before.targetId(), "change evidence");
        repository.updateEvidence(evidenceId, details);
        EvidenceItem after = requireEvidence(evidenceId);
        audit(actor, "study.evidence-changed", "evidence", evidenceId, describe(before), describe(after));
        return after;
    }

    public void removeEvidence(long actingUserId, StudyId studyId, EvidenceItemId evidenceId) {
        Study study = study(studyId);
        AppUser actor = requireManager(actingUserId, study, "remove evidence");
        EvidenceItem before = requireEvidence(evidenceId);
        requireEditableTarget(study, before.targetId(), "remove evidence");
        repository.deleteEvidence(evidenceId);
        audit(actor, "study.evidence-removed", "evidence", evidenceId, describe(before), null);
    }

    /**
     * Adds targets and their evidence from an uploaded CSV file, which must be UTF-8 (a byte-order mark
     * is fine); see {@link #importTargets(long, StudyId, String)}.
     *
     * @throws TargetImportException listing every problem by line and column; nothing is stored
     */
    public TargetImportResult importTargets(long actingUserId, StudyId studyId, byte[] file) {
        String csv;
        try {
            csv = Utf8Text.decode(file);
        } catch (Utf8Text.NotUtf8Exception notText) {
            throw new TargetImportException(List.of(new ImportProblem(notText.line(), null, notText.getMessage())));
        }
        return importTargets(actingUserId, studyId, csv);
    }

    /**
     * Adds targets and their evidence from CSV text (format in docs/user-guide.md): all of them, or
     * none when anything is wrong.
     *
     * @throws TargetImportException listing every problem by line and column; nothing is stored
     */
    public TargetImportResult importTargets(long actingUserId, StudyId studyId, String csv) {
        Study study = study(studyId);
        AppUser actor = requireManager(actingUserId, study, "import targets");
        requireDraft(study, "import targets");
        TargetCsv.Parsed parsed = TargetCsv.parse(csv);
        List<ImportProblem> problems = new ArrayList<>(parsed.problems());
        for (TargetCsv.PlannedTarget planned : parsed.targets()) {
            Optional<Target> existing = repository.findTargetByName(planned.details().name());
            if (existing.isPresent() && repository.isTargetOf(studyId, existing.get().id())) {
                problems.add(new ImportProblem(planned.line(), TargetCsv.NAME,
                        planned.details().name() + " is already a target of this study"));
            } else if (existing.isPresent() && !planned.evidence().isEmpty()) {
                List<String> started = repository.startedStudiesRating(existing.get().id(), studyId);
                if (!started.isEmpty()) {
                    problems.add(new ImportProblem(planned.evidence().get(0).line(), TargetCsv.EVIDENCE_TITLE,
                            planned.details().name() + " is also rated in " + String.join(", ", started)
                                    + ", which has started: its evidence can no longer change"));
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(ImportProblem::line));
            throw new TargetImportException(problems);
        }
        int evidence = 0;
        List<String> names = new ArrayList<>();
        for (TargetCsv.PlannedTarget planned : parsed.targets()) {
            Target target = linkTarget(study, planned.details());
            names.add(target.name());
            for (TargetCsv.PlannedEvidence item : planned.evidence()) {
                insertEvidence(target.id(), item.details());
                evidence++;
            }
        }
        var result = new TargetImportResult(parsed.targets().size(), evidence);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("targets", names);
        after.put("evidenceItems", evidence);
        audit(actor, "study.targets-imported", "study", studyId, null, JSON.writeValueAsString(after));
        return result;
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

    // ---------------------------------------------------------------- panel

    /**
     * Puts an existing account on the panel. Experts are named "Expert 1", "Expert 2"... in the
     * order they join, facilitators "Facilitator 1"...; a pseudonym is never renumbered or reused.
     */
    public Panelist addPanelist(long actingUserId, StudyId studyId, long userId, PanelRole role) {
        Study study = study(studyId);
        requireManager(actingUserId, study, "change its panel");
        AppUser member = users.findById(new UserId(userId)).filter(AppUser::enabled)
                .orElseThrow(() -> new IllegalArgumentException("There is no enabled account with id " + userId + "."));
        return addMember(actor(actingUserId), study, member, role);
    }

    /** Puts the account with this e-mail address on the panel as an expert. */
    public Panelist addExpert(long actingUserId, StudyId studyId, String email) {
        return addByEmail(actingUserId, studyId, email, PanelRole.EXPERT);
    }

    /** Makes the account with this e-mail address (a facilitator or administrator) a facilitator of the study. */
    public Panelist addFacilitator(long actingUserId, StudyId studyId, String email) {
        return addByEmail(actingUserId, studyId, email, PanelRole.FACILITATOR);
    }

    private Panelist addByEmail(long actingUserId, StudyId studyId, String email, PanelRole role) {
        Study study = study(studyId);
        AppUser actor = requireManager(actingUserId, study, "change its panel");
        AppUser member = users.findByEmail(email).filter(AppUser::enabled)
                .orElseThrow(() -> new IllegalArgumentException("There is no account for " + email
                        + (role == PanelRole.EXPERT ? "; invite them instead." : ".")));
        return addMember(actor, study, member, role);
    }

    private Panelist addMember(AppUser actor, Study study, AppUser member, PanelRole role) {
        requireNotFinished(study, "change its panel");
        if (role == PanelRole.FACILITATOR && !member.is(Role.FACILITATOR) && !member.is(Role.ADMIN)) {
            throw new IllegalArgumentException(member.email() + " is an expert; only facilitators and administrators"
                    + " can facilitate a study.");
        }
        repository.panelist(study.id(), member.id().value()).ifPresent(existing -> {
            throw new IllegalArgumentException(member.email() + " is already on the panel as " + existing.pseudonym()
                    + ".");
        });
        Panelist panelist = join(study, member, role);
        audit(actor, "panel.member-added", "study", study.id(), null, describe(panelist));
        return panelist;
    }

    private Panelist join(Study study, AppUser member, PanelRole role) {
        // one numbering at a time per study, so two people joining at once never get the same number
        repository.lockStudy(study.id());
        String prefix = role == PanelRole.EXPERT ? "Expert " : "Facilitator ";
        int highest = repository.pseudonyms(study.id(), role).stream()
                .map(PSEUDONYM_NUMBER::matcher)
                .filter(Matcher::find)
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .max().orElse(0);
        try {
            PanelistId id = repository.insertPanelist(study.id(), member.id().value(), role, prefix + (highest + 1),
                    clock.instant());
            return repository.panelist(id).orElseThrow();
        } catch (DuplicateKeyException joinedMeanwhile) {
            throw new ConcurrentChangeException(member.email() + " joined the panel of " + study.name()
                    + " meanwhile; reload to see the panel.");
        }
    }

    /**
     * Puts the person who accepted a study invitation on that study's panel as an expert. The
     * invitation was authorised when it was created, so there is no check of the new member here.
     * Nothing happens for a study that no longer takes members or a person already on the panel.
     */
    void joinFromInvitation(StudyId studyId, AppUser member) {
        Optional<Study> study = repository.findStudy(studyId);
        if (study.isEmpty() || study.get().state() == StudyState.FINISHED
                || study.get().state() == StudyState.PUBLISHED
                || repository.panelist(studyId, member.id().value()).isPresent()) {
            return;
        }
        Panelist panelist = join(study.get(), member, PanelRole.EXPERT);
        audit(member.email(), "panel.member-joined", "study", studyId, null, describe(panelist));
    }

    /**
     * Creates an invitation link to the panel as an expert; whoever accepts it joins the panel with
     * the next pseudonym. The link is the only delivery: the application sends no e-mail. The
     * invitation's inviter is the person signed in on this thread.
     */
    public InvitationLink inviteExpert(long actingUserId, StudyId studyId, String email) {
        Study study = study(studyId);
        requireManager(actingUserId, study, "invite experts");
        requireNotFinished(study, "invite experts");
        users.findByEmail(email).ifPresent(existing -> repository.panelist(studyId, existing.id().value())
                .ifPresent(panelist -> {
                    throw new IllegalArgumentException(existing.email() + " is already on the panel as "
                            + panelist.pseudonym() + ".");
                }));
        return invitations.inviteToStudy(email, Role.EXPERT, studyId.value());
    }

    /** Invitations to this study's panel that are neither accepted nor expired. */
    @Transactional(readOnly = true)
    public List<PendingInvitation> pendingInvitations(long actingUserId, StudyId studyId) {
        requireManager(actingUserId, study(studyId), "see its invitations");
        return invitations.pendingForStudy(studyId.value());
    }

    /** The panel with the names behind the pseudonyms; for the study's facilitators and administrators only. */
    @Transactional(readOnly = true)
    public List<PanelMember> panelMembers(long actingUserId, StudyId studyId) {
        requireManager(actingUserId, study(studyId), "see who is on its panel");
        return repository.panel(studyId).stream().map(this::member).toList();
    }

    private PanelMember member(Panelist panelist) {
        AppUser user = users.findById(new UserId(panelist.userId())).orElseThrow();
        return new PanelMember(panelist, user.displayName(), user.email());
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

    // ---------------------------------------------------------------- rounds

    @Transactional(readOnly = true)
    public List<Round> rounds(StudyId studyId) {
        return repository.rounds(studyId);
    }

    @Transactional(readOnly = true)
    public Round round(RoundId id) {
        return repository.findRound(id).orElseThrow(() -> new StudyNotFoundException("no round " + id));
    }

    /**
     * The round as it is now, kept in that state until the caller's transaction ends: a close (or any
     * other change of the round) waits until the caller commits. A rating save calls this first, so that
     * under READ COMMITTED a save either commits before the close, and its closing snapshot reads it, or
     * starts after the close and finds the round closed; never "checked open, committed after the
     * snapshot" (docs/decisions/0006-a-save-holds-its-round.md). Reads nothing a caller could not read
     * with {@link #round}; needs the caller's transaction, without which the hold would end at once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Round holdRound(RoundId id) {
        return repository.findRoundLocked(id).orElseThrow(() -> new StudyNotFoundException("no round " + id));
    }

    /** The open round, else the latest one, else empty before round 1. */
    @Transactional(readOnly = true)
    public Optional<Round> currentRound(StudyId studyId) {
        List<Round> rounds = repository.rounds(studyId);
        return rounds.stream().filter(Round::isOpen).findFirst()
                .or(() -> rounds.stream().max(Comparator.comparingInt(Round::number)));
    }

    /**
     * Opens the study's next round, optionally with a deadline in the future. Refused while a round
     * is open, when the study has no targets or no experts, once it is finished, and beyond the
     * study's maximum number of rounds. Opening round 1 fixes the rules.
     */
    public Round openNextRound(long actingUserId, StudyId studyId, @Nullable Instant deadline) {
        Study study = study(studyId);
        AppUser actor = requireManager(actingUserId, study, "open rounds");
        return openNext(study, actor.email(), deadline);
    }

    private Round openNext(Study study, String actor, @Nullable Instant deadline) {
        StudyId studyId = study.id();
        requireNotFinished(study, "open a round");
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
            audit(actor, "study.state-changed", "study", studyId, describe(study), describe(study(studyId)));
        }
        Round opened = round(open.id());
        audit(actor, "round.opened", "round", opened.id(), describe(draft), describe(opened));
        events.publishEvent(new RoundOpened(opened));
        return opened;
    }

    /** Closes an open round; of two facilitators closing at once, one wins and the other is told. */
    public Round closeRound(long actingUserId, RoundId roundId) {
        Round round = round(roundId);
        AppUser actor = requireManager(actingUserId, study(round.studyId()), "close rounds");
        return close(round, actor.email());
    }

    /** Open rounds whose deadline has passed by the application clock. */
    @Transactional(readOnly = true)
    public List<Round> overdueRounds() {
        return repository.overdueRounds(clock.instant());
    }

    /**
     * Closes the round if it is still open and its deadline has passed, as the application itself
     * (the deadline decides, so no one's permission is needed); empty when there was nothing to do.
     */
    public Optional<Round> closeIfOverdue(RoundId roundId) {
        Round round = round(roundId);
        if (!round.isOpen() || round.closesAt() == null || round.closesAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(close(round, AuditLog.SYSTEM_ACTOR));
    }

    private Round close(Round round, String actor) {
        Round closed = round.close(clock);
        saveRound(closed);
        Round stored = round(round.id());
        audit(actor, "round.closed", "round", stored.id(), describe(round), describe(stored));
        events.publishEvent(new RoundClosed(stored));
        return stored;
    }

    private void saveRound(Round round) {
        boolean saved;
        try {
            saved = repository.updateRound(round);
        } catch (ConcurrencyFailureException lockConflict) {
            // the database saw the two changes collide (H2 reports this where PostgreSQL waits and updates nothing)
            saved = false;
        }
        if (!saved) {
            throw new ConcurrentChangeException("round " + round.number() + " was changed by someone else meanwhile;"
                    + " reload to see its current state");
        }
    }

    /**
     * Ends the study: no more rounds. Refused while a round is open (close it first) and before
     * round 1.
     */
    public Study finishStudy(long actingUserId, StudyId studyId) {
        Study before = study(studyId);
        AppUser actor = requireManager(actingUserId, before, "finish it");
        if (before.state() != StudyState.RUNNING) {
            throw new IllegalStateException("study " + before.name() + " cannot finish: it is "
                    + before.state().name().toLowerCase());
        }
        repository.rounds(studyId).stream().filter(Round::isOpen).findFirst().ifPresent(open -> {
            throw new IllegalStateException("close round " + open.number() + " before finishing study "
                    + before.name());
        });
        repository.updateStudyState(studyId, StudyState.FINISHED, clock.instant());
        Study after = study(studyId);
        audit(actor, "study.state-changed", "study", studyId, describe(before), describe(after));
        return after;
    }

    /**
     * Each expert's progress in a round: cells done out of the cells asked for (settled cells are not
     * asked for; see {@link RoundWorkload}), and whether they submitted. Names are included, so only the study's facilitators and administrators see this.
     */
    @Transactional(readOnly = true)
    public List<ExpertProgress> progress(long actingUserId, RoundId roundId) {
        Round round = round(roundId);
        Study study = study(round.studyId());
        requireManager(actingUserId, study, "see its progress");
        Map<PanelistId, RoundWorkload.Work> work = workload.getObject().of(round);
        Map<Long, Instant> submitted = repository.submissions(roundId);
        return experts(study.id()).stream()
                .map(expert -> {
                    RoundWorkload.Work done = work.getOrDefault(expert.id(), new RoundWorkload.Work(0, 0));
                    return new ExpertProgress(member(expert), done.done(), done.asked(),
                            submitted.get(expert.id().value()));
                })
                .toList();
    }

    // ---------------------------------------------------------------- overviews

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

    // ---------------------------------------------------------------- checks

    private AppUser actor(long userId) {
        return users.findById(new UserId(userId)).filter(AppUser::enabled)
                .orElseThrow(() -> new AccessDeniedException("There is no enabled account with id " + userId + "."));
    }

    private boolean isFacilitator(StudyId studyId, long userId) {
        return repository.panelist(studyId, userId).filter(p -> p.role() == PanelRole.FACILITATOR).isPresent();
    }

    private AppUser requireManager(long userId, Study study, String action) {
        AppUser user = actor(userId);
        if (!user.is(Role.ADMIN) && !isFacilitator(study.id(), userId)) {
            throw new AccessDeniedException("Only a facilitator of study " + study.name() + " or an administrator can "
                    + action + ".");
        }
        return user;
    }

    private Target requireEditableTarget(Study study, TargetId targetId, String action) {
        requireDraft(study, action);
        Target target = repository.findTarget(targetId).filter(t -> repository.isTargetOf(study.id(), t.id()))
                .orElseThrow(() -> new StudyNotFoundException("target " + targetId + " is not in study " + study.name()));
        List<String> started = repository.startedStudiesRating(targetId, study.id());
        if (!started.isEmpty()) {
            throw new IllegalStateException("cannot " + action + ": " + target.name() + " is also rated in "
                    + String.join(", ", started) + ", which has started; its experts must keep seeing what they saw");
        }
        return target;
    }

    private EvidenceItem requireEvidence(EvidenceItemId id) {
        return repository.findEvidence(id).orElseThrow(() -> new StudyNotFoundException("no evidence item " + id));
    }

    private static void requireDraft(Study study, String action) {
        if (study.state() != StudyState.DRAFT) {
            throw new IllegalStateException("cannot " + action + ": study " + study.name() + " is "
                    + study.state().name().toLowerCase());
        }
    }

    private static void requireNotFinished(Study study, String action) {
        if (study.state() == StudyState.FINISHED || study.state() == StudyState.PUBLISHED) {
            throw new IllegalStateException("cannot " + action + ": study " + study.name() + " is "
                    + study.state().name().toLowerCase());
        }
    }

    // ---------------------------------------------------------------- audit

    private void audit(AppUser actor, String action, String entityType, Object entityId, @Nullable String before,
            @Nullable String after) {
        audit(actor.email(), action, entityType, entityId, before, after);
    }

    private void audit(String actor, String action, String entityType, Object entityId, @Nullable String before,
            @Nullable String after) {
        auditLog.record(actor, action, entityType, entityId.toString(), before, after);
    }

    private static String describe(Study study) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", study.name());
        state.put("description", study.description());
        state.put("question", study.question());
        state.put("frameworkId", study.frameworkId());
        state.put("state", study.state().name());
        StudyRules rules = study.rules();
        state.put("consensusRule", rules.consensusRule());
        state.put("stoppingRule", rules.stoppingRule());
        state.put("maxRounds", rules.maxRounds());
        state.put("carryConsensus", rules.carryConsensus());
        state.put("quantileType", rules.quantileType());
        state.put("rationalePolicy", rules.rationalePolicy().name());
        state.put("prefillPrevious", rules.prefillPrevious());
        return JSON.writeValueAsString(state);
    }

    private static String describe(Round round) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("studyId", round.studyId().value());
        state.put("number", round.number());
        state.put("state", round.state().name());
        state.put("openedAt", round.openedAt() == null ? null : round.openedAt().toString());
        state.put("closesAt", round.closesAt() == null ? null : round.closesAt().toString());
        state.put("closedAt", round.closedAt() == null ? null : round.closedAt().toString());
        return JSON.writeValueAsString(state);
    }

    private static String describe(Target target) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("targetId", target.id().value());
        state.put("name", target.name());
        state.put("description", target.description());
        state.put("website", target.website());
        return JSON.writeValueAsString(state);
    }

    private static String describe(EvidenceItem item) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("targetId", item.targetId().value());
        state.put("title", item.title());
        state.put("url", item.url());
        state.put("excerpt", item.excerpt());
        state.put("publishedOn", item.publishedOn() == null ? null : item.publishedOn().toString());
        return JSON.writeValueAsString(state);
    }

    private static String describe(Panelist panelist) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("panelistId", panelist.id().value());
        state.put("userId", panelist.userId());
        state.put("role", panelist.role().name());
        state.put("pseudonym", panelist.pseudonym());
        return JSON.writeValueAsString(state);
    }
}
