package org.delphipanel.security;

import java.time.Instant;
import java.util.Objects;

/**
 * A user as the people administration lists them.
 *
 * @param hasPassword false while the person has not yet accepted an invitation
 */
public record UserListing(AppUser user, Instant createdAt, boolean hasPassword) {

    public UserListing {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
