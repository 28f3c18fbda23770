package org.delphipanel.export;

import java.util.List;

import org.delphipanel.framework.Framework;
import org.delphipanel.rating.RatingService;
import org.delphipanel.scoring.StudyResults;
import org.delphipanel.study.Panelist;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.Target;
import org.jspecify.annotations.Nullable;

/**
 * What the signed-in person may export of a study, for documents built on the exports (the study
 * report): the same rules as every export decide which closed rounds and which results are in.
 *
 * @param provenance the provenance every document must carry; {@code roundsIncluded} names {@code closedRounds}
 * @param experts the study's experts (pseudonyms only)
 * @param rounds every round of the study with its dates and state, in order (ratings only of {@code closedRounds})
 * @param closedRounds the closed rounds the person may export, with their ratings and snapshots, in order
 * @param results the results the person may see (for experts the published ones), or null when none were computed
 * @param facilitates whether the person is a facilitator of the study or an administrator
 */
public record ExportedStudy(Provenance provenance, Study study, Framework framework, List<Target> targets,
        List<Panelist> experts, List<Round> rounds, List<RatingService.ClosedRound> closedRounds,
        @Nullable StudyResults results, boolean facilitates) {

    public ExportedStudy {
        targets = List.copyOf(targets);
        experts = List.copyOf(experts);
        rounds = List.copyOf(rounds);
        closedRounds = List.copyOf(closedRounds);
    }
}
