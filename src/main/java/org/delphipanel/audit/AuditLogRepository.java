package org.delphipanel.audit;

import static org.delphipanel.db.Tables.AUDIT_LOG;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.delphipanel.db.tables.records.AuditLogRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * Reads and appends audit entries. It deliberately has no update or delete method: the audit log is
 * append-only (docs/decisions/0004-append-only-audit-log.md), and a test keeps it that way.
 */
@Repository
class AuditLogRepository {

    private final DSLContext db;

    AuditLogRepository(DSLContext db) {
        this.db = db;
    }

    AuditEntry append(Instant occurredAt, String actor, String action, String entityType,
            @Nullable String entityId, @Nullable String before, @Nullable String after) {
        return db.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.OCCURRED_AT, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.ENTITY_TYPE, entityType)
                .set(AUDIT_LOG.ENTITY_ID, entityId)
                .set(AUDIT_LOG.BEFORE_STATE, before)
                .set(AUDIT_LOG.AFTER_STATE, after)
                .returning()
                .fetchSingle(AuditLogRepository::toEntry);
    }

    /** Newest first; ordered by id because several entries can share one clock reading. */
    List<AuditEntry> findRecent(int limit) {
        return db.selectFrom(AUDIT_LOG)
                .orderBy(AUDIT_LOG.ID.desc())
                .limit(limit)
                .fetch(AuditLogRepository::toEntry);
    }

    /** Oldest first, so the result reads as the entity's history. */
    List<AuditEntry> findByEntity(String entityType, String entityId) {
        return db.selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.ENTITY_TYPE.eq(entityType))
                .and(AUDIT_LOG.ENTITY_ID.eq(entityId))
                .orderBy(AUDIT_LOG.ID.asc())
                .fetch(AuditLogRepository::toEntry);
    }

    private static AuditEntry toEntry(AuditLogRecord row) {
        return new AuditEntry(row.getId(), row.getOccurredAt().toInstant(), row.getActor(), row.getAction(),
                row.getEntityType(), row.getEntityId(), row.getBeforeState(), row.getAfterState());
    }
}
