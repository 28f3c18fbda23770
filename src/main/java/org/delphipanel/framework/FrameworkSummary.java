package org.delphipanel.framework;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One stored rubric version in a list, without its tree. */
public record FrameworkSummary(
        long id, String code, int version, String name, @Nullable String description, Instant importedAt,
        int criterionCount) {

    public FrameworkSummary {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(importedAt, "importedAt");
    }

    /** {@code saferai-2024 v1}. */
    public String label() {
        return code + " v" + version;
    }
}
