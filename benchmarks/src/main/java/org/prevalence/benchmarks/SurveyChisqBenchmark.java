package org.prevalence.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.core.io.CsvInput;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.model.ChisqStatistic;
import org.prevalence.survey.model.SurveyChisq;
import org.prevalence.survey.model.TestResult;

/**
 * Question: how long does a design-based test of association (R {@code svychisq(~fl + sector, design)}, a 2 x 4
 * table) take on a stratified cluster sample of 1,000,000 rows, 50 strata and 2,000 PSUs? Target: under 50 ms on
 * 2 cores and at least 50 times faster than R. The sample: PSU {@code i < 2000 ? i : uniform}, stratum = PSU / 40,
 * weights uniform on [50, 150], sector uniform on A-D, \( P(fl = 1) = \mathrm{expit}(-1 + 0.2 s + 0.005 h) \);
 * generated here (seed 20261203) or, with {@code -p csv=FILE}, read from the CSV that
 * {@code benchmarks/scripts/time_svychisq.R} wrote and timed R on, so both run on the same rows.
 *
 * <p>Measured 2026-12-04 on the idle 2-core machine (load 0.5-0.6), JMH {@code -f 1 -wi 3 -i 5}, generated
 * sample: F 5.1 ± 0.1 ms/op, Wald 8.7 ± 0.3 ms/op. R {@code svychisq} on the rows time_svychisq.R wrote took
 * 61.6 s (F) and 54.7 s (Wald) at load about 17 (README), i.e. more than 6,000 times slower.
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar SurveyChisqBenchmark [-p csv=/tmp/svychisq_1m.csv]
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class SurveyChisqBenchmark extends BenchmarkDefaults {
    /** Number of sample rows (when generated). */
    @Param({"1000000"})
    public int rows;

    /** A CSV written by time_svychisq.R (columns psu, h, w, sector, fl), or empty to generate the sample. */
    @Param({""})
    public String csv;

    /** The statistic: F (Rao-Scott second order, R's default) or WALD. */
    @Param({"F", "WALD"})
    public String statistic;

    SurveyDesign design;
    SurveyChisq test;

    /** Builds or reads the sample. */
    @Setup(Level.Trial)
    public void build() throws java.io.IOException {
        design = csv.isEmpty() ? sample(rows, 20261203L) : SurveyDesign.builder(CsvInput.withDefaults()
                .read(Files.readString(Path.of(csv), StandardCharsets.UTF_8), csv))
                .strata("h").clusters("psu").weights("w").build();
        test = SurveyChisq.withDefaults().with(ChisqStatistic.valueOf(statistic));
    }

    static SurveyDesign sample(int rows, long seed) {
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(new long[] {seed, 0L});
        double[] w = new double[rows];
        int[] strata = new int[rows];
        int[] psu = new int[rows];
        int[] sector = new int[rows];
        int[] fl = new int[rows];
        for (int i = 0; i < rows; i++) {
            int p = i < 2000 ? i : rng.nextInt(2000);
            psu[i] = p;
            strata[i] = p / 40;
            w[i] = 50 + 100 * rng.nextDouble();
            sector[i] = rng.nextInt(4);
            fl[i] = rng.nextDouble() < 1 / (1 + Math.exp(1 - 0.2 * sector[i] - 0.005 * strata[i])) ? 1 : 0;
        }
        return SurveyDesign.builder(rows).weights(w).strata(strata).clusters(psu)
                .factor("fl", fl, List.of("0", "1")).factor("sector", sector, List.of("A", "B", "C", "D")).build();
    }

    /** @return the test */
    @Benchmark
    public TestResult chisq() {
        return test.test(design, "fl", "sector");
    }
}
