package org.prevalence.mse.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.PascalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.prevalence.core.Tolerance;

/**
 * The variates of LcmRandom against Commons Statistics distributions (an independent reference):
 * Kolmogorov-Smirnov for continuous draws, chi-squared for discrete ones, each on 20,000 draws with a
 * fixed seed; a test fails below p = 1e-4 (about 30 such tests: family-wise false alarm rate 0.3 %).
 */
class LcmRandomTest {
    private static final int DRAWS = 20_000;

    private static LcmRandom rnd(long seed) {
        return new LcmRandom(RandomSource.L64_X128_MIX.create(new long[] {seed, 99}));
    }

    /** Kolmogorov-Smirnov p-value (asymptotic series) of sorted draws against a CDF. */
    private static double ksPValue(double[] x, ContinuousDistribution d) {
        Arrays.sort(x);
        double dmax = 0;
        for (int i = 0; i < x.length; i++) {
            double f = d.cumulativeProbability(x[i]);
            dmax = Math.max(dmax, Math.max(f - (double) i / x.length, (i + 1.0) / x.length - f));
        }
        double t = (Math.sqrt(x.length) + 0.12 + 0.11 / Math.sqrt(x.length)) * dmax;
        double p = 0;
        for (int k = 1; k <= 100; k++) {
            p += 2 * Math.pow(-1, k - 1) * Math.exp(-2 * k * k * t * t);
        }
        return Math.min(1, Math.max(0, p));
    }

    /** Chi-squared p-value of counts 0..max against a pmf, cells with expected count < 5 pooled. */
    private static double chiSquaredPValue(long[] counts, IntToDoubleFunction pmf, long total) {
        double chi2 = 0;
        int df = -1;
        double poolObs = 0;
        double poolExp = 0;
        double seen = 0;
        for (int x = 0; x < counts.length; x++) {
            double e = pmf.applyAsDouble(x) * total;
            seen += e;
            poolObs += counts[x];
            poolExp += e;
            if (poolExp >= 5) {
                chi2 += (poolObs - poolExp) * (poolObs - poolExp) / poolExp;
                df++;
                poolObs = 0;
                poolExp = 0;
            }
        }
        double restExp = total - seen + poolExp;
        if (restExp > 0) {
            chi2 += (poolObs - restExp) * (poolObs - restExp) / restExp;
            df++;
        }
        return ChiSquaredDistribution.of(Math.max(df, 1)).survivalProbability(chi2);
    }

    @ParameterizedTest(name = "shape {0}")
    @CsvSource({"0.05", "0.3", "1", "2.5", "50", "2744"})
    void gammaMatchesCommonsStatistics(double shape) {
        LcmRandom r = rnd(1);
        double[] x = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            x[i] = r.logGamma(shape);
        }
        // compare log G with the CDF of G at exp(log G), so tiny shapes keep their precision
        double[] g = Arrays.stream(x).map(Math::exp).toArray();
        double p = ksPValue(g, GammaDistribution.of(shape, 1));
        assertTrue(p > 1e-4, "KS p = " + p);
    }

    @ParameterizedTest(name = "Beta({0}, {1})")
    @CsvSource({"1, 1", "1, 6", "4, 1", "2.5, 7", "0.4, 0.2", "1, 0.01", "300, 2000"})
    void betaMatchesCommonsStatistics(double a, double b) {
        LcmRandom r = rnd(2);
        double[] out = new double[3];
        double[] x = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            r.logBeta(a, b, out);
            if (out[0] - out[1] < 700 && out[0] - out[1] > -700) {
                Tolerance.assertRelative(Math.exp(out[0] - out[1]), out[2], 1e-12, "B / (1 - B)");
            }
            // the smaller of B and 1 - B keeps its precision near 0; 1 - B ~ Beta(b, a)
            x[i] = a <= b ? Math.exp(out[0]) : Math.exp(out[1]);
            // the two logs describe complementary probabilities
            Tolerance.assertAbsolute(1, Math.exp(out[0]) + Math.exp(out[1]), 1e-12, "B + (1 - B)");
        }
        double p = ksPValue(x, a <= b ? BetaDistribution.of(a, b) : BetaDistribution.of(b, a));
        assertTrue(p > 1e-4, "KS p = " + p);
    }

    /** The linear-scale Beta agrees with the Commons Statistics CDF, and its three outputs with each other. */
    @ParameterizedTest(name = "linear Beta({0}, {1})")
    @CsvSource({"1, 1", "2.5, 7", "1, 3000", "0.4, 0.2", "40, 1.5", "1, 6", "4, 1", "3000, 1", "1, 20000.5"})
    void linearBetaMatchesCommonsStatistics(double a, double b) {
        LcmRandom r = rnd(6);
        double[] out = new double[3];
        double[] x = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            r.beta(a, b, out);
            Tolerance.assertAbsolute(1, out[0] + out[1], 1e-12, "B + (1 - B)");
            if (out[1] > 0) {
                Tolerance.assertRelative(out[0] / out[1], out[2], 1e-12, "B / (1 - B)");
            }
            x[i] = a <= b ? out[0] : out[1];
        }
        double p = ksPValue(x, a <= b ? BetaDistribution.of(a, b) : BetaDistribution.of(b, a));
        assertTrue(p > 1e-4, "KS p = " + p);
    }

    @ParameterizedTest(name = "Bin({0}, {1})")
    @CsvSource({"1, 0.5", "20, 0.3", "1000, 0.4", "995, 0.93", "50000, 0.0001", "20000, 0.5", "37, 0.999",
        "12, 0.01", "3, 0.2", "400, 0.0002"})
    void binomialMatchesCommonsStatistics(int n, double prob) {
        LcmRandom r = rnd(3);
        long[] counts = new long[n + 1];
        for (int i = 0; i < DRAWS; i++) {
            counts[r.binomial(n, prob)]++;
        }
        BinomialDistribution d = BinomialDistribution.of(n, prob);
        double p = chiSquaredPValue(counts, d::probability, DRAWS);
        assertTrue(p > 1e-4, "chi-squared p = " + p);
    }

    /** Multinomial margins are binomial; both the categorical (size <= 12) and binomial paths. */
    @ParameterizedTest(name = "size {0}")
    @CsvSource({"5", "12", "13", "30", "400"})
    void multinomialMarginsAreBinomial(int size) {
        LcmRandom r = rnd(4);
        double[] w = {0.5, 3, 0, 1e-3, 1.5};
        double total = 5.001;
        int[] out = new int[5];
        double[] suffix = new double[6];
        long[][] counts = new long[5][size + 1];
        for (int i = 0; i < DRAWS; i++) {
            r.multinomial(size, w, 5, out, suffix);
            assertEquals(size, Arrays.stream(out).sum());
            for (int k = 0; k < 5; k++) {
                counts[k][out[k]]++;
            }
        }
        assertEquals(DRAWS, counts[2][0], "a zero weight gets nobody");
        for (int k : new int[] {0, 1, 4}) {
            BinomialDistribution d = BinomialDistribution.of(size, w[k] / total);
            double p = chiSquaredPValue(counts[k], d::probability, DRAWS);
            assertTrue(p > 1e-4, "class " + k + " chi-squared p = " + p);
        }
    }

    /** Gamma(shape, rate) on the linear scale, with integer shapes inside and outside the table of constants. */
    @ParameterizedTest(name = "Gamma({0}, {1})")
    @CsvSource({"3, 1", "4095, 2", "4096, 0.5", "9.25, 3.5", "0.4, 1"})
    void linearGammaMatchesCommonsStatistics(double shape, double rate) {
        LcmRandom r = rnd(7);
        double[] x = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            x[i] = r.gamma(shape, rate);
        }
        double p = ksPValue(x, GammaDistribution.of(shape, 1 / rate));
        assertTrue(p > 1e-4, "KS p = " + p);
    }

    /** Poisson draws (Commons RNG below mean 10, PTRS above, including the sampler's means near 20,000). */
    @ParameterizedTest(name = "Poisson({0})")
    @CsvSource({"3.5", "10", "47.3", "1234.5", "20000.25"})
    void poissonMatchesCommonsStatistics(double mu) {
        LcmRandom r = rnd(8);
        PoissonDistribution d = PoissonDistribution.of(mu);
        long[] counts = new long[d.inverseSurvivalProbability(1e-12) + 2];
        for (int i = 0; i < DRAWS; i++) {
            long x = r.poisson(mu);
            assertTrue(x >= 0 && x < counts.length, "draw " + x);
            counts[(int) x]++;
        }
        double p = chiSquaredPValue(counts, d::probability, DRAWS);
        assertTrue(p > 1e-4, "chi-squared p = " + p);
    }

    /** Failures before r successes (success probability 1 - p0), uncapped and capped (by rejection and by inversion). */
    @ParameterizedTest(name = "r {0}, p0 {1}, cap {2}")
    @CsvSource({"1, 0.6, 1000000", "7, 0.3, 1000000", "50, 0.9, 1000000", "50, 0.9, 400", "3, 0.999, 40"})
    void negativeBinomialMatchesPascal(int r, double p0, int cap) {
        LcmRandom rand = rnd(5);
        PascalDistribution d = PascalDistribution.of(r, 1 - p0);
        double mass = d.cumulativeProbability(cap);
        int size = (int) Math.min(cap + 1L, d.inverseSurvivalProbability(1e-9) + 2);
        long[] counts = new long[size];
        for (int i = 0; i < DRAWS; i++) {
            long x = rand.negativeBinomialCapped(r, p0, cap);
            assertTrue(x >= 0 && x <= cap, "draw " + x);
            counts[(int) x]++;
        }
        double p = chiSquaredPValue(counts, x -> d.probability(x) / mass, DRAWS);
        assertTrue(p > 1e-4, "chi-squared p = " + p);
    }

    @Test
    void logFactorialMatchesLogGamma() {
        for (long k : new long[] {0, 1, 10, 255, 256, 257, 1000, 123456}) {
            Tolerance.assertRelative(org.apache.commons.math3.special.Gamma.logGamma(k + 1.0) + (k < 2 ? 0 : 0),
                    LcmRandom.logFactorial(k), 1e-14, "log " + k + "!");
        }
    }
}
