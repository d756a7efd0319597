package org.prevalence.benchmarks;

import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.prevalence.survey.SurveyMean;

/**
 * Question: how long does a domain mean over 20 domains (zeroing outside each domain, full design
 * kept, as {@code svyby}) take on the synthetic sample of {@link SurveyDesignBenchmark}? Target:
 * under 40 ms at 1,000,000 rows (R survey 4.1-1 {@code svyby(~y, ~domain, svymean)}: 4.0 s).
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar SurveyByBenchmark
 */
public class SurveyByBenchmark extends SyntheticDesignBenchmark {
    final SurveyMean mean = SurveyMean.withDefaults();

    /** @return the 20 domain means of y */
    @Benchmark
    public List<SurveyMean.Result> meanBy20Domains() {
        return mean.estimateBy(design, "y", "domain");
    }
}
