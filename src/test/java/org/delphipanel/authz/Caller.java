package org.delphipanel.authz;

import java.util.Arrays;
import java.util.Optional;
import org.delphipanel.authz.AuthzWorld.World;

/** The columns of the authorization matrix: who is calling, relative to "this study". */
enum Caller {
    ANONYMOUS("anonymous", null),
    EXPERT("expert", "EXPERT"),
    OTHER_EXPERT("other expert", "EXPERT"),
    FACILITATOR("facilitator", "FACILITATOR"),
    OTHER_FACILITATOR("other facilitator", "FACILITATOR"),
    ADMIN("admin", "ADMIN");

    /** An id no account has: what an anonymous visitor passes where a service wants the acting user. */
    static final long NO_ACCOUNT = 999_999_999L;

    final String column;
    final String role;

    Caller(String column, String role) {
        this.column = column;
        this.role = role;
    }

    /** The caller's user id in the world ({@link #NO_ACCOUNT} for the anonymous visitor). */
    long id(World world) {
        var c = world.callers();
        return switch (this) {
            case ANONYMOUS -> NO_ACCOUNT;
            case EXPERT -> c.expert();
            case OTHER_EXPERT -> c.otherExpert();
            case FACILITATOR -> c.facilitator();
            case OTHER_FACILITATOR -> c.otherFacilitator();
            case ADMIN -> c.admin();
        };
    }

    static Optional<Caller> byColumn(String column) {
        return Arrays.stream(values()).filter(c -> c.column.equals(column)).findFirst();
    }
}
