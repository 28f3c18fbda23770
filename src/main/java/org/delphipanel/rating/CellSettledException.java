package org.delphipanel.rating;

/** A rating arrived for a cell the panel settled by consensus in an earlier round. */
public class CellSettledException extends RuntimeException {
    public CellSettledException(String message) {
        super(message);
    }
}
