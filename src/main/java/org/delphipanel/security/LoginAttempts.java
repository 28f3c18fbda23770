package org.delphipanel.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link LoginThrottle} from Spring Security's authentication events, which the form login
 * publishes for every attempt it checks: any failure (wrong password, unknown name, disabled account)
 * counts, a success clears the name's count.
 */
@Component
class LoginAttempts {

    private final LoginThrottle throttle;

    LoginAttempts(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        throttle.recordFailure(attempt.getName(), address(attempt));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        throttle.recordSuccess(event.getAuthentication().getName());
    }

    private static String address(Authentication attempt) {
        // the form login puts the client address into the details; anything else has none to count
        return attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress()
                : "unknown";
    }
}
