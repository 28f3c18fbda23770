package org.delphipanel.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.delphipanel.audit.AuditEntry;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.DuplicateEmailException;
import org.delphipanel.security.InvitationLink;
import org.delphipanel.security.InvitationService;
import org.delphipanel.security.PendingInvitation;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserId;
import org.delphipanel.security.UserService;
import org.delphipanel.study.StudyTestData.Fixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest
class StudyPanelIT {

    @Autowired
    StudyService studies;

    @Autowired
    StudyTestData data;

    @Autowired
    InvitationService invitations;

    @Autowired
    UserService users;

    @Autowired
    AuditLog auditLog;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Invitations name their inviter from the signed-in person, as in the application. */
    private InvitationLink invite(long facilitatorId, StudyId studyId, String email) {
        AppUser facilitator = users.findById(new UserId(facilitatorId)).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken(facilitator.email(), null, facilitator.role().authority()));
        try {
            return studies.inviteExpert(facilitatorId, studyId, email);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private AppUser accept(InvitationLink link, String name) {
        return invitations.accept(link.path().substring("/invitation/".length()), name, StudyTestData.PASSWORD,
                StudyTestData.PASSWORD);
    }

    private static String email(String who) {
        return who + "-" + StudyTestData.uniqueTag() + "@example.org";
    }

    @Test
    void an_invited_person_joins_the_panel_as_the_next_expert_when_they_accept() {
        Fixture fixture = data.aDraftStudy(2, 1);
        StudyId id = fixture.study().id();
        String invited = email("invited");
        InvitationLink link = invite(fixture.facilitatorId(), id, invited);
        assertThat(link.role()).isEqualTo(Role.EXPERT);
        assertThat(studies.pendingInvitations(fixture.facilitatorId(), id)).extracting(PendingInvitation::email)
                .containsExactly(invited);
        assertThat(studies.experts(id)).hasSize(2);
        // the invitation page names the study the link joins
        assertThat(invitations.preview(link.path().substring("/invitation/".length())).studyName())
                .isEqualTo(fixture.study().name());

        AppUser joined = accept(link, "Ada Lovelace");

        Panelist panelist = studies.panelist(id, joined.id().value()).orElseThrow();
        assertThat(panelist.role()).isEqualTo(PanelRole.EXPERT);
        assertThat(panelist.pseudonym()).isEqualTo("Expert 3");
        assertThat(studies.pendingInvitations(fixture.facilitatorId(), id)).isEmpty();
        assertThat(studies.panelMembers(fixture.facilitatorId(), id))
                .filteredOn(m -> m.panelist().equals(panelist))
                .singleElement()
                .satisfies(m -> assertThat(m.displayName()).isEqualTo("Ada Lovelace"))
                .satisfies(m -> assertThat(m.email()).isEqualTo(invited));
        assertThat(auditLog.forEntity("study", id.toString())).extracting(AuditEntry::action, AuditEntry::actor)
                .contains(org.assertj.core.groups.Tuple.tuple("panel.member-joined", invited));
    }

    @Test
    void pseudonyms_follow_the_order_of_joining_and_are_never_reused_or_renumbered() {
        Fixture fixture = data.aDraftStudy(1, 1);
        StudyId id = fixture.study().id();
        InvitationLink first = invite(fixture.facilitatorId(), id, email("first"));
        InvitationLink second = invite(fixture.facilitatorId(), id, email("second"));
        AppUser direct = data.aUser(Role.EXPERT, "direct");

        AppUser secondJoined = accept(second, "Second Invited");
        Panelist added = studies.addExpert(fixture.facilitatorId(), id, direct.email());
        AppUser firstJoined = accept(first, "First Invited");

        assertThat(studies.panelist(id, secondJoined.id().value()).orElseThrow().pseudonym()).isEqualTo("Expert 2");
        assertThat(added.pseudonym()).isEqualTo("Expert 3");
        assertThat(studies.panelist(id, firstJoined.id().value()).orElseThrow().pseudonym()).isEqualTo("Expert 4");
        List<String> before = studies.experts(id).stream().map(Panelist::pseudonym).toList();

        // the panel grows on through the rounds; earlier pseudonyms stay what they were
        studies.openNextRound(fixture.facilitatorId(), id, null);
        Panelist late = studies.addExpert(fixture.facilitatorId(), id, data.aUser(Role.EXPERT, "late").email());
        assertThat(late.pseudonym()).isEqualTo("Expert 5");
        assertThat(studies.experts(id).stream().map(Panelist::pseudonym).toList())
                .containsExactly("Expert 1", "Expert 2", "Expert 3", "Expert 4", "Expert 5")
                .startsWith(before.toArray(String[]::new));
    }

    @Test
    void an_existing_account_is_added_directly_not_invited_and_nobody_joins_twice() {
        Fixture fixture = data.aDraftStudy(1, 1);
        StudyId id = fixture.study().id();
        AppUser existing = data.aUser(Role.EXPERT, "existing");
        assertThatThrownBy(() -> invite(fixture.facilitatorId(), id, existing.email()))
                .isInstanceOf(DuplicateEmailException.class);
        studies.addExpert(fixture.facilitatorId(), id, existing.email());
        assertThatThrownBy(() -> studies.addExpert(fixture.facilitatorId(), id, existing.email()))
                .hasMessageContaining("already on the panel as Expert 2");
        assertThatThrownBy(() -> studies.addExpert(fixture.facilitatorId(), id, email("nobody")))
                .hasMessageContaining("invite them instead");
    }

    @Test
    void an_invitation_without_a_study_puts_nobody_on_a_panel() {
        Fixture fixture = data.aDraftStudy(1, 1);
        AppUser facilitator = users.findById(new UserId(fixture.facilitatorId())).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken(facilitator.email(), null, facilitator.role().authority()));
        InvitationLink link = invitations.invite(email("plain"), Role.EXPERT);
        SecurityContextHolder.clearContext();
        AppUser joined = accept(link, "Plain Invitee");
        assertThat(studies.overviewsFor(joined.id().value())).isEmpty();
        assertThat(studies.experts(fixture.study().id())).hasSize(1);
    }
}
