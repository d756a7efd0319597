package org.prevalence.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.survey.ReplicateDesign;
import org.prevalence.core.survey.ReplicateMethod;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.SurveyMean;

/**
 * Question: how long does a Rao-Wu bootstrap with 200 replicates take to build and estimate (a mean
 * with its SE) on the 1,000,000-row, 2,000-PSU synthetic sample of {@link SurveyDesignBenchmark}, in a
 * 1 GB heap? Target: under 0.2 s (R survey 4.1-1: 53 s to build with 5 GB resident, 4.9 s per
 * {@code svymean}).
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar SurveyReplicateBootstrapBenchmark
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class SurveyReplicateBootstrapBenchmark extends BenchmarkDefaults {
    SurveyDesign design;
    ReplicateDesign bootstrap;
    SurveyMean mean;

    /** Builds the synthetic design (fixed seed). */
    @Setup(Level.Trial)
    public void setUp() {
        design = SurveyDesignBenchmark.Synthetic.generate(1_000_000, 20240601L).design();
        bootstrap = ReplicateDesign.withDefaults().with(ReplicateMethod.BOOTSTRAP).withReplicates(200).withSeed(7L);
        mean = SurveyMean.withDefaults();
    }

    /** @return 200 bootstrap replicates built, and the mean of y with its bootstrap SE */
    @Benchmark
    public SurveyMean.Result buildAndMean() {
        return mean.estimate(bootstrap.build(design), "y");
    }
}
