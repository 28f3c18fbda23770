package org.delphipanel.security;

/** The database id of an invitation. */
public record InvitationId(long value) {

    public InvitationId {
        if (value < 1) {
            throw new IllegalArgumentException("An invitation id is positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
