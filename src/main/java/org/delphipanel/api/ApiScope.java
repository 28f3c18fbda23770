package org.delphipanel.api;

/** What a token may do on top of what its owner may do. */
public enum ApiScope {
    /** List studies, read a study's rules and rounds, download exports, read one's own ratings. */
    READ("Read only"),
    /** Everything {@link #READ} allows, plus saving ratings and importing ratings files. */
    WRITE("Read, rate and import");

    private final String label;

    ApiScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean allowsWriting() {
        return this == WRITE;
    }
}
