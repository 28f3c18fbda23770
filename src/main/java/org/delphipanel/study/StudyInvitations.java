package org.delphipanel.study;

import org.delphipanel.security.InvitationAccepted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Puts people who accept an invitation to a study's panel on that panel, in the accepting transaction. */
@Component
class StudyInvitations {

    private final StudyService studies;

    StudyInvitations(StudyService studies) {
        this.studies = studies;
    }

    @EventListener
    void on(InvitationAccepted accepted) {
        if (accepted.studyId() != null) {
            studies.joinFromInvitation(new StudyId(accepted.studyId()), accepted.user());
        }
    }
}
