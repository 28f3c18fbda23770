package org.delphipanel.study;

import java.util.Map;

/**
 * How far each expert is with a round's work, counted as the rating feature counts it: cells settled
 * in an earlier round are not asked for, and a rating that still needs a rationale is not done yet.
 * The rating feature implements it, so that the study feature can show progress without depending on
 * the rating feature.
 */
public interface RoundWorkload {

    /** Per expert panelist: cells done and cells asked for in the round. */
    Map<PanelistId, Work> of(Round round);

    /** Cells done and cells asked for. */
    record Work(int done, int asked) {
        public Work {
            if (done < 0 || asked < 0 || done > asked) {
                throw new IllegalArgumentException("work done " + done + " of " + asked + " is not possible");
            }
        }
    }
}
