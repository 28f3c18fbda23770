package org.delphipanel.security;

import org.jspecify.annotations.Nullable;

/** The one rule for display names, shared by accounts, invitation acceptance and its form. */
public final class DisplayNames {

    public static final int MAX_LENGTH = 200;

    private DisplayNames() {
    }

    /**
     * The name stripped.
     *
     * @throws IllegalArgumentException with a message for the screen when it is blank or too long
     */
    public static String check(@Nullable String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Enter a name.");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A name can have at most " + MAX_LENGTH + " characters.");
        }
        return name;
    }
}
