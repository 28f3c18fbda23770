package org.delphipanel.scoring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.FrameworkDefinition;
import org.delphipanel.rating.Rating;
import org.delphipanel.study.Panelist;
import org.delphipanel.study.PanelistId;
import org.delphipanel.study.Round;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.Target;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The study's final weighted scores. A facilitator computes them from the latest closed round: its
 * ratings are frozen into a snapshot, the bootstrap runs with a fresh seed on a background thread,
 * and snapshot, seed and figures are stored together, so the page shows the same numbers on every
 * reload. Publishing makes the latest snapshot visible to the study's experts.
 */
@Service
public class ResultsService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScoringAccess access;
    private final ResultsRepository repository;
    private final ScoringExecutor executor;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private volatile int replicates = org.delphipanel.stats.ScoreBootstrap.DEFAULT_REPLICATES;

    ResultsService(ScoringAccess access, ResultsRepository repository, ScoringExecutor executor, AuditLog auditLog,
            PlatformTransactionManager transactions, Clock clock) {
        this.access = access;
        this.repository = repository;
        this.executor = executor;
        this.auditLog = auditLog;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * The results the signed-in person may see: for facilitators and administrators the latest computed
     * (published or not); for the study's experts the latest published, and a refusal before that.
     * Empty when none were computed (facilitators) yet.
     */
    public Optional<StudyResults> results(StudyId studyId) {
        Viewer viewer = access.viewer(studyId, "see the results of this study");
        if (viewer.facilitates()) {
            return repository.latest(studyId.value()).map(this::toResults);
        }
        return Optional.of(repository.latestPublished(studyId.value()).map(this::toResults)
                .orElseThrow(() -> new AccessDeniedException("The results of this study are not published yet.")));
    }

    /** Whether the signed-in person may compute and publish results of the study. */
    public boolean mayManage(StudyId studyId) {
        return access.viewer(studyId, "see the results of this study").facilitates();
    }

    /** The round results would be computed from now: the latest closed round. */
    public Optional<Round> finalRound(StudyId studyId) {
        access.facilitator(studyId, "compute results");
        return access.load(studyId).latestClosedRound();
    }

    /** Computes, stores and returns new results on the calling thread (for tests and the command line). */
    public StudyResults compute(StudyId studyId) {
        try {
            return computeAsync(studyId).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Freezes the latest closed round's ratings on the calling thread (which carries the signed-in
     * facilitator), then bootstraps and stores on the background executor.
     */
    public CompletableFuture<StudyResults> computeAsync(StudyId studyId) {
        Viewer viewer = access.facilitator(studyId, "compute results");
        StudyData data = access.load(studyId);
        Round round = data.latestClosedRound().orElseThrow(() -> new IllegalStateException(
                "no round of study " + data.study().name() + " has closed yet: results need a closed round"));
        RatingsSnapshot snapshot = snapshot(data, finalRatings(viewer, data));
        FrameworkDefinition rubric = data.framework().definition();
        long seed = ThreadLocalRandom.current().nextLong();
        int b = replicates;
        String actor = viewer.user().email();
        return executor.submit(() -> {
            StudyResults.Content content = ResultsCalculator.compute(rubric, snapshot, seed, b);
            long id = transaction.execute(status -> {
                long stored = repository.insert(studyId.value(), round.id().value(), clock.instant(), actor, seed, b,
                        JSON.writeValueAsString(snapshot), JSON.writeValueAsString(content));
                auditLog.record(actor, "results.computed", "study", String.valueOf(studyId.value()), null,
                        "{\"snapshot\":" + stored + ",\"round\":" + round.number() + ",\"seed\":" + seed
                                + ",\"replicates\":" + b + "}");
                return stored;
            });
            return toResults(repository.find(id).orElseThrow());
        });
    }

    /** Publishes the latest computed results to the study's experts; audit-logged. */
    public StudyResults publish(StudyId studyId) {
        Viewer viewer = access.facilitator(studyId, "publish results");
        return transaction.execute(status -> {
            ResultsRepository.Stored latest = repository.latest(studyId.value())
                    .orElseThrow(() -> new IllegalStateException("there are no computed results to publish yet"));
            if (latest.publishedAt() == null) {
                repository.markPublished(latest.id(), clock.instant(), viewer.user().email());
                auditLog.record(viewer.user().email(), "results.published", "study", String.valueOf(studyId.value()),
                        "{\"snapshot\":" + latest.id() + ",\"published\":false}",
                        "{\"snapshot\":" + latest.id() + ",\"published\":true}");
            }
            return toResults(repository.find(latest.id()).orElseThrow());
        });
    }

    /** For tests: a smaller B keeps them quick; the default is {@link org.delphipanel.stats.ScoreBootstrap#DEFAULT_REPLICATES}. */
    void setReplicates(int replicates) {
        this.replicates = replicates;
    }

    /** The frozen ratings behind stored results; package-visible so tests can recompute them. */
    Optional<RatingsSnapshot> storedSnapshot(long snapshotId) {
        return repository.find(snapshotId).map(s -> JSON.readValue(s.ratings(), RatingsSnapshot.class));
    }

    /**
     * Each cell's ratings from the latest closed round that rated it. In a study that does not carry
     * consensus cells forward, a cell settled in an earlier round is not rated again, and its final
     * ratings are the ones it settled with.
     */
    private List<Rating> finalRatings(Viewer viewer, StudyData data) {
        List<Round> newestFirst = new ArrayList<>(data.closedRounds());
        newestFirst.sort(Comparator.comparingInt(Round::number).reversed());
        Set<String> cellsTaken = new HashSet<>();
        List<Rating> result = new ArrayList<>();
        for (Round round : newestFirst) {
            Map<String, List<Rating>> byCell = new LinkedHashMap<>();
            for (Rating rating : access.ratings(viewer, round.id())) {
                byCell.computeIfAbsent(rating.targetId().value() + "/" + rating.criterionId(), key -> new ArrayList<>())
                        .add(rating);
            }
            byCell.forEach((cell, ratings) -> {
                if (cellsTaken.add(cell)) {
                    result.addAll(ratings);
                }
            });
        }
        return result;
    }

    private static RatingsSnapshot snapshot(StudyData data, List<Rating> ratings) {
        Map<PanelistId, Panelist> experts = data.expertsById();
        List<RatingsSnapshot.Entry> entries = new ArrayList<>();
        for (Rating rating : ratings) {
            Panelist expert = experts.get(rating.panelistId());
            Optional<Criterion> criterion = data.criterion(rating.criterionId());
            Optional<Target> target = data.target(rating.targetId());
            if (expert == null || criterion.isEmpty() || target.isEmpty()) {
                continue;
            }
            entries.add(new RatingsSnapshot.Entry(target.get().name(), criterion.get().code(), expert.pseudonym(),
                    rating.grade().doubleValue(), rating.confidence() == null ? null : rating.confidence().name()));
        }
        return new RatingsSnapshot(
                data.targets().stream().map(t -> new RatingsSnapshot.TargetRef(t.id().value(), t.name())).toList(),
                data.experts().stream().map(Panelist::pseudonym).toList(), entries);
    }

    private StudyResults toResults(ResultsRepository.Stored stored) {
        StudyResults.Content content = JSON.readValue(stored.content(), StudyResults.Content.class);
        int roundNumber = access.round(new org.delphipanel.study.RoundId(stored.roundId())).number();
        return new StudyResults(stored.id(), stored.studyId(), stored.roundId(), roundNumber, roundNumber,
                stored.computedAt(), stored.computedBy(), stored.seed(), stored.replicates(), stored.publishedAt(),
                stored.publishedBy(), content);
    }
}
