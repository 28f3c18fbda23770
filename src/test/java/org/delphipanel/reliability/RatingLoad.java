package org.delphipanel.reliability;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.delphipanel.rating.Confidence;
import org.jspecify.annotations.Nullable;

/**
 * Many experts rating at once: one thread per expert, each saving grades of its own cells of the
 * open round one after another, with a think time between saves, as a person at the rating view
 * would. Each expert keeps the version of every cell it last saved and sends it with the next change
 * of that cell (optimistic locking, as the view does), so a correct server never reports a conflict.
 * The run is bounded by a number of saves per expert and by a time limit; it records the latency of
 * every save, every error, and per cell the last acknowledged value and any save whose outcome is
 * unknown (it failed without a clear answer), for {@link LoadReport#problems} to check against the
 * database.
 */
public final class RatingLoad {

    /**
     * How hard and how long to push.
     *
     * @param savesPerExpert saves each expert makes (fewer if the time limit comes first)
     * @param thinkTimeMin shortest pause between two saves of an expert; zero for a saturation run
     * @param thinkTimeMax longest pause; each pause is uniform between the two
     * @param timeLimit no save starts after this much time has passed
     * @param seed for the choice of cells, grades and pauses
     */
    public record Settings(int savesPerExpert, Duration thinkTimeMin, Duration thinkTimeMax, Duration timeLimit,
            long seed) {

        public Settings {
            if (savesPerExpert < 1 || thinkTimeMin.isNegative() || thinkTimeMax.compareTo(thinkTimeMin) < 0
                    || timeLimit.isNegative() || timeLimit.isZero()) {
                throw new IllegalArgumentException("invalid load settings " + this);
            }
        }
    }

    /** One save as the client sends it. */
    public record Attempt(BigDecimal grade, Confidence confidence, @Nullable String rationale,
            @Nullable Integer expectedVersion) {
    }

    /** What the server acknowledged: the stored grade and its new version. */
    public record Ack(BigDecimal grade, int version) {
    }

    /** Sends one save through some path (the service, the HTTP API) and returns its acknowledgement, or throws. */
    @FunctionalInterface
    public interface Client {
        Ack save(LoadPanel.Expert expert, LoadPanel.Cell cell, Attempt attempt) throws Exception;
    }

    private RatingLoad() {
    }

    /** Runs the load until every expert made its saves or the time limit passed. */
    public static LoadReport run(LoadPanel panel, Settings settings, Client client) throws InterruptedException {
        return run(panel, settings, client, () -> true);
    }

    /**
     * Runs the load; {@code keepGoing} is asked before every save, so a caller can stop the experts
     * early (the kill test stops them once the server is gone).
     */
    public static LoadReport run(LoadPanel panel, Settings settings, Client client, BooleanSupplier keepGoing)
            throws InterruptedException {
        int experts = panel.experts().size();
        var start = new CountDownLatch(1);
        var done = new CountDownLatch(experts);
        var latencies = new ConcurrentLinkedQueue<Long>();
        var errors = new ConcurrentLinkedQueue<String>();
        var outcomes = new ConcurrentLinkedQueue<LoadReport.CellOutcome>();
        long[] startedAt = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int e = 0; e < experts; e++) {
            LoadPanel.Expert expert = panel.experts().get(e);
            var random = new SplittableRandom(settings.seed() * 1_000_003L + e);
            Thread thread = Thread.ofPlatform().name("expert-" + e).daemon().unstarted(() -> {
                try {
                    start.await();
                    rate(panel, settings, client, keepGoing, expert, random, startedAt[0], latencies, errors, outcomes);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            thread.start();
            threads.add(thread);
        }
        startedAt[0] = System.nanoTime();
        start.countDown();
        boolean finished = done.await(settings.timeLimit().toMillis() + 60_000, TimeUnit.MILLISECONDS);
        long elapsed = System.nanoTime() - startedAt[0];
        if (!finished) {
            threads.forEach(Thread::interrupt);
            errors.add("the run did not end within a minute after its time limit; " + done.getCount()
                    + " experts were still saving");
        }
        return new LoadReport(experts, Duration.ofNanos(elapsed), latencies.stream().mapToLong(Long::longValue).toArray(),
                List.copyOf(errors), List.copyOf(outcomes));
    }

    private static void rate(LoadPanel panel, Settings settings, Client client, BooleanSupplier keepGoing,
            LoadPanel.Expert expert, SplittableRandom random, long startedAt, ConcurrentLinkedQueue<Long> latencies,
            ConcurrentLinkedQueue<String> errors, ConcurrentLinkedQueue<LoadReport.CellOutcome> outcomes)
            throws InterruptedException {
        long deadline = startedAt + settings.timeLimit().toNanos();
        Map<LoadPanel.Cell, Ack> acked = new HashMap<>();
        Map<LoadPanel.Cell, Attempt> unknown = new HashMap<>();
        // a first pause spreads the experts' starts over one think time, as people do not click in step
        pause(settings, random, random.nextDouble());
        for (int s = 0; s < settings.savesPerExpert() && System.nanoTime() < deadline && keepGoing.getAsBoolean(); s++) {
            LoadPanel.Cell cell = panel.cells().get(random.nextInt(panel.cells().size()));
            if (unknown.containsKey(cell)) {
                continue; // after an unanswered save the expert's screen no longer knows the cell's version
            }
            Ack previous = acked.get(cell);
            var attempt = new Attempt(cell.grade(random.nextDouble()), Confidence.values()[random.nextInt(3)],
                    random.nextInt(4) == 0 ? null : "Load rationale " + s + " of " + expert.email(),
                    previous == null ? null : previous.version());
            long before = System.nanoTime();
            try {
                Ack ack = client.save(expert, cell, attempt);
                latencies.add(System.nanoTime() - before);
                acked.put(cell, ack);
            } catch (InterruptedException interrupted) {
                unknown.put(cell, attempt);
                throw interrupted;
            } catch (Exception e) {
                latencies.add(System.nanoTime() - before);
                errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                unknown.put(cell, attempt);
            }
            pause(settings, random, 1.0);
        }
        for (var cell : union(acked, unknown)) {
            outcomes.add(new LoadReport.CellOutcome(expert, cell, acked.get(cell), unknown.get(cell)));
        }
    }

    private static List<LoadPanel.Cell> union(Map<LoadPanel.Cell, Ack> acked, Map<LoadPanel.Cell, Attempt> unknown) {
        var cells = new java.util.LinkedHashSet<>(acked.keySet());
        cells.addAll(unknown.keySet());
        return List.copyOf(cells);
    }

    private static void pause(Settings settings, SplittableRandom random, double share) throws InterruptedException {
        long min = settings.thinkTimeMin().toMillis();
        long max = settings.thinkTimeMax().toMillis();
        long millis = Math.round(share * (min + (max - min) * random.nextDouble()));
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
