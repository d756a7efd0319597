package org.prevalence.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.SurveyMean;

/**
 * Question: how long does a domain mean over 20 domains (zeroing outside each domain, full design
 * kept, as {@code svyby}) take on the synthetic sample of {@link SurveyDesignBenchmark}? Target:
 * under 40 ms at 1,000,000 rows (R survey 4.1-1 {@code svyby(~y, ~domain, svymean)}: 4.0 s).
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar SurveyByBenchmark
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class SurveyByBenchmark {
    /** Number of sample rows. */
    @Param({"100000", "1000000", "10000000"})
    public int rows;

    SurveyDesign design;
    SurveyMean mean;

    /** Builds the synthetic design (fixed seed). */
    @Setup(Level.Trial)
    public void setUp() {
        design = SurveyDesignBenchmark.Synthetic.generate(rows, 20240601L).design();
        mean = SurveyMean.withDefaults();
    }

    /** @return the 20 domain means of y */
    @Benchmark
    public List<SurveyMean.Result> meanBy20Domains() {
        return mean.estimateBy(design, "y", "domain");
    }
}
