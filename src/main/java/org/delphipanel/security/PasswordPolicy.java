package org.delphipanel.security;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The rules every new password meets. Length is what matters most (NIST SP 800-63B, section 3.1.1.2);
 * there are no composition rules. The upper bound exists because bcrypt reads only the first 72 bytes
 * of a password, and Spring Security refuses longer ones outright.
 */
public final class PasswordPolicy {

    /** The fewest characters a password may have. */
    public static final int MIN_LENGTH = 12;
    /** The most UTF-8 bytes a password may have (bcrypt's limit). */
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** A one-line description for help texts. */
    public static String description() {
        return "At least " + MIN_LENGTH + " characters; a short sentence works well.";
    }

    /**
     * Checks a new password.
     *
     * @throws IllegalArgumentException with a message fit for the screen, if the password breaks a rule
     */
    public static void check(@Nullable String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("Enter a password.");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new IllegalArgumentException("A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "A password can be at most " + MAX_BYTES + " bytes long (about " + MAX_BYTES
                            + " letters without accents).");
        }
        if (password.isBlank()) {
            throw new IllegalArgumentException("A password cannot be only spaces.");
        }
    }

    /** Checks a new password and that it was typed the same way twice. */
    public static void check(@Nullable String password, @Nullable String confirmation) {
        check(password);
        if (!java.util.Objects.equals(password, confirmation)) {
            throw new IllegalArgumentException("The two passwords do not match.");
        }
    }
}
