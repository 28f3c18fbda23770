package org.delphipanel.rating;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.delphipanel.study.Panelist;
import org.delphipanel.study.PanelistId;
import org.delphipanel.study.Round;
import org.delphipanel.study.RoundWorkload;
import org.delphipanel.study.StudyService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts each expert's work in a round with the same cell statuses the expert sees: settled cells are
 * not asked for, a rating that still needs a rationale is not done. Callers (the study feature) check
 * who may see these counts; nothing here reveals a grade.
 */
@Component
class RatingWorkload implements RoundWorkload {

    private final RoundContexts contexts;
    private final RatingRepository repository;
    private final StudyService studies;

    RatingWorkload(RoundContexts contexts, RatingRepository repository, StudyService studies) {
        this.contexts = contexts;
        this.repository = repository;
        this.studies = studies;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<PanelistId, Work> of(Round round) {
        RoundContext context = contexts.of(round);
        Map<PanelistId, Map<CellKey, Rating>> byExpert = repository.byRound(round.id()).stream()
                .collect(Collectors.groupingBy(Rating::panelistId,
                        Collectors.toMap(r -> new CellKey(r.targetId(), r.criterionId()), Function.identity())));
        Map<PanelistId, Work> work = new LinkedHashMap<>();
        for (Panelist expert : studies.experts(round.studyId())) {
            Map<CellKey, Rating> own = byExpert.getOrDefault(expert.id(), Map.of());
            List<CellState> cells = context.cells().stream()
                    .map(key -> RatingService.state(context, key, own.get(key)))
                    .toList();
            var progress = new RoundProgress(round.id(), round.number(), round.isOpen(), round.closesAt(), null, cells);
            work.put(expert.id(), new Work(progress.rated(), progress.total()));
        }
        return work;
    }
}
