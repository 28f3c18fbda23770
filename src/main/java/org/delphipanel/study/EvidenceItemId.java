package org.delphipanel.study;

/** The database id of a {@link EvidenceItem}. */
public record EvidenceItemId(long value) {
    public EvidenceItemId {
        if (value <= 0) {
            throw new IllegalArgumentException("EvidenceItem id must be positive, was " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
