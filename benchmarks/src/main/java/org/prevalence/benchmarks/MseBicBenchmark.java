package org.prevalence.benchmarks;

import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.ModelScore;

/**
 * Question: how long does ranking all 6,212 hierarchical models of order at most 3 on the UK 2013
 * five-list table by BIC take (existence LP, rank check and IRLS for each; target under 200 ms on 2
 * cores; MultipleSystemsEstimation takes 16-38 s)? {@code threads} compares one thread with all
 * available processors (0).
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar MseBicBenchmark
 */
public class MseBicBenchmark extends BenchmarkDefaults {
    @Param({"0", "1"})
    public int threads;

    ListOverlapTable table;
    LogLinearMse estimator;

    @Setup(Level.Trial)
    public void setUp() {
        table = MseUk2013.fiveLists();
        estimator = LogLinearMse.withDefaults().withMaxOrder(3).withThreads(threads);
    }

    @Benchmark
    public List<ModelScore> rankByBic() {
        return estimator.rankModels(table);
    }
}
