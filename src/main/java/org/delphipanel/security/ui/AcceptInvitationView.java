package org.delphipanel.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import java.util.Objects;
import org.delphipanel.base.ui.Times;
import org.delphipanel.security.DisplayNames;
import org.delphipanel.security.InvitationNotValidException;
import org.delphipanel.security.InvitationPreview;
import org.delphipanel.security.InvitationService;
import org.delphipanel.security.PasswordPolicy;
import org.jspecify.annotations.Nullable;

/** Where an invitation link leads: the invited person chooses a name and a password. */
@Route(value = "invitation/:token", autoLayout = false)
@PageTitle("Accept invitation | Delphi Panel")
@AnonymousAllowed
class AcceptInvitationView extends VerticalLayout implements BeforeEnterObserver {

    private final transient InvitationService invitations;
    private final Paragraph message = new Paragraph();
    private final TextField name = new TextField("Your name");
    private final PasswordField password = new PasswordField("Password");
    private final PasswordField confirmation = new PasswordField("Confirm password");
    private final Button accept = new Button("Create account");
    private final FormLayout form = new FormLayout();
    private String token = "";

    AcceptInvitationView(InvitationService invitations) {
        this.invitations = invitations;
        addClassName("dp-invitation");
        setAlignItems(FlexComponent.Alignment.CENTER);
        setMaxWidth("40rem");
        getStyle().set("margin", "0 auto");
        message.setId("invitation-message");
        add(new H1("Join Delphi Panel"), message, createForm());
    }

    private Component createForm() {
        name.setId("invitation-name");
        name.setRequired(true);
        name.setAutocomplete(Autocomplete.NAME);
        name.setMaxLength(200);
        password.setId("invitation-password");
        password.setRequired(true);
        password.setHelperText(PasswordPolicy.description());
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        confirmation.setId("invitation-confirmation");
        confirmation.setRequired(true);
        confirmation.setAutocomplete(Autocomplete.NEW_PASSWORD);
        accept.setId("invitation-accept");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.addClickListener(event -> acceptInvitation());
        form.add(name, password, confirmation, accept);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidthFull();
        return form;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        try {
            InvitationPreview preview = invitations.preview(token);
            String joins = preview.studyName() == null ? ""
                    : ", on the panel of the study \u201c" + preview.studyName() + "\u201d";
            message.setText("This invitation is for " + preview.email() + ", who will join as "
                    + preview.role().label().toLowerCase() + joins + ". Choose the name others will see and a password."
                    + " The link works once, until " + Times.dateTime(preview.expiresAt()) + ".");
            form.setVisible(true);
        } catch (InvitationNotValidException refused) {
            showRefusal(refused);
        }
    }

    private void acceptInvitation() {
        boolean valid = check(name, name.getValue().isBlank() ? "Enter your name." : nameProblem(name.getValue()));
        valid &= check(password, policyViolation(password.getValue()));
        valid &= check(confirmation, Objects.equals(password.getValue(), confirmation.getValue())
                ? null : "The two passwords do not match.");
        if (!valid) {
            return;
        }
        try {
            invitations.accept(token, name.getValue(), password.getValue(), confirmation.getValue());
            UI.getCurrent().navigate("login", QueryParameters.simple(Map.of(LoginView.INVITED_PARAMETER, "")));
        } catch (InvitationNotValidException refused) {
            showRefusal(refused);
        } catch (IllegalArgumentException invalid) {
            check(password, invalid.getMessage());
        }
    }

    private static @Nullable String nameProblem(String candidate) {
        try {
            DisplayNames.check(candidate);
            return null;
        } catch (IllegalArgumentException problem) {
            return problem.getMessage();
        }
    }

    private static @Nullable String policyViolation(String candidate) {
        try {
            PasswordPolicy.check(candidate);
            return null;
        } catch (IllegalArgumentException violation) {
            return violation.getMessage();
        }
    }

    private static boolean check(HasValidation field, @Nullable String problem) {
        field.setErrorMessage(problem);
        field.setInvalid(problem != null);
        return problem == null;
    }

    private void showRefusal(InvitationNotValidException refused) {
        message.setText(refused.getMessage());
        message.getElement().setAttribute("role", "alert");
        form.setVisible(false);
        if (getChildren().noneMatch(Anchor.class::isInstance)) {
            add(new Anchor("login", "Go to the sign-in page"));
        }
    }
}
