package org.delphipanel.security;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Someone has just accepted an invitation. Published synchronously inside the accepting
 * transaction, so a listener's work (e.g. putting the person on a study's panel) commits or rolls
 * back with the acceptance.
 *
 * @param studyId the study whose panel the invitation was for, or null for a plain account invitation
 */
public record InvitationAccepted(InvitationId invitationId, AppUser user, @Nullable Long studyId) {

    public InvitationAccepted {
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(user, "user");
    }
}
