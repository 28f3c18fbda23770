package org.delphipanel.study;

import org.jspecify.annotations.Nullable;

/**
 * What a person's home page shows about one of their studies.
 *
 * @param myRole the viewer's part in the study, or null for an admin who is not on its panel
 * @param currentRound the open round, else the latest round, else null before round 1
 */
public record StudyOverview(
        Study study,
        @Nullable PanelRole myRole,
        @Nullable Round currentRound,
        int targetCount,
        int expertCount) {
}
