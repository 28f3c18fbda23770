package org.delphipanel.reliability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writable API tokens for the load's experts, stored as the API stores them (table {@code api_token}:
 * the SHA-256 hex of the whole {@code dpat_...} string, scope WRITE) by a direct insert, because a
 * token is otherwise created by its owner in the UI and shown only once.
 */
public final class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    /** A new token per expert, keyed by the expert's user id. */
    public static Map<Long, String> create(Connection connection, List<LoadPanel.Expert> experts) throws SQLException {
        Map<Long, String> tokens = new LinkedHashMap<>();
        String sql = "insert into api_token (user_id, name, token_hash, token_hint, scope, created_at)"
                + " values (?, ?, ?, ?, 'WRITE', ?)";
        try (var statement = connection.prepareStatement(sql)) {
            for (LoadPanel.Expert expert : experts) {
                String token = newToken();
                statement.setLong(1, expert.userId());
                statement.setString(2, "load test");
                statement.setString(3, sha256Hex(token));
                statement.setString(4, token.substring(0, 9));
                statement.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
                statement.addBatch();
                tokens.put(expert.userId(), token);
            }
            statement.executeBatch();
        }
        return tokens;
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "dpat_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
