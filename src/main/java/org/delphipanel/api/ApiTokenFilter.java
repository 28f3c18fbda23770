package org.delphipanel.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>} and, for a valid token, signs the request in as the token's
 * owner for this request only. A request without the header goes on anonymous (the chain then answers 401
 * unless the path is open); a header that is not a bearer token, or a token that is unknown, revoked,
 * expired or of a disabled account, is answered 401 here with the reason.
 *
 * <p>Deliberately not a Spring bean: Spring Boot would register a bean filter for every request of the app.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final Logger LOG = LoggerFactory.getLogger(ApiTokenFilter.class);

    private final ApiTokenService tokens;

    ApiTokenFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ApiErrorWriter.unauthorized(response, "The Authorization header must be \"Bearer <API token>\"; other"
                    + " schemes (Basic, cookies, sessions) are not accepted on /api.", false);
            return;
        }
        ApiPrincipal principal;
        try {
            principal = tokens.authenticate(header.substring(BEARER.length()).strip());
        } catch (ApiTokenRejectedException rejected) {
            ApiErrorWriter.unauthorized(response, rejected.getMessage(), true);
            return;
        } catch (RuntimeException failure) {
            // e.g. the database is unreachable: still a JSON answer, never the servlet container's error page
            LOG.error("API token lookup failed for {} {}", request.getMethod(), request.getRequestURI(), failure);
            ApiErrorWriter.write(response, ApiError.of(HttpStatus.SERVICE_UNAVAILABLE,
                    "The token could not be checked right now; try again shortly.", List.of()));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiAuthentication(principal));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
