package org.delphipanel.security;

/**
 * Refuses an invitation link that cannot be used. The message is the same whatever the reason, so
 * that trying links teaches nobody which invitations or e-mail addresses exist; the reason is kept
 * for logs and tests.
 */
public class InvitationNotValidException extends RuntimeException {

    /** Why a link was refused. */
    enum Reason {
        UNKNOWN,
        EXPIRED,
        ALREADY_USED
    }

    static final String MESSAGE = "This invitation link cannot be used: it is incomplete, has expired or has"
            + " already been used. Ask the person who invited you for a new link.";

    private final Reason reason;

    InvitationNotValidException(Reason reason) {
        super(MESSAGE);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
