package org.delphipanel.study;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong in an imported file.
 *
 * @param line the 1-based line of the file where the offending record starts
 * @param column the column's header name, or null when the problem is the whole record or file
 */
public record ImportProblem(int line, @Nullable String column, String message) {

    public ImportProblem {
        if (line < 1) {
            throw new IllegalArgumentException("lines count from 1, was " + line);
        }
        Objects.requireNonNull(message, "message");
    }

    /** {@code line 3, column evidence_url: ...}, for lists shown to people. */
    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
