package org.delphipanel.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A personal API token as stored, without its secret.
 *
 * @param hint the token's first characters (e.g. {@code dpat_Ab3x}), so its owner can tell tokens apart
 * @param studyIds the studies the token is restricted to; empty for every study its owner may see
 * @param lastUsedAt when it last authenticated a request, to the minute (null if never)
 */
public record ApiToken(
        long id,
        long userId,
        String ownerEmail,
        String name,
        String hint,
        ApiScope scope,
        Set<Long> studyIds,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    public ApiToken {
        Objects.requireNonNull(scope, "scope");
        studyIds = Set.copyOf(studyIds);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Whether it can authenticate a request at {@code now} (its owner's account aside). */
    public boolean isActive(Instant now) {
        return !isRevoked() && !isExpired(now);
    }

    public boolean isRestricted() {
        return !studyIds.isEmpty();
    }
}
