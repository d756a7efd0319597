package org.prevalence.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.network.rds.RdsBootstrap;
import org.prevalence.network.rds.RdsEstimator;
import org.prevalence.network.rds.RdsMethod;
import org.prevalence.network.rds.RdsSample;

/**
 * Question: how long does Salganik's RDS bootstrap with 1,000 replicates take on {@code fauxmadrona}
 * (500 respondents, RDS-II and RDS-I)? R's {@code RDS::RDS.bootstrap.intervals(fauxmadrona, "disease",
 * weight.type = "RDS-II", uncertainty = "Salganik", number.of.bootstrap.samples = 1000)} took 26.4 s
 * elapsed (13.5 s user) on this 2-core machine (RDS 0.9-10, R 4.2.2; rds_boot.R in the estimators' test
 * resources), and 41.8 s elapsed (15.3 s user) in a second run. Target: at least 100x faster on 2 threads.
 *
 * <p>Measured (2026-12-03, the same shared machine, {@code -f 1 -wi 2 -i 3}, wide error bars from the other
 * jobs): RDS-II 72.6 ms on 1 thread, 41.6 ms on 2 (634x R's 26.4 s); RDS-I 70.0 ms and 68.1 ms.
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar RdsBootstrapBenchmark
 */
public class RdsBootstrapBenchmark extends BenchmarkDefaults {
    @Param({"1", "2"})
    public int threads;

    @Param({"RDS_II", "RDS_I"})
    public String method;

    RdsSample sample;
    double[] disease;
    RdsBootstrap bootstrap;

    @Setup(Level.Trial)
    public void setUp() {
        Fauxmadrona d = Fauxmadrona.load();
        sample = d.sample;
        disease = d.disease;
        bootstrap = RdsBootstrap.withDefaults().with(RdsEstimator.withDefaults().with(RdsMethod.valueOf(method)))
                .withReplicates(1000).withSeed(1234).withThreads(threads);
    }

    @Benchmark
    public RdsBootstrap.Result salganik1000() {
        return bootstrap.estimate(sample, disease);
    }
}
