package org.delphipanel.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Puts the browser-hardening headers on every response of the servlet container, before any security
 * filter chain, servlet or error page runs, so every chain (the Vaadin one and any other, such as an
 * API chain) and every error response carries them without configuring each. A header a later filter
 * has already set is left alone.
 *
 * <p>The Content-Security-Policy allows what Vaadin Flow needs and nothing from other origins: Flow's
 * bootstrap starts its client engine with an inline script and runs the JavaScript the server sends
 * by constructing functions ({@code 'unsafe-inline' 'unsafe-eval'} for scripts), and its components
 * set inline styles ({@code 'unsafe-inline'} for styles); Lumo's icons and fonts come as {@code data:}
 * URLs. See Vaadin's "Content Security Policy" page. HSTS goes only on responses to HTTPS requests (a
 * browser ignores it over plain HTTP, and sending it from a development machine would pin localhost).
 */
public final class SecurityHeaders implements Filter {

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    /** Every response, in this order. */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            // invitation links carry their token in the path: no page may send its address elsewhere
            "Referrer-Policy", "same-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()",
            "Cross-Origin-Opener-Policy", "same-origin");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            HEADERS.forEach((name, value) -> setIfAbsent(http, name, value));
            if (request.isSecure()) {
                setIfAbsent(http, "Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
            }
        }
        chain.doFilter(request, response);
    }

    private static void setIfAbsent(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }
}
