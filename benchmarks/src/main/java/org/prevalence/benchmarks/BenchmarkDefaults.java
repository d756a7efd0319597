package org.prevalence.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings every benchmark shares unless it states its own: average time per operation in
 * milliseconds, one fork, 3 warm-up and 5 measured iterations of 1 s, one benchmark-wide state.
 * JMH's annotations are {@code @Inherited}: a benchmark that extends this class and annotates itself
 * with, say, {@code @OutputTimeUnit(MICROSECONDS)} or {@code @Fork(value = 1, jvmArgsAppend = "-Xmx2g")}
 * overrides that one setting and keeps the others.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public abstract class BenchmarkDefaults {
}
