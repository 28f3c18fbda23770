package org.delphipanel.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.security.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

@Import(TestClockConfiguration.class)
class LoginViewTest extends KaribuTest {


    /** The texts as sent to the browser (the form keeps its own copy out of reach). */
    private static String i18n(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }

    @Test
    void the_login_page_names_the_product_and_posts_to_spring_security() {
        UI.getCurrent().navigate("login");
        NavigatorKt.expectView(LoginView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Delphi Panel");
        LoginForm form = _get(LoginForm.class);
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isError()).isFalse();
        assertThat(form.isForgotPasswordButtonVisible()).isFalse();
        assertThat(i18n(form)).contains("\"username\":\"E-mail address\"");
        _assertNone(Paragraph.class, spec -> spec.withId("login-note"));
    }

    @Test
    void a_failed_login_comes_back_with_an_error_message() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(i18n(form)).contains("\"title\":\"Incorrect e-mail address or password\"");
    }

    @Test
    void after_accepting_an_invitation_the_login_page_says_the_account_is_ready() {
        UI.getCurrent().navigate("login", QueryParameters.of(LoginView.INVITED_PARAMETER, ""));
        assertThat(_get(Paragraph.class, spec -> spec.withId("login-note")).getText())
                .isEqualTo("Your account is ready. Sign in with your e-mail address and your new password.");
    }

    @Test
    void an_anonymous_visitor_of_a_protected_view_lands_on_the_login_page() {
        UI.getCurrent().navigate("admin/users");
        NavigatorKt.expectView(LoginView.class);
    }

    @Test
    void a_locked_sign_in_says_so_with_the_minutes_left_and_the_same_words_for_everyone() {
        UI.getCurrent().navigate("login", QueryParameters.of(LoginView.LOCKED_PARAMETER, "12"));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(i18n(form)).contains("\"title\":\"Too many failed sign-in attempts\"")
                .contains("Wait 12 minutes and try again").doesNotContain("Incorrect");
    }

    @Test
    void a_tampered_lock_parameter_shows_no_number() {
        assertThat(LoginView.lockedI18n("<b>99999</b>").getErrorMessage().getMessage())
                .contains("Wait a few minutes").doesNotContain("99999");
        assertThat(LoginView.lockedI18n("1").getErrorMessage().getMessage()).contains("Wait 1 minute and");
    }
}
