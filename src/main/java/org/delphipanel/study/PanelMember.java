package org.delphipanel.study;

import java.util.Objects;

/** A panelist with the person behind the pseudonym; only a study's facilitators and administrators see this. */
public record PanelMember(Panelist panelist, String displayName, String email) {

    public PanelMember {
        Objects.requireNonNull(panelist, "panelist");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
    }
}
