package org.delphipanel.study;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A Delphi study: one rubric version, its rules, and where it stands. */
public record Study(
        StudyId id,
        String name,
        @Nullable String description,
        @Nullable String question,
        long frameworkId,
        StudyRules rules,
        StudyState state,
        Instant createdAt,
        Instant updatedAt) {
}
