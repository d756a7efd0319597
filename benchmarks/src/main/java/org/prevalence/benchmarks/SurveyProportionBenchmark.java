package org.prevalence.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.prevalence.survey.CiMethod;
import org.prevalence.survey.SurveyProportion;

/**
 * Question: how long does a proportion with its logit interval (R's {@code svyciprop} default)
 * take on the synthetic sample of {@link SurveyDesignBenchmark}, including the check that the
 * variable is 0/1? Target: under 25 ms at 1,000,000 rows (R survey 4.1-1: 4.6 s).
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar SurveyProportionBenchmark
 */
public class SurveyProportionBenchmark extends SyntheticDesignBenchmark {
    final SurveyProportion proportion = SurveyProportion.withDefaults().with(CiMethod.LOGIT);

    /** @return the proportion of ones in b with its logit interval */
    @Benchmark
    public SurveyProportion.Result logit() {
        return proportion.estimate(design, "b");
    }
}
