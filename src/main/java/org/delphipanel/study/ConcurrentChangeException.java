package org.delphipanel.study;

/** Someone else changed the same thing first; the caller should reload and try again. */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String message) {
        super(message);
    }
}
