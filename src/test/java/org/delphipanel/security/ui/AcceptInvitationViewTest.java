package org.delphipanel.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.delphipanel.security.SecurityTestData.PASSWORD;
import static org.delphipanel.security.SecurityTestData.uniqueEmail;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.InvitationLink;
import org.delphipanel.security.InvitationService;
import org.delphipanel.security.MutableClock;
import org.delphipanel.security.Role;
import org.delphipanel.security.TestClockConfiguration;
import org.delphipanel.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@Import(TestClockConfiguration.class)
class AcceptInvitationViewTest extends KaribuTest {

    private static final String REFUSAL = "This invitation link cannot be used: it is incomplete, has expired or has"
            + " already been used. Ask the person who invited you for a new link.";

    @Autowired
    UserService users;

    @Autowired
    InvitationService invitations;

    @Autowired
    MutableClock clock;

    String invited;
    InvitationLink link;

    @BeforeEach
    void setUp() {
        clock.reset();
        AppUser admin = users.createUser(uniqueEmail("inviting-admin"), "Inviting Admin", Role.ADMIN, PASSWORD);
        invited = uniqueEmail("invited-expert");
        login(admin.email(), "ADMIN");
        link = invitations.invite(invited, Role.EXPERT);
        logout();
    }

    private void open() {
        UI.getCurrent().navigate(link.path().substring(1));
    }

    // Karibu 2.6.2's _setValue calls a Vaadin-internal method that Vaadin 25.2 no longer has, so the
    // fields are set on the server side; the view reads them only when the button is clicked
    private static void fill(String name, String password, String confirmation) {
        _get(TextField.class, spec -> spec.withId("invitation-name")).setValue(name);
        _get(PasswordField.class, spec -> spec.withId("invitation-password")).setValue(password);
        _get(PasswordField.class, spec -> spec.withId("invitation-confirmation")).setValue(confirmation);
        _click(_get(Button.class, spec -> spec.withId("invitation-accept")));
    }

    @Test
    void the_page_says_for_whom_the_invitation_is() {
        open();
        NavigatorKt.expectView(AcceptInvitationView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("invitation-message")).getText())
                .contains(invited).contains("join as expert").contains("2026-03-16 09:00 UTC");
    }

    @Test
    void a_valid_link_creates_the_account_and_leads_to_the_login() {
        open();
        fill("Karl Popper", PASSWORD, PASSWORD);

        NavigatorKt.expectView(LoginView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("login-note")).getText()).startsWith("Your account is ready.");
        assertThat(users.findByEmail(invited)).get()
                .extracting(AppUser::displayName, AppUser::role).containsExactly("Karl Popper", Role.EXPERT);
    }

    @Test
    void a_short_password_and_a_mismatched_confirmation_are_marked_on_their_fields() {
        open();
        fill("Karl Popper", "too short", "something else");

        PasswordField password = _get(PasswordField.class, spec -> spec.withId("invitation-password"));
        PasswordField confirmation = _get(PasswordField.class, spec -> spec.withId("invitation-confirmation"));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("A password needs at least 12 characters.");
        assertThat(confirmation.isInvalid()).isTrue();
        assertThat(confirmation.getErrorMessage()).isEqualTo("The two passwords do not match.");
        assertThat(users.findByEmail(invited)).isEmpty();
        NavigatorKt.expectView(AcceptInvitationView.class);
    }

    @Test
    void an_empty_name_is_marked_on_its_field() {
        open();
        fill("  ", PASSWORD, PASSWORD);
        TextField name = _get(TextField.class, spec -> spec.withId("invitation-name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Enter your name.");
    }

    @Test
    void an_expired_link_shows_why_it_cannot_be_used_and_no_form() {
        clock.advance(Duration.ofDays(15));
        open();
        assertThat(_get(Paragraph.class, spec -> spec.withId("invitation-message")).getText()).isEqualTo(REFUSAL);
        _assertNone(PasswordField.class);
        _assertNone(Button.class, spec -> spec.withId("invitation-accept"));
    }

    @Test
    void an_unknown_link_shows_the_same_message() {
        UI.getCurrent().navigate("invitation/AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8");
        assertThat(_get(Paragraph.class, spec -> spec.withId("invitation-message")).getText()).isEqualTo(REFUSAL);
        _assertNone(PasswordField.class);
    }

    @Test
    void a_used_link_shows_the_same_message_the_second_time() {
        open();
        fill("Karl Popper", PASSWORD, PASSWORD);
        open();
        assertThat(_get(Paragraph.class, spec -> spec.withId("invitation-message")).getText()).isEqualTo(REFUSAL);
    }
}
