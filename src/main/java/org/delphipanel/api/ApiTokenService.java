package org.delphipanel.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserId;
import org.delphipanel.security.UserService;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.StudyNotFoundException;
import org.delphipanel.study.StudyService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal API tokens: people create and revoke their own, administrators may list and revoke anyone's.
 * A token is shown once, at creation; the database keeps only its SHA-256. A token works while it is
 * neither revoked nor expired and its owner's account is enabled, and never does more than its owner may:
 * the services check roles and blindness as for a signed-in person; the scope and the study restriction
 * only take away.
 */
@Service
public class ApiTokenService {

    static final int MAX_NAME_LENGTH = 100;
    /** How stale {@code last_used_at} may get before a request writes it again (one write a minute at most). */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiTokenRepository tokens;
    private final UserService users;
    private final StudyService studies;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenRepository tokens, UserService users, StudyService studies, AuditLog auditLog, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.studies = studies;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Creates a token for {@code userId}, who must be the acting person (nobody creates tokens for others).
     *
     * @param expiresAt when it stops working, in the future; null for a token that works until revoked
     * @param studyIds the studies it is restricted to, each one the person may see; empty for all of them
     * @return the token and its secret, which is never available again
     * @throws IllegalArgumentException for an empty or too long name, a past expiry or a study the person may not see
     */
    @Transactional
    public CreatedApiToken create(long userId, String name, @Nullable Instant expiresAt, Collection<StudyId> studyIds,
            ApiScope scope) {
        AppUser owner = enabledUser(userId);
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            throw new IllegalArgumentException("Give the token a name, e.g. the script or machine that will use it.");
        }
        if (cleanName.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A token name may have at most " + MAX_NAME_LENGTH + " characters.");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("The expiry date must lie in the future.");
        }
        TreeSet<Long> restriction = new TreeSet<>();
        for (StudyId studyId : studyIds) {
            try {
                studies.studyForMember(userId, studyId);
            } catch (AccessDeniedException | StudyNotFoundException notVisible) {
                throw new IllegalArgumentException("You can restrict a token only to studies you can see; study "
                        + studyId.value() + " is not one of them.");
            }
            restriction.add(studyId.value());
        }
        String secret = ApiTokenSecrets.newSecret(random);
        long id = tokens.insert(userId, cleanName, ApiTokenSecrets.hash(secret), ApiTokenSecrets.hint(secret), scope,
                now, expiresAt, restriction);
        ApiToken token = tokens.findById(id).orElseThrow();
        auditLog.record(owner.email(), "api-token.created", "api_token", Long.toString(id), null, describe(token));
        return new CreatedApiToken(token, secret);
    }

    /** The acting person's own tokens, newest first, revoked and expired ones included. */
    @Transactional(readOnly = true)
    public List<ApiToken> tokensOf(long actingUserId) {
        enabledUser(actingUserId);
        return tokens.findByUser(actingUserId);
    }

    /** Everyone's tokens, for administrators. */
    @Transactional(readOnly = true)
    public List<ApiToken> allTokens(long actingUserId) {
        requireAdmin(enabledUser(actingUserId));
        return tokens.findAll();
    }

    /**
     * Revokes a token for good: its owner or an administrator may. Revoking a revoked token changes nothing.
     *
     * @throws IllegalArgumentException for an unknown token
     * @throws AccessDeniedException for someone else's token, unless an administrator acts
     */
    @Transactional
    public ApiToken revoke(long actingUserId, long tokenId) {
        AppUser actor = enabledUser(actingUserId);
        ApiToken token = tokens.findById(tokenId)
                .orElseThrow(() -> new IllegalArgumentException("There is no API token with id " + tokenId + "."));
        if (token.userId() != actingUserId) {
            requireAdmin(actor);
        }
        if (token.isRevoked()) {
            return token;
        }
        tokens.revoke(tokenId, actingUserId, clock.instant());
        ApiToken revoked = tokens.findById(tokenId).orElseThrow();
        auditLog.record(actor.email(), "api-token.revoked", "api_token", Long.toString(tokenId), describe(token),
                describe(revoked));
        return revoked;
    }

    /**
     * Who a presented token string authenticates, and records its use (to the minute).
     *
     * @throws ApiTokenRejectedException naming why: malformed, unknown, revoked, expired, or its owner disabled
     */
    @Transactional
    public ApiPrincipal authenticate(String presented) {
        if (!ApiTokenSecrets.isWellFormed(presented)) {
            throw new ApiTokenRejectedException("The bearer token is not a Delphi Panel API token (dpat_ followed by"
                    + " 43 characters).");
        }
        String hash = ApiTokenSecrets.hash(presented);
        ApiTokenRepository.Stored stored = tokens.findByHash(hash)
                .filter(s -> ApiTokenSecrets.matches(presented, s.tokenHash()))
                .orElseThrow(() -> new ApiTokenRejectedException("The API token is not known; create a new one on"
                        + " the API tokens page."));
        ApiToken token = stored.token();
        Instant now = clock.instant();
        if (token.isRevoked()) {
            throw new ApiTokenRejectedException("The API token \"" + token.name() + "\" was revoked.");
        }
        if (token.isExpired(now)) {
            throw new ApiTokenRejectedException("The API token \"" + token.name() + "\" expired at " + token.expiresAt()
                    + ".");
        }
        AppUser owner = users.findById(new UserId(token.userId())).filter(AppUser::enabled)
                .orElseThrow(() -> new ApiTokenRejectedException("The account of this API token is disabled."));
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
            tokens.touch(token.id(), now);
        }
        return new ApiPrincipal(token.id(), owner.id().value(), owner.email(), owner.role(), token.scope(),
                token.studyIds());
    }

    /** One token, for its owner or an administrator. */
    @Transactional(readOnly = true)
    public Optional<ApiToken> find(long actingUserId, long tokenId) {
        AppUser actor = enabledUser(actingUserId);
        return tokens.findById(tokenId).filter(t -> t.userId() == actingUserId || actor.is(Role.ADMIN));
    }

    private AppUser enabledUser(long userId) {
        return users.findById(new UserId(userId)).filter(AppUser::enabled)
                .orElseThrow(() -> new AccessDeniedException("There is no enabled account with id " + userId + "."));
    }

    private static void requireAdmin(AppUser user) {
        if (!user.is(Role.ADMIN)) {
            throw new AccessDeniedException("Only administrators can see or revoke other people's API tokens.");
        }
    }

    private static String describe(ApiToken token) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("owner", token.ownerEmail());
        state.put("name", token.name());
        state.put("hint", token.hint());
        state.put("scope", token.scope().name());
        state.put("studies", new TreeSet<>(token.studyIds()));
        state.put("expiresAt", token.expiresAt() == null ? null : token.expiresAt().toString());
        state.put("revokedAt", token.revokedAt() == null ? null : token.revokedAt().toString());
        return JSON.writeValueAsString(state);
    }
}
