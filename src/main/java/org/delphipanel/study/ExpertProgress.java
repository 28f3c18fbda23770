package org.delphipanel.study;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How far one expert is in a round, for the study's facilitators.
 *
 * @param rated cells the expert has rated in the round
 * @param cells targets x criteria of the study
 * @param submittedAt when the expert pressed "submit round", or null
 */
public record ExpertProgress(PanelMember expert, int rated, int cells, @Nullable Instant submittedAt) {

    public ExpertProgress {
        Objects.requireNonNull(expert, "expert");
        if (rated < 0 || cells < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }
}
