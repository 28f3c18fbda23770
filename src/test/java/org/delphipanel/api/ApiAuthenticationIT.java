package org.delphipanel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.delphipanel.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.scoring.ActingAs;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserService;
import org.delphipanel.study.StudyTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;

/** Who gets in through /api: tokens, their lifecycle and their storage, over real HTTP (H2 and PostgreSQL). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiAuthenticationIT {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    StudyTestData data;
    @Autowired
    UserService users;
    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    private static void assertUnauthorized(HttpResponse<byte[]> response, String messagePart) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("error").asString()).isEqualTo("Unauthorized");
        assertThat(body.get("message").asString()).contains(messagePart);
        assertThat(body.get("details").isArray()).isTrue();
    }

    @Test
    void a_request_without_a_token_is_refused_with_401_and_a_bearer_challenge() {
        assertUnauthorized(api.get("/api/studies", null), "needs an API token");
        assertUnauthorized(api.putJson("/api/studies/1/rounds/current/ratings", null, "{}"), "needs an API token");
    }

    @Test
    void other_schemes_and_unknown_or_malformed_tokens_are_refused() {
        var basic = api.send(api.request("/api/studies", null).header("Authorization", "Basic dXNlcjpwYXNz").GET()
                .build());
        assertUnauthorized(basic, "must be \"Bearer <API token>\"");
        assertUnauthorized(api.get("/api/studies", "not-a-token"), "not a Delphi Panel API token");
        assertUnauthorized(api.get("/api/studies", "dpat_" + "A".repeat(43)), "not known");
    }

    @Test
    void a_valid_token_authenticates_its_owner_and_records_its_use() {
        AppUser expert = data.aUser(Role.EXPERT, "api-auth");
        CreatedApiToken created = tokens.create(expert.id().value(), "script", null, List.of(), ApiScope.READ);
        assertThat(created.secret()).matches("dpat_[A-Za-z0-9_-]{43}");
        assertThat(created.token().lastUsedAt()).isNull();

        HttpResponse<byte[]> response = api.get("/api/studies", created.secret());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).isArray()).isTrue();
        assertThat(tokens.tokensOf(expert.id().value())).singleElement()
                .satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());
        // stateless: no session cookie is handed out
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void a_revoked_token_is_refused_and_creation_and_revocation_are_audit_logged() {
        AppUser expert = data.aUser(Role.EXPERT, "api-revoke");
        CreatedApiToken created = tokens.create(expert.id().value(), "laptop", null, List.of(), ApiScope.WRITE);
        assertThat(api.get("/api/studies", created.secret()).statusCode()).isEqualTo(200);

        tokens.revoke(expert.id().value(), created.token().id());

        assertUnauthorized(api.get("/api/studies", created.secret()), "was revoked");
        assertThat(auditLog.forEntity("api_token", Long.toString(created.token().id())))
                .extracting(e -> e.action()).containsExactly("api-token.created", "api-token.revoked");
        assertThat(auditLog.forEntity("api_token", Long.toString(created.token().id())))
                .allSatisfy(e -> assertThat(e.after()).doesNotContain(created.secret()));
    }

    @Test
    void an_expired_token_is_refused() {
        AppUser expert = data.aUser(Role.EXPERT, "api-expired");
        String secret = "dpat_" + "e".repeat(20) + StudyTestData.uniqueTag().replaceAll("[^0-9]", "").substring(0, 10)
                + "x".repeat(13);
        assertThat(secret).matches("dpat_[A-Za-z0-9_-]{43}");
        OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        // inserted as another tool would (docs/api.md documents the columns): only the hash is stored
        jdbc.update("insert into api_token (user_id, name, token_hash, scope, created_at, expires_at)"
                + " values (?, ?, ?, 'READ', ?, ?)", expert.id().value(), "old", ApiTokenSecrets.hash(secret),
                past.minusDays(30), past);
        assertUnauthorized(api.get("/api/studies", secret), "expired at");
    }

    @Test
    void the_token_of_a_disabled_account_stops_working() {
        AppUser admin = data.aUser(Role.ADMIN, "api-admin");
        AppUser expert = data.aUser(Role.EXPERT, "api-disabled");
        CreatedApiToken created = tokens.create(expert.id().value(), "cron", null, List.of(), ApiScope.READ);
        assertThat(api.get("/api/studies", created.secret()).statusCode()).isEqualTo(200);
        ActingAs.user(admin.email(), "ADMIN");
        users.setEnabled(expert.id(), false);
        assertUnauthorized(api.get("/api/studies", created.secret()), "disabled");
    }

    @Test
    void a_signed_in_browser_session_is_not_accepted_on_the_api() throws Exception {
        AppUser expert = data.aUser(Role.EXPERT, "api-cookie");
        var cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
        var browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        var login = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username="
                        + java.net.URLEncoder.encode(expert.email(), java.nio.charset.StandardCharsets.UTF_8)
                        + "&password=" + java.net.URLEncoder.encode(StudyTestData.PASSWORD,
                                java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(cookies.getCookieStore().getCookies()).anyMatch(c -> c.getName().equals("JSESSIONID"));
        var withSession = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                + port + "/api/studies")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertUnauthorized(withSession, "needs an API token");
    }

    @Test
    void only_the_sha256_of_the_token_is_stored() {
        AppUser expert = data.aUser(Role.EXPERT, "api-hash");
        CreatedApiToken created = tokens.create(expert.id().value(), "hashed", Instant.now().plus(1, ChronoUnit.DAYS),
                List.of(), ApiScope.READ);
        String expected = java.util.HexFormat.of().formatHex(sha256(created.secret()));
        List<String> stored = jdbc.queryForList("select token_hash from api_token where id = ?", String.class,
                created.token().id());
        assertThat(stored).containsExactly(expected);
        Integer withSecret = jdbc.queryForObject("select count(*) from api_token where token_hash = ? or name = ?"
                + " or token_hint = ?", Integer.class, created.secret(), created.secret(), created.secret());
        assertThat(withSecret).isZero();
    }

    @Test
    void people_revoke_only_their_own_tokens_and_administrators_anyones() {
        AppUser owner = data.aUser(Role.EXPERT, "api-owner");
        AppUser other = data.aUser(Role.EXPERT, "api-other");
        AppUser admin = data.aUser(Role.ADMIN, "api-admin2");
        CreatedApiToken created = tokens.create(owner.id().value(), "mine", null, List.of(), ApiScope.READ);
        assertThatThrownBy(() -> tokens.revoke(other.id().value(), created.token().id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tokens.allTokens(other.id().value())).isInstanceOf(AccessDeniedException.class);
        assertThat(tokens.allTokens(admin.id().value())).anyMatch(t -> t.id() == created.token().id());
        assertThat(tokens.revoke(admin.id().value(), created.token().id()).isRevoked()).isTrue();
        assertUnauthorized(api.get("/api/studies", created.secret()), "was revoked");
    }

    @Test
    void a_token_cannot_be_restricted_to_a_study_its_owner_does_not_see_nor_expire_in_the_past() {
        var fixture = data.aDraftStudy(1, 1);
        AppUser outsider = data.aUser(Role.EXPERT, "api-outsider");
        assertThatThrownBy(() -> tokens.create(outsider.id().value(), "x", null, List.of(fixture.study().id()),
                ApiScope.READ)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("studies you can see");
        assertThatThrownBy(() -> tokens.create(outsider.id().value(), "x", Instant.now().minusSeconds(5), List.of(),
                ApiScope.READ)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("future");
        assertThatThrownBy(() -> tokens.create(outsider.id().value(), " ", null, List.of(), ApiScope.READ))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_openapi_description_is_readable_without_a_token_and_unknown_paths_answer_json_404() {
        HttpResponse<byte[]> description = api.get("/api/openapi.json", null);
        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(json(description).get("openapi").asString()).startsWith("3.");
        AppUser expert = data.aUser(Role.EXPERT, "api-404");
        CreatedApiToken created = tokens.create(expert.id().value(), "x", null, List.of(), ApiScope.READ);
        HttpResponse<byte[]> unknown = api.get("/api/nothing-here", created.secret());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("message").asString()).contains("no endpoint GET /api/nothing-here");
        HttpResponse<byte[]> delete = api.send(api.request("/api/studies", created.secret()).DELETE().build());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(json(delete).get("message").asString()).contains("allowed: [GET]");
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
