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
import org.prevalence.core.io.CsvInput;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.core.lists.ListTables;
import org.prevalence.datasets.Datasets;

/**
 * Question: how long does reading a list-overlap table from CSV text take (parse, check, build)?
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CsvReadBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class CsvReadBenchmark {
    String ukCsv; // non-final on purpose: JMH must not constant-fold the input

    @Setup(Level.Trial)
    public void setUp() {
        ukCsv = Datasets.get("uk2013_5lists").csv();
    }

    @Benchmark
    public ListOverlapTable readUk5Lists() {
        return ListTables.fromTable(CsvInput.withDefaults().read(ukCsv, "uk2013_5lists.csv"), null, "count");
    }
}
