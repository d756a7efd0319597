package org.prevalence.regional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.io.CsvInput;
import tech.tablesaw.api.Table;

class SurveyPipelineTest {
    static final RegionEdition GE = RegionEdition.GLOBAL_ESTIMATES;

    static Table csv(String text) {
        return CsvInput.withDefaults().read(text, "national.csv");
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** A row with logit-scale sampling variance v: se = sqrt(v) p (1 - p). */
    static String row(String country, String region, double pop, double p, double v) {
        return String.format(Locale.ROOT, "%s,%s,%s,%s,%s%n", country, region, pop, p, Math.sqrt(v) * p * (1 - p));
    }

    @Test
    void derSimonianLairdClosedFormWithEqualVariances() {
        // intercept only, equal variances v: tau^2 = max(0, s_y^2 - v), beta = mean(y), var(beta) = s_y^2 / k,
        // Q = sum (y - ybar)^2 / v
        double v = 0.01;
        double[] y = {-6.2, -5.5, -5.8, -4.9};
        double[][] x = {{1}, {1}, {1}, {1}};
        MetaRegression.DlFit fit = MetaRegression.derSimonianLaird(x, y, new double[] {v, v, v, v},
                java.util.List.of("(intercept)"));
        double mean = (-6.2 - 5.5 - 5.8 - 4.9) / 4;
        double ss = 0;
        for (double yi : y) {
            ss += (yi - mean) * (yi - mean);
        }
        double s2 = ss / 3;
        Tolerance.assertRelative(s2 - v, fit.tau2(), 1e-12, "tau^2 = s^2 - v");
        Tolerance.assertRelative(mean, fit.beta()[0], 1e-14, "intercept = mean");
        Tolerance.assertRelative(s2 / 4, fit.covariance().getEntry(0, 0), 1e-12, "var(beta) = s^2 / k");
        Tolerance.assertRelative(ss / v, fit.q(), 1e-12, "Q");
        // homogeneous data (s^2 < v): tau^2 truncated at 0, beta the inverse-variance mean
        MetaRegression.DlFit flat = MetaRegression.derSimonianLaird(x, new double[] {-6, -6.01, -5.99, -6},
                new double[] {0.01, 0.02, 0.04, 0.01}, java.util.List.of("(intercept)"));
        assertEquals(0, flat.tau2());
        double wm = (-6 / 0.01 - 6.01 / 0.02 - 5.99 / 0.04 - 6 / 0.01) / (100 + 50 + 25 + 100);
        Tolerance.assertRelative(wm, flat.beta()[0], 1e-14, "inverse-variance mean");
        Tolerance.assertRelative(1 / 275.0, flat.covariance().getEntry(0, 0), 1e-12, "1 / sum w");
    }

    @Test
    void exactLineGivesZeroTauAndTheLine() {
        // logit p = alpha_region + 0.5 x exactly, tiny unequal variances (effective sample sizes ~ 1e10,
        // so the empirical logit equals the logit to ~1e-7): the fit recovers the line, tau^2 = 0
        double[] alpha = {-6, -5};
        String[] regions = {"Africa", "Americas"};
        StringBuilder nat = new StringBuilder("country,region,population,prevalence,se\n");
        StringBuilder cov = new StringBuilder("country,x\n");
        int c = 0;
        for (int g = 0; g < 2; g++) {
            for (int i = 0; i < 4; i++, c++) {
                double x = i - 1.5 + 0.3 * g;
                double p = 1 / (1 + Math.exp(-(alpha[g] + 0.5 * x)));
                nat.append(row("k" + c, regions[g], 1e6, p, 1e-8 * (1 + i)));
                cov.append("k").append(c).append(',').append(x).append('\n');
            }
        }
        NationalData d = NationalData.fromTable(GE, csv(nat.toString()));
        ImputationModel.Fit fit = ImputationModel.withDefaults().fit(d, Covariates.fromTable(csv(cov.toString()), null));
        assertEquals(0, fit.getTau2(), 1e-9, "tau^2");
        double[] b = fit.getCoefficients();
        Tolerance.assertAbsolute(-6, b[0], 1e-5, "alpha Africa");
        Tolerance.assertAbsolute(-5, b[1], 1e-5, "alpha Americas");
        Tolerance.assertAbsolute(0.5, b[2], 1e-5, "slope");
        assertEquals(java.util.List.of("region:Africa", "region:Americas", "x"), fit.getNames());
    }

    @Test
    void logitNormalMomentsAgainstSimpson() {
        double eta = -5.5;
        double sd = 0.7;
        // Simpson's rule on [-10, 10] standard deviations, 20,000 intervals
        int n = 20000;
        double a = -10;
        double h = 20.0 / n;
        double m1 = 0;
        double m2 = 0;
        for (int i = 0; i <= n; i++) {
            double z = a + i * h;
            double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            double phi = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
            double e = MetaRegression.expit(eta + sd * z);
            m1 += w * e * phi;
            m2 += w * e * e * phi;
        }
        m1 *= h / 3;
        m2 *= h / 3;
        double[] gh = MetaRegression.logitNormalMoments(eta, sd);
        Tolerance.assertRelative(m1, gh[0], 1e-8, "mean");
        Tolerance.assertRelative(Math.sqrt(m2 - m1 * m1), gh[1], 1e-6, "sd");
    }

    @Test
    void allSurveyedTotalsAndMonteCarloSe() {
        String text = "country,region,population,prevalence,se\n"
                + "a,Africa,1000000,0.004,0.0005\nb,Africa,3000000,0.002,0.0004\nc,Americas,2000000,0.003,0.0006\n";
        NationalData d = NationalData.fromTable(GE, csv(text));
        SurveyPipeline.Result r = SurveyPipeline.withDefaults().with(SamplingError.NORMAL).withSeed(3).estimate(d, Covariates.none());
        Tolerance.assertRelative(4000 + 6000, r.region("Africa").getEstimate(), 1e-14, "sum N p");
        Tolerance.assertRelative(10.0 / 4, r.region("Africa").getPer1000(), 1e-14, "per 1,000");
        Tolerance.assertRelative(16000, r.getWorld().getEstimate(), 1e-14, "world");
        // normal draws far from 0: SE = sqrt(sum N^2 se^2); 10,000 draws, SD of an SD estimate 0.7 %: 3 %
        double seAfrica = Math.sqrt(Math.pow(1e6 * 0.0005, 2) + Math.pow(3e6 * 0.0004, 2));
        Tolerance.assertRelative(seAfrica, r.region("Africa").getStandardError(), 0.03, "Africa SE");
        double seWorld = Math.sqrt(seAfrica * seAfrica + Math.pow(2e6 * 0.0006, 2));
        Tolerance.assertRelative(seWorld, r.getWorld().getStandardError(), 0.03, "world SE");
        // 95 % interval ~ +-1.96 SE
        Tolerance.assertRelative(2 * 1.96 * seWorld, r.getWorld().getInterval95().width(), 0.05, "95% width");
        Tolerance.assertRelative(2 * 0.9945 * seWorld, r.getWorld().getInterval68().width(), 0.05, "68% width");
        // an outside component adds its estimate and its variance
        SurveyPipeline.Result withState = SurveyPipeline.withDefaults().with(SamplingError.NORMAL).withSeed(3)
                .with(new OutsideComponent("state-imposed", "Africa", 5000, 5000 - 1.959963984540054 * 1000,
                        5000 + 1.959963984540054 * 1000))
                .with(new OutsideComponent("other", null, 100, 0, 200)).estimate(d, Covariates.none());
        Tolerance.assertRelative(15000, withState.region("Africa").getEstimate(), 1e-14, "with component");
        Tolerance.assertRelative(16000 + 5000 + 100, withState.getWorld().getEstimate(), 1e-14, "world");
        Tolerance.assertRelative(Math.sqrt(seAfrica * seAfrica + 1e6), withState.region("Africa").getStandardError(),
                0.03, "SE with component");
        // thread invariance
        SurveyPipeline.Result one = SurveyPipeline.withDefaults().withThreads(1).withDraws(500).estimate(d, Covariates.none());
        SurveyPipeline.Result two = SurveyPipeline.withDefaults().withThreads(2).withDraws(500).estimate(d, Covariates.none());
        assertEquals(one.getWorld().getStandardError(), two.getWorld().getStandardError());
    }

    @Test
    void qProfileClosedFormWithEqualVariances() {
        // intercept only, equal variances v: Q(tau^2) = SS / (v + tau^2), so the Q-profile points are
        // tau^2_j = max(0, SS / chi2_{k-1}^{-1}(1 - (j + 1/2)/G) - v) and beta(tau^2) = mean(y)
        double v = 0.01;
        double[] y = {-6.2, -5.5, -5.8, -4.9, -5.6};
        double[][] x = {{1}, {1}, {1}, {1}, {1}};
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        double ss = java.util.Arrays.stream(y).map(e -> (e - mean) * (e - mean)).sum();
        ImputationModel.Fit fit = new ImputationModel.Fit(java.util.List.of("(intercept)"), new double[] {mean},
                new double[][] {{v / 5}}, 0, ss / v, 5, new int[] {-1}, 1, 1, x, y, new double[] {v, v, v, v, v});
        Tolerance.assertRelative(ss / (v + 0.3), fit.generalizedQ(0.3), 1e-12, "generalized Q");
        int g = 16;
        MetaRegression.QProfile qp = fit.qProfile(g);
        org.apache.commons.statistics.distribution.ChiSquaredDistribution chi2 =
                org.apache.commons.statistics.distribution.ChiSquaredDistribution.of(4);
        for (int j = 0; j < g; j++) {
            double expected = Math.max(0, ss / chi2.inverseSurvivalProbability((j + 0.5) / g) - v);
            Tolerance.assertAbsolute(expected, qp.tau2()[j], 1e-7, "tau^2 point " + j);
            Tolerance.assertRelative(mean, qp.beta()[j][0], 1e-12, "beta at point " + j);
            Tolerance.assertRelative(Math.sqrt((v + qp.tau2()[j]) / 5), qp.choleskyLower()[j][0][0], 1e-9, "sd");
            Tolerance.assertRelative(1 / 5.0, qp.hat()[j][0][2], 1e-12, "refit weights");
        }
        // Finney-corrected expected prevalence: tau^2 = 0 below the parameter variance v/5
        Tolerance.assertRelative(MetaRegression.expit(mean - v / 10), fit.expectedPrevalence(new double[] {1}),
                1e-14, "expit(eta + (tau^2 - w)/2)");
    }

    @Test
    void betaSamplingErrorIsCentredWithTheSurveyVariance() {
        // small prevalences (k = n p = 4 and 9 cases): the default beta draws have mean p and SD se, so
        // the Monte Carlo SE is sqrt(sum N^2 se^2) and the draws' mean the estimate; 20,000 draws:
        // the SD of an SD estimate is about 0.7 % (3 % allowed), of the mean 0.3 % of the estimate (1.5 %)
        String text = "country,region,population,prevalence,se\n"
                + "a,Africa,1000000,0.004,0.002\nb,Africa,3000000,0.003,0.001\n";
        NationalData d = NationalData.fromTable(GE, csv(text));
        SurveyPipeline.Result r = SurveyPipeline.withDefaults().withDraws(20_000).withSeed(5).estimate(d,
                Covariates.none());
        double se = Math.sqrt(Math.pow(1e6 * 0.002, 2) + Math.pow(3e6 * 0.001, 2));
        Tolerance.assertRelative(se, r.getWorld().getStandardError(), 0.03, "beta SE");
        // the 95 % interval is skewed to the right (beta with shapes about 4 and 9)
        double lo = 13000 - r.getWorld().getInterval95().lower();
        double hi = r.getWorld().getInterval95().upper() - 13000;
        assertTrue(hi > lo, "right-skewed: " + lo + " below, " + hi + " above");
        // the midpoint of the 68 % interval is near the mean of the draws (mean 13,000) within the skew
        double mid = (r.getWorld().getInterval68().lower() + r.getWorld().getInterval68().upper()) / 2;
        Tolerance.assertRelative(13000, mid, 0.03, "68% midpoint");
    }

    @Test
    void badNationalRowsAreNamed() {
        String h = "country,region,population,prevalence,se\n";
        assertMessage(() -> NationalData.fromTable(GE, csv(h + "a,Africa,10,0.1,0.01\nb,Narnia,10,0.1,0.01\n")),
                "Row 2", "unknown region 'Narnia'");
        assertMessage(() -> NationalData.fromTable(GE, csv(h + "a,Africa,10,3.5,0.01\n")), "Row 1", "[0, 1]");
        assertMessage(() -> NationalData.fromTable(GE, csv(h + "a,Africa,10,0.1,\n")), "Row 1", "both");
        assertMessage(() -> NationalData.fromTable(GE, csv(h + "a,Africa,10,0.1,0.01\na,Americas,5,,\n")),
                "Row 2", "country 'a'", "exactly one region");
        assertMessage(() -> NationalData.fromTable(GE, csv(h + "a,Africa,0,0.1,0.01\n")), "Row 1", "population");
        NationalData noSurveyInAmericas = NationalData.fromTable(GE, csv(h
                + "a,Africa,10,0.1,0.01\nb,Africa,10,0.2,0.01\nc,Americas,10,,\n"));
        assertMessage(() -> SurveyPipeline.withDefaults().estimate(noSurveyInAmericas, Covariates.none()),
                "Region 'Americas'", "no surveyed country");
        NationalData zero = NationalData.fromTable(GE, csv(h + "a,Africa,10,0,0.01\nb,Africa,10,0.2,0.01\n"
                + "c,Africa,10,0.3,0.01\nd,Africa,10,,\n"));
        assertMessage(() -> SurveyPipeline.withDefaults().estimate(zero, Covariates.none()), "Row 1", "logit");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... words) {
        PrevalenceException e = assertThrows(PrevalenceException.class, call);
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' not in: " + e.getMessage());
        }
    }
}
