package org.delphipanel.security;

import java.time.Instant;
import java.util.Objects;

/**
 * A freshly created invitation with its one-time link. The token inside the link exists only here and
 * in the link itself: the database keeps its hash, so the link cannot be shown again later.
 *
 * @param path the link relative to the application, {@code /invitation/<token>}
 * @param url the full link, starting with the configured {@code delphi.public-url}
 */
public record InvitationLink(InvitationId id, String email, Role role, Instant expiresAt, String path, String url) {

    public InvitationLink {
        Objects.requireNonNull(id, "id");
        email = new EmailAddress(email).value();
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!path.startsWith("/invitation/")) {
            throw new IllegalArgumentException("An invitation path starts with /invitation/, got " + path);
        }
        if (!url.endsWith(path)) {
            throw new IllegalArgumentException("An invitation URL ends with its path");
        }
    }
}
