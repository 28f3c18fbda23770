package org.delphipanel.audit;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log, as it was written; entries are never changed afterwards.
 *
 * @param actor who acted: a user's e-mail, or {@code system} for the application itself
 * @param action what happened, a short verb phrase such as {@code invitation.created}
 * @param entityType the kind of thing acted on, such as {@code user} or {@code round}
 * @param entityId the thing's id, if it has one
 * @param before the relevant state before the action (free text or JSON), if any
 * @param after the relevant state after the action, if any
 */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String actor,
        String action,
        String entityType,
        @Nullable String entityId,
        @Nullable String before,
        @Nullable String after) {

    public AuditEntry {
        Objects.requireNonNull(occurredAt, "occurredAt");
        requireText(actor, "actor", 320);
        requireText(action, "action", 100);
        requireText(entityType, "entityType", 100);
        if (entityId != null) {
            requireText(entityId, "entityId", 100);
        }
    }

    static void requireText(@Nullable String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An audit entry needs a non-blank " + name);
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(
                    "An audit entry's " + name + " has at most " + maxLength + " characters, got " + value.length());
        }
    }
}
