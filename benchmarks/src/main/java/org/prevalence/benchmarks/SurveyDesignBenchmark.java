package org.prevalence.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.survey.SurveyDesign;

/**
 * Question: how long does building a {@link SurveyDesign} (validation, dense stratum/PSU coding,
 * precomputed indexing) take on a synthetic stratified cluster sample of 100,000 to 10,000,000
 * rows with 50 strata and 2,000 PSUs, built from primitive arrays (no Tablesaw)? Target:
 * under 150 ms at 1,000,000 rows (R survey 4.1-1 {@code svydesign}: 6.9 s). The fork runs in a
 * 2 GB heap to show that 10,000,000 rows fit.
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar SurveyDesignBenchmark
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class SurveyDesignBenchmark extends BenchmarkDefaults {
    /** Number of sample rows. */
    @Param({"100000", "1000000", "10000000"})
    public int rows;

    Synthetic data;

    /** Generates the synthetic sample (fixed seed). */
    @Setup(Level.Trial)
    public void setUp() {
        data = Synthetic.generate(rows, 20240601L);
    }

    /** @return the design built from the arrays */
    @Benchmark
    public SurveyDesign build() {
        return data.design();
    }

    /**
     * A synthetic stratified one-stage cluster sample: 50 strata of 40 PSUs each (2,000 PSUs), each
     * row in a uniformly drawn PSU, weights uniform on [50, 150], y = 100 + 2 (stratum) + 10 N(0,1),
     * a 0/1 variable with probability 0.3 + 0.004 (stratum), and 20 domains drawn uniformly; generated
     * from {@code RandomSource.L64_X128_MIX} with a fixed seed. PSU variance with replacement (no
     * fpc), as R's anchor figures.
     */
    static final class Synthetic {
        static final int STRATA = 50;
        static final int PSUS = 2000;
        static final int DOMAINS = 20;
        final int rows;
        final double[] weights;
        final int[] strata;
        final int[] psu;
        final double[] y;
        final double[] binary;
        final int[] domain;
        final List<String> domainLevels;

        private Synthetic(int rows, UniformRandomProvider rng) {
            this.rows = rows;
            weights = new double[rows];
            strata = new int[rows];
            psu = new int[rows];
            y = new double[rows];
            binary = new double[rows];
            domain = new int[rows];
            int perStratum = PSUS / STRATA;
            org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler gauss =
                    org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
            for (int i = 0; i < rows; i++) {
                // the first 2,000 rows cover every PSU once, so no PSU is empty
                int p = i < PSUS ? i : rng.nextInt(PSUS);
                int h = p / perStratum;
                psu[i] = p;
                strata[i] = h;
                weights[i] = 50 + 100 * rng.nextDouble();
                y[i] = 100 + 2 * h + 10 * gauss.sample();
                binary[i] = rng.nextDouble() < 0.3 + 0.004 * h ? 1 : 0;
                domain[i] = rng.nextInt(DOMAINS);
            }
            domainLevels = new ArrayList<>();
            for (int d = 0; d < DOMAINS; d++) {
                domainLevels.add(String.format(java.util.Locale.ROOT, "d%02d", d));
            }
        }

        static Synthetic generate(int rows, long seed) {
            return new Synthetic(rows, RandomSource.L64_X128_MIX.create(new long[] {seed, 0L}));
        }

        SurveyDesign design() {
            return SurveyDesign.builder(rows).weights(weights).strata(strata).clusters(psu)
                    .variable("y", y).variable("b", binary).factor("domain", domain, domainLevels).build();
        }
    }
}
