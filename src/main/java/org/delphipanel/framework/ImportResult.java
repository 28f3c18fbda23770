package org.delphipanel.framework;

import java.util.Objects;

/**
 * What an import did.
 *
 * @param framework the stored rubric version
 * @param created false when the same code and version was already stored with the same content, so
 *     nothing was written
 */
public record ImportResult(Framework framework, boolean created) {

    public ImportResult {
        Objects.requireNonNull(framework, "framework");
    }
}
