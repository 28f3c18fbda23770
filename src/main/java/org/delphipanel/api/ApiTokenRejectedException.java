package org.delphipanel.api;

/** A presented token does not authenticate anyone; the message says why (answered with 401). */
public class ApiTokenRejectedException extends RuntimeException {
    public ApiTokenRejectedException(String message) {
        super(message);
    }
}
