package org.delphipanel.rating;

/** A rating change arrived when its round no longer (or not yet) accepts ratings. */
public class RoundNotOpenException extends RuntimeException {
    public RoundNotOpenException(String message) {
        super(message);
    }
}
