package org.delphipanel.rating;

import java.util.Objects;
import org.delphipanel.study.TargetId;

/**
 * One cell of a round: a target on a criterion.
 *
 * @param criterionId the framework node id of the (leaf) criterion
 */
public record CellKey(TargetId targetId, long criterionId) {

    public CellKey {
        Objects.requireNonNull(targetId, "target");
        if (criterionId <= 0) {
            throw new IllegalArgumentException("criterion id must be positive, was " + criterionId);
        }
    }
}
