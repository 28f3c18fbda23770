package org.delphipanel.study;

/** The database id of a {@link Round}. */
public record RoundId(long value) {
    public RoundId {
        if (value <= 0) {
            throw new IllegalArgumentException("Round id must be positive, was " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
