package org.delphipanel.scoring;

import java.time.Instant;
import java.util.List;
import org.delphipanel.study.RoundState;
import org.jspecify.annotations.Nullable;

/**
 * How far the panel is with a round: per expert (named, for facilitators), per target and per criterion.
 *
 * @param cellsPerExpert targets x criteria: what each expert rates
 * @param deadline when the round closes, if it has a deadline
 */
public record RoundProgress(
        long studyId,
        String studyName,
        int roundNumber,
        RoundState state,
        @Nullable Instant deadline,
        int cellsPerExpert,
        List<ExpertProgress> experts,
        List<Count> perTarget,
        List<Count> perCriterion) {

    public RoundProgress {
        experts = List.copyOf(experts);
        perTarget = List.copyOf(perTarget);
        perCriterion = List.copyOf(perCriterion);
    }

    /** The experts who have not submitted yet. */
    public List<ExpertProgress> behind() {
        return experts.stream().filter(e -> e.submittedAt() == null).toList();
    }

    public int submitted() {
        return experts.size() - behind().size();
    }

    /**
     * One expert's progress.
     *
     * @param name the person's name, shown only to facilitators
     * @param email where reminders go, shown only to facilitators
     * @param submittedAt when they pressed "submit round", or null
     */
    public record ExpertProgress(String pseudonym, String name, String email, int rated, int expected,
            @Nullable Instant submittedAt) {
    }

    /** Ratings entered for one target or criterion, out of those expected (experts x cells). */
    public record Count(String label, int rated, int expected) {

        public double share() {
            return expected == 0 ? 0 : (double) rated / expected;
        }
    }
}
