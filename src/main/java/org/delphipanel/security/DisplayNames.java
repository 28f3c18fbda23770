package org.delphipanel.security;

import org.jspecify.annotations.Nullable;

/** The one rule for display names, shared by accounts and invitation acceptance. */
final class DisplayNames {

    static final int MAX_LENGTH = 200;

    private DisplayNames() {
    }

    static String check(@Nullable String raw) {
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
