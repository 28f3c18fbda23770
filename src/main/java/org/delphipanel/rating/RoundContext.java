package org.delphipanel.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.delphipanel.framework.Criterion;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.Target;
import org.delphipanel.study.TargetId;

/**
 * A round with what its rules need: the study, the rubric's criteria, the targets and the snapshot of
 * the round before (absent in round 1).
 */
record RoundContext(Round round, Study study, List<Criterion> criteria, List<Target> targets,
        Optional<RoundSnapshot> previousSnapshot) {

    RoundContext {
        criteria = List.copyOf(criteria);
        targets = List.copyOf(targets);
    }

    /** Every cell, targets in study order, criteria in rubric order. */
    List<CellKey> cells() {
        List<CellKey> cells = new ArrayList<>();
        for (Target target : targets) {
            for (Criterion criterion : criteria) {
                cells.add(new CellKey(target.id(), criterion.id()));
            }
        }
        return cells;
    }

    List<TargetId> targetIds() {
        return targets.stream().map(Target::id).toList();
    }

    Optional<CellSnapshot> settledBy(CellKey key) {
        return CellRules.settledBy(study.rules(), previousSnapshot, key);
    }

    Optional<CellSnapshot> previousCell(CellKey key) {
        return previousSnapshot.flatMap(snapshot -> snapshot.cell(key));
    }

    Optional<Criterion> criterion(long criterionId) {
        return criteria.stream().filter(c -> c.id() == criterionId).findFirst();
    }
}
