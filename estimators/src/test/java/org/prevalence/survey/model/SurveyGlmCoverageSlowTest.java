package org.prevalence.survey.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.survey.SurveyDesign;

/**
 * Coverage of the 95 % Wald t intervals of a survey logistic regression (simulation with known truth).
 * A fixed finite population of 4 strata x 100 clusters x 30 units (seed 11): \( x = N(0,1) + v_c \),
 * \( P(y=1) = \mathrm{expit}(-0.5 + 0.8 x + u_c) \) with cluster effects \( v_c, u_c \sim N(0, 0.5^2) \),
 * so clusters are correlated and the model-based SE would be too small. The target is the census
 * coefficient (the unweighted fit on the whole population). Each of 1,000 samples (generator
 * {@code Bootstrap.generator(2026, i)}) draws 12 clusters per stratum without replacement, keeps every unit
 * in them (weights 100/12, fpc 100 clusters per stratum), and fits {@link SurveyGlm} (quasibinomial); the
 * intervals on degf + 1 - p = 44 + 1 - 2 = 43 df must cover the census slope and intercept 93-97 % of the time.
 */
@Tag("slow")
class SurveyGlmCoverageSlowTest {
    private static final int STRATA = 4;
    private static final int CLUSTERS = 100;
    private static final int UNITS = 30;
    private static final int TAKE = 12;

    @Test
    void waldIntervalsCoverTheCensusCoefficients() {
        int popN = STRATA * CLUSTERS * UNITS;
        double[] x = new double[popN];
        double[] y = new double[popN];
        UniformRandomProvider rng = Bootstrap.generator(11, 0);
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int c = 0; c < STRATA * CLUSTERS; c++) {
            double v = 0.5 * g.sample();
            double u = 0.5 * g.sample();
            for (int k = 0; k < UNITS; k++) {
                int i = c * UNITS + k;
                x[i] = g.sample() + v;
                y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-(-0.5 + 0.8 * x[i] + u))) ? 1 : 0;
            }
        }
        int[] all = new int[popN];
        for (int i = 0; i < popN; i++) {
            all[i] = i;
        }
        SurveyDesign census = SurveyDesign.builder(popN).clusters(all).equalProbability().variable("x", x)
                .variable("y", y).build();
        double[] truth = SurveyGlm.withDefaults().with(GlmFamily.QUASIBINOMIAL).fit(census, "y ~ x").getCoefficients();
        int samples = 1000;
        int[] covered = new int[2];
        int n = STRATA * TAKE * UNITS;
        for (int s = 0; s < samples; s++) {
            UniformRandomProvider r = Bootstrap.generator(2026, s);
            double[] xs = new double[n];
            double[] ys = new double[n];
            int[] strata = new int[n];
            int[] psu = new int[n];
            double[] w = new double[n];
            double[] fpc = new double[n];
            int row = 0;
            for (int h = 0; h < STRATA; h++) {
                int[] idx = new int[CLUSTERS];
                for (int c = 0; c < CLUSTERS; c++) {
                    idx[c] = c;
                }
                for (int t = 0; t < TAKE; t++) { // partial Fisher-Yates: TAKE clusters without replacement
                    int j = t + r.nextInt(CLUSTERS - t);
                    int tmp = idx[t];
                    idx[t] = idx[j];
                    idx[j] = tmp;
                    int cluster = h * CLUSTERS + idx[t];
                    for (int k = 0; k < UNITS; k++) {
                        int i = cluster * UNITS + k;
                        xs[row] = x[i];
                        ys[row] = y[i];
                        strata[row] = h;
                        psu[row] = cluster;
                        w[row] = (double) CLUSTERS / TAKE;
                        fpc[row] = CLUSTERS;
                        row++;
                    }
                }
            }
            SurveyDesign d = SurveyDesign.builder(n).strata(strata).clusters(psu).weights(w).fpc(fpc)
                    .variable("x", xs).variable("y", ys).build();
            SurveyGlm.Result m = SurveyGlm.withDefaults().with(GlmFamily.QUASIBINOMIAL).fit(d, "y ~ x");
            for (int j = 0; j < 2; j++) {
                var ci = m.getTerms().get(j).getConfidenceInterval();
                if (ci.lower() <= truth[j] && truth[j] <= ci.upper()) {
                    covered[j]++;
                }
            }
        }
        for (int j = 0; j < 2; j++) {
            double rate = covered[j] / (double) samples;
            System.out.printf(java.util.Locale.ROOT, "survey GLM coverage, coefficient %d: %.3f%n", j, rate);
            assertTrue(rate >= 0.93 && rate <= 0.97, "coverage of coefficient " + j + ": " + rate);
        }
    }
}
