package org.delphipanel.study;

import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One Delphi round of a study. The lifecycle steps return the changed round and refuse anything
 * but the state they start from, naming the current state.
 */
public record Round(
        RoundId id,
        StudyId studyId,
        int number,
        RoundState state,
        @Nullable Instant openedAt,
        @Nullable Instant closesAt,
        @Nullable Instant closedAt,
        int version) {

    public boolean isOpen() {
        return state == RoundState.OPEN;
    }

    public boolean isClosed() {
        return state == RoundState.CLOSED;
    }

    /** Opens a draft round, optionally with a deadline that must lie in the future. */
    public Round open(Clock clock, @Nullable Instant deadline) {
        if (state != RoundState.DRAFT) {
            throw new IllegalStateException("round " + number + " cannot open: it is " + state.name().toLowerCase());
        }
        Instant now = clock.instant();
        if (deadline != null && !deadline.isAfter(now)) {
            throw new IllegalArgumentException("the deadline of round " + number + " must lie in the future");
        }
        return new Round(id, studyId, number, RoundState.OPEN, now, deadline, null, version);
    }

    /** Closes an open round for good. */
    public Round close(Clock clock) {
        if (state != RoundState.OPEN) {
            throw new IllegalStateException("round " + number + " cannot close: it is " + state.name().toLowerCase());
        }
        return new Round(id, studyId, number, RoundState.CLOSED, openedAt, closesAt, clock.instant(), version);
    }
}
