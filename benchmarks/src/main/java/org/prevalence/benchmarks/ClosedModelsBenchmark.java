package org.prevalence.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.datasets.Datasets;
import org.prevalence.mse.closed.ClosedPopulationModels;

/**
 * Question: how long does the full closed-population model table (Rcapture {@code closedp.t}: M0, Mt, four Mh, four
 * Mth, Mb, Mbh) take for the UK 5-list table, against a target of 2 ms (R: about 0.1 s)?
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ClosedModelsBenchmark}
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClosedModelsBenchmark extends BenchmarkDefaults {
    ListOverlapTable uk; // non-final on purpose
    ClosedPopulationModels models;

    @Setup(Level.Trial)
    public void setUp() {
        uk = Datasets.listTable("uk2013_5lists");
        models = ClosedPopulationModels.withDefaults().with(ClosedPopulationModels.CaptureOrder.LIST_ORDER);
    }

    @Benchmark
    public ClosedPopulationModels.ModelTable modelTableUk5Lists() {
        return models.table(uk);
    }
}
