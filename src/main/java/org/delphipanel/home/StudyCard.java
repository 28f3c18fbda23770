package org.delphipanel.home;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One study as the home page shows it.
 *
 * @param attention one sentence on what the study asks of the viewer now, or empty
 * @param manages whether the viewer may set the study up and run its rounds (its facilitators and
 *     administrators)
 */
public record StudyCard(
        long studyId,
        String studyName,
        @Nullable String question,
        String roleLabel,
        String frameworkLabel,
        int targetCount,
        int expertCount,
        String roundLabel,
        @Nullable Instant deadline,
        String progress,
        String attention,
        boolean manages) {
}
