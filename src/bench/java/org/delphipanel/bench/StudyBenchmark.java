package org.delphipanel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.delphipanel.stats.CellStatistics;
import org.delphipanel.stats.ConsensusRule;
import org.delphipanel.stats.GwetAc;
import org.delphipanel.stats.IntraclassCorrelation;
import org.delphipanel.stats.KendallW;
import org.delphipanel.stats.KrippendorffAlpha;
import org.delphipanel.stats.QuantileType;
import org.delphipanel.stats.RandUclaDisagreement;
import org.delphipanel.stats.RatingTable;
import org.delphipanel.stats.RoundConvergence;
import org.delphipanel.stats.ScoreAggregation;
import org.delphipanel.stats.ScoreBootstrap;
import org.delphipanel.stats.StoppingRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Everything the statistics core computes for a whole study of 40 experts x 12 targets x 7 criteria x 4
 * rounds (84 cells of 40 complete ratings per round): per round, every cell's statistics and consensus,
 * Krippendorff's alpha (ordinal and interval), the ICC, Kendall's W and Gwet's AC2; between rounds the
 * convergence and the stopping advice; and per round the weighted scores with a B = 10,000 bootstrap
 * (percentile and BCa intervals, rank probabilities). Target: under 1 s. {@code threads} is the
 * bootstrap's parallelism (its results do not depend on it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StudyBenchmark {

    static final int EXPERTS = 40;
    static final int TARGETS = 12;
    static final int ROUNDS = 4;
    static final int REPLICATES = 10_000;

    @Param({"1", "2"})
    public int threads;

    private BenchData.Study study;

    @Setup
    public void createStudy() {
        study = BenchData.study(EXPERTS, TARGETS, ROUNDS, 20_240_102L);
    }

    @Benchmark
    public void fullStudy(Blackhole sink) {
        ConsensusRule consensus = ConsensusRule.saferAiDefault();
        StoppingRule stopping = StoppingRule.parse(StoppingRule.DEFAULT_SPEC);
        RoundConvergence change = null;
        for (int r = 0; r < ROUNDS; r++) {
            RatingTable table = study.rounds().get(r);
            List<ConsensusRule.Evaluation> evaluations = new ArrayList<>(table.unitCount());
            for (int u = 0; u < table.unitCount(); u++) {
                CellStatistics cell = CellStatistics.of(table.unitValues(u), QuantileType.TYPE_7, BenchData.SCALE);
                sink.consume(cell.mean());
                sink.consume(cell.standardDeviation());
                sink.consume(cell.iqr());
                sink.consume(cell.mad());
                sink.consume(cell.shareWithinHalf());
                sink.consume(cell.shareWithinOne());
                sink.consume(cell.histogram());
                sink.consume(cell.rwg());
                sink.consume(RandUclaDisagreement.of(cell));
                evaluations.add(consensus.evaluate(cell));
            }
            sink.consume(KrippendorffAlpha.of(table, KrippendorffAlpha.Level.ORDINAL));
            sink.consume(KrippendorffAlpha.of(table, KrippendorffAlpha.Level.INTERVAL));
            sink.consume(IntraclassCorrelation.of(table));
            sink.consume(KendallW.of(table));
            sink.consume(GwetAc.of(table, BenchData.SCALE, GwetAc.Weights.QUADRATIC));
            if (r > 0) {
                change = RoundConvergence.between(study.rounds().get(r - 1), table);
            }
            sink.consume(stopping.evaluate(StoppingRule.Progress.of(r + 1, ROUNDS, evaluations, Optional.ofNullable(change))));
            ScoreBootstrap.Result scores = ScoreBootstrap.seeded(r).withReplicates(REPLICATES).withParallelism(threads)
                    .run(study.panels().get(r), ScoreAggregation.median());
            sink.consume(scores.rankProbabilities("overall"));
        }
    }
}
