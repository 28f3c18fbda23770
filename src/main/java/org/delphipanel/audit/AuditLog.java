package org.delphipanel.audit;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application's audit trail. Features call {@link #record} inside their own transaction, so an
 * entry is written exactly when the change it describes is committed. Entries can be read but never
 * changed or removed through the application.
 */
@Service
public class AuditLog {

    /** The actor recorded for actions the application takes on its own (start-up tasks, schedules). */
    public static final String SYSTEM_ACTOR = "system";

    private final AuditLogRepository repository;
    private final Clock clock;

    AuditLog(AuditLogRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Appends one entry stamped with the current time of the application clock.
     *
     * @return the entry as stored, with its id
     */
    @Transactional
    public AuditEntry record(String actor, String action, String entityType, @Nullable String entityId,
            @Nullable String before, @Nullable String after) {
        AuditEntry.requireText(actor, "actor", 320);
        AuditEntry.requireText(action, "action", 100);
        AuditEntry.requireText(entityType, "entityType", 100);
        if (entityId != null) {
            AuditEntry.requireText(entityId, "entityId", 100);
        }
        return repository.append(clock.instant(), actor, action, entityType, entityId, before, after);
    }

    /** The {@code limit} most recently written entries, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000, got " + limit);
        }
        return List.copyOf(repository.findRecent(limit));
    }

    /** The history of one entity, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> forEntity(String entityType, String entityId) {
        return List.copyOf(repository.findByEntity(entityType, entityId));
    }
}
