package org.prevalence.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.datasets.Datasets;
import org.prevalence.mse.closed.ClosedModel;
import org.prevalence.mse.closed.ClosedPopulationModels;

/**
 * Question: how long does one multinomial profile-likelihood interval (Rcapture {@code closedpCI.t}: Cormack 1992, one
 * Poisson refit per trial N) take for model Mt on the UK 5-list table?
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ClosedProfileBenchmark}
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClosedProfileBenchmark extends BenchmarkDefaults {
    ListOverlapTable uk; // non-final on purpose
    ClosedPopulationModels profile;

    @Setup(Level.Trial)
    public void setUp() {
        uk = Datasets.listTable("uk2013_5lists");
        profile = ClosedPopulationModels.withDefaults().with(ClosedPopulationModels.ClosedInterval.PROFILE_MULTINOMIAL);
    }

    @Benchmark
    public ClosedPopulationModels.Result profileIntervalMtUk5Lists() {
        return profile.estimate(uk, ClosedModel.MT);
    }
}
