package org.prevalence.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.datasets.world.SyntheticWorld;
import org.prevalence.regional.CaseData;
import org.prevalence.regional.CaseFile;
import org.prevalence.regional.Populations;
import org.prevalence.regional.ReferenceWindow;
import org.prevalence.regional.RegionEdition;
import org.prevalence.regional.ReportedCasePipeline;

/**
 * Question: how long does the reported-case pipeline take on a synthetic world of 200 countries and
 * about 50,000 reported cases, with 2,000 stratified bootstrap replicates on 2 threads
 * (target: under 1 s)? Reading and validating the case table is set-up, not measured.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RegionalCasePipelineBenchmark}
 */
public class RegionalCasePipelineBenchmark extends BenchmarkDefaults {
    @Param({"2"})
    public int threads;

    CaseData cases; // non-final on purpose
    Populations populations;
    ReferenceWindow window;
    ReportedCasePipeline pipeline;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticWorld.World world = SyntheticWorld.withDefaults().generate();
        cases = CaseFile.withDefaults().read(world.casesTable());
        populations = Populations.fromTable(RegionEdition.ILO_2012, world.regionPopulationTable());
        window = new ReferenceWindow(SyntheticWorld.WINDOW_START, SyntheticWorld.WINDOW_END);
        pipeline = ReportedCasePipeline.withDefaults().withReplicates(2000).withSeed(1).withThreads(threads);
    }

    @Benchmark
    public ReportedCasePipeline.Result casePipeline2000Replicates() {
        return pipeline.estimate(cases, populations, window);
    }
}
