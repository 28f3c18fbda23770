package org.delphipanel.security;

import java.util.Objects;

/**
 * A person who can (or, once invited, will be able to) sign in. The e-mail address is the sign-in
 * name, stored lower-cased.
 */
public record AppUser(UserId id, String email, String displayName, Role role, boolean enabled) {

    public AppUser {
        Objects.requireNonNull(id, "id");
        email = new EmailAddress(email).value();
        displayName = DisplayNames.check(displayName);
        Objects.requireNonNull(role, "role");
    }

    /** Whether this person has the given role. */
    public boolean is(Role candidate) {
        return role == candidate;
    }
}
