package org.delphipanel.rating;

import java.time.Clock;
import java.time.Instant;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.framework.Criterion;
import org.delphipanel.study.Round;
import org.springframework.stereotype.Component;

/**
 * Starts a new round with each expert's own ratings of the round before, when the study says so.
 * Each copied rating keeps its panelist: nobody ever starts from someone else's rating. The rationale
 * is not copied, because it answered the older feedback; the feedback panel shows it beside the cell.
 */
@Component
class RatingPrefill {

    private final RatingRepository ratings;
    private final RoundContexts contexts;
    private final AuditLog auditLog;
    private final Clock clock;

    RatingPrefill(RatingRepository ratings, RoundContexts contexts, AuditLog auditLog, Clock clock) {
        this.ratings = ratings;
        this.contexts = contexts;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    void prefill(Round round) {
        RoundContext context = contexts.of(round);
        if (!context.study().rules().prefillPrevious()) {
            return;
        }
        Round previous = contexts.previousRound(round).orElse(null);
        if (previous == null) {
            return;
        }
        Instant now = clock.instant();
        int copied = 0;
        for (Rating rating : ratings.byRound(previous.id())) {
            CellKey key = new CellKey(rating.targetId(), rating.criterionId());
            Criterion criterion = context.criterion(rating.criterionId()).orElse(null);
            if (criterion == null || context.settledBy(key).isPresent()
                    || !context.targetIds().contains(rating.targetId())) {
                continue;
            }
            var change = new RatingChange(round.id(), rating.targetId(), rating.criterionId(), rating.grade(),
                    rating.confidence(), null, rating.evidence(), null);
            ratings.insert(change, rating.panelistId(), criterion.scale().min(), criterion.scale().max(), now);
            copied++;
        }
        auditLog.record(AuditLog.SYSTEM_ACTOR, "round.prefilled", "round", round.id().toString(), null,
                copied + " ratings copied from round " + previous.number() + " to their own experts");
    }
}
