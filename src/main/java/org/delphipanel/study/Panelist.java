package org.delphipanel.study;

import java.time.Instant;

/** A person's part in a study; other experts know them only by their pseudonym. */
public record Panelist(PanelistId id, StudyId studyId, long userId, PanelRole role, String pseudonym, Instant joinedAt) {

    public boolean isExpert() {
        return role == PanelRole.EXPERT;
    }
}
