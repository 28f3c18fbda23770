package org.delphipanel.study;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A public document about a target that experts read beside the scale. */
public record EvidenceItem(
        EvidenceItemId id,
        TargetId targetId,
        String title,
        @Nullable String url,
        @Nullable String excerpt,
        @Nullable LocalDate publishedOn) {
}
