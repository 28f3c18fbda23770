package org.delphipanel.study;

import static org.delphipanel.db.Tables.EVIDENCE_ITEM;
import static org.delphipanel.db.Tables.PANELIST;
import static org.delphipanel.db.Tables.RATING;
import static org.delphipanel.db.Tables.ROUND;
import static org.delphipanel.db.Tables.ROUND_SUBMISSION;
import static org.delphipanel.db.Tables.STUDY;
import static org.delphipanel.db.Tables.STUDY_TARGET;
import static org.delphipanel.db.Tables.TARGET;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.delphipanel.db.tables.records.RoundRecord;
import org.delphipanel.db.tables.records.StudyRecord;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Studies, their targets, panel and rounds in the database. */
@Repository
class StudyRepository {

    private final DSLContext db;

    StudyRepository(DSLContext db) {
        this.db = db;
    }

    StudyId insertStudy(String name, @Nullable String description, @Nullable String question, long frameworkId,
            StudyRules rules, Instant now) {
        return new StudyId(db.insertInto(STUDY)
                .set(STUDY.NAME, name)
                .set(STUDY.DESCRIPTION, description)
                .set(STUDY.QUESTION, question)
                .set(STUDY.FRAMEWORK_ID, frameworkId)
                .set(STUDY.CONSENSUS_RULE, rules.consensusRule())
                .set(STUDY.STOPPING_RULE, rules.stoppingRule())
                .set(STUDY.MAX_ROUNDS, rules.maxRounds())
                .set(STUDY.CARRY_CONSENSUS, rules.carryConsensus())
                .set(STUDY.QUANTILE_TYPE, rules.quantileType())
                .set(STUDY.RATIONALE_POLICY, rules.rationalePolicy().name())
                .set(STUDY.PREFILL_PREVIOUS, rules.prefillPrevious())
                .set(STUDY.STATE, StudyState.DRAFT.name())
                .set(STUDY.CREATED_AT, at(now))
                .set(STUDY.UPDATED_AT, at(now))
                .returning(STUDY.ID)
                .fetchSingle()
                .getId());
    }

    Optional<Study> findStudy(StudyId id) {
        return db.selectFrom(STUDY).where(STUDY.ID.eq(id.value())).fetchOptional().map(StudyRepository::toStudy);
    }

    List<Study> allStudies() {
        return db.selectFrom(STUDY).orderBy(STUDY.CREATED_AT.desc(), STUDY.ID.desc()).fetch(StudyRepository::toStudy);
    }

    List<Study> studiesWithMember(long userId) {
        return db.select(STUDY.fields())
                .from(STUDY)
                .join(PANELIST).on(PANELIST.STUDY_ID.eq(STUDY.ID))
                .where(PANELIST.USER_ID.eq(userId))
                .orderBy(STUDY.CREATED_AT.desc(), STUDY.ID.desc())
                .fetch(r -> toStudy(r.into(STUDY)));
    }

    void updateStudyState(StudyId id, StudyState state, Instant now) {
        db.update(STUDY)
                .set(STUDY.STATE, state.name())
                .set(STUDY.UPDATED_AT, at(now))
                .set(STUDY.VERSION, STUDY.VERSION.plus(1))
                .where(STUDY.ID.eq(id.value()))
                .execute();
    }

    Optional<Target> findTargetByName(String name) {
        return db.selectFrom(TARGET).where(TARGET.NAME.eq(name)).fetchOptional()
                .map(r -> new Target(new TargetId(r.getId()), r.getName(), r.getDescription(), r.getWebsite()));
    }

    TargetId insertTarget(String name, @Nullable String description, @Nullable String website, Instant now) {
        return new TargetId(db.insertInto(TARGET)
                .set(TARGET.NAME, name)
                .set(TARGET.DESCRIPTION, description)
                .set(TARGET.WEBSITE, website)
                .set(TARGET.CREATED_AT, at(now))
                .returning(TARGET.ID)
                .fetchSingle()
                .getId());
    }

    void linkTarget(StudyId studyId, TargetId targetId) {
        // max + 1 rather than a count, so that a removal never makes two targets share a position
        Integer last = db.select(DSL.max(STUDY_TARGET.POSITION)).from(STUDY_TARGET)
                .where(STUDY_TARGET.STUDY_ID.eq(studyId.value())).fetchOne(0, Integer.class);
        int position = last == null ? 0 : last + 1;
        db.insertInto(STUDY_TARGET)
                .set(STUDY_TARGET.STUDY_ID, studyId.value())
                .set(STUDY_TARGET.TARGET_ID, targetId.value())
                .set(STUDY_TARGET.POSITION, position)
                .execute();
    }

    boolean isTargetOf(StudyId studyId, TargetId targetId) {
        // a plain select, not fetchExists: H2 2.4 answered a repeated EXISTS from a cached result inside one
        // transaction, missing a link inserted in between (the demo seeder adds a target, then its evidence)
        return db.selectOne().from(STUDY_TARGET)
                .where(STUDY_TARGET.STUDY_ID.eq(studyId.value()).and(STUDY_TARGET.TARGET_ID.eq(targetId.value())))
                .fetchOptional().isPresent();
    }

    List<Target> targets(StudyId studyId) {
        return db.select(TARGET.ID, TARGET.NAME, TARGET.DESCRIPTION, TARGET.WEBSITE)
                .from(TARGET)
                .join(STUDY_TARGET).on(STUDY_TARGET.TARGET_ID.eq(TARGET.ID))
                .where(STUDY_TARGET.STUDY_ID.eq(studyId.value()))
                .orderBy(STUDY_TARGET.POSITION)
                .fetch(r -> new Target(new TargetId(r.value1()), r.value2(), r.value3(), r.value4()));
    }

    EvidenceItemId insertEvidence(TargetId targetId, String title, @Nullable String url, @Nullable String excerpt,
            @Nullable LocalDate publishedOn, Instant now) {
        return new EvidenceItemId(db.insertInto(EVIDENCE_ITEM)
                .set(EVIDENCE_ITEM.TARGET_ID, targetId.value())
                .set(EVIDENCE_ITEM.TITLE, title)
                .set(EVIDENCE_ITEM.URL, url)
                .set(EVIDENCE_ITEM.EXCERPT, excerpt)
                .set(EVIDENCE_ITEM.PUBLISHED_ON, publishedOn)
                .set(EVIDENCE_ITEM.CREATED_AT, at(now))
                .returning(EVIDENCE_ITEM.ID)
                .fetchSingle()
                .getId());
    }

    List<EvidenceItem> evidence(TargetId targetId) {
        return db.selectFrom(EVIDENCE_ITEM)
                .where(EVIDENCE_ITEM.TARGET_ID.eq(targetId.value()))
                .orderBy(EVIDENCE_ITEM.PUBLISHED_ON.desc(), EVIDENCE_ITEM.ID)
                .fetch(r -> new EvidenceItem(new EvidenceItemId(r.getId()), new TargetId(r.getTargetId()), r.getTitle(),
                        r.getUrl(), r.getExcerpt(), r.getPublishedOn()));
    }

    PanelistId insertPanelist(StudyId studyId, long userId, PanelRole role, String pseudonym, Instant now) {
        return new PanelistId(db.insertInto(PANELIST)
                .set(PANELIST.STUDY_ID, studyId.value())
                .set(PANELIST.USER_ID, userId)
                .set(PANELIST.ROLE, role.name())
                .set(PANELIST.PSEUDONYM, pseudonym)
                .set(PANELIST.JOINED_AT, at(now))
                .returning(PANELIST.ID)
                .fetchSingle()
                .getId());
    }

    List<Panelist> panel(StudyId studyId) {
        return db.selectFrom(PANELIST)
                .where(PANELIST.STUDY_ID.eq(studyId.value()))
                .orderBy(PANELIST.ROLE.desc(), PANELIST.ID)
                .fetch(r -> toPanelist(r));
    }

    Optional<Panelist> panelist(StudyId studyId, long userId) {
        return db.selectFrom(PANELIST)
                .where(PANELIST.STUDY_ID.eq(studyId.value()).and(PANELIST.USER_ID.eq(userId)))
                .fetchOptional(StudyRepository::toPanelist);
    }

    Optional<Panelist> panelist(PanelistId id) {
        return db.selectFrom(PANELIST).where(PANELIST.ID.eq(id.value())).fetchOptional(StudyRepository::toPanelist);
    }

    int countPanelists(StudyId studyId, PanelRole role) {
        return db.fetchCount(PANELIST, PANELIST.STUDY_ID.eq(studyId.value()).and(PANELIST.ROLE.eq(role.name())));
    }

    RoundId insertRound(StudyId studyId, int number) {
        return new RoundId(db.insertInto(ROUND)
                .set(ROUND.STUDY_ID, studyId.value())
                .set(ROUND.NUMBER, number)
                .set(ROUND.STATE, RoundState.DRAFT.name())
                .returning(ROUND.ID)
                .fetchSingle()
                .getId());
    }

    Optional<Round> findRound(RoundId id) {
        return db.selectFrom(ROUND).where(ROUND.ID.eq(id.value())).fetchOptional(StudyRepository::toRound);
    }

    /**
     * Reads the round and locks its row until the transaction ends, against a concurrent change of
     * its state: shared on PostgreSQL (many savers hold it at once; an {@code UPDATE} of the round waits
     * for all of them), exclusive on H2, which has no shared row locks (savers of one round then take
     * turns, for the few milliseconds of a save).
     */
    Optional<Round> findRoundLocked(RoundId id) {
        var select = db.selectFrom(ROUND).where(ROUND.ID.eq(id.value()));
        var locked = db.dialect().family() == SQLDialect.POSTGRES ? select.forShare() : select.forUpdate();
        return locked.fetchOptional(StudyRepository::toRound);
    }

    List<Round> rounds(StudyId studyId) {
        return db.selectFrom(ROUND).where(ROUND.STUDY_ID.eq(studyId.value())).orderBy(ROUND.NUMBER)
                .fetch(StudyRepository::toRound);
    }

    /**
     * Writes a round's new state if nobody changed it since it was read (optimistic locking).
     *
     * @return false when another writer got there first
     */
    boolean updateRound(Round round) {
        return db.update(ROUND)
                .set(ROUND.STATE, round.state().name())
                .set(ROUND.OPENED_AT, at(round.openedAt()))
                .set(ROUND.CLOSES_AT, at(round.closesAt()))
                .set(ROUND.CLOSED_AT, at(round.closedAt()))
                .set(ROUND.VERSION, round.version() + 1)
                .where(ROUND.ID.eq(round.id().value()).and(ROUND.VERSION.eq(round.version())))
                .execute() == 1;
    }

    /**
     * Locks the study's row until the transaction ends, so that steps which count or number things
     * within a study (pseudonyms, positions) run one at a time per study.
     */
    void lockStudy(StudyId id) {
        db.select(STUDY.ID).from(STUDY).where(STUDY.ID.eq(id.value())).forUpdate().fetchOptional();
    }

    void updateStudyDetails(StudyId id, StudyDetails details, Instant now) {
        db.update(STUDY)
                .set(STUDY.NAME, details.name())
                .set(STUDY.DESCRIPTION, details.description())
                .set(STUDY.QUESTION, details.question())
                .set(STUDY.UPDATED_AT, at(now))
                .set(STUDY.VERSION, STUDY.VERSION.plus(1))
                .where(STUDY.ID.eq(id.value()))
                .execute();
    }

    void updateStudyRules(StudyId id, StudyRules rules, Instant now) {
        db.update(STUDY)
                .set(STUDY.CONSENSUS_RULE, rules.consensusRule())
                .set(STUDY.STOPPING_RULE, rules.stoppingRule())
                .set(STUDY.MAX_ROUNDS, rules.maxRounds())
                .set(STUDY.CARRY_CONSENSUS, rules.carryConsensus())
                .set(STUDY.QUANTILE_TYPE, rules.quantileType())
                .set(STUDY.RATIONALE_POLICY, rules.rationalePolicy().name())
                .set(STUDY.PREFILL_PREVIOUS, rules.prefillPrevious())
                .set(STUDY.UPDATED_AT, at(now))
                .set(STUDY.VERSION, STUDY.VERSION.plus(1))
                .where(STUDY.ID.eq(id.value()))
                .execute();
    }

    Optional<Target> findTarget(TargetId id) {
        return db.selectFrom(TARGET).where(TARGET.ID.eq(id.value())).fetchOptional()
                .map(r -> new Target(new TargetId(r.getId()), r.getName(), r.getDescription(), r.getWebsite()));
    }

    void updateTarget(TargetId id, TargetDetails details) {
        db.update(TARGET)
                .set(TARGET.NAME, details.name())
                .set(TARGET.DESCRIPTION, details.description())
                .set(TARGET.WEBSITE, details.website())
                .where(TARGET.ID.eq(id.value()))
                .execute();
    }

    void unlinkTarget(StudyId studyId, TargetId targetId) {
        db.deleteFrom(STUDY_TARGET)
                .where(STUDY_TARGET.STUDY_ID.eq(studyId.value()).and(STUDY_TARGET.TARGET_ID.eq(targetId.value())))
                .execute();
    }

    /** The names of the other studies, past their draft, that rate this target. */
    List<String> startedStudiesRating(TargetId targetId, StudyId except) {
        return db.select(STUDY.NAME)
                .from(STUDY)
                .join(STUDY_TARGET).on(STUDY_TARGET.STUDY_ID.eq(STUDY.ID))
                .where(STUDY_TARGET.TARGET_ID.eq(targetId.value()))
                .and(STUDY.ID.ne(except.value()))
                .and(STUDY.STATE.ne(StudyState.DRAFT.name()))
                .orderBy(STUDY.NAME)
                .fetch(STUDY.NAME);
    }

    Optional<EvidenceItem> findEvidence(EvidenceItemId id) {
        return db.selectFrom(EVIDENCE_ITEM).where(EVIDENCE_ITEM.ID.eq(id.value()))
                .fetchOptional(r -> new EvidenceItem(new EvidenceItemId(r.getId()), new TargetId(r.getTargetId()),
                        r.getTitle(), r.getUrl(), r.getExcerpt(), r.getPublishedOn()));
    }

    void updateEvidence(EvidenceItemId id, EvidenceDetails details) {
        db.update(EVIDENCE_ITEM)
                .set(EVIDENCE_ITEM.TITLE, details.title())
                .set(EVIDENCE_ITEM.URL, details.url())
                .set(EVIDENCE_ITEM.EXCERPT, details.excerpt())
                .set(EVIDENCE_ITEM.PUBLISHED_ON, details.publishedOn())
                .where(EVIDENCE_ITEM.ID.eq(id.value()))
                .execute();
    }

    void deleteEvidence(EvidenceItemId id) {
        db.deleteFrom(EVIDENCE_ITEM).where(EVIDENCE_ITEM.ID.eq(id.value())).execute();
    }

    /** Every pseudonym ever given in the study with this role; panelists are never removed, so none is reused. */
    List<String> pseudonyms(StudyId studyId, PanelRole role) {
        return db.select(PANELIST.PSEUDONYM).from(PANELIST)
                .where(PANELIST.STUDY_ID.eq(studyId.value()).and(PANELIST.ROLE.eq(role.name())))
                .fetch(PANELIST.PSEUDONYM);
    }

    /** Open rounds whose deadline is at or before {@code now}. */
    List<Round> overdueRounds(Instant now) {
        return db.selectFrom(ROUND)
                .where(ROUND.STATE.eq(RoundState.OPEN.name()))
                .and(ROUND.CLOSES_AT.le(at(now)))
                .orderBy(ROUND.CLOSES_AT, ROUND.ID)
                .fetch(StudyRepository::toRound);
    }

    /**
     * When each panelist submitted a round. Reads the rating feature's submission table directly (times
     * only): the study feature may not call the rating service, which depends on it.
     */
    Map<Long, Instant> submissions(RoundId roundId) {
        Map<Long, Instant> submitted = new HashMap<>();
        db.selectFrom(ROUND_SUBMISSION).where(ROUND_SUBMISSION.ROUND_ID.eq(roundId.value()))
                .forEach(r -> submitted.put(r.getPanelistId(), r.getSubmittedAt().toInstant()));
        return submitted;
    }

    private static Study toStudy(StudyRecord r) {
        var rules = new StudyRules(r.getConsensusRule(), r.getStoppingRule(), r.getMaxRounds(), r.getCarryConsensus(),
                r.getQuantileType(), RationalePolicy.valueOf(r.getRationalePolicy()), r.getPrefillPrevious());
        return new Study(new StudyId(r.getId()), r.getName(), r.getDescription(), r.getQuestion(), r.getFrameworkId(),
                rules, StudyState.valueOf(r.getState()), r.getCreatedAt().toInstant(), r.getUpdatedAt().toInstant());
    }

    private static Panelist toPanelist(org.delphipanel.db.tables.records.PanelistRecord r) {
        return new Panelist(new PanelistId(r.getId()), new StudyId(r.getStudyId()), r.getUserId(),
                PanelRole.valueOf(r.getRole()), r.getPseudonym(), r.getJoinedAt().toInstant());
    }

    private static Round toRound(RoundRecord r) {
        return new Round(new RoundId(r.getId()), new StudyId(r.getStudyId()), r.getNumber(), RoundState.valueOf(r.getState()),
                instant(r.getOpenedAt()), instant(r.getClosesAt()), instant(r.getClosedAt()), r.getVersion());
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    static @Nullable OffsetDateTime at(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

}
