package org.delphipanel.study;

/** The database id of a {@link Target}. */
public record TargetId(long value) {
    public TargetId {
        if (value <= 0) {
            throw new IllegalArgumentException("Target id must be positive, was " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
