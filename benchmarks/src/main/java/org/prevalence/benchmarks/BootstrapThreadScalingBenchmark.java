package org.prevalence.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.bootstrap.Resampler;
import org.prevalence.core.bootstrap.Resamplers;

/**
 * Question: how does the bootstrap engine scale from 1 to 2 threads? 1,000 multinomial
 * replicates of the UK 2013 5-list counts, each evaluating a small iterative estimator (the
 * independence-model population size by fixed-point iteration, about as costly as the
 * resample itself). The replicate values are identical for every thread count.
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar BootstrapThreadScalingBenchmark
 */
public class BootstrapThreadScalingBenchmark extends BenchmarkDefaults {
    @Param({"1", "2"})
    public int threads;

    Bootstrap bootstrap;
    Resampler<long[]> cells;

    @Setup(Level.Trial)
    public void setUp() {
        bootstrap = Bootstrap.withDefaults().withReplicates(1000).withThreads(threads).withSeed(Bootstrap.DEFAULT_SEED);
        cells = Resamplers.multinomial(BootstrapResamplingBenchmark.UK5);
    }

    /** Independence-model N: N = n / (1 - prod_j (1 - n_j / N)), iterated to convergence. */
    static double independenceN(long[] c) {
        int k = Integer.numberOfTrailingZeros(c.length);
        long n = 0;
        long[] marg = new long[k];
        for (int mask = 1; mask < c.length; mask++) {
            n += c[mask];
            for (int j = 0; j < k; j++) {
                if ((mask & (1 << j)) != 0) {
                    marg[j] += c[mask];
                }
            }
        }
        double big = n;
        for (int it = 0; it < 10_000; it++) {
            double missed = 1;
            for (int j = 0; j < k; j++) {
                missed *= 1 - marg[j] / big;
            }
            double next = n / (1 - missed);
            if (Math.abs(next - big) < 1e-10 * big) {
                return next;
            }
            big = next;
        }
        return big;
    }

    @Benchmark
    public Bootstrap.Result thousandReplicates() {
        return bootstrap.run(cells, BootstrapThreadScalingBenchmark::independenceN);
    }
}
