package org.prevalence.mse.bayes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Calibration of the latent-class sampler on data simulated from its own prior (LcmSimulator):
 * J = 4 lists, K = 5 classes, a_alpha = b_alpha = 0.25, and the proper prior p(N) ~ 1/N on
 * 1..N_max = 2,000 (LatentClassMse.withMaximumPopulation), so that N can be drawn from the prior.
 */
@Tag("slow")
class LatentClassCalibrationSlowTest {
    static final int LISTS = 4;
    static final int CLASSES = 5;
    static final int N_MAX = 2000;

    /**
     * Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari &amp; Gelman 2018,
     * arXiv:1804.06788): 1,000 replications; one chain each (burn-in 1,000, 99 draws thinned by 20: shorter
     * than the defaults, for time), the rank of the true N among the 99 draws (ties broken at random) lies
     * in 0..99; 20 bins of 5 ranks; chi-squared with 19 df must not reject uniformity at the 1 % level.
     */
    @Test
    void ranksOfTrueNAreUniform() {
        int reps = 1000;
        int draws = 99;
        int bins = 20;
        long[] hist = new long[bins];
        LcmSimulator sim = new LcmSimulator(LISTS, CLASSES, 0.25, 0.25, N_MAX);
        LatentClassMse fit = LatentClassMse.withDefaults().withClasses(CLASSES).withChains(1)
                .with(LatentClassMse.Diagnostics.NONE).withBurnIn(1000).withSamples(draws).withThinning(20)
                .withMaximumPopulation(N_MAX);
        for (int r = 0; r < reps; r++) {
            UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(new long[] {2018, r});
            LcmSimulator.Draw d = sim.draw(rng);
            long[] post = fit.withSeed(r).estimate(d.table()).getPooledDraws();
            int below = 0;
            int equal = 0;
            for (long v : post) {
                below += v < d.population() ? 1 : 0;
                equal += v == d.population() ? 1 : 0;
            }
            int rank = below + rng.nextInt(equal + 1);
            hist[rank * bins / (draws + 1)]++;
        }
        double expected = (double) reps / bins;
        double chi2 = 0;
        for (long h : hist) {
            chi2 += (h - expected) * (h - expected) / expected;
        }
        double p = ChiSquaredDistribution.of(bins - 1).survivalProbability(chi2);
        System.out.printf(Locale.ROOT, "SBC: %d replications, rank histogram %s, chi-squared %.2f (19 df), p = %.4f%n",
                reps, java.util.Arrays.toString(hist), chi2, p);
        assertTrue(p > 0.01, "SBC chi-squared p = " + p);
    }

    /**
     * Coverage: 1,000 data sets with known N (drawn with its parameters from the prior, as above), each
     * fitted with 2 chains (burn-in 2,000, 400 draws per chain thinned by 10): the 95 % credible interval
     * must cover N in 93-97 % of them (binomial SD at 95 %: 0.7 %).
     */
    @Test
    void credibleIntervalsCoverN() {
        int reps = 1000;
        int covered = 0;
        double widthSum = 0;
        LcmSimulator sim = new LcmSimulator(LISTS, CLASSES, 0.25, 0.25, N_MAX);
        LatentClassMse fit = LatentClassMse.withDefaults().withClasses(CLASSES).withChains(2).withThreads(1)
                .withBurnIn(2000).withSamples(400).withThinning(10).withMaximumPopulation(N_MAX);
        for (int r = 0; r < reps; r++) {
            UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(new long[] {1997, r});
            LcmSimulator.Draw d = sim.draw(rng);
            LatentClassMse.Result res = fit.withSeed(r).estimate(d.table());
            covered += res.getCredibleInterval().contains(d.population()) ? 1 : 0;
            widthSum += res.getCredibleInterval().width();
        }
        double coverage = (double) covered / reps;
        System.out.printf(Locale.ROOT, "Coverage: %d of %d 95%% intervals cover N (%.1f %%), mean width %.1f%n",
                covered, reps, 100 * coverage, widthSum / reps);
        assertTrue(coverage >= 0.93 && coverage <= 0.97, "coverage " + coverage);
    }
}
