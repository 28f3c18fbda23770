package org.delphipanel.bench;

import java.util.concurrent.TimeUnit;
import org.delphipanel.stats.KrippendorffAlpha;
import org.delphipanel.stats.Outcome;
import org.delphipanel.stats.RatingTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Krippendorff's alpha on 2,000 units x 40 raters, 0-5 step 0.1, 20% missing. Target: under 5 ms. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class KrippendorffAlphaBenchmark {

    private RatingTable table;

    @Setup
    public void createTable() {
        table = BenchData.table(2_000, 40, 0.2, 20_240_101L);
    }

    @Benchmark
    public Outcome<KrippendorffAlpha.Result> interval() {
        return KrippendorffAlpha.of(table, KrippendorffAlpha.Level.INTERVAL);
    }

    @Benchmark
    public Outcome<KrippendorffAlpha.Result> ordinal() {
        return KrippendorffAlpha.of(table, KrippendorffAlpha.Level.ORDINAL);
    }
}
