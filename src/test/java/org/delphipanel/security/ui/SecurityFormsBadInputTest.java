package org.delphipanel.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.delphipanel.security.SecurityTestData.PASSWORD;
import static org.delphipanel.security.SecurityTestData.uniqueEmail;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Malformed values in the account forms: accepting an invitation (name, password, confirmation) and
 * inviting on the People page. Each is marked on its field with a specific message, and no account or
 * invitation is created. AcceptInvitationViewTest covers the common mistakes (short, mismatched, empty).
 */
@Import(TestClockConfiguration.class)
class SecurityFormsBadInputTest extends KaribuTest {

    @Autowired
    UserService users;

    @Autowired
    InvitationService invitations;

    @Autowired
    MutableClock clock;

    AppUser admin;
    String invited;
    InvitationLink link;

    @BeforeEach
    void anInvitation() {
        clock.reset();
        admin = users.createUser(uniqueEmail("bad-input-admin"), "Bad Input Admin", Role.ADMIN, PASSWORD);
        invited = uniqueEmail("bad-input-invited");
        login(admin.email(), "ADMIN");
        link = invitations.invite(invited, Role.EXPERT);
        logout();
    }

    /** {@code LONG:n} stands for n characters, {@code EMOJI:n} for n four-byte characters. */
    private static String value(String spec) {
        if (spec == null) {
            return "";
        }
        if (spec.startsWith("LONG:")) {
            return "x".repeat(Integer.parseInt(spec.substring(5)));
        }
        if (spec.startsWith("EMOJI:")) {
            return "😀".repeat(Integer.parseInt(spec.substring(6)));
        }
        return spec;
    }

    @ParameterizedTest(name = "name [{0}] password [{1}] -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            ~ \t ~    | OK       | invitation-name     | Enter your name.
            LONG:201  | OK       | invitation-name     | at most 200 characters
            Karl      | ~~       | invitation-password | Enter a password.
            Karl      | LONG:11  | invitation-password | at least 12 characters
            Karl      | LONG:73  | invitation-password | 72 bytes
            Karl      | EMOJI:19 | invitation-password | 72 bytes
            """)
    void a_bad_name_or_password_is_marked_on_its_field_and_no_account_is_created(String name, String password,
            String field, String message) {
        UI.getCurrent().navigate(link.path().substring(1));
        String typed = "OK".equals(password) ? PASSWORD : value(password);
        _get(TextField.class, spec -> spec.withId("invitation-name")).setValue(value(name));
        _get(PasswordField.class, spec -> spec.withId("invitation-password")).setValue(typed);
        _get(PasswordField.class, spec -> spec.withId("invitation-confirmation")).setValue(typed);
        _click(_get(Button.class, spec -> spec.withId("invitation-accept")));

        HasValidation marked = field.equals("invitation-name")
                ? _get(TextField.class, spec -> spec.withId(field))
                : _get(PasswordField.class, spec -> spec.withId(field));
        assertThat(marked.isInvalid()).isTrue();
        assertThat(marked.getErrorMessage()).contains(message);
        assertThat(users.findByEmail(invited)).isEmpty();
        NavigatorKt.expectView(AcceptInvitationView.class);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            ~~                       | Enter an e-mail address.
            ~   ~                    | Enter an e-mail address.
            no-at-sign               | is not a valid e-mail address
            ~Ada <ada@example.org>~  | is not a valid e-mail address
            ada@localhost            | is not a valid e-mail address
            """)
    void a_bad_address_on_the_people_page_is_marked_and_nobody_is_invited(String address, String message) {
        int pending = invitations.pending().size();
        login(admin.email(), "ADMIN");
        UI.getCurrent().navigate("admin/users");
        EmailField email = _get(EmailField.class, spec -> spec.withId("invite-email"));
        email.setValue(value(address));
        _click(_get(Button.class, spec -> spec.withId("invite-create")));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).contains(message);
        assertThat(invitations.pending()).hasSize(pending);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_invitation_without_a_role_is_refused_with_a_message() {
        int pending = invitations.pending().size();
        login(admin.email(), "ADMIN");
        UI.getCurrent().navigate("admin/users");
        _get(EmailField.class, spec -> spec.withId("invite-email")).setValue(uniqueEmail("no-role"));
        _get(Select.class, spec -> spec.withId("invite-role")).setValue(null);
        _click(_get(Button.class, spec -> spec.withId("invite-create")));
        EmailField email = _get(EmailField.class, spec -> spec.withId("invite-email"));
        Select<Role> role = _get(Select.class, spec -> spec.withId("invite-role"));
        assertThat(role.isInvalid()).isTrue();
        assertThat(role.getErrorMessage()).isEqualTo("Choose a role.");
        assertThat(invitations.pending()).hasSize(pending);
    }
}
