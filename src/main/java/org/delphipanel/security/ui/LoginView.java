package org.delphipanel.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

/**
 * The sign-in page. The form posts to Spring Security's {@code /login}; a failed attempt comes back
 * here with {@code ?error}. Public, unlike other views, because the security configuration names it as
 * the login view for Vaadin's navigation access control.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | Delphi Panel")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String INVITED_PARAMETER = "invited";
    /** Set by the sign-in throttle, with the whole minutes left: {@code ?locked=12}. */
    static final String LOCKED_PARAMETER = "locked";

    private final LoginForm form = new LoginForm();
    private final Paragraph note = new Paragraph();

    LoginView() {
        addClassName("dp-login");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        var title = new H1("Delphi Panel");
        var summary = new Paragraph(
                "Expert panels rate the risk-management maturity of AI developers in blind Delphi rounds.");
        note.setId("login-note");
        note.getElement().setAttribute("role", "status");
        note.setVisible(false);

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(createI18n());
        add(title, summary, note, form);
    }

    private static LoginI18n createI18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("E-mail address");
        i18n.getForm().setPassword("Password");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle("Incorrect e-mail address or password");
        i18n.getErrorMessage().setMessage("Check both and try again. Accounts that are disabled, or whose "
                + "invitation has not been accepted yet, cannot sign in.");
        return i18n;
    }

    /**
     * The same for every name and address, so it tells nobody whether an account exists; the minutes
     * come from the redirect and are only shown when they look like minutes.
     */
    static LoginI18n lockedI18n(String minutesParameter) {
        LoginI18n i18n = createI18n();
        String wait = "Wait a few minutes";
        if (minutesParameter.matches("[0-9]{1,4}")) {
            int minutes = Integer.parseInt(minutesParameter);
            if (minutes >= 1) {
                wait = "Wait " + minutes + (minutes == 1 ? " minute" : " minutes");
            }
        }
        i18n.getErrorMessage().setTitle("Too many failed sign-in attempts");
        i18n.getErrorMessage().setMessage("Signing in is paused after repeated failures. " + wait
                + " and try again; attempts before then are not checked.");
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey(LOCKED_PARAMETER)) {
            List<String> minutes = parameters.get(LOCKED_PARAMETER);
            form.setI18n(lockedI18n(minutes.isEmpty() ? "" : minutes.getFirst()));
            form.setError(true);
        } else {
            form.setError(parameters.containsKey("error"));
        }
        if (parameters.containsKey(INVITED_PARAMETER)) {
            note.setText("Your account is ready. Sign in with your e-mail address and your new password.");
            note.setVisible(true);
        }
    }
}
