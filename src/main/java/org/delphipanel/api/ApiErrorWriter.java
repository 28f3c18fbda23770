package org.delphipanel.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@link ApiError} straight to the servlet response, for refusals made in the security filter
 * chain, before any controller (and its exception handler) is reached.
 */
final class ApiErrorWriter {

    /** What a client without a valid token is told to send (RFC 6750). */
    static final String BEARER_CHALLENGE = "Bearer realm=\"Delphi Panel API\"";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiErrorWriter() {
    }

    static void unauthorized(HttpServletResponse response, String message, boolean invalidToken) throws IOException {
        String challenge = invalidToken ? BEARER_CHALLENGE + ", error=\"invalid_token\"" : BEARER_CHALLENGE;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        write(response, ApiError.of(HttpStatus.UNAUTHORIZED, message, List.of()));
    }

    static void write(HttpServletResponse response, ApiError error) throws IOException {
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(error));
    }
}
