package org.delphipanel.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal the API layer itself decides (bad parameter, token scope, unknown study), with its status. */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<?> details;

    ApiException(HttpStatus status, String message) {
        this(status, message, List.of());
    }

    ApiException(HttpStatus status, String message, List<?> details) {
        super(message);
        this.status = status;
        this.details = List.copyOf(details);
    }

    HttpStatus status() {
        return status;
    }

    List<?> details() {
        return details;
    }

    ApiError toError() {
        return ApiError.of(status, getMessage(), details);
    }
}
