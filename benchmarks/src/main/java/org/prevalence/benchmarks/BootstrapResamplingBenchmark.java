package org.prevalence.benchmarks;

import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.bootstrap.PsuDraws;
import org.prevalence.core.bootstrap.Resampler;
import org.prevalence.core.bootstrap.Resamplers;

/**
 * Question: what is the engine's raw resampling throughput, i.e. the cost of 1,000 replicates
 * (per-replicate generator, resample, trivial statistic) on one thread, for each resampler?
 * {@code multinomial}: the UK 2013 5-list cell counts (2,744 cases, 32 cells); {@code rows}:
 * 10,000 rows; {@code psus}: 2,000 PSUs in 100 strata (Rao-Wu, n_h - 1 draws). The baseline
 * {@code generatorOnly} creates the 1,000 per-replicate generators and draws one number from each.
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar BootstrapResamplingBenchmark
 */
public class BootstrapResamplingBenchmark extends BenchmarkDefaults {
    /** UK 2013, 5 lists, counts by history mask (list j = bit j), from shared/refdata/published-lists/uk2013_5lists.csv. */
    static final long[] UK5 = {0, 54, 463, 15, 995, 19, 62, 1, 695, 3, 19, 1, 76, 0, 4, 1,
        316, 0, 1, 0, 11, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0};

    @Param({"multinomial", "rows", "psus"})
    public String resampler;

    Bootstrap bootstrap;
    Resampler<long[]> cells;
    Resampler<int[]> rows;
    Resampler<double[]> psus;

    @Setup(Level.Trial)
    public void setUp() {
        bootstrap = Bootstrap.withDefaults().withReplicates(1000).withThreads(1).withSeed(Bootstrap.DEFAULT_SEED);
        cells = Resamplers.multinomial(UK5);
        rows = Resamplers.rows(10_000);
        String[] strata = new String[2000];
        for (int i = 0; i < strata.length; i++) {
            strata[i] = "h" + (i % 100);
        }
        psus = Resamplers.psusWithinStrata(strata, PsuDraws.N_MINUS_ONE);
    }

    @Benchmark
    public Bootstrap.Result thousandReplicates() {
        switch (resampler) {
            case "multinomial":
                return bootstrap.run(cells, c -> c[4]);
            case "rows":
                return bootstrap.run(rows, m -> m[17]);
            default:
                return bootstrap.run(psus, w -> w[17]);
        }
    }

    @Benchmark
    public long generatorOnly() {
        long s = 0;
        for (int i = 0; i < 1000; i++) {
            UniformRandomProvider g = Bootstrap.generator(Bootstrap.DEFAULT_SEED, i);
            s += g.nextLong();
        }
        return s;
    }
}
