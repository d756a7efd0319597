package org.prevalence.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.datasets.world.SyntheticWorld;
import org.prevalence.regional.Covariates;
import org.prevalence.regional.NationalData;
import org.prevalence.regional.RegionEdition;
import org.prevalence.regional.SurveyPipeline;

/**
 * Question: how long does the survey pipeline (imputation model fit and the Monte Carlo of
 * regional and world totals with 10,000 draws) take for 200 countries on 2 threads
 * (target: under 0.5 s)?
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RegionalSurveyMonteCarloBenchmark}
 */
public class RegionalSurveyMonteCarloBenchmark extends BenchmarkDefaults {
    @Param({"2"})
    public int threads;

    NationalData national; // non-final on purpose
    Covariates covariates;
    SurveyPipeline pipeline;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticWorld.World world = SyntheticWorld.withDefaults().generate();
        national = NationalData.fromTable(RegionEdition.ILO_2012, world.nationalTable());
        covariates = Covariates.fromTable(world.covariatesTable(), null);
        pipeline = SurveyPipeline.withDefaults().withDraws(10_000).withSeed(1).withThreads(threads);
    }

    @Benchmark
    public SurveyPipeline.Result surveyPipeline10000Draws() {
        return pipeline.estimate(national, covariates);
    }
}
