package org.delphipanel.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in post before its password is checked while {@link LoginThrottle} has paused the
 * name or the client address, and sends the browser back to the sign-in page with the whole minutes
 * left ({@code /login?locked=N}). The password is not checked at all during a lock, so a lock gives
 * no answer about whether a guess was right.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    static final String LOCKED_PARAMETER = "locked";

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && "/login".equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String name = Optional.ofNullable(request.getParameter("username")).orElse("");
        Optional<Duration> locked = throttle.lockedFor(name, request.getRemoteAddr());
        if (locked.isPresent()) {
            long minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
            response.sendRedirect(request.getContextPath() + "/login?" + LOCKED_PARAMETER + "=" + minutes);
            return;
        }
        chain.doFilter(request, response);
    }
}
