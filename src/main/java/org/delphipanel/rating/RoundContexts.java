package org.delphipanel.rating;

import java.util.Optional;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.study.Round;
import org.delphipanel.study.RoundId;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyService;
import org.springframework.stereotype.Component;

/** Loads a {@link RoundContext}. */
@Component
class RoundContexts {

    private final StudyService studies;
    private final FrameworkService frameworks;
    private final RoundSnapshotRepository snapshots;

    RoundContexts(StudyService studies, FrameworkService frameworks, RoundSnapshotRepository snapshots) {
        this.studies = studies;
        this.frameworks = frameworks;
        this.snapshots = snapshots;
    }

    RoundContext of(RoundId roundId) {
        return of(studies.round(roundId));
    }

    RoundContext of(Round round) {
        Study study = studies.study(round.studyId());
        var criteria = frameworks.find(study.frameworkId())
                .orElseThrow(() -> new IllegalStateException("the rubric of study " + study.name() + " is missing"))
                .criteria();
        return new RoundContext(round, study, criteria, studies.targets(study.id()), previousSnapshot(round));
    }

    /** The snapshot of the round numbered one below {@code round}, if that round closed with one. */
    Optional<RoundSnapshot> previousSnapshot(Round round) {
        return previousRound(round).flatMap(previous -> snapshots.find(previous.id()));
    }

    Optional<Round> previousRound(Round round) {
        return studies.rounds(round.studyId()).stream()
                .filter(r -> r.number() == round.number() - 1)
                .findFirst();
    }

    static String criterionLabel(Criterion criterion) {
        return criterion.code() + " " + criterion.name();
    }
}
