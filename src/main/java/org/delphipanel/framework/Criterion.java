package org.delphipanel.framework;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored leaf of a rubric: what an expert grades.
 *
 * @param id the framework_node id that ratings refer to
 * @param effectiveWeight the criterion's share of the overall score (product of weights from the root)
 */
public record Criterion(
        long id, String code, String name, @Nullable String description, ScaleDefinition scale, double effectiveWeight) {

    public Criterion {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scale, "scale");
        if (!(effectiveWeight >= 0 && effectiveWeight <= 1)) {
            throw new IllegalArgumentException("effective weight " + effectiveWeight + " is not between 0 and 1");
        }
    }
}
