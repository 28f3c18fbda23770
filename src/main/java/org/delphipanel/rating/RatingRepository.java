package org.delphipanel.rating;

import static org.delphipanel.db.Tables.RATING;
import static org.delphipanel.db.Tables.RATING_EVIDENCE;
import static org.delphipanel.db.Tables.ROUND_SUBMISSION;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.delphipanel.db.tables.records.RatingRecord;
import org.delphipanel.study.EvidenceItemId;
import org.delphipanel.study.PanelistId;
import org.delphipanel.study.RoundId;
import org.delphipanel.study.TargetId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Ratings and round submissions in the database. */
@Repository
class RatingRepository {

    private final DSLContext db;

    RatingRepository(DSLContext db) {
        this.db = db;
    }

    Optional<Rating> find(RoundId roundId, TargetId targetId, long criterionId, PanelistId panelistId) {
        return fetch(RATING.ROUND_ID.eq(roundId.value())
                .and(RATING.TARGET_ID.eq(targetId.value()))
                .and(RATING.CRITERION_ID.eq(criterionId))
                .and(RATING.PANELIST_ID.eq(panelistId.value()))).stream().findFirst();
    }

    List<Rating> byPanelist(RoundId roundId, PanelistId panelistId) {
        return fetch(RATING.ROUND_ID.eq(roundId.value()).and(RATING.PANELIST_ID.eq(panelistId.value())));
    }

    List<Rating> byRound(RoundId roundId) {
        return fetch(RATING.ROUND_ID.eq(roundId.value()));
    }

    int countByPanelist(RoundId roundId, PanelistId panelistId) {
        return db.fetchCount(RATING, RATING.ROUND_ID.eq(roundId.value()).and(RATING.PANELIST_ID.eq(panelistId.value())));
    }

    long insert(RatingChange change, PanelistId panelistId, BigDecimal scaleMin, BigDecimal scaleMax, Instant now) {
        long id = db.insertInto(RATING)
                .set(RATING.ROUND_ID, change.roundId().value())
                .set(RATING.TARGET_ID, change.targetId().value())
                .set(RATING.CRITERION_ID, change.criterionId())
                .set(RATING.PANELIST_ID, panelistId.value())
                .set(RATING.GRADE, change.grade())
                .set(RATING.SCALE_MIN, scaleMin)
                .set(RATING.SCALE_MAX, scaleMax)
                .set(RATING.CONFIDENCE, change.confidence() == null ? null : change.confidence().name())
                .set(RATING.RATIONALE, change.rationale())
                .set(RATING.CREATED_AT, at(now))
                .set(RATING.UPDATED_AT, at(now))
                .returning(RATING.ID)
                .fetchSingle()
                .getId();
        insertEvidence(id, change.evidence());
        return id;
    }

    /** Updates a rating if its stored version is still {@code expectedVersion}; false otherwise. */
    boolean update(long ratingId, int expectedVersion, RatingChange change, Instant now) {
        int updated = db.update(RATING)
                .set(RATING.GRADE, change.grade())
                .set(RATING.CONFIDENCE, change.confidence() == null ? null : change.confidence().name())
                .set(RATING.RATIONALE, change.rationale())
                .set(RATING.UPDATED_AT, at(now))
                .set(RATING.VERSION, expectedVersion + 1)
                .where(RATING.ID.eq(ratingId).and(RATING.VERSION.eq(expectedVersion)))
                .execute();
        if (updated == 1) {
            db.deleteFrom(RATING_EVIDENCE).where(RATING_EVIDENCE.RATING_ID.eq(ratingId)).execute();
            insertEvidence(ratingId, change.evidence());
        }
        return updated == 1;
    }

    void submit(RoundId roundId, PanelistId panelistId, Instant now) {
        db.mergeInto(ROUND_SUBMISSION)
                .using(db.selectOne())
                .on(ROUND_SUBMISSION.ROUND_ID.eq(roundId.value()).and(ROUND_SUBMISSION.PANELIST_ID.eq(panelistId.value())))
                .whenMatchedThenUpdate().set(ROUND_SUBMISSION.SUBMITTED_AT, at(now))
                .whenNotMatchedThenInsert(ROUND_SUBMISSION.ROUND_ID, ROUND_SUBMISSION.PANELIST_ID, ROUND_SUBMISSION.SUBMITTED_AT)
                .values(roundId.value(), panelistId.value(), at(now))
                .execute();
    }

    Map<PanelistId, Instant> submissions(RoundId roundId) {
        return db.selectFrom(ROUND_SUBMISSION)
                .where(ROUND_SUBMISSION.ROUND_ID.eq(roundId.value()))
                .fetchMap(r -> new PanelistId(r.getPanelistId()), r -> r.getSubmittedAt().toInstant());
    }

    private void insertEvidence(long ratingId, List<EvidenceItemId> evidence) {
        for (EvidenceItemId item : evidence) {
            db.insertInto(RATING_EVIDENCE)
                    .set(RATING_EVIDENCE.RATING_ID, ratingId)
                    .set(RATING_EVIDENCE.EVIDENCE_ITEM_ID, item.value())
                    .execute();
        }
    }

    private List<Rating> fetch(Condition condition) {
        List<RatingRecord> records = db.selectFrom(RATING).where(condition).orderBy(RATING.ID).fetch();
        if (records.isEmpty()) {
            return List.of();
        }
        Map<Long, List<EvidenceItemId>> evidence = db.select(RATING_EVIDENCE.RATING_ID, RATING_EVIDENCE.EVIDENCE_ITEM_ID)
                .from(RATING_EVIDENCE)
                .join(RATING).on(RATING.ID.eq(RATING_EVIDENCE.RATING_ID))
                .where(condition)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(r -> r.value1(),
                        Collectors.mapping(r -> new EvidenceItemId(r.value2()), Collectors.toList())));
        return records.stream().map(r -> new Rating(r.getId(), new RoundId(r.getRoundId()), new TargetId(r.getTargetId()),
                r.getCriterionId(), new PanelistId(r.getPanelistId()), r.getGrade(),
                r.getConfidence() == null ? null : Confidence.valueOf(r.getConfidence()), r.getRationale(),
                evidence.getOrDefault(r.getId(), List.of()), r.getCreatedAt().toInstant(), r.getUpdatedAt().toInstant(),
                r.getVersion())).toList();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
