package org.delphipanel.security;

/** Refuses a second account (or an invitation) for an e-mail address that already has an account. */
public class DuplicateEmailException extends IllegalStateException {

    DuplicateEmailException(String email) {
        super("An account for " + email + " already exists.");
    }
}
