package org.prevalence.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.LogLinearMse;

/**
 * Question: how long does SparseMSE's stepwise selection take on the UK 2013 five-list table (target
 * under 1 ms; R's {@code stepwisefit} takes about 0.14 s)? {@code estimate} includes the final QR refit
 * and the log-normal interval; {@code estimateFromCounts} is the bootstrap's entry point (counts in,
 * estimate out).
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar MseStepwiseBenchmark
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MseStepwiseBenchmark extends BenchmarkDefaults {
    ListOverlapTable table;
    List<String> names;
    long[] counts;
    LogLinearMse estimator;

    @Setup(Level.Trial)
    public void setUp() {
        table = MseUk2013.fiveLists();
        names = table.listNames();
        counts = table.countsByMask();
        estimator = LogLinearMse.withDefaults();
    }

    @Benchmark
    public LogLinearMse.Result estimate() {
        return estimator.stepwise(table);
    }

    @Benchmark
    public double estimateFromCounts() {
        return estimator.stepwiseEstimate(names, counts);
    }
}
