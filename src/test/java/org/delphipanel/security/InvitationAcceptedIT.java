package org.delphipanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.delphipanel.security.SecurityTestData.PASSWORD;
import static org.delphipanel.security.SecurityTestData.uniqueEmail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest
@RecordApplicationEvents
class InvitationAcceptedIT {

    @Autowired
    InvitationService invitations;

    @Autowired
    UserService users;

    @Autowired
    ApplicationEvents events;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void accepting_an_invitation_publishes_who_accepted_and_no_study_for_a_plain_invitation() {
        AppUser admin = users.createUser(uniqueEmail("admin"), "Admin", Role.ADMIN, PASSWORD);
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken(admin.email(), null, admin.role().authority()));
        InvitationLink link = invitations.invite(uniqueEmail("plain"), Role.EXPERT);
        SecurityContextHolder.clearContext();

        AppUser accepted = invitations.accept(link.path().substring("/invitation/".length()), "Plain", PASSWORD,
                PASSWORD);

        assertThat(events.stream(InvitationAccepted.class))
                .containsExactly(new InvitationAccepted(link.id(), accepted, null));
    }
}
