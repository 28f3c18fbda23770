package org.delphipanel.security;

import java.util.Optional;

/**
 * Names the study whose panel an invitation joins, so that its page can say what the invited person is
 * agreeing to. The study feature provides it; security only knows the study's id and would otherwise
 * depend on study, which depends on security.
 */
public interface InvitedStudies {

    /** The study's name, or empty when there is no such study (any more). */
    Optional<String> name(long studyId);
}
