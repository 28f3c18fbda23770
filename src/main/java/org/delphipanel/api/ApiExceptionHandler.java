package org.delphipanel.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.delphipanel.rating.CellSettledException;
import org.delphipanel.rating.RatingsRejectedException;
import org.delphipanel.rating.RoundNotOpenException;
import org.delphipanel.study.ConcurrentChangeException;
import org.delphipanel.study.StudyNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Turns every failure of an {@code /api} request into an {@link ApiError} with the status that says what
 * happened, never a stack trace or an HTML page. Applies to requests under {@code /api} only (also those
 * failing before a controller is chosen, e.g. an oversized upload); for anything else it steps aside.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e, HttpServletRequest request) throws ApiException {
        requireApi(request, e);
        return respond(e.toError());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e, HttpServletRequest request) throws AccessDeniedException {
        requireApi(request, e);
        return respond(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(StudyNotFoundException.class)
    ResponseEntity<ApiError> notFound(StudyNotFoundException e, HttpServletRequest request) {
        requireApi(request, e);
        return respond(HttpStatus.NOT_FOUND, sentence(e.getMessage()));
    }

    @ExceptionHandler({ConcurrentChangeException.class, CellSettledException.class, IllegalStateException.class})
    ResponseEntity<ApiError> conflict(RuntimeException e, HttpServletRequest request) {
        requireApi(request, e);
        return respond(HttpStatus.CONFLICT, sentence(e.getMessage()));
    }

    /** 423: the round exists but does not take ratings now (closed, not yet open, or past its deadline). */
    @ExceptionHandler(RoundNotOpenException.class)
    ResponseEntity<ApiError> roundNotOpen(RoundNotOpenException e, HttpServletRequest request) {
        requireApi(request, e);
        return respond(HttpStatus.LOCKED, sentence(e.getMessage()));
    }

    @ExceptionHandler(RatingsRejectedException.class)
    ResponseEntity<ApiError> rejected(RatingsRejectedException e, HttpServletRequest request) {
        requireApi(request, e);
        List<ApiError.LineProblem> problems = e.problems().stream()
                .map(p -> new ApiError.LineProblem(p.line(), p.column(), p.message())).toList();
        return respond(ApiError.of(HttpStatus.UNPROCESSABLE_CONTENT, "The file was rejected whole and nothing was"
                + " imported: " + problems.size() + " problem(s), listed by line and column in details.", problems));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> invalid(IllegalArgumentException e, HttpServletRequest request) {
        requireApi(request, e);
        return respond(HttpStatus.UNPROCESSABLE_CONTENT, sentence(e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request)
            throws HttpMessageNotReadableException {
        requireApi(request, e);
        return respond(HttpStatus.BAD_REQUEST, "The request body is missing or not readable.");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request)
            throws MissingServletRequestParameterException {
        requireApi(request, e);
        return respond(ApiError.of(HttpStatus.BAD_REQUEST, "The parameter \"" + e.getParameterName() + "\" is missing.",
                List.of(new ApiError.FieldProblem(e.getParameterName(), "missing"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        requireApi(request, e);
        String expected = e.getRequiredType() == null ? "another type" : describeType(e.getRequiredType());
        String message = "\"" + e.getValue() + "\" is not a valid " + e.getName() + ": it must be " + expected + ".";
        return respond(ApiError.of(HttpStatus.BAD_REQUEST, message, List.of(new ApiError.FieldProblem(e.getName(),
                "must be " + expected))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        requireApi(request, e);
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content type " + (e.getContentType() == null ? "(none)"
                : e.getContentType()) + " is not accepted here; send " + MediaType.toString(e.getSupportedMediaTypes()) + ".");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException {
        requireApi(request, e);
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed on "
                + request.getRequestURI() + "; allowed: " + String.join(", ", e.getSupportedMethods() == null
                        ? new String[0] : e.getSupportedMethods()) + ".");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request)
            throws MaxUploadSizeExceededException {
        requireApi(request, e);
        return respond(HttpStatus.CONTENT_TOO_LARGE, "The upload is too large.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> other(Exception e, HttpServletRequest request) throws Exception {
        requireApi(request, e);
        if (e instanceof ErrorResponse response) {
            HttpStatusCode code = response.getStatusCode();
            HttpStatus status = HttpStatus.resolve(code.value());
            String detail = response.getBody().getDetail();
            return respond(ApiError.of(status == null ? HttpStatus.BAD_REQUEST : status,
                    detail == null ? e.getClass().getSimpleName() : detail, List.of()));
        }
        LOG.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on the server; the error was logged."
                + " Try again, and report it if it persists.");
    }

    private static <E extends Exception> void requireApi(HttpServletRequest request, E e) throws E {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            throw e;
        }
    }

    static ResponseEntity<ApiError> respond(HttpStatus status, String message) {
        return respond(ApiError.of(status, message, List.of()));
    }

    static ResponseEntity<ApiError> respond(ApiError error) {
        var builder = ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON);
        if (error.status() == HttpStatus.UNAUTHORIZED.value()) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, ApiErrorWriter.BEARER_CHALLENGE);
        }
        return builder.body(error);
    }

    /** Service messages are often lower-case clauses; an API message reads as a sentence. */
    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "The request could not be carried out.";
        }
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") || text.endsWith("?") || text.endsWith("!") ? text : text + ".";
    }

    private static String describeType(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName();
    }
}
