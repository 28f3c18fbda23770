package org.delphipanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.delphipanel.db.Tables.APP_USER;
import static org.delphipanel.security.SecurityTestData.PASSWORD;
import static org.delphipanel.security.SecurityTestData.uniqueEmail;

import org.delphipanel.audit.AuditLog;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootTest
@Import(TestClockConfiguration.class)
class UserServiceIT {

    @Autowired
    UserService users;

    @Autowired
    DSLContext db;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    AuditLog auditLog;

    @Autowired
    MutableClock clock;

    @Autowired
    AuthenticationConfiguration authenticationConfiguration;

    AuthenticationManager authenticationManager;

    @BeforeEach
    void setUp() throws Exception {
        clock.reset();
        authenticationManager = authenticationConfiguration.getAuthenticationManager();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void actAs(AppUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken(user.email(), null, user.role().authority()));
    }

    private Authentication signIn(String email, String password) {
        return authenticationManager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
    }

    @Test
    void the_password_is_stored_as_a_bcrypt_hash_and_never_as_typed() {
        AppUser user = users.createUser(uniqueEmail("hash"), "Hash Test", Role.EXPERT, PASSWORD);
        String stored = db.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.ID.eq(user.id().value()))
                .fetchSingle(APP_USER.PASSWORD_HASH);
        assertThat(stored).startsWith("{bcrypt}$2a$10$").doesNotContain(PASSWORD).hasSize("{bcrypt}".length() + 60);
        assertThat(passwordEncoder.matches(PASSWORD, stored)).isTrue();
    }

    @Test
    void addresses_are_stored_lower_case_and_found_in_any_case() {
        String email = uniqueEmail("case");
        AppUser user = users.createUser("  " + email.toUpperCase() + " ", "Case Test", Role.FACILITATOR, PASSWORD);
        assertThat(user.email()).isEqualTo(email);
        assertThat(users.findByEmail(email.toUpperCase())).contains(user);
        assertThat(users.findById(user.id())).contains(user);
        assertThat(users.list()).contains(user);
    }

    @Test
    void a_second_account_for_an_address_is_refused_whatever_the_case() {
        String email = uniqueEmail("twice");
        users.createUser(email, "First", Role.EXPERT, PASSWORD);
        assertThatThrownBy(() -> users.createUser(email.toUpperCase(), "Second", Role.ADMIN, PASSWORD))
                .isInstanceOf(DuplicateEmailException.class)
                .hasMessage("An account for " + email + " already exists.");
        assertThat(db.fetchCount(APP_USER, APP_USER.EMAIL.eq(email))).isEqualTo(1);
    }

    @Test
    void a_malformed_address_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> users.createUser("ada.example.org", "Ada", Role.EXPERT, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"ada.example.org\" is not a valid e-mail address; expected something like name@example.org.");
    }

    @Test
    void a_short_password_is_refused() {
        assertThatThrownBy(() -> users.createUser(uniqueEmail("short"), "Short", Role.EXPERT, "tooshort"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A password needs at least 12 characters.");
    }

    @Test
    void the_current_user_is_found_by_the_authentication_name() {
        AppUser user = users.createUser(uniqueEmail("current"), "Current", Role.EXPERT, PASSWORD);
        assertThat(users.currentUser()).isEmpty();
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken(user.email().toUpperCase(), null, "ROLE_EXPERT"));
        assertThat(users.currentUser()).contains(user);
    }

    @Test
    void a_created_user_signs_in_with_the_right_password_in_any_letter_case_of_the_address() {
        AppUser user = users.createUser(uniqueEmail("signin"), "Sign In", Role.FACILITATOR, PASSWORD);
        Authentication authentication = signIn(user.email().toUpperCase(), PASSWORD);
        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getName()).isEqualTo(user.email());
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_FACILITATOR").doesNotContain("ROLE_ADMIN", "ROLE_EXPERT");
        assertThatThrownBy(() -> signIn(user.email(), PASSWORD + "!")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_user_without_a_password_cannot_sign_in() {
        EmailAddress email = EmailAddress.of(uniqueEmail("nopassword"));
        users.createWithoutPassword(email, "Waiting", Role.ADMIN);
        assertThatThrownBy(() -> signIn(email.value(), "")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn(email.value(), PASSWORD)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void an_administrator_disables_and_re_enables_an_account_and_the_audit_log_has_both() {
        AppUser admin = users.createUser(uniqueEmail("admin"), "Admin", Role.ADMIN, PASSWORD);
        AppUser expert = users.createUser(uniqueEmail("expert"), "Expert", Role.EXPERT, PASSWORD);
        actAs(admin);

        assertThat(users.setEnabled(expert.id(), false).enabled()).isFalse();
        assertThatThrownBy(() -> signIn(expert.email(), PASSWORD)).isInstanceOf(DisabledException.class);
        assertThat(users.setEnabled(expert.id(), true).enabled()).isTrue();
        assertThat(signIn(expert.email(), PASSWORD).isAuthenticated()).isTrue();

        assertThat(auditLog.forEntity("user", expert.id().toString()))
                .extracting(entry -> entry.action() + " by " + entry.actor() + " at " + entry.occurredAt())
                .containsExactly(
                        "user.created by system at " + MutableClock.START,
                        "user.disabled by " + admin.email() + " at " + MutableClock.START,
                        "user.enabled by " + admin.email() + " at " + MutableClock.START);
    }

    @Test
    void an_administrator_cannot_disable_their_own_account() {
        AppUser admin = users.createUser(uniqueEmail("self"), "Self", Role.ADMIN, PASSWORD);
        actAs(admin);
        assertThatThrownBy(() -> users.setEnabled(admin.id(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("You cannot disable your own account.");
    }

    @Test
    void only_administrators_enable_or_disable_accounts() {
        AppUser facilitator = users.createUser(uniqueEmail("fac"), "Fac", Role.FACILITATOR, PASSWORD);
        AppUser expert = users.createUser(uniqueEmail("exp"), "Exp", Role.EXPERT, PASSWORD);
        assertThatThrownBy(() -> users.setEnabled(expert.id(), false)).isInstanceOf(AccessDeniedException.class);
        actAs(facilitator);
        assertThatThrownBy(() -> users.setEnabled(expert.id(), false)).isInstanceOf(AccessDeniedException.class);
        assertThat(users.findById(expert.id())).get().extracting(AppUser::enabled).isEqualTo(true);
    }

    @Test
    void the_directory_tells_who_has_not_set_a_password_yet() {
        EmailAddress waiting = EmailAddress.of(uniqueEmail("waiting"));
        users.createWithoutPassword(waiting, "Waiting", Role.EXPERT);
        AppUser ready = users.createUser(uniqueEmail("ready"), "Ready", Role.EXPERT, PASSWORD);
        assertThat(users.directory())
                .filteredOn(listing -> listing.user().email().equals(waiting.value()))
                .singleElement()
                .satisfies(listing -> {
                    assertThat(listing.hasPassword()).isFalse();
                    assertThat(listing.createdAt()).isEqualTo(MutableClock.START);
                });
        assertThat(users.directory())
                .filteredOn(listing -> listing.user().equals(ready))
                .singleElement()
                .extracting(UserListing::hasPassword).isEqualTo(true);
    }
}
