package org.prevalence.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
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
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 3) // ops take about 1 s: give C2 several calls
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class BmaSixListsBenchmark {
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
