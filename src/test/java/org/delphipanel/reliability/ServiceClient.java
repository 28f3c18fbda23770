package org.delphipanel.reliability;

import java.util.List;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingChange;
import org.delphipanel.rating.RatingService;
import org.delphipanel.study.RoundId;
import org.springframework.context.ApplicationContext;

/**
 * Saves through {@link RatingService} exactly as the rating view does on "save": the change with the
 * version the screen showed, then a read of the cell's new status to display it.
 */
public final class ServiceClient implements RatingLoad.Client {

    private final RatingService ratings;
    private final RoundId roundId;

    public ServiceClient(ApplicationContext context, LoadPanel panel) {
        this.ratings = context.getBean(RatingService.class);
        this.roundId = panel.roundId();
    }

    @Override
    public RatingLoad.Ack save(LoadPanel.Expert expert, LoadPanel.Cell cell, RatingLoad.Attempt attempt) {
        Rating saved = ratings.save(expert.userId(), new RatingChange(roundId, cell.targetId(), cell.criterionId(),
                attempt.grade(), attempt.confidence(), attempt.rationale(), List.of(), attempt.expectedVersion()));
        ratings.cell(expert.userId(), roundId, cell.targetId(), cell.criterionId());
        return new RatingLoad.Ack(saved.grade(), saved.version());
    }
}
