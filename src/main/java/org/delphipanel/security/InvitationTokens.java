package org.delphipanel.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Invitation tokens: 32 random bytes (256 bits) from {@link SecureRandom}, written in URL-safe
 * base64 without padding (43 characters). The database keeps only the SHA-256 of a token, in hex, so
 * a copy of the database does not let anyone accept an open invitation. A plain (unsalted) hash is
 * enough here because the token is random and long, unlike a password.
 */
final class InvitationTokens {

    static final int TOKEN_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private InvitationTokens() {
    }

    static String newToken(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** Whether a string could be a token at all; anything else is refused before any lookup. */
    static boolean isWellFormed(String candidate) {
        return SHAPE.matcher(candidate).matches();
    }

    /** The SHA-256 of the token's characters, as 64 lower-case hex digits. */
    static String hash(String token) {
        return HexFormat.of().formatHex(sha256().digest(token.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Compares a token with a stored hash in time that does not depend on where they differ. */
    static boolean matches(String token, String storedHash) {
        byte[] expected = storedHash.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = hash(token).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            // every Java platform must provide SHA-256 (MessageDigest javadoc)
            throw new IllegalStateException(impossible);
        }
    }
}
