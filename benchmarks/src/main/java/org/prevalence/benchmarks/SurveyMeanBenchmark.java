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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.SurveyMean;
import org.prevalence.survey.SurveyTotal;

/**
 * Question: how long do a mean and a total with Taylor-linearization SE (and both design effects)
 * take on the synthetic 50-strata, 2,000-PSU sample of {@link SurveyDesignBenchmark}, from 100,000
 * to 10,000,000 rows? Target: under 20 ms at 1,000,000 rows (R survey 4.1-1:
 * {@code svymean} 1.05 s, {@code svytotal} 0.91 s). The fork runs in a 2 GB heap.
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar SurveyMeanBenchmark
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class SurveyMeanBenchmark {
    /** Number of sample rows. */
    @Param({"100000", "1000000", "10000000"})
    public int rows;

    SurveyDesign design;
    SurveyMean mean;
    SurveyTotal total;

    /** Builds the synthetic design (fixed seed). */
    @Setup(Level.Trial)
    public void setUp() {
        design = SurveyDesignBenchmark.Synthetic.generate(rows, 20240601L).design();
        mean = SurveyMean.withDefaults();
        total = SurveyTotal.withDefaults();
    }

    /** @return the mean of y */
    @Benchmark
    public SurveyMean.Result mean() {
        return mean.estimate(design, "y");
    }

    /** @return the total of y */
    @Benchmark
    public SurveyTotal.Result total() {
        return total.estimate(design, "y");
    }
}
