package org.delphipanel.study;

import java.util.Optional;
import org.delphipanel.security.InvitationAccepted;
import org.delphipanel.security.InvitedStudies;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The study side of invitations to a panel: names the study on the invitation page, and puts people who
 * accept on that panel, in the accepting transaction.
 */
@Component
class StudyInvitations implements InvitedStudies {

    private final StudyService studies;

    StudyInvitations(StudyService studies) {
        this.studies = studies;
    }

    @Override
    public Optional<String> name(long studyId) {
        return studies.findStudy(new StudyId(studyId)).map(Study::name);
    }

    @EventListener
    void on(InvitationAccepted accepted) {
        if (accepted.studyId() != null) {
            studies.joinFromInvitation(new StudyId(accepted.studyId()), accepted.user());
        }
    }
}
