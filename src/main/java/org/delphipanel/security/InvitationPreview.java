package org.delphipanel.security;

import java.time.Instant;
import java.util.Objects;

/** What the holder of a valid invitation link may see before accepting it. */
public record InvitationPreview(String email, Role role, Instant expiresAt) {

    public InvitationPreview {
        email = new EmailAddress(email).value();
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
