package org.delphipanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.delphipanel.security.SecurityTestData.PASSWORD;
import static org.delphipanel.security.SecurityTestData.uniqueEmail;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The HTTP security rules, seen from a client that knows nothing about Vaadin. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    CookieManager cookies;
    HttpClient client;

    @BeforeEach
    void newBrowser() {
        cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the two fields Vaadin's login form posts, to where it posts them. */
    private HttpResponse<String> postLogin(String username, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    @Test
    void an_anonymous_request_for_a_protected_view_is_redirected_to_the_login() throws Exception {
        HttpResponse<String> response = get("/admin/users");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(URI.create(location(response)).getPath()).isEqualTo("/login");
    }

    @Test
    void the_login_page_and_health_are_open_to_anonymous_requests() throws Exception {
        assertThat(get("/login").statusCode()).isEqualTo(200);
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void an_invitation_page_opens_without_a_login() throws Exception {
        // the page itself refuses the unknown token; what matters here is that no login is demanded
        assertThat(get("/invitation/AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8").statusCode()).isEqualTo(200);
    }

    @Test
    void other_actuator_endpoints_need_a_login() throws Exception {
        HttpResponse<String> response = get("/actuator");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(URI.create(location(response)).getPath()).isEqualTo("/login");
    }

    @Test
    void a_form_login_with_the_right_password_succeeds_and_changes_the_session_id() throws Exception {
        AppUser admin = users.createUser(uniqueEmail("http-admin"), "HTTP Admin", Role.ADMIN, PASSWORD);
        get("/admin/users");
        String before = sessionId().orElseThrow(() -> new AssertionError("no session before the login"));

        HttpResponse<String> login = postLogin(admin.email().toUpperCase(), PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        // back to the page asked for before the login (Spring adds ?continue to a saved request)
        assertThat(URI.create(location(login)).getPath()).isEqualTo("/admin/users");
        assertThat(location(login)).doesNotContain("error");
        assertThat(sessionId()).get().isNotEqualTo(before);
        assertThat(get("/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void a_form_login_with_a_wrong_password_fails() throws Exception {
        AppUser expert = users.createUser(uniqueEmail("http-expert"), "HTTP Expert", Role.EXPERT, PASSWORD);
        HttpResponse<String> login = postLogin(expert.email(), PASSWORD + "?");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(location(login)).endsWith("/login?error");
        assertThat(get("/admin/users").statusCode()).isEqualTo(302);
    }

    @Test
    void a_form_login_for_an_unknown_address_fails_the_same_way() throws Exception {
        HttpResponse<String> login = postLogin(uniqueEmail("nobody"), PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(location(login)).endsWith("/login?error");
    }
}
