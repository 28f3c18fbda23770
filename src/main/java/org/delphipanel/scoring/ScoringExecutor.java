package org.delphipanel.scoring;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs the long computations (bootstraps) off the request thread, so a view stays responsive and shows
 * progress. Two threads: the machines have two cores, and the score bootstrap parallelises inside.
 * Kept private to this feature rather than a Spring {@code Executor} bean, which would replace Boot's
 * application task executor for everyone.
 */
@Component
class ScoringExecutor {

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "scoring-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    <T> CompletableFuture<T> submit(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
