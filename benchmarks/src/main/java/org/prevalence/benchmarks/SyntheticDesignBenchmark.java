package org.prevalence.benchmarks;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.survey.SurveyDesign;

/**
 * The fixture of the survey estimator benchmarks: the synthetic 50-strata, 2,000-PSU design of
 * {@link SurveyDesignBenchmark} (fixed seed), from 100,000 to 10,000,000 rows, built once per trial
 * in a 2 GB heap. A subclass holds its estimator in a field and measures one call on {@link #design}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public abstract class SyntheticDesignBenchmark extends BenchmarkDefaults {
    /** Number of sample rows. */
    @Param({"100000", "1000000", "10000000"})
    public int rows;

    /** The design the benchmark measures on. */
    SurveyDesign design;

    /** Builds the synthetic design (seed 20240601). */
    @Setup(Level.Trial)
    public void buildDesign() {
        design = SurveyDesignBenchmark.Synthetic.generate(rows, 20240601L).design();
    }
}
