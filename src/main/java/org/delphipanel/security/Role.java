package org.delphipanel.security;

/**
 * What a signed-in person may do. Spring Security sees each role as the authority {@code ROLE_<name>},
 * which is what {@code @RolesAllowed("ADMIN")} and friends check.
 */
public enum Role {
    /** Manages people and invitations, and can do everything a facilitator can. */
    ADMIN("Administrator"),
    /** Runs studies and rounds, and invites experts to them. */
    FACILITATOR("Facilitator"),
    /** Rates targets in the rounds of the studies they are on. */
    EXPERT("Expert");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** A human-readable name for screens and messages. */
    public String label() {
        return label;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether a person with this role may create an invitation for {@code invited}. */
    public boolean mayInvite(Role invited) {
        return switch (this) {
            case ADMIN -> true;
            case FACILITATOR -> invited == EXPERT;
            case EXPERT -> false;
        };
    }
}
