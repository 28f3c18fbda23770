package org.delphipanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.delphipanel.db.Tables.APP_USER;
import static org.delphipanel.db.Tables.INVITATION;
import static org.delphipanel.security.SecurityTestData.PASSWORD;
import static org.delphipanel.security.SecurityTestData.uniqueEmail;

import java.security.SecureRandom;
import java.time.Duration;
import org.delphipanel.audit.AuditEntry;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.security.InvitationNotValidException.Reason;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;

@SpringBootTest
@Import(TestClockConfiguration.class)
class InvitationServiceIT {

    @Autowired
    InvitationService invitations;

    @Autowired
    UserService users;

    @Autowired
    AuditLog auditLog;

    @Autowired
    DSLContext db;

    @Autowired
    MutableClock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    AuthenticationConfiguration authenticationConfiguration;

    AppUser admin;

    @BeforeEach
    void setUp() {
        clock.reset();
        admin = users.createUser(uniqueEmail("admin"), "Admin", Role.ADMIN, PASSWORD);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void actAs(AppUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken(user.email(), null, user.role().authority()));
    }

    private InvitationLink invite(AppUser inviter, String email, Role role) {
        actAs(inviter);
        try {
            return invitations.invite(email, role);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String token(InvitationLink link) {
        return link.path().substring("/invitation/".length());
    }

    private static Reason refusal(Runnable attempt) {
        try {
            attempt.run();
        } catch (InvitationNotValidException refused) {
            assertThat(refused).hasMessage(InvitationNotValidException.MESSAGE);
            return refused.reason();
        }
        throw new AssertionError("the invitation was not refused");
    }

    private boolean canSignIn(String email, String password) throws Exception {
        try {
            return authenticationConfiguration.getAuthenticationManager()
                    .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password))
                    .isAuthenticated();
        } catch (org.springframework.security.core.AuthenticationException refused) {
            return false;
        }
    }

    @Test
    void an_invitation_link_works_once_and_not_twice() throws Exception {
        String email = uniqueEmail("once");
        InvitationLink link = invite(admin, email, Role.FACILITATOR);
        assertThat(link.url()).isEqualTo("http://localhost:8080" + link.path());
        assertThat(invitations.preview(token(link))).isEqualTo(
                new InvitationPreview(email, Role.FACILITATOR, MutableClock.START.plus(Duration.ofDays(14)), null));

        AppUser created = invitations.accept(token(link), "Grace Hopper", PASSWORD, PASSWORD);

        assertThat(created.email()).isEqualTo(email);
        assertThat(created.role()).isEqualTo(Role.FACILITATOR);
        assertThat(created.displayName()).isEqualTo("Grace Hopper");
        assertThat(canSignIn(email, PASSWORD)).isTrue();
        assertThat(refusal(() -> invitations.accept(token(link), "Someone Else", PASSWORD + "x", PASSWORD + "x")))
                .isEqualTo(Reason.ALREADY_USED);
        assertThat(refusal(() -> invitations.preview(token(link)))).isEqualTo(Reason.ALREADY_USED);
        assertThat(canSignIn(email, PASSWORD)).isTrue();
        assertThat(canSignIn(email, PASSWORD + "x")).isFalse();
    }

    @Test
    void an_invitation_link_works_until_just_before_it_expires() {
        InvitationLink link = invite(admin, uniqueEmail("late"), Role.EXPERT);
        clock.advance(Duration.ofDays(14).minusSeconds(1));
        assertThat(invitations.accept(token(link), "Late", PASSWORD, PASSWORD).role()).isEqualTo(Role.EXPERT);
    }

    @Test
    void an_expired_invitation_link_is_refused_and_creates_no_account() {
        String email = uniqueEmail("expired");
        InvitationLink link = invite(admin, email, Role.EXPERT);
        clock.advance(Duration.ofDays(14));
        assertThat(refusal(() -> invitations.preview(token(link)))).isEqualTo(Reason.EXPIRED);
        assertThat(refusal(() -> invitations.accept(token(link), "Too Late", PASSWORD, PASSWORD)))
                .isEqualTo(Reason.EXPIRED);
        assertThat(users.findByEmail(email)).isEmpty();
        assertThat(invitations.pending()).extracting(PendingInvitation::email).doesNotContain(email);
    }

    @Test
    void an_unknown_or_malformed_token_is_refused_with_the_same_message() {
        String unknown = InvitationTokens.newToken(new SecureRandom());
        assertThat(refusal(() -> invitations.preview(unknown))).isEqualTo(Reason.UNKNOWN);
        assertThat(refusal(() -> invitations.accept(unknown, "Nobody", PASSWORD, PASSWORD))).isEqualTo(Reason.UNKNOWN);
        assertThat(refusal(() -> invitations.preview("not-a-token"))).isEqualTo(Reason.UNKNOWN);
    }

    @Test
    void only_the_hash_of_the_token_is_stored() {
        InvitationLink link = invite(admin, uniqueEmail("hashed"), Role.EXPERT);
        var row = db.selectFrom(INVITATION).where(INVITATION.ID.eq(link.id().value())).fetchSingle();
        assertThat(row.getTokenHash()).isEqualTo(InvitationTokens.hash(token(link))).hasSize(64);
        assertThat(row.intoList()).noneMatch(value -> value != null && value.toString().contains(token(link)));
    }

    @Test
    void inviting_an_address_that_already_has_an_account_is_refused() {
        AppUser existing = users.createUser(uniqueEmail("taken"), "Taken", Role.EXPERT, PASSWORD);
        actAs(admin);
        assertThatThrownBy(() -> invitations.invite(existing.email().toUpperCase(), Role.EXPERT))
                .isInstanceOf(DuplicateEmailException.class)
                .hasMessage("An account for " + existing.email() + " already exists.");
    }

    @Test
    void a_malformed_address_cannot_be_invited() {
        actAs(admin);
        assertThatThrownBy(() -> invitations.invite("grace@", Role.EXPERT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a valid e-mail address");
    }

    @Test
    void facilitators_invite_experts_only_and_experts_and_strangers_nobody() {
        AppUser facilitator = users.createUser(uniqueEmail("fac"), "Fac", Role.FACILITATOR, PASSWORD);
        AppUser expert = users.createUser(uniqueEmail("exp"), "Exp", Role.EXPERT, PASSWORD);

        assertThat(invite(facilitator, uniqueEmail("invited"), Role.EXPERT).role()).isEqualTo(Role.EXPERT);
        assertThatThrownBy(() -> invite(facilitator, uniqueEmail("x"), Role.FACILITATOR))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Facilitators cannot invite facilitators.");
        assertThatThrownBy(() -> invite(facilitator, uniqueEmail("x"), Role.ADMIN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invite(expert, uniqueEmail("x"), Role.EXPERT))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.invite(uniqueEmail("x"), Role.EXPERT))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_mismatched_confirmation_is_refused_and_the_link_stays_usable() {
        InvitationLink link = invite(admin, uniqueEmail("typo"), Role.EXPERT);
        assertThatThrownBy(() -> invitations.accept(token(link), "Typo", PASSWORD, PASSWORD + "!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The two passwords do not match.");
        assertThatThrownBy(() -> invitations.accept(token(link), "Typo", "short", "short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A password needs at least 12 characters.");
        assertThat(invitations.accept(token(link), "Typo", PASSWORD, PASSWORD).displayName()).isEqualTo("Typo");
    }

    @Test
    void pending_invitations_are_listed_until_accepted() {
        String email = uniqueEmail("pending");
        InvitationLink link = invite(admin, email, Role.EXPERT);
        assertThat(invitations.pending()).filteredOn(pending -> pending.email().equals(email)).singleElement()
                .isEqualTo(new PendingInvitation(link.id(), email, Role.EXPERT, admin.email(), MutableClock.START,
                        link.expiresAt()));
        invitations.accept(token(link), "Pending", PASSWORD, PASSWORD);
        assertThat(invitations.pending()).extracting(PendingInvitation::email).doesNotContain(email);
    }

    @Test
    void creation_and_acceptance_are_in_the_audit_log() {
        String email = uniqueEmail("audited");
        InvitationLink link = invite(admin, email, Role.EXPERT);
        clock.advance(Duration.ofHours(2));
        invitations.accept(token(link), "Audited", PASSWORD, PASSWORD);

        assertThat(auditLog.forEntity("invitation", link.id().toString()))
                .extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::occurredAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("invitation.created", admin.email(), MutableClock.START),
                        org.assertj.core.groups.Tuple.tuple("invitation.accepted", email,
                                MutableClock.START.plus(Duration.ofHours(2))));
        assertThat(auditLog.forEntity("invitation", link.id().toString()))
                .allSatisfy(entry -> assertThat(entry.after()).contains(email).doesNotContain(token(link)));
    }

    @Test
    void the_first_administrator_is_invited_at_start_up_when_no_administrator_can_sign_in() throws Exception {
        // other tests on this shared database created administrators; switch them all off for this scenario
        db.update(APP_USER).set(APP_USER.ENABLED, false).where(APP_USER.ROLE.eq(Role.ADMIN.name())).execute();
        String email = uniqueEmail("first-admin");
        var firstAdmin = new FirstAdminInvitation(users, invitations, transactionManager, email.toUpperCase());

        InvitationLink link = firstAdmin.inviteIfNoAdmin().orElseThrow();
        assertThat(link.email()).isEqualTo(email);
        assertThat(link.role()).isEqualTo(Role.ADMIN);
        assertThat(users.findByEmail(email)).get().extracting(AppUser::role).isEqualTo(Role.ADMIN);
        assertThat(canSignIn(email, "")).isFalse();
        // a restart before the link is used issues a new link for the same waiting account
        InvitationLink again = firstAdmin.inviteIfNoAdmin().orElseThrow();
        assertThat(again.path()).isNotEqualTo(link.path());

        AppUser accepted = invitations.accept(token(link), "First Admin", PASSWORD, PASSWORD);
        assertThat(accepted.role()).isEqualTo(Role.ADMIN);
        assertThat(accepted.displayName()).isEqualTo("First Admin");
        assertThat(canSignIn(email, PASSWORD)).isTrue();
        assertThat(firstAdmin.inviteIfNoAdmin()).isEmpty();
        // the other link for the same account can no longer set a password
        assertThat(refusal(() -> invitations.accept(token(again), "Intruder", PASSWORD + "y", PASSWORD + "y")))
                .isEqualTo(Reason.ALREADY_USED);
        assertThat(canSignIn(email, PASSWORD)).isTrue();
    }

    @Test
    void no_first_administrator_invitation_without_an_address() {
        db.update(APP_USER).set(APP_USER.ENABLED, false).where(APP_USER.ROLE.eq(Role.ADMIN.name())).execute();
        assertThat(new FirstAdminInvitation(users, invitations, transactionManager, " ").inviteIfNoAdmin()).isEmpty();
    }

    @Test
    void no_first_administrator_invitation_while_an_administrator_can_sign_in() {
        String email = uniqueEmail("second-admin");
        assertThat(new FirstAdminInvitation(users, invitations, transactionManager, email).inviteIfNoAdmin()).isEmpty();
        assertThat(users.findByEmail(email)).isEmpty();
    }

    @Test
    void the_database_keeps_only_the_sha256_of_the_token() {
        InvitationLink link = invite(admin, uniqueEmail("hashed"), Role.EXPERT);
        String token = token(link);
        String stored = db.select(INVITATION.TOKEN_HASH).from(INVITATION)
                .where(INVITATION.ID.eq(link.id().value())).fetchSingle().value1();
        assertThat(stored).isEqualTo(InvitationTokens.hash(token)).hasSize(64).doesNotContain(token);
        assertThat(db.fetchCount(INVITATION, INVITATION.TOKEN_HASH.eq(token))).isZero();
    }
}
