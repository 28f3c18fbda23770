package org.delphipanel.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The token format: {@code dpat_} followed by 32 random bytes (256 bits) from {@link SecureRandom} in
 * URL-safe base64 without padding (43 characters). The prefix lets secret scanners and people recognise a
 * Delphi Panel token. The database keeps the SHA-256 of the whole string in hex: the secret is random and
 * long, so an unsalted fast hash is enough (a password would need bcrypt), and it can be looked up directly.
 */
final class ApiTokenSecrets {

    static final String PREFIX = "dpat_";
    static final int RANDOM_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("dpat_[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int HINT_LENGTH = PREFIX.length() + 4;

    private ApiTokenSecrets() {
    }

    static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + ENCODER.encodeToString(bytes);
    }

    /** Whether a presented string could be a token at all; anything else is refused before any lookup. */
    static boolean isWellFormed(String candidate) {
        return SHAPE.matcher(candidate).matches();
    }

    /** The SHA-256 of the token string, as 64 lower-case hex digits: what column {@code token_hash} holds. */
    static String hash(String secret) {
        return HexFormat.of().formatHex(sha256().digest(secret.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Compares a presented token with a stored hash in time that does not depend on where they differ. */
    static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String hint(String secret) {
        return secret.substring(0, HINT_LENGTH);
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
