package org.delphipanel.stats;

/**
 * A consensus or stopping rule text that does not follow the grammar. The message names the offending
 * token and its 0-based position, so that a study form can point at it.
 */
public final class RuleSyntaxException extends IllegalArgumentException {

    private final String spec;
    private final int position;
    private final String token;

    RuleSyntaxException(String kind, String spec, int position, String token, String problem) {
        super(kind + " '" + spec + "': " + problem + " at position " + position
                + (token.isEmpty() ? " (end of text)" : ""));
        this.spec = spec;
        this.position = position;
        this.token = token;
    }

    /** The rule text as given. */
    public String spec() {
        return spec;
    }

    /** The 0-based character position of the bad token; the text's length when the text ended too soon. */
    public int position() {
        return position;
    }

    /** The bad token as written, or "" when the text ended too soon. */
    public String token() {
        return token;
    }
}
