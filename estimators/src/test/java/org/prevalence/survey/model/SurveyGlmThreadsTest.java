package org.prevalence.survey.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.prevalence.survey.MissingValues;
import org.prevalence.survey.SurveyDesign;

/**
 * The fused, block-parallel IRLS and influence passes give bit-identical coefficients, SEs and
 * deviances for any number of threads (fixed row blocks summed in order), with and without rows
 * dropped for missing values, on a stratified cluster sample of 40,000 rows (several blocks).
 */
class SurveyGlmThreadsTest {
    private static SurveyDesign sample(boolean missing) {
        int n = 40_000;
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(new long[] {20261203L, 1L});
        double[] w = new double[n];
        int[] strata = new int[n];
        int[] psu = new int[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        double[] count = new double[n];
        for (int i = 0; i < n; i++) {
            psu[i] = i < 200 ? i : rng.nextInt(200);
            strata[i] = psu[i] / 20;
            w[i] = 10 + 20 * rng.nextDouble();
            x1[i] = missing && i % 97 == 5 ? Double.NaN : rng.nextDouble() * 2 - 1;
            x2[i] = rng.nextDouble();
            double eta = -0.3 + 0.8 * (Double.isNaN(x1[i]) ? 0 : x1[i]) - 0.5 * x2[i];
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            count[i] = Math.floor(3 * rng.nextDouble() * Math.exp(eta));
        }
        return SurveyDesign.builder(n).weights(w).strata(strata).clusters(psu).variable("y", y)
                .variable("count", count).variable("x1", x1).variable("x2", x2).build();
    }

    private static void same(SurveyGlm g, SurveyDesign d, String f) {
        SurveyGlm.Result one = g.withThreads(1).fit(d, f);
        SurveyGlm.Result three = g.withThreads(3).fit(d, f);
        assertArrayEquals(one.getCoefficients(), three.getCoefficients(), 0.0, f);
        for (int j = 0; j < one.getTerms().size(); j++) {
            assertEquals(one.getTerms().get(j).getStandardError(), three.getTerms().get(j).getStandardError(), 0.0, f);
        }
        assertEquals(one.getDeviance(), three.getDeviance(), 0.0, f);
    }

    @Test
    void bitIdenticalForAnyThreadCount() {
        SurveyDesign d = sample(false);
        same(SurveyGlm.withDefaults().with(GlmFamily.QUASIBINOMIAL), d, "y ~ x1 + x2");
        same(SurveyGlm.withDefaults().with(GlmFamily.QUASIBINOMIAL).with(GlmLink.PROBIT), d, "y ~ x1 + x2");
        same(SurveyGlm.withDefaults().with(GlmFamily.QUASIPOISSON), d, "count ~ x1 + x2");
        same(SurveyGlm.withDefaults(), d, "x2 ~ x1");
        SurveyDesign dm = sample(true);
        same(SurveyGlm.withDefaults().with(GlmFamily.QUASIBINOMIAL).with(MissingValues.DROP), dm, "y ~ x1 + x2");
    }
}
