package org.prevalence.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.bayes.BayesianModelAveraging;

/**
 * Question: how long does exhaustive model averaging over all 18,154 decomposable graphs on 6
 * lists (UK 2013, 6 lists) take on the grid G = 80,000? Target: below 3 s on 2 cores;
 * no R package averages over 6 lists.
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar BmaSixListsBenchmark
 */
@Warmup(iterations = 5, time = 3) // ops take about 1 s: give C2 several calls
public class BmaSixListsBenchmark extends BenchmarkDefaults {
    ListOverlapTable table;
    BayesianModelAveraging bma;

    @Setup(Level.Trial)
    public void setUp() {
        table = BmaTables.uk6();
        bma = BayesianModelAveraging.withDefaults().withGridMax(80_000);
    }

    @Benchmark
    public BayesianModelAveraging.Result uk6Grid80k() {
        return bma.estimate(table);
    }
}
