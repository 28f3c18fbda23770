package org.delphipanel.security;

/** The database id of an {@link AppUser}. */
public record UserId(long value) {

    public UserId {
        if (value < 1) {
            throw new IllegalArgumentException("A user id is positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
