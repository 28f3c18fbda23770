package org.delphipanel.study;

/** The database id of a {@link Study}. */
public record StudyId(long value) {
    public StudyId {
        if (value <= 0) {
            throw new IllegalArgumentException("Study id must be positive, was " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
