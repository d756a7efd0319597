package org.prevalence.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.prevalence.linkage.Linkage;
import org.prevalence.linkage.compare.Comparer;
import org.prevalence.linkage.records.CaseRecords;
import org.prevalence.linkage.synthetic.SyntheticLists;

/**
 * Question: how long does a whole link take (standardise, default blocking, compare, u from one
 * million random pairs, EM per rule, both clusterings, the overlap table) for about 100,000
 * generated records on 4 lists? Target: below 10 s on 2 cores.
 *
 * <p>One operation takes seconds, so each is timed once ({@code SingleShotTime}) after one warm-up.
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar LinkageBenchmark
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class LinkageBenchmark extends BenchmarkDefaults {
    /** People in the population; 78,000 people give about 100,000 records (1.28 records a person). */
    @Param({"78000"})
    public int people;
    CaseRecords records;
    Linkage linkage;

    @Setup(Level.Trial)
    public void setUp() {
        records = SyntheticLists.withDefaults().withPeople(people).generate().records();
        linkage = Linkage.withDefaults().with(Comparer.withDefaults().withNameSwap("given_name", "surname"));
    }

    @Benchmark
    public Linkage.Result link() {
        return linkage.link(records);
    }
}
