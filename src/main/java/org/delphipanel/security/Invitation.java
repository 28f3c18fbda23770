package org.delphipanel.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored invitation and its lifecycle: pending until accepted or until it expires, whichever
 * comes first; an accepted or expired invitation never becomes pending again.
 *
 * @param studyId the study whose panel the invitation is for, or null for a plain account invitation
 */
record Invitation(
        InvitationId id,
        EmailAddress email,
        Role role,
        String tokenHash,
        UserId invitedBy,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant acceptedAt,
        @Nullable Long studyId) {

    enum State {
        PENDING,
        ACCEPTED,
        EXPIRED
    }

    Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(invitedBy, "invitedBy");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("An invitation expires after it is created: created "
                    + createdAt + ", expires " + expiresAt);
        }
    }

    /** An invitation that is not for any study's panel. */
    Invitation(InvitationId id, EmailAddress email, Role role, String tokenHash, UserId invitedBy, Instant createdAt,
            Instant expiresAt, @Nullable Instant acceptedAt) {
        this(id, email, role, tokenHash, invitedBy, createdAt, expiresAt, acceptedAt, null);
    }

    /** The state at the clock's current instant; the expiry instant itself already counts as expired. */
    State state(Clock clock) {
        if (acceptedAt != null) {
            return State.ACCEPTED;
        }
        return clock.instant().isBefore(expiresAt) ? State.PENDING : State.EXPIRED;
    }

    /**
     * Accepts a pending invitation.
     *
     * @throws InvitationNotValidException if it was accepted before or has expired
     */
    Invitation accept(Clock clock) {
        return switch (state(clock)) {
            case PENDING -> new Invitation(id, email, role, tokenHash, invitedBy, createdAt, expiresAt, clock.instant(),
                    studyId);
            case ACCEPTED -> throw new InvitationNotValidException(InvitationNotValidException.Reason.ALREADY_USED);
            case EXPIRED -> throw new InvitationNotValidException(InvitationNotValidException.Reason.EXPIRED);
        };
    }
}
