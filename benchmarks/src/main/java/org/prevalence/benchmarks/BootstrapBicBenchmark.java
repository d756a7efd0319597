package org.prevalence.benchmarks;

import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.BicBootstrap;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.ModelScore;
import org.prevalence.mse.ModelSelection;

/**
 * Question: how long does the Silverman-Chan-Vincent (2024) BIC bootstrap take on the UK 2013 five-list
 * table with the top 100 models (1,000 replicates, jackknife, nested BCa for ntop = 1..100) on 2 threads?
 * Target under 1 s (R's {@code estimate_population_bic}: 176 s). {@code fullProcedure} includes ranking
 * the 6,212 hierarchical models on the data; {@code givenRanking} starts from that ranking.
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar BootstrapBicBenchmark
 */
public class BootstrapBicBenchmark extends BenchmarkDefaults {
    @Param({"2"})
    public int threads;

    ListOverlapTable data;
    BicBootstrap bootstrap;
    List<ModelScore> ranking;

    @Setup(Level.Trial)
    public void setUp() {
        data = BootstrapTables.of("uk5");
        bootstrap = BicBootstrap.withDefaults().withReplicates(1000).withSeed(Bootstrap.DEFAULT_SEED).withNtop(100).withThreads(threads);
        ranking = LogLinearMse.withDefaults().with(ModelSelection.BIC).rankModels(data);
    }

    @Benchmark
    public BicBootstrap.Result fullProcedure() {
        return bootstrap.estimate(data);
    }

    @Benchmark
    public BicBootstrap.Result givenRanking() {
        return bootstrap.estimate(data, ranking);
    }
}
