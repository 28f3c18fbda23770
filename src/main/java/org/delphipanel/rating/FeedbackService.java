package org.delphipanel.rating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.delphipanel.study.Panelist;
import org.delphipanel.study.Round;
import org.delphipanel.study.RoundId;
import org.delphipanel.study.StudyService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feedback shown with a round from round 2 on. The panel's part comes only from the stored
 * snapshot of the closed previous round, so nothing of the round being rated, and nothing that was
 * not fed back exactly so, can reach an expert through here; the viewer's own earlier rating is the
 * only per-person data, and it is their own.
 */
@Service
@Transactional(readOnly = true)
public class FeedbackService {

    private final RoundContexts contexts;
    private final StudyService studies;
    private final RatingRepository ratings;

    FeedbackService(RoundContexts contexts, StudyService studies, RatingRepository ratings) {
        this.contexts = contexts;
        this.studies = studies;
        this.ratings = ratings;
    }

    /** Feedback on every cell of {@code roundId}, in overview order; empty in round 1. */
    public List<CellFeedback> feedback(long userId, RoundId roundId) {
        RoundContext context = contexts.of(roundId);
        Panelist panelist = requirePanelist(context, userId);
        if (!previousRoundClosed(context)) {
            return List.of();
        }
        RoundSnapshot snapshot = context.previousSnapshot().orElseThrow();
        Map<Integer, Map<CellKey, Rating>> own = new HashMap<>();
        List<CellFeedback> feedback = new ArrayList<>();
        for (CellKey key : context.cells()) {
            snapshot.cell(key).ifPresent(cell -> feedback.add(feedback(context, panelist, key, cell, own)));
        }
        return feedback;
    }

    /** Feedback on one cell of {@code roundId}; empty in round 1. */
    public Optional<CellFeedback> feedback(long userId, RoundId roundId, CellKey cell) {
        RoundContext context = contexts.of(roundId);
        Panelist panelist = requirePanelist(context, userId);
        if (!previousRoundClosed(context)) {
            return Optional.empty();
        }
        return context.previousCell(cell).map(snapshot -> feedback(context, panelist, cell, snapshot, new HashMap<>()));
    }

    private CellFeedback feedback(RoundContext context, Panelist panelist, CellKey key, CellSnapshot cell,
            Map<Integer, Map<CellKey, Rating>> ownByRound) {
        Rating own = panelist.isExpert()
                ? ownByRound.computeIfAbsent(cell.ratedInRound(), number -> ownRatings(context, panelist, number)).get(key)
                : null;
        return new CellFeedback(key, cell, own == null ? null : own.grade(), own == null ? null : own.confidence(),
                own == null ? null : own.rationale(), context.settledBy(key).isPresent());
    }

    /** The panelist's own ratings of a closed round of the study, by cell. */
    private Map<CellKey, Rating> ownRatings(RoundContext context, Panelist panelist, int roundNumber) {
        @Nullable Round round = studies.rounds(context.study().id()).stream()
                .filter(r -> r.number() == roundNumber && r.isClosed())
                .findFirst().orElse(null);
        if (round == null) {
            return Map.of();
        }
        return ratings.byPanelist(round.id(), panelist.id()).stream()
                .collect(Collectors.toMap(r -> new CellKey(r.targetId(), r.criterionId()), Function.identity()));
    }

    private static boolean previousRoundClosed(RoundContext context) {
        // a snapshot is written only when a round closes, so its presence is the proof
        return context.round().number() >= 2 && context.previousSnapshot().isPresent();
    }

    private Panelist requirePanelist(RoundContext context, long userId) {
        return studies.panelist(context.study().id(), userId)
                .orElseThrow(() -> new AccessDeniedException("you are not on the panel of study " + context.study().name()));
    }
}
