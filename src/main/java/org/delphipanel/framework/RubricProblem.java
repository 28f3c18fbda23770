package org.delphipanel.framework;

import java.util.Objects;

/**
 * One thing wrong with a rubric file.
 *
 * @param fileName the file, as the importer was told its name
 * @param location where in the file: {@code node 'risk-mitigation' (root.children[2])}, {@code band 'Weak'
 *     (bands[2])}, {@code line 3, column 7} or {@code rubric}
 * @param message what is wrong, in words a rubric author can act on
 */
public record RubricProblem(String fileName, String location, String message) {

    public RubricProblem {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return fileName + ": " + location + ": " + message;
    }
}
