/**
 * JMH benchmarks of the library, one class per question: each class's Javadoc asks how long one
 * operation takes, states the target and R's time for comparison, and gives the command that runs
 * it ({@code java -jar benchmarks/target/benchmarks.jar NAME}).
 *
 * <p>The benchmarks cover multiple systems estimation (for example
 * {@link org.prevalence.benchmarks.MseStepwiseBenchmark}, the bootstrap benchmarks, the closed models
 * and Bayesian model averaging), design-based survey estimation on synthetic samples of up to
 * 10,000,000 rows (built by {@link org.prevalence.benchmarks.SurveyDesignBenchmark}, which the other
 * survey benchmarks reuse), the regional pipelines on synthetic worlds, and CSV reading. The list
 * tables are bundled datasets or are built in code from published counts ({@code MseUk2013},
 * {@code BootstrapTables}, {@code BmaTables}), so no external data file is needed. Start with
 * {@code SurveyDesignBenchmark} and {@code MseStepwiseBenchmark}.
 */
package org.prevalence.benchmarks;
