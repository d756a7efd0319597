package org.prevalence.core.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;

class ResamplersTest {
    private static final long[] COUNTS = {0, 5, 0, 0, 120, 3, 0, 72};
    private static final int DRAWS = 20000;

    /**
     * Multinomial cell means n p_j and variances n p_j (1 - p_j), checked over 20,000 resamples
     * (tolerance 5 Monte Carlo SEs), for both case-to-cell maps (lookup table and binary search).
     */
    @ParameterizedTest(name = "lookup={0}")
    @ValueSource(booleans = {true, false})
    void multinomialMoments(boolean lookup) {
        long n = 200;
        Resampler<long[]> rs = new Resamplers.Multinomial(COUNTS.clone(), n, lookup);
        long[] buf = rs.newBuffer();
        double[] sum = new double[COUNTS.length];
        double[] sum2 = new double[COUNTS.length];
        for (int b = 0; b < DRAWS; b++) {
            rs.resample(Bootstrap.generator(3, b), buf);
            long total = 0;
            for (int j = 0; j < buf.length; j++) {
                total += buf[j];
                sum[j] += buf[j];
                sum2[j] += (double) buf[j] * buf[j];
                if (COUNTS[j] == 0) {
                    assertEquals(0, buf[j], "empty cell " + j + " stays empty");
                }
            }
            assertEquals(n, total);
        }
        for (int j = 0; j < COUNTS.length; j++) {
            double p = COUNTS[j] / (double) n;
            double mean = sum[j] / DRAWS;
            double var = sum2[j] / DRAWS - mean * mean;
            double expVar = n * p * (1 - p);
            Tolerance.assertAbsolute(n * p, mean, 5 * Math.sqrt(expVar / DRAWS) + 1e-12, "mean cell " + j);
            // var of the sample variance ~ 2 sigma^4 / B (plus kurtosis, small here): 5 SE with a factor 1.5
            Tolerance.assertAbsolute(expVar, var, 7.5 * expVar * Math.sqrt(2.0 / DRAWS) + 1e-12, "var cell " + j);
        }
    }

    @Test
    void multinomialOriginalIsACopy() {
        Resampler<long[]> rs = Resamplers.multinomial(COUNTS);
        long[] o = rs.original();
        assertArrayEquals(COUNTS, o);
        o[1] = 99;
        assertArrayEquals(COUNTS, rs.original());
    }

    @Test
    void multinomialRefusesBadCounts() {
        PrevalenceException neg = assertThrows(PrevalenceException.class,
                () -> Resamplers.multinomial(new long[] {0, 3, -1}));
        assertTrue(neg.getMessage().contains("cell 2 has a negative count -1"), neg.getMessage());
        assertEquals("cell 2", neg.where());
        PrevalenceException zero = assertThrows(PrevalenceException.class,
                () -> Resamplers.multinomial(new long[] {0, 0}));
        assertTrue(zero.getMessage().contains("all 2 cell counts are zero"), zero.getMessage());
    }

    /** Row multiplicities: sum n, mean 1, variance (n-1)/n (multinomial with p = 1/n). */
    @Test
    void rowMultiplicities() {
        int n = 10;
        Resampler<int[]> rs = Resamplers.rows(n);
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, rs.original());
        int[] buf = rs.newBuffer();
        double s = 0;
        double s2 = 0;
        for (int b = 0; b < DRAWS; b++) {
            rs.resample(Bootstrap.generator(4, b), buf);
            int total = 0;
            for (int v : buf) {
                total += v;
            }
            assertEquals(n, total);
            s += buf[3];
            s2 += buf[3] * buf[3];
        }
        double mean = s / DRAWS;
        double var = s2 / DRAWS - mean * mean;
        Tolerance.assertAbsolute(1.0, mean, 5 * Math.sqrt(0.9 / DRAWS), "mean multiplicity");
        Tolerance.assertAbsolute(0.9, var, 0.05, "variance of a multiplicity");
        assertThrows(PrevalenceException.class, () -> Resamplers.rows(0));
    }

    /**
     * Rao-Wu multipliers: within stratum h they sum to n_h; each has mean 1 and variance
     * (n_h/m_h)^2 m_h (1/n_h)(1 - 1/n_h) = (n_h - 1)/m_h (= 1 for m_h = n_h - 1).
     */
    @ParameterizedTest
    @ValueSource(strings = {"N_MINUS_ONE", "N"})
    void raoWuMultipliers(String drawsName) {
        PsuDraws draws = PsuDraws.valueOf(drawsName);
        String[] strata = {"A", "B", "A", "A", "B", "C", "C", "C", "C"};
        Resampler<double[]> rs = Resamplers.psusWithinStrata(strata, draws);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, rs.original(), 0.0);
        double[] buf = rs.newBuffer();
        double s = 0;
        double s2 = 0;
        for (int b = 0; b < DRAWS; b++) {
            rs.resample(Bootstrap.generator(5, b), buf);
            Tolerance.assertRelative(3, buf[0] + buf[2] + buf[3], 1e-12, "stratum A total");
            Tolerance.assertRelative(2, buf[1] + buf[4], 1e-12, "stratum B total");
            Tolerance.assertRelative(4, buf[5] + buf[6] + buf[7] + buf[8], 1e-12, "stratum C total");
            s += buf[6];
            s2 += buf[6] * buf[6];
        }
        int nh = 4;
        int mh = draws == PsuDraws.N_MINUS_ONE ? 3 : 4;
        double expVar = (nh - 1.0) / mh;
        double mean = s / DRAWS;
        Tolerance.assertAbsolute(1.0, mean, 5 * Math.sqrt(expVar / DRAWS), "mean multiplier");
        Tolerance.assertAbsolute(expVar, s2 / DRAWS - mean * mean, 0.06, "variance of a multiplier");
    }

    @Test
    void raoWuRefusesLonelyPsu() {
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> Resamplers.psusWithinStrata(new String[] {"A", "A", "H"}, PsuDraws.N_MINUS_ONE));
        assertTrue(e.getMessage().contains("stratum 'H' has one PSU"), e.getMessage());
        assertEquals("stratum 'H'", e.where());
        // with n_h draws a single PSU is allowed and always drawn once
        Resampler<double[]> rs = Resamplers.psusWithinStrata(new String[] {"A", "A", "H"}, PsuDraws.N);
        double[] buf = rs.newBuffer();
        UniformRandomProvider g = Bootstrap.generator(1, 1);
        rs.resample(g, buf);
        assertEquals(1.0, buf[2]);
    }
}
