package org.delphipanel.rating;

import java.security.SecureRandom;
import java.time.Clock;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.study.Round;
import org.springframework.stereotype.Component;

/** Computes and stores the snapshot of a round that has just closed, inside the closing transaction. */
@Component
class RoundSnapshotWriter {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final RoundSnapshotRepository repository;
    private final RatingRepository ratings;
    private final RoundContexts contexts;
    private final AuditLog auditLog;
    private final Clock clock;

    RoundSnapshotWriter(RoundSnapshotRepository repository, RatingRepository ratings, RoundContexts contexts,
            AuditLog auditLog, Clock clock) {
        this.repository = repository;
        this.ratings = ratings;
        this.contexts = contexts;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    RoundSnapshot write(Round round) {
        if (!round.isClosed()) {
            throw new IllegalStateException("round " + round.number() + " is " + round.state().name().toLowerCase()
                    + ": only a closed round gets a snapshot");
        }
        if (repository.find(round.id()).isPresent()) {
            throw new IllegalStateException("round " + round.number() + " already has its snapshot, which never changes");
        }
        RoundContext context = contexts.of(round);
        RoundSnapshot snapshot = SnapshotCalculator.compute(round.id().value(), round.number(), clock.instant(),
                context.study().rules(), context.targetIds(), context.criteria(), ratings.byRound(round.id()),
                context.previousSnapshot(), SEEDS.nextLong());
        repository.insert(snapshot);
        long consensus = snapshot.cells().stream().filter(CellSnapshot::consensus).count();
        auditLog.record(AuditLog.SYSTEM_ACTOR, "round.snapshot_stored", "round", round.id().toString(), null,
                "round " + round.number() + " of study " + context.study().id() + ": " + snapshot.cells().size()
                        + " cells, " + consensus + " with consensus");
        return snapshot;
    }
}
