package org.prevalence.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.bayes.BayesianModelAveraging;

/**
 * Question: how long does model averaging over the 822 decomposable graphs take for UK 2013 (5
 * lists) on the grid G = 80,000? Target: below 100 ms on 2 cores; R dga 2.0.2
 * {@code bma.cr} takes 4.7 s. The {@code threads} parameter shows the parallel speed-up.
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar BmaUkBenchmark
 */
@Warmup(iterations = 15, time = 1) // one op is ~0.1 s: the long loops need many calls before C2 compiles them
public class BmaUkBenchmark extends BenchmarkDefaults {
    @org.openjdk.jmh.annotations.Param({"1", "2"})
    public int threads;
    ListOverlapTable table;
    BayesianModelAveraging bma;

    @Setup(Level.Trial)
    public void setUp() {
        table = BmaTables.uk5();
        bma = BayesianModelAveraging.withDefaults().withGridMax(80000).withThreads(threads);
    }

    @Benchmark
    public BayesianModelAveraging.Result uk5Grid80k() {
        return bma.estimate(table);
    }
}
