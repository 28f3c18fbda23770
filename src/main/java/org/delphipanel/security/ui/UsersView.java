package org.delphipanel.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.delphipanel.base.ui.CopyableLink;
import org.delphipanel.base.ui.Times;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.DuplicateEmailException;
import org.delphipanel.security.InvitationLink;
import org.delphipanel.security.InvitationService;
import org.delphipanel.security.PendingInvitation;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserListing;
import org.delphipanel.security.UserId;
import org.delphipanel.security.UserService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/** People administration: who has an account, who is invited, and new invitation links. */
@Route("admin/users")
@PageTitle("People | Delphi Panel")
@Menu(title = "People", order = 90)
@RolesAllowed("ADMIN")
class UsersView extends VerticalLayout {

    private final transient UserService users;
    private final transient InvitationService invitations;
    private final @Nullable UserId viewerId;

    private final EmailField inviteEmail = new EmailField("E-mail address");
    private final Select<Role> inviteRole = new Select<>();
    private final Div inviteResult = new Div();
    private final Grid<PendingInvitation> pendingGrid = new Grid<>();
    private final Grid<UserListing> userGrid = new Grid<>();

    UsersView(UserService users, InvitationService invitations) {
        this.users = users;
        this.invitations = invitations;
        this.viewerId = users.currentUser().map(AppUser::id).orElse(null);
        addClassName("dp-users");
        setWidthFull();
        add(new H1("People"), createInviteSection(), new H2("Pending invitations"), createPendingGrid(),
                new H2("Accounts"), createUserGrid());
        refresh();
    }

    private Component createInviteSection() {
        var heading = new H2("Invite someone");
        var explanation = new Paragraph("Create a one-time link and send it to the person yourself, for example by "
                + "e-mail. The link works once and expires after " + invitations.timeToLive().toDays() + " days.");
        inviteEmail.setId("invite-email");
        inviteEmail.setRequiredIndicatorVisible(true);
        inviteEmail.setClearButtonVisible(true);
        inviteRole.setId("invite-role");
        inviteRole.setLabel("Role");
        inviteRole.setItems(Role.values());
        inviteRole.setItemLabelGenerator(Role::label);
        inviteRole.setValue(Role.EXPERT);
        var create = new Button("Create invitation link", event -> createInvitation());
        create.setId("invite-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(inviteEmail, inviteRole, create);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        inviteResult.setId("invite-result");
        inviteResult.setWidthFull();
        inviteResult.setVisible(false);
        var section = new VerticalLayout(heading, explanation, form, inviteResult);
        section.setPadding(false);
        return section;
    }

    private void createInvitation() {
        inviteEmail.setInvalid(false);
        inviteRole.setInvalid(false);
        if (inviteRole.getValue() == null) {
            inviteRole.setErrorMessage("Choose a role.");
            inviteRole.setInvalid(true);
            return;
        }
        try {
            InvitationLink link = invitations.invite(inviteEmail.getValue(), inviteRole.getValue());
            showLink(link);
            inviteEmail.clear();
            refresh();
        } catch (IllegalArgumentException | DuplicateEmailException | AccessDeniedException refused) {
            inviteEmail.setErrorMessage(refused.getMessage());
            inviteEmail.setInvalid(true);
        }
    }

    private void showLink(InvitationLink link) {
        var text = new Paragraph("Invitation for " + link.email() + " as " + link.role().label().toLowerCase()
                + ", valid until " + Times.dateTime(link.expiresAt()) + ". This is the only time the link is shown.");
        inviteResult.removeAll();
        inviteResult.add(text, new CopyableLink("Invitation link", link.url(), link.email()));
        inviteResult.setVisible(true);
    }

    private Grid<PendingInvitation> createPendingGrid() {
        pendingGrid.setId("pending-grid");
        pendingGrid.addColumn(PendingInvitation::email).setHeader("E-mail address").setAutoWidth(true).setFlexGrow(1);
        pendingGrid.addColumn(invitation -> invitation.role().label()).setHeader("Role").setAutoWidth(true);
        pendingGrid.addColumn(PendingInvitation::invitedBy).setHeader("Invited by").setAutoWidth(true);
        pendingGrid.addColumn(invitation -> Times.dateTime(invitation.expiresAt())).setHeader("Expires")
                .setAutoWidth(true);
        pendingGrid.setAllRowsVisible(true);
        pendingGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        pendingGrid.setEmptyStateText("No pending invitations.");
        pendingGrid.setAriaLabel("Pending invitations");
        return pendingGrid;
    }

    private Grid<UserListing> createUserGrid() {
        userGrid.setId("users-grid");
        userGrid.addColumn(listing -> listing.user().email()).setHeader("E-mail address").setAutoWidth(true)
                .setFlexGrow(1);
        userGrid.addColumn(listing -> listing.user().displayName()).setHeader("Name").setAutoWidth(true);
        userGrid.addColumn(listing -> listing.user().role().label()).setHeader("Role").setAutoWidth(true);
        userGrid.addColumn(UsersView::status).setHeader("Status").setAutoWidth(true);
        userGrid.addColumn(listing -> Times.dateTime(listing.createdAt())).setHeader("Created").setAutoWidth(true);
        userGrid.addComponentColumn(this::createToggle).setHeader("Action").setKey("action").setAutoWidth(true);
        userGrid.setAllRowsVisible(true);
        userGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        userGrid.setAriaLabel("Accounts");
        return userGrid;
    }

    /** In words, never only a colour, so that screen readers and colour-blind readers get it too. */
    static String status(UserListing listing) {
        if (!listing.user().enabled()) {
            return "Disabled";
        }
        return listing.hasPassword() ? "Enabled" : "Enabled, invitation not accepted yet";
    }

    private Component createToggle(UserListing listing) {
        AppUser user = listing.user();
        if (user.id().equals(viewerId)) {
            return new Span("(you)");
        }
        var toggle = new Button(user.enabled() ? "Disable" : "Enable", event -> setEnabled(user, !user.enabled()));
        toggle.setAriaLabel((user.enabled() ? "Disable " : "Enable ") + user.email());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return toggle;
    }

    private void setEnabled(AppUser user, boolean enabled) {
        try {
            users.setEnabled(user.id(), enabled);
            Notification.show(user.email() + (enabled ? " can sign in again." : " can no longer sign in."));
        } catch (IllegalArgumentException | AccessDeniedException refused) {
            Notification.show(refused.getMessage());
        }
        refresh();
    }

    private void refresh() {
        pendingGrid.setItems(invitations.pending());
        userGrid.setItems(users.directory());
    }
}
