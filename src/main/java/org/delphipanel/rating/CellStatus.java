package org.delphipanel.rating;

/** Where one of an expert's cells stands in the open round. */
public enum CellStatus {
    /** Rated, with a rationale wherever the study requires one; counts as done. */
    RATED("Rated"),
    /** A grade is saved, but the study requires a rationale for it before the cell counts as rated. */
    NEEDS_RATIONALE("Needs rationale"),
    /** No grade yet. */
    NOT_RATED("Not rated"),
    /** The panel reached consensus on it in an earlier round and the study does not ask for it again. */
    SETTLED("Settled");

    private final String label;

    CellStatus(String label) {
        this.label = label;
    }

    /** The words screens show, so status never depends on colour or an icon alone. */
    public String label() {
        return label;
    }
}
