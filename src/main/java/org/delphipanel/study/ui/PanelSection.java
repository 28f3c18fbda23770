package org.delphipanel.study.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import org.delphipanel.security.DuplicateEmailException;
import org.delphipanel.security.InvitationLink;
import org.delphipanel.security.PendingInvitation;
import org.delphipanel.base.ui.CopyableLink;
import org.delphipanel.study.PanelMember;
import org.delphipanel.study.PanelRole;
import org.delphipanel.study.Panelist;
import org.delphipanel.study.StudyState;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who is on the panel (names visible here, to facilitators only), who is invited, and the ways to add
 * people: an invitation link, an existing account, a second facilitator.
 */
class PanelSection extends VerticalLayout {

    private final transient SetupContext setup;
    private final EmailField inviteEmail = new EmailField("E-mail address");
    private final Div inviteResult = new Div();
    private final EmailField existingEmail = new EmailField("E-mail address of an existing account");
    private final Paragraph existingError = Feedback.alertLine("existing-error");
    private final Grid<PanelMember> members = new Grid<>();
    private final Grid<PendingInvitation> pending = new Grid<>();

    PanelSection(SetupContext setup) {
        this.setup = setup;
        setPadding(false);
        StudyState state = setup.study().state();
        boolean open = state != StudyState.FINISHED && state != StudyState.PUBLISHED;
        add(new H3("Panel"), createMembersGrid(), new H3("Pending invitations"), createPendingGrid());
        if (open) {
            add(createInvite(), createExisting());
        }
        refresh();
    }

    private Component createInvite() {
        var heading = new H3("Invite an expert");
        var explanation = new Paragraph("Creates a one-time link. Delphi Panel sends no e-mail: copy the link and send"
                + " it to the person yourself. When they accept it, they join this panel as the next expert.");
        inviteEmail.setId("invite-email");
        inviteEmail.setRequiredIndicatorVisible(true);
        var create = new Button("Create invitation link", event -> invite());
        create.setId("invite-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var row = new HorizontalLayout(inviteEmail, create);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        inviteResult.setId("invite-result");
        inviteResult.setWidthFull();
        var section = new VerticalLayout(heading, explanation, row, inviteResult);
        section.setPadding(false);
        return section;
    }

    private void invite() {
        inviteEmail.setInvalid(false);
        inviteResult.removeAll();
        try {
            InvitationLink link = setup.studies().inviteExpert(setup.userId(), setup.studyId(), inviteEmail.getValue());
            showLink(link);
            inviteEmail.clear();
            // clearing a required field validates it as empty; it is waiting for the next address, not wrong
            inviteEmail.setInvalid(false);
            refresh();
        } catch (DuplicateEmailException existing) {
            inviteEmail.setErrorMessage(inviteEmail.getValue() + " already has an account: add it below as an"
                    + " existing account.");
            inviteEmail.setInvalid(true);
            existingEmail.setValue(inviteEmail.getValue());
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException refused) {
            inviteEmail.setErrorMessage(refused.getMessage());
            inviteEmail.setInvalid(true);
        }
    }

    private void showLink(InvitationLink link) {
        var text = new Paragraph("Invitation for " + link.email() + ", valid until " + Texts.dateTime(link.expiresAt())
                + ". This is the only time the link is shown.");
        inviteResult.add(text, new CopyableLink("Invitation link", link.url(), link.email()));
    }

    private Component createExisting() {
        var heading = new H3("Add an existing account");
        existingEmail.setId("existing-email");
        var expert = new Button("Add as expert", event -> addExisting(PanelRole.EXPERT));
        expert.setId("existing-add-expert");
        var facilitator = new Button("Add as facilitator", event -> addExisting(PanelRole.FACILITATOR));
        facilitator.setId("existing-add-facilitator");
        var row = new HorizontalLayout(existingEmail, expert, facilitator);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        var section = new VerticalLayout(heading, new Paragraph("A second facilitator must have a facilitator or"
                + " administrator account."), row, existingError);
        section.setPadding(false);
        return section;
    }

    private void addExisting(PanelRole role) {
        existingError.setText("");
        try {
            Panelist added = role == PanelRole.EXPERT
                    ? setup.studies().addExpert(setup.userId(), setup.studyId(), existingEmail.getValue())
                    : setup.studies().addFacilitator(setup.userId(), setup.studyId(), existingEmail.getValue());
            Feedback.done(existingEmail.getValue() + " joined the panel as " + added.pseudonym() + ".");
            existingEmail.clear();
            refresh();
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException refused) {
            existingError.setText(refused.getMessage());
        }
    }

    private Grid<PanelMember> createMembersGrid() {
        members.setId("panel-grid");
        members.setAriaLabel("Panel");
        members.addColumn(m -> m.panelist().pseudonym()).setHeader("Pseudonym").setAutoWidth(true);
        members.addColumn(PanelMember::displayName).setHeader("Name").setAutoWidth(true);
        members.addColumn(PanelMember::email).setHeader("E-mail address").setFlexGrow(1).setAutoWidth(true);
        members.addColumn(m -> m.panelist().role() == PanelRole.EXPERT ? "Expert" : "Facilitator").setHeader("Role")
                .setAutoWidth(true);
        members.addColumn(m -> Texts.dateTime(m.panelist().joinedAt())).setHeader("Joined").setAutoWidth(true);
        members.setAllRowsVisible(true);
        members.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        return members;
    }

    private Grid<PendingInvitation> createPendingGrid() {
        pending.setId("invitations-grid");
        pending.setAriaLabel("Pending invitations");
        pending.addColumn(PendingInvitation::email).setHeader("E-mail address").setFlexGrow(1).setAutoWidth(true);
        pending.addColumn(PendingInvitation::invitedBy).setHeader("Invited by").setAutoWidth(true);
        pending.addColumn(i -> Texts.dateTime(i.expiresAt())).setHeader("Expires").setAutoWidth(true);
        pending.setAllRowsVisible(true);
        pending.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        pending.setEmptyStateText("Nobody is waiting to accept an invitation.");
        return pending;
    }

    private void refresh() {
        members.setItems(setup.studies().panelMembers(setup.userId(), setup.studyId()));
        pending.setItems(setup.studies().pendingInvitations(setup.userId(), setup.studyId()));
    }
}
