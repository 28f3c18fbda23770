package org.delphipanel.study;

/** The database id of a {@link Panelist}. */
public record PanelistId(long value) {
    public PanelistId {
        if (value <= 0) {
            throw new IllegalArgumentException("Panelist id must be positive, was " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
