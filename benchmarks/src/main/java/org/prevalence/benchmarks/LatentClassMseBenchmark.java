package org.prevalence.benchmarks;

import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.bayes.LatentClassMse;

/**
 * Question: how long does the latent-class model (LCMCR's settings: K = 10, burn-in 10,000, 2,000
 * draws thinned by 50, i.e. 110,000 sweeps after 500 warm-up sweeps per chain) take on UK 5 lists
 * (2,744 observed, 18 patterns) with the default 4 chains, and with 1 chain? LCMCR 0.4.14 runs one
 * chain in 1-3 s there (shared/refdata/mse/expected-lcmcr.csv, elapsed_s). Target: 4 chains &lt; 1 s on
 * 2 cores.
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar LatentClassMseBenchmark
 */
public class LatentClassMseBenchmark extends BenchmarkDefaults {
    /** Chains (4 = the default; 1 = LCMCR's single chain, without diagnostics). */
    @Param({"4", "1"})
    public int chains;

    ListOverlapTable uk;          // non-final on purpose
    LatentClassMse estimator;

    @Setup(Level.Trial)
    public void setUp() {
        // shared/refdata/published-lists/uk2013_5lists.csv (SparseMSE 2.0.1 UKdat_5): LA, NG, PFNCA, GO, GP
        int[][] p = {{1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 1, 0}, {0, 0, 0, 0, 1},
            {1, 1, 0, 0, 0}, {1, 0, 1, 0, 0}, {1, 0, 0, 1, 0}, {0, 1, 1, 0, 0}, {0, 1, 0, 1, 0}, {0, 1, 0, 0, 1},
            {0, 0, 1, 1, 0}, {0, 0, 1, 0, 1}, {0, 0, 0, 1, 1}, {1, 1, 1, 0, 0}, {1, 1, 0, 1, 0}, {0, 1, 1, 1, 0},
            {1, 1, 1, 1, 0}};
        long[] c = {54, 463, 995, 695, 316, 15, 19, 3, 62, 19, 1, 76, 11, 8, 1, 1, 4, 1};
        uk = ListOverlapTable.fromHistories(List.of("LA", "NG", "PFNCA", "GO", "GP"), p, c);
        estimator = chains == 1
                ? LatentClassMse.withDefaults().withChains(1).with(LatentClassMse.Diagnostics.NONE)
                : LatentClassMse.withDefaults().withChains(chains);
    }

    @Benchmark
    public LatentClassMse.Result ukFiveLists() {
        return estimator.estimate(uk);
    }
}
