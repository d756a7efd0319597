package org.prevalence.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
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
public class SurveyMeanBenchmark extends SyntheticDesignBenchmark {
    final SurveyMean mean = SurveyMean.withDefaults();
    final SurveyTotal total = SurveyTotal.withDefaults();

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
