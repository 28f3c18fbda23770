package org.delphipanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.delphipanel.security.HttpVisitor.location;
import static org.delphipanel.security.SecurityTestData.PASSWORD;
import static org.delphipanel.security.SecurityTestData.uniqueEmail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hardening headers, the session cookie and error responses, on a real port: a Vaadin page, the
 * login page, error pages, a static resource and the health endpoint.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(SecurityHeadersIT.FailingEndpoint.class)
class SecurityHeadersIT {

    static final String SECRET = "jdbc:postgresql://db/delphi?password=hunter2";

    /**
     * A handler that fails the way a bug would, with a secret in its exception message, behind a chain
     * of its own that lets anyone in (as an API chain would let a token in): Vaadin's chain refuses
     * requests that are neither views nor known resources.
     */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class FailingEndpoint {
        @GetMapping("/test-only/failure")
        String fail() {
            throw new IllegalStateException("cannot connect to " + SECRET);
        }

        @Bean
        @Order(1)
        SecurityFilterChain failingEndpointChain(HttpSecurity http) throws Exception {
            return http.securityMatcher("/test-only/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .build();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    HttpVisitor visitor;

    @BeforeEach
    void newVisitor() {
        visitor = new HttpVisitor(port);
    }

    private void signIn() throws Exception {
        AppUser facilitator = users.createUser(uniqueEmail("headers"), "Headers", Role.FACILITATOR, PASSWORD);
        HttpResponse<String> login = visitor.postLogin(facilitator.email(), PASSWORD);
        assertThat(location(login)).doesNotContain("/login");
    }

    private static void assertHardened(HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Security-Policy")).contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(headers.allValues("Content-Security-Policy")).hasSize(1);
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'")
                .contains("default-src 'self'").contains("object-src 'none'");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(headers.firstValue("Permissions-Policy")).isPresent();
        // plain HTTP: HSTS would be ignored by browsers and would pin localhost to HTTPS
        assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void the_login_page_is_hardened() throws Exception {
        HttpResponse<String> page = visitor.get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertHardened(page.headers());
    }

    @Test
    void a_vaadin_view_of_a_signed_in_user_is_hardened() throws Exception {
        signIn();
        HttpResponse<String> page = visitor.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html");
        assertHardened(page.headers());
    }

    @Test
    void health_and_a_static_resource_are_hardened() throws Exception {
        HttpResponse<String> health = visitor.get("/actuator/health", "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertHardened(health.headers());

        HttpResponse<String> stylesheet = visitor.get("/styles.css", "text/css");
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/css"));
        assertHardened(stylesheet.headers());
    }

    @Test
    void a_redirect_to_the_login_is_hardened() throws Exception {
        HttpResponse<String> redirect = visitor.get("/admin/users");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertHardened(redirect.headers());
    }

    @Test
    void a_server_error_is_hardened_and_shows_neither_the_exception_nor_a_stack_trace() throws Exception {
        for (String accept : List.of("text/html", "application/json")) {
            HttpResponse<String> error = visitor.get("/test-only/failure", accept);
            assertThat(error.statusCode()).as(accept + ": " + error.body()).isEqualTo(500);
            assertHardened(error.headers());
            assertThat(error.body()).as(accept)
                    .doesNotContain("hunter2").doesNotContain("IllegalStateException")
                    .doesNotContain("cannot connect").doesNotContain("at org.").doesNotContain("FailingEndpoint");
        }
    }

    @Test
    void a_request_the_server_cannot_parse_gets_no_server_version_or_trace() throws Exception {
        String response = rawRequest("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).doesNotContainIgnoringCase("tomcat").doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax() throws Exception {
        AppUser expert = users.createUser(uniqueEmail("cookie"), "Cookie", Role.EXPERT, PASSWORD);
        HttpResponse<String> login = visitor.postLogin(expert.email(), PASSWORD);
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertThat(cookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID=")).singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax")
                        // only behind TLS (DELPHI_SECURE_COOKIE=true); this test server speaks plain HTTP
                        .doesNotContain("Secure"));
    }

    private String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            var buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
