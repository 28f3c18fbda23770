package org.delphipanel.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The body of every error answer under {@code /api}.
 *
 * @param status the HTTP status code, repeated for clients that only keep the body
 * @param error the status's reason phrase, e.g. {@code Unprocessable Content}
 * @param message what went wrong and, where it helps, what to do about it
 * @param details the single problems behind the message, e.g. one per bad line of an import
 */
public record ApiError(int status, String error, String message, List<Object> details) {

    public ApiError {
        details = List.copyOf(details);
    }

    static ApiError of(HttpStatus status, String message, List<?> details) {
        return new ApiError(status.value(), status.getReasonPhrase(), message, List.copyOf(details));
    }

    /** One problem with one field of a request. */
    public record FieldProblem(String field, String message) {
    }

    /** One problem with one line (and column, if known) of an uploaded file. */
    public record LineProblem(int line, String column, String message) {
    }
}
