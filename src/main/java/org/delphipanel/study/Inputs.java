package org.delphipanel.study;

import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/** Cleans and checks what facilitators type: blank means absent, web addresses only absolute http(s). */
final class Inputs {

    private Inputs() {
    }

    /**
     * The address stripped, or null when blank.
     *
     * @throws IllegalArgumentException unless it is an absolute http:// or https:// address with a host;
     *     other schemes (javascript:, file:, data:) would be unsafe as links
     */
    static @Nullable String webAddress(@Nullable String address, String what) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String clean = address.strip();
        try {
            URI uri = new URI(clean);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(what + " must start with http:// or https://, was " + clean);
            }
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException(what + " is not a valid web address: " + clean);
        }
        if (clean.length() > 2000) {
            throw new IllegalArgumentException(what + " is longer than 2000 characters");
        }
        return clean;
    }

    /** The text stripped, or null when blank. */
    static @Nullable String optional(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * The text stripped, or null when blank; refused when longer than {@code max} (the columns are
     * {@code text}, unbounded, so the limit is ours: a pasted book is a mistake, not a description).
     */
    static @Nullable String optional(@Nullable String text, String what, int max) {
        String clean = optional(text);
        if (clean != null && clean.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters (it has "
                    + clean.length() + ")");
        }
        return clean;
    }

    /** The text stripped; refused when blank or longer than {@code max}. */
    static String required(@Nullable String text, String what, int max) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        String clean = text.strip();
        if (clean.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
        return clean;
    }

    /** The longest description, question or excerpt taken. */
    static final int MAX_TEXT = 20_000;
}
