package org.delphipanel.study;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes open rounds whose deadline has passed, every minute by default
 * ({@code delphi.rounds.deadline-check}, a duration such as {@code PT1M} or {@code 30s}). Each round
 * closes in its own transaction, so one failure (say, a facilitator closing the same round at that
 * moment) does not hold up the others.
 */
@Component
class RoundDeadlines {

    private static final Logger LOG = LoggerFactory.getLogger(RoundDeadlines.class);

    private final StudyService studies;

    RoundDeadlines(StudyService studies) {
        this.studies = studies;
    }

    /** Closes every overdue round it can; returns those it closed. */
    @Scheduled(fixedDelayString = "${delphi.rounds.deadline-check:PT1M}",
            initialDelayString = "${delphi.rounds.deadline-check:PT1M}")
    List<Round> closeOverdueRounds() {
        List<Round> closed = new ArrayList<>();
        for (Round round : studies.overdueRounds()) {
            try {
                studies.closeIfOverdue(round.id()).ifPresent(closed::add);
            } catch (ConcurrentChangeException | IllegalStateException closedMeanwhile) {
                LOG.info("Round {} of study {} was not closed at its deadline: {}", round.number(), round.studyId(),
                        closedMeanwhile.getMessage());
            }
        }
        if (!closed.isEmpty()) {
            LOG.info("Closed {} round(s) whose deadline had passed", closed.size());
        }
        return closed;
    }
}
