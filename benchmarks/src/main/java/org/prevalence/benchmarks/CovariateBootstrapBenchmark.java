package org.prevalence.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.prevalence.mse.covariate.CovariateBootstrap;
import org.prevalence.mse.covariate.CovariateFit;
import org.prevalence.mse.covariate.CovariateMse;

/**
 * Question: how long do 1,000 replicates of {@code mse::boot_mse}'s parametric bootstrap take for the BIC model
 * of a {@code simdat}-shaped search (1536 cells, 1440 in the likelihood, about 1000 cases)? R 4.2.2 with mse
 * 1.0: {@code boot_mse(model_search(simdat, lists = 1:4), rep = 1000, seed = 1)} took 144 s elapsed, one core,
 * other jobs running (estimators test resources {@code org/prevalence/mse/covariate/timing.txt}). Target:
 * 100x R, about 1.4 s. The table is {@link CovariateSearchBenchmark}'s simulated one (simdat itself is GPL
 * package data kept in the tests only); the model is the search's selected one. Measured (2026-12-03 18:57 UTC,
 * 2 threads, {@code -f 1 -wi 1 -i 2}, load average 8.6 on 2 cores): 1.315 s/op, about 110x R.
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar CovariateBootstrapBenchmark -f 1 -wi 1 -i 2
 */
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 2, time = 1)
public class CovariateBootstrapBenchmark extends BenchmarkDefaults {
    @Param({"2"})
    public int threads;

    CovariateFit fit;
    CovariateBootstrap bootstrap;

    @Setup(Level.Trial)
    public void setUp() {
        CovariateSearchBenchmark s = new CovariateSearchBenchmark();
        s.threads = threads;
        s.setUp();
        fit = CovariateMse.withDefaults().withThreads(threads).search(s.table).getSelected();
        bootstrap = CovariateBootstrap.withDefaults().withReplicates(1000).withSeed(1).withThreads(threads);
    }

    @Benchmark
    public CovariateBootstrap.Result replicates1000() {
        return bootstrap.estimate(fit, 0);
    }
}
