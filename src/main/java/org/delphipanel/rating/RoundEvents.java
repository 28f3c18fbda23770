package org.delphipanel.rating;

import org.delphipanel.study.RoundClosed;
import org.delphipanel.study.RoundOpened;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to the study's round lifecycle inside its transaction: a closing round gets its snapshot,
 * an opening round its prefilled ratings; if either fails, the close or open rolls back with it.
 */
@Component
class RoundEvents {

    private final RoundSnapshotWriter snapshots;
    private final RatingPrefill prefill;

    RoundEvents(RoundSnapshotWriter snapshots, RatingPrefill prefill) {
        this.snapshots = snapshots;
        this.prefill = prefill;
    }

    @EventListener
    public void roundClosed(RoundClosed event) {
        snapshots.write(event.round());
    }

    @EventListener
    public void roundOpened(RoundOpened event) {
        prefill.prefill(event.round());
    }
}
