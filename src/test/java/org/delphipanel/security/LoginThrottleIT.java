package org.delphipanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.delphipanel.security.HttpVisitor.location;
import static org.delphipanel.security.SecurityTestData.PASSWORD;
import static org.delphipanel.security.SecurityTestData.uniqueEmail;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Sign-in throttling through the real form login on a real port: Spring Security's authentication
 * events feed the throttle, the throttle stops the post. The test clock replaces waiting.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class LoginThrottleIT {

    private static final String WRONG = PASSWORD + "?";

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    MutableClock clock;

    @Autowired
    LoginThrottle throttle;

    HttpVisitor visitor;

    @BeforeEach
    void freshVisitorAfterEveryEarlierLockHasEnded() {
        visitor = new HttpVisitor(port);
        // every test posts from 127.0.0.1: let the failures of earlier tests expire
        clock.advance(throttle.lockout().plusMinutes(1));
    }

    private String expert() {
        return users.createUser(uniqueEmail("throttle"), "Throttled Expert", Role.EXPERT, PASSWORD).email();
    }

    private void failTimes(String email, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            HttpResponse<String> login = visitor.postLogin(email, WRONG);
            assertThat(location(login)).as("failure %d", i + 1).endsWith("/login?error");
        }
    }

    private static boolean signedIn(HttpResponse<String> login) {
        return login.statusCode() == 302 && !location(login).contains("/login");
    }

    @Test
    void five_failures_lock_the_account_even_against_the_right_password_until_the_lockout_has_passed() throws Exception {
        String email = expert();
        failTimes(email, 5);

        HttpResponse<String> locked = visitor.postLogin(email, PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(302);
        assertThat(URI.create(location(locked)).getPath()).isEqualTo("/login");
        assertThat(URI.create(location(locked)).getQuery()).isEqualTo("locked=15");

        clock.advance(Duration.ofMinutes(10));
        assertThat(URI.create(location(visitor.postLogin(email, PASSWORD))).getQuery()).isEqualTo("locked=5");

        clock.advance(Duration.ofMinutes(5));
        assertThat(signedIn(visitor.postLogin(email, PASSWORD))).isTrue();
    }

    @Test
    void attempts_during_a_lock_are_neither_checked_nor_counted() throws Exception {
        String email = expert();
        failTimes(email, 5);
        for (int i = 0; i < 3; i++) {
            assertThat(location(visitor.postLogin(email, WRONG))).contains("locked=");
        }
        // had the locked attempts counted, the lock would now last until 15 minutes after the last one
        clock.advance(Duration.ofMinutes(15));
        assertThat(signedIn(visitor.postLogin(email, PASSWORD))).isTrue();
    }

    @Test
    void a_successful_sign_in_resets_the_count_of_the_account() throws Exception {
        String email = expert();
        failTimes(email, 4);
        assertThat(signedIn(visitor.postLogin(email, PASSWORD))).isTrue();
        visitor = new HttpVisitor(port);
        failTimes(email, 4);
        assertThat(signedIn(visitor.postLogin(email, PASSWORD))).isTrue();
    }

    @Test
    void an_unknown_address_is_locked_the_same_way_so_the_lock_reveals_no_account() throws Exception {
        String known = expert();
        String unknown = uniqueEmail("nobody");
        failTimes(known, 5);
        failTimes(unknown, 5);
        assertThat(location(visitor.postLogin(unknown, PASSWORD)))
                .isEqualTo(location(visitor.postLogin(known, PASSWORD)))
                .endsWith("/login?locked=15");
    }

    @Test
    void one_client_address_guessing_at_many_accounts_is_locked_after_twenty_failures() throws Exception {
        String victim = expert();
        for (int i = 0; i < 20; i++) {
            failTimes(uniqueEmail("sprayed"), 1);
        }
        assertThat(location(visitor.postLogin(victim, PASSWORD))).endsWith("/login?locked=15");
        clock.advance(Duration.ofMinutes(15));
        assertThat(signedIn(visitor.postLogin(victim, PASSWORD))).isTrue();
    }
}
