package org.delphipanel.bench;

import java.util.concurrent.TimeUnit;
import org.delphipanel.stats.PanelRatings;
import org.delphipanel.stats.ScoreAggregation;
import org.delphipanel.stats.ScoreBootstrap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One score bootstrap (B = 10,000) of one round of 40 experts x 12 targets x 7 criteria, for the
 * allocation per operation under {@code -prof gc}: the replicates must not copy the panel (40 x 84
 * ratings), so allocation should be about the B x 120 replicate scores the result keeps, not B panels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ScoreBootstrapBenchmark {

    @Param({"median", "mean"})
    public String aggregate;

    @Param({"1", "2"})
    public int threads;

    private PanelRatings panel;
    private ScoreAggregation aggregation;

    @Setup
    public void createPanel() {
        panel = BenchData.study(40, 12, 1, 20_240_103L).panels().get(0);
        aggregation = ScoreAggregation.parse(aggregate);
    }

    @Benchmark
    public ScoreBootstrap.Result bootstrap() {
        return ScoreBootstrap.seeded(42).withReplicates(10_000).withParallelism(threads).run(panel, aggregation);
    }
}
