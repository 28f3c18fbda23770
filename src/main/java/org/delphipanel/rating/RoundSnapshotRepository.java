package org.delphipanel.rating;

import static org.delphipanel.db.Tables.ROUND_SNAPSHOT;

import java.time.ZoneOffset;
import java.util.Optional;
import org.delphipanel.study.RoundId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Round snapshots in the database, one JSON document per closed round. Only inserts and reads: a
 * stored snapshot is never updated, and a second insert for the same round fails on the primary key.
 */
@Repository
class RoundSnapshotRepository {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final DSLContext db;

    RoundSnapshotRepository(DSLContext db) {
        this.db = db;
    }

    void insert(RoundSnapshot snapshot) {
        db.insertInto(ROUND_SNAPSHOT)
                .set(ROUND_SNAPSHOT.ROUND_ID, snapshot.roundId())
                .set(ROUND_SNAPSHOT.COMPUTED_AT, snapshot.computedAt().atOffset(ZoneOffset.UTC))
                .set(ROUND_SNAPSHOT.CONTENT, JSON.writeValueAsString(snapshot))
                .execute();
    }

    Optional<RoundSnapshot> find(RoundId roundId) {
        return db.select(ROUND_SNAPSHOT.CONTENT)
                .from(ROUND_SNAPSHOT)
                .where(ROUND_SNAPSHOT.ROUND_ID.eq(roundId.value()))
                .fetchOptional(ROUND_SNAPSHOT.CONTENT)
                .map(content -> JSON.readValue(content, RoundSnapshot.class));
    }

    /** The stored document itself, to show that reading it twice gives the same bytes. */
    Optional<String> content(RoundId roundId) {
        return db.select(ROUND_SNAPSHOT.CONTENT)
                .from(ROUND_SNAPSHOT)
                .where(ROUND_SNAPSHOT.ROUND_ID.eq(roundId.value()))
                .fetchOptional(ROUND_SNAPSHOT.CONTENT);
    }
}
