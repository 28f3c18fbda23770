package org.delphipanel.security;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the holder of a valid invitation link may see before accepting it.
 *
 * @param studyName the study whose panel the link joins, or null for a plain account invitation
 */
public record InvitationPreview(String email, Role role, Instant expiresAt, @Nullable String studyName) {

    public InvitationPreview {
        email = new EmailAddress(email).value();
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
