package org.prevalence.core.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;

class JackknifeTest {
    private static final long[] COUNTS = {0, 5, 0, 2, 12, 3, 0, 7};

    /** Share of cases in cells 4 and 5, a statistic of the counts. */
    private static double share(long[] c) {
        long n = 0;
        for (long v : c) {
            n += v;
        }
        return (double) (c[4] + c[5]) / n;
    }

    /**
     * Count-weighted jackknife over cells equals the case-by-case jackknife of the 29 expanded
     * cases (identity; 1e-12).
     */
    @Test
    void weightedEqualsCaseByCase() {
        Jackknife.Result w = Jackknife.withDefaults().withThreads(2).ofCounts(COUNTS, JackknifeTest::share);
        int n = 29;
        double[] perCase = new double[n];
        int i = 0;
        for (int j = 0; j < COUNTS.length; j++) {
            for (int k = 0; k < COUNTS[j]; k++) {
                long[] c = COUNTS.clone();
                c[j]--;
                perCase[i++] = share(c);
            }
        }
        Jackknife.Result u = Jackknife.of(perCase, null);
        Tolerance.assertRelative(u.getAcceleration(), w.getAcceleration(), 1e-12, "acceleration");
        Tolerance.assertRelative(u.getStandardError(), w.getStandardError(), 1e-12, "SE");
        Tolerance.assertRelative(u.getMean(), w.getMean(), 1e-12, "mean");
        assertTrue(Double.isNaN(w.getValues()[0]));
        assertArrayEquals(new double[] {0, 5, 0, 2, 12, 3, 0, 7}, w.getWeights(), 0.0);
    }

    /**
     * For a sample mean the jackknife SE is s / sqrt(n) and the acceleration is
     * sum((x - xbar)^3) / (6 (sum((x - xbar)^2))^(3/2)) (closed forms, Efron 1987).
     */
    @Test
    void meanClosedForms() {
        double[] x = {1, 2, 2, 3, 7, 11, 4, 0.5};
        int n = x.length;
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double[] loo = new double[n];
        for (int i = 0; i < n; i++) {
            loo[i] = (sum - x[i]) / (n - 1);
        }
        double mean = sum / n;
        double s2 = 0;
        double s3 = 0;
        for (double v : x) {
            s2 += (v - mean) * (v - mean);
            s3 += Math.pow(v - mean, 3);
        }
        Jackknife.Result r = Jackknife.of(loo, null);
        Tolerance.assertRelative(Math.sqrt(s2 / (n - 1)) / Math.sqrt(n), r.getStandardError(), 1e-12, "SE");
        Tolerance.assertRelative(s3 / (6 * Math.pow(s2, 1.5)), r.getAcceleration(), 1e-12, "acceleration");
    }

    /** ofCountsMany: each output equals ofCounts of that statistic; an output not finite for some deletion is null. */
    @Test
    void manyOutputs() {
        java.util.List<Jackknife.Result> many = Jackknife.withDefaults().withThreads(2).ofCountsMany(COUNTS, 2,
                (c, out) -> {
                    out[0] = share(c);
                    out[1] = c[3] == 1 ? Double.NaN : c[7];
                });
        Jackknife.Result one = Jackknife.withDefaults().ofCounts(COUNTS, JackknifeTest::share);
        assertArrayEquals(one.getValues(), many.get(0).getValues(), 0.0);
        assertEquals(one.getAcceleration(), many.get(0).getAcceleration(), 0.0);
        assertEquals(null, many.get(1));
    }

    /** The deletions land at their cell's index: 1, 2, 4 and all threads give identical values and acceleration. */
    @Test
    void identicalForAnyThreadCount() {
        Jackknife.Result one = Jackknife.withDefaults().withThreads(1).ofCounts(COUNTS, JackknifeTest::share);
        for (int t : new int[] {2, 4, 0}) {
            Jackknife.Result r = Jackknife.withDefaults().withThreads(t).ofCounts(COUNTS, JackknifeTest::share);
            assertArrayEquals(one.getValues(), r.getValues(), 0.0, t + " threads");
            assertEquals(Double.doubleToLongBits(one.getAcceleration()), Double.doubleToLongBits(r.getAcceleration()));
        }
    }

    @Test
    void identicalValuesGiveZeroAcceleration() {
        assertEquals(0.0, Jackknife.of(new double[] {2, 2, 2}, null).getAcceleration());
    }

    @Test
    void failingDeletionNamesTheCell() {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> Jackknife.withDefaults()
                .ofCounts(COUNTS, c -> {
                    if (c[5] == 2) {
                        throw PrevalenceException.notEstimable("term 'A:C'", "no MLE");
                    }
                    return 1.0;
                }));
        assertEquals("cell 5", e.where());
        assertTrue(e.getMessage().contains("deleted from cell 5 (count 3): no MLE"), e.getMessage());
    }

    @Test
    void badInput() {
        assertThrows(PrevalenceException.class, () -> Jackknife.of(new double[] {1, 2}, new double[] {1}));
        assertThrows(PrevalenceException.class, () -> Jackknife.of(new double[] {1, 2}, new double[] {0, 0}));
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> Jackknife.of(new double[] {1, Double.NaN}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("value 2"), e.getMessage());
        assertThrows(PrevalenceException.class, () -> Jackknife.withDefaults().ofCounts(new long[] {0, 0}, c -> 1));
    }
}
