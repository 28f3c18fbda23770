package org.delphipanel.scoring;

import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.study.PanelRole;
import org.delphipanel.study.Panelist;
import org.jspecify.annotations.Nullable;

/** Who is asking for a study's statistics, and their part in it (null for an administrator off the panel). */
record Viewer(AppUser user, @Nullable Panelist panelist) {

    long userId() {
        return user.id().value();
    }

    /** The study's facilitators and every administrator see live statistics and experts' names. */
    boolean facilitates() {
        return user.is(Role.ADMIN) || (panelist != null && panelist.role() == PanelRole.FACILITATOR);
    }

    boolean isExpert() {
        return panelist != null && panelist.role() == PanelRole.EXPERT && !user.is(Role.ADMIN);
    }
}
