package org.delphipanel.rating;

import org.jspecify.annotations.Nullable;

/**
 * One clause of the study's consensus rule as it was checked on a cell when the round closed.
 *
 * @param clause the clause's canonical text, e.g. {@code within(1)>=0.7}
 * @param observed the value seen, or null when undefined
 * @param bound the value it was compared with, or null when undefined
 * @param undefinedReason why the observed value or bound was undefined, or null when both were defined
 */
public record ClauseSnapshot(String clause, @Nullable Double observed, @Nullable Double bound, boolean passed,
        @Nullable String undefinedReason) {

    public ClauseSnapshot {
        if (clause == null || clause.isBlank()) {
            throw new IllegalArgumentException("a clause snapshot needs the clause text");
        }
    }
}
