package org.delphipanel.scoring;

import static org.delphipanel.db.Tables.RESULTS_SNAPSHOT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.delphipanel.db.tables.records.ResultsSnapshotRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Stores results snapshots. A snapshot's figures are never updated; publishing only stamps it. */
@Repository
class ResultsRepository {

    private final DSLContext db;

    ResultsRepository(DSLContext db) {
        this.db = db;
    }

    /** A stored row: the frozen ratings and the computed content, both JSON. */
    record Stored(long id, long studyId, long roundId, Instant computedAt, String computedBy, long seed, int replicates,
            String ratings, String content, @org.jspecify.annotations.Nullable Instant publishedAt,
            @org.jspecify.annotations.Nullable String publishedBy) {
    }

    long insert(long studyId, long roundId, Instant computedAt, String computedBy, long seed, int replicates,
            String ratings, String content) {
        return db.insertInto(RESULTS_SNAPSHOT)
                .set(RESULTS_SNAPSHOT.STUDY_ID, studyId)
                .set(RESULTS_SNAPSHOT.ROUND_ID, roundId)
                .set(RESULTS_SNAPSHOT.COMPUTED_AT, utc(computedAt))
                .set(RESULTS_SNAPSHOT.COMPUTED_BY, computedBy)
                .set(RESULTS_SNAPSHOT.SEED, seed)
                .set(RESULTS_SNAPSHOT.REPLICATES, replicates)
                .set(RESULTS_SNAPSHOT.RATINGS, ratings)
                .set(RESULTS_SNAPSHOT.CONTENT, content)
                .returning(RESULTS_SNAPSHOT.ID)
                .fetchSingle(RESULTS_SNAPSHOT.ID);
    }

    Optional<Stored> find(long id) {
        return db.selectFrom(RESULTS_SNAPSHOT).where(RESULTS_SNAPSHOT.ID.eq(id)).fetchOptional(ResultsRepository::toStored);
    }

    /** The most recently computed snapshot of a study. */
    Optional<Stored> latest(long studyId) {
        return db.selectFrom(RESULTS_SNAPSHOT)
                .where(RESULTS_SNAPSHOT.STUDY_ID.eq(studyId))
                .orderBy(RESULTS_SNAPSHOT.ID.desc())
                .limit(1)
                .fetchOptional(ResultsRepository::toStored);
    }

    /** The most recently computed snapshot that has been published. */
    Optional<Stored> latestPublished(long studyId) {
        return db.selectFrom(RESULTS_SNAPSHOT)
                .where(RESULTS_SNAPSHOT.STUDY_ID.eq(studyId))
                .and(RESULTS_SNAPSHOT.PUBLISHED_AT.isNotNull())
                .orderBy(RESULTS_SNAPSHOT.ID.desc())
                .limit(1)
                .fetchOptional(ResultsRepository::toStored);
    }

    /** Stamps a snapshot as published, once; false when it was published already. */
    boolean markPublished(long id, Instant at, String by) {
        return db.update(RESULTS_SNAPSHOT)
                .set(RESULTS_SNAPSHOT.PUBLISHED_AT, utc(at))
                .set(RESULTS_SNAPSHOT.PUBLISHED_BY, by)
                .where(RESULTS_SNAPSHOT.ID.eq(id))
                .and(RESULTS_SNAPSHOT.PUBLISHED_AT.isNull())
                .execute() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Stored toStored(ResultsSnapshotRecord row) {
        return new Stored(row.getId(), row.getStudyId(), row.getRoundId(), row.getComputedAt().toInstant(),
                row.getComputedBy(), row.getSeed(), row.getReplicates(), row.getRatings(), row.getContent(),
                row.getPublishedAt() == null ? null : row.getPublishedAt().toInstant(), row.getPublishedBy());
    }
}
