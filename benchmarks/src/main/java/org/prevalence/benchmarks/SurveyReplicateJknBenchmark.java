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
 * Question: how long does a stratified jackknife (JKn, one replicate per PSU: 2,000 replicates) take
 * to build and to give a mean with its SE, on the 1,000,000-row, 50-strata, 2,000-PSU synthetic sample
 * of {@link SurveyDesignBenchmark}, in a 1 GB heap? Target: mean with SE under 0.3 s (R survey
 * 4.1-1: 44 s to build, 36 s for one {@code svymean}). A rows x replicates matrix (16 GB) would not fit:
 * replicate estimates come from PSU totals.
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar SurveyReplicateJknBenchmark
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class SurveyReplicateJknBenchmark extends BenchmarkDefaults {
    SurveyDesign design;
    SurveyDesign jkn;
    ReplicateDesign replicates;
    SurveyMean mean;

    /** Builds the synthetic design (fixed seed) and its JKn replicate design. */
    @Setup(Level.Trial)
    public void setUp() {
        design = SurveyDesignBenchmark.Synthetic.generate(1_000_000, 20240601L).design();
        replicates = ReplicateDesign.withDefaults().with(ReplicateMethod.JKN);
        jkn = replicates.build(design);
        mean = SurveyMean.withDefaults();
    }

    /** @return JKn replicate weights built and the mean of y with its replicate SE */
    @Benchmark
    public SurveyMean.Result buildAndMean() {
        return mean.estimate(replicates.build(design), "y");
    }

    /** @return the mean of y with its JKn SE, replicates already built */
    @Benchmark
    public SurveyMean.Result mean() {
        return mean.estimate(jkn, "y");
    }
}
