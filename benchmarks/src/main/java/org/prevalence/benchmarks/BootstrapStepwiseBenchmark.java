package org.prevalence.benchmarks;

import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.ModelSelection;
import org.prevalence.mse.MseBootstrap;

/**
 * Question: how long does SparseMSE's full stepwise bootstrap take ({@code estimatepopulation}: 1,000
 * multinomial replicates with stepwise re-selection in each, the count-weighted jackknife and BCa) on
 * 2 threads? Targets: UK 5 lists under 0.5 s (R 148 s), UK 6 lists under 1 s (R 354 s); US Western site
 * (R 80 s). Baseline {@code oneStepwiseFit}: one stepwise selection on the table (the bootstrap's statistic;
 * a bootstrap makes about 1,000 + 20 of them).
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar BootstrapStepwiseBenchmark
 */
public class BootstrapStepwiseBenchmark extends BenchmarkDefaults {
    @Param({"uk5", "uk6", "western"})
    public String table;

    @Param({"2"})
    public int threads;

    ListOverlapTable data;
    MseBootstrap bootstrap;
    LogLinearMse stepwise;
    List<String> names;
    long[] counts;

    @Setup(Level.Trial)
    public void setUp() {
        data = BootstrapTables.of(table);
        bootstrap = MseBootstrap.withDefaults().withReplicates(1000).withSeed(Bootstrap.DEFAULT_SEED).withThreads(threads);
        stepwise = LogLinearMse.withDefaults().with(ModelSelection.STEPWISE);
        names = data.listNames();
        counts = data.countsByMask();
    }

    @Benchmark
    public double oneStepwiseFit() {
        return stepwise.stepwiseEstimate(names, counts);
    }

    @Benchmark
    public MseBootstrap.Result thousandReplicatesBca() {
        return bootstrap.estimate(data);
    }
}
