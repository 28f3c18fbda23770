package org.delphipanel.security;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An e-mail address as accounts and invitations store it: trimmed and lower-cased, so that
 * {@code Ada@Example.org} and {@code ada@example.org} are one account.
 *
 * <p>The check is deliberately plain (one {@code @}, no spaces, a dotted domain; no control characters
 * and none of the specials that are only valid quoted, such as {@code <>} from a pasted
 * {@code Name <address>}): it catches typing slips; only the invitation link proves that the address works.
 */
public record EmailAddress(String value) {

    private static final int MAX_LENGTH = 320;
    private static final Pattern SHAPE = Pattern.compile(
            "[^@\\s<>()\\[\\]\\\\,;:\"\\p{Cntrl}]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    public EmailAddress {
        value = normalize(value);
    }

    /** Parses user input, with a message fit for the screen if it is not an e-mail address. */
    public static EmailAddress of(@Nullable String raw) {
        return new EmailAddress(raw == null ? "" : raw);
    }

    private static String normalize(@Nullable String raw) {
        String candidate = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (candidate.isEmpty()) {
            throw new IllegalArgumentException("Enter an e-mail address.");
        }
        if (candidate.length() > MAX_LENGTH || !SHAPE.matcher(candidate).matches()) {
            throw new IllegalArgumentException(
                    "\"" + abbreviate(raw == null ? "" : raw.strip()) + "\" is not a valid e-mail address;"
                            + " expected something like name@example.org.");
        }
        return candidate;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    @Override
    public String toString() {
        return value;
    }
}
