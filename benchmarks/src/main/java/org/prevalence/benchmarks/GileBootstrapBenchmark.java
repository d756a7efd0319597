package org.prevalence.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.network.rds.GileBootstrap;
import org.prevalence.network.rds.RdsBootstrap;
import org.prevalence.network.rds.RdsSample;

/**
 * Question: how long does Gile's SS bootstrap with 1,000 replicates take on {@code fauxmadrona} (500
 * respondents, N = 1000), point estimate (6 rounds of 500 simulated successive samples) included?
 * R's {@code RDS::RDS.bootstrap.intervals(fauxmadrona, "disease", weight.type = "Gile's SS",
 * uncertainty = "Gile", N = 1000, number.of.bootstrap.samples = 1000, to.factor = TRUE)} (C routine
 * {@code bsC}) took 0.616 s elapsed, the mean of 5 calls (RDS 0.9-10, R 4.2.2; rds_gile.R and
 * rds-gile-expected.csv in the estimators' test resources). Target: at least 100x faster on 2 threads.
 *
 * <p>Measured (2026-12-04, {@code -f 1 -wi 3 -i 5}, load 1.5-2.2): 57.2 +- 16.1 ms on 1 thread, 71.3 +- 59.3 ms
 * on 2 (about 10x R, not 100x); before the integer-mass draws the same code took 98 ms CPU against 56 ms now
 * (1 thread, load 24, identical results).
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar GileBootstrapBenchmark
 */
public class GileBootstrapBenchmark extends BenchmarkDefaults {
    @Param({"1", "2"})
    public int threads;

    RdsSample sample;
    double[] disease;
    GileBootstrap bootstrap;

    @Setup(Level.Trial)
    public void setUp() {
        Fauxmadrona d = Fauxmadrona.load();
        sample = d.sample;
        disease = d.disease;
        bootstrap = GileBootstrap.withDefaults().withPopulationSize(1000).withReplicates(1000).withSeed(1234)
                .withThreads(threads);
    }

    @Benchmark
    public RdsBootstrap.Result gile1000() {
        return bootstrap.estimate(sample, disease);
    }
}
