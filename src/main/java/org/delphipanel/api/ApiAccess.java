package org.delphipanel.api;

import java.util.TreeSet;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.StudyService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the token adds to the owner's own rights, checked before any service is called: its scope and its
 * study restriction. The services then check the owner's role, panel membership and blindness as for a
 * signed-in person, so a token can never do more than its owner.
 */
@Component
class ApiAccess {

    private final StudyService studies;

    ApiAccess(StudyService studies) {
        this.studies = studies;
    }

    /** The token behind the current request. */
    ApiPrincipal principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ApiAuthentication api) {
            return api.getPrincipal();
        }
        throw new ApiException(HttpStatus.UNAUTHORIZED, "This endpoint needs an API token.");
    }

    /** Refuses a read-only token what only a read-write token may do. */
    ApiPrincipal requireWrite(String action) {
        ApiPrincipal principal = principal();
        if (!principal.scope().allowsWriting()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "This token is read-only (scope READ), so it cannot "
                    + action + "; create a token with scope WRITE (read, rate and import).");
        }
        return principal;
    }

    /**
     * The study, if the token reaches it and its owner may see it.
     *
     * @throws ApiException 404 for an unknown study, 403 outside the token's restriction or the owner's studies
     */
    Study study(long studyId) {
        ApiPrincipal principal = principal();
        if (studyId < 1 || studies.findStudy(new StudyId(studyId)).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "There is no study " + studyId + ".");
        }
        if (!principal.reaches(studyId)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "This token is restricted to studies "
                    + new TreeSet<>(principal.studyIds()) + "; study " + studyId + " is not one of them.");
        }
        // throws AccessDeniedException (403) for someone who is neither on the panel nor an administrator
        return studies.studyForMember(principal.userId(), new StudyId(studyId));
    }
}
