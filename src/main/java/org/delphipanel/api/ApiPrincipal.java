package org.delphipanel.api;

import java.util.Set;
import org.delphipanel.security.Role;

/**
 * Who a request comes from when it carries a valid token: the token's owner (found again by e-mail by
 * {@code UserService.currentUser()}, as after a login) and what the token adds to the owner's rights.
 *
 * @param studyIds the studies the token is restricted to; empty for all of the owner's studies
 */
public record ApiPrincipal(long tokenId, long userId, String email, Role role, ApiScope scope, Set<Long> studyIds) {

    public ApiPrincipal {
        studyIds = Set.copyOf(studyIds);
    }

    /** Whether the token's restriction lets it reach the study (the owner's own rights are checked apart). */
    public boolean reaches(long studyId) {
        return studyIds.isEmpty() || studyIds.contains(studyId);
    }
}
