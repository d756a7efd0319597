package org.prevalence.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.bayes.BayesianModelAveraging;

/**
 * Question: does model averaging for the Netherlands (5 lists, 822 graphs) on the grid
 * G = 1,280,000 fit in a 1 GB heap and run in under 2 s on 2 cores (the target)? R dga 2.0.2
 * {@code bma.cr} needs 8.9 GB and 45 s at G = 640,000 and cannot hold the 1,280,000 grid.
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar BmaNetherlandsBenchmark
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 5, time = 3) // ops take about 1 s: give C2 several calls
public class BmaNetherlandsBenchmark extends BenchmarkDefaults {
    ListOverlapTable table;
    BayesianModelAveraging bma;

    @Setup(Level.Trial)
    public void setUp() {
        table = BmaTables.netherlands5();
        bma = BayesianModelAveraging.withDefaults().withGridMax(1_280_000);
    }

    @Benchmark
    public BayesianModelAveraging.Result netherlands5Grid1280k() {
        return bma.estimate(table);
    }
}
