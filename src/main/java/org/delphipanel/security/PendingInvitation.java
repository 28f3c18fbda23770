package org.delphipanel.security;

import java.time.Instant;
import java.util.Objects;

/**
 * An invitation nobody has accepted yet and that has not expired, as administrators see it.
 *
 * @param invitedBy the e-mail address of the person who created it
 */
public record PendingInvitation(InvitationId id, String email, Role role, String invitedBy, Instant createdAt,
        Instant expiresAt) {

    public PendingInvitation {
        Objects.requireNonNull(id, "id");
        email = new EmailAddress(email).value();
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
