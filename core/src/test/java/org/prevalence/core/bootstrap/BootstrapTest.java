package org.prevalence.core.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;

class BootstrapTest {
    /** UK 2013 5-list counts by history mask (list j = bit j), from shared/refdata/published-lists/uk2013_5lists.csv. */
    static final long[] CELLS = {0, 54, 463, 15, 995, 19, 62, 1, 695, 3, 19, 1, 76, 0, 4, 1,
        316, 0, 1, 0, 11, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0};

    /** A ratio statistic that fails (PrevalenceException) on a few per cent of resamples. */
    static double ratio(long[] c) {
        if (c[1] < 40) {
            throw PrevalenceException.notEstimable("cell 1", "too few cases in cell 1: %d", c[1]);
        }
        return (double) (c[2] + c[4]) / (c[1] + c[3] + 1.0);
    }

    /** Bit-identical replicates, failures and intervals for 1, 2 and 8 threads. */
    @Test
    void identicalForAnyThreadCount() {
        Bootstrap base = Bootstrap.withDefaults().withReplicates(2000).withSeed(20240601L);
        Resampler<long[]> rs = Resamplers.multinomial(CELLS);
        Bootstrap.Result one = base.withThreads(1).run(rs, BootstrapTest::ratio);
        assertTrue(one.getFailed() > 0 && one.getFailed() < 100, "some replicates fail: " + one.getFailed());
        for (int t : new int[] {2, 4, 8, 0}) {
            Bootstrap.Result r = base.withThreads(t).run(rs, BootstrapTest::ratio);
            assertArrayEquals(one.getReplicates(), r.getReplicates(), 0.0, t + " threads");
            assertArrayEquals(one.getFailedIndices(), r.getFailedIndices(), t + " threads failures");
            assertEquals(one.getFirstFailure(), r.getFirstFailure());
            assertEquals(one.interval(IntervalType.PERCENTILE, 0.95), r.interval(IntervalType.PERCENTILE, 0.95));
        }
    }

    @Test
    void seedDeterminesTheReplicates() {
        Resampler<long[]> rs = Resamplers.multinomial(CELLS);
        Bootstrap b = Bootstrap.withDefaults().withReplicates(200).withThreads(2);
        double[] a1 = b.withSeed(1).run(rs, BootstrapTest::ratio).getReplicates();
        double[] a2 = b.withSeed(1).run(rs, BootstrapTest::ratio).getReplicates();
        double[] c = b.withSeed(2).run(rs, BootstrapTest::ratio).getReplicates();
        assertArrayEquals(a1, a2, 0.0);
        assertFalse(java.util.Arrays.equals(a1, c));
    }

    /** generator(seed, i) depends only on (seed, i); neighbouring indices and seeds give different streams. */
    @Test
    void generatorIsAFunctionOfSeedAndIndex() {
        UniformRandomProvider g1 = Bootstrap.generator(1234, 7);
        UniformRandomProvider g2 = Bootstrap.generator(1234, 7);
        for (int k = 0; k < 100; k++) {
            assertEquals(g1.nextLong(), g2.nextLong());
        }
        List<Long> firsts = new ArrayList<>();
        for (long s = 0; s < 4; s++) {
            for (long i = 0; i < 256; i++) {
                firsts.add(Bootstrap.generator(s, i).nextLong());
            }
        }
        assertEquals(firsts.size(), firsts.stream().distinct().count(), "first outputs all distinct");
    }

    /**
     * The bootstrap SE of a sample mean (rows resampled) converges to the plug-in SE
     * sqrt((n-1)/n) s / sqrt(n); 4,000 replicates give a Monte Carlo relative SD of about
     * 1/sqrt(2 * 4000) = 1.1 %, tolerance 5 %.
     */
    @Test
    void bootstrapStandardErrorOfAMean() {
        int n = 50;
        double[] y = new double[n];
        UniformRandomProvider rng = Bootstrap.generator(99, 0);
        for (int i = 0; i < n; i++) {
            y[i] = Math.exp(rng.nextDouble() * 2);
        }
        Bootstrap.Result r = Bootstrap.withDefaults().withReplicates(4000).withSeed(5)
                .run(Resamplers.rows(n), m -> {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += m[i] * y[i];
                    }
                    return s / n;
                });
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        double plugIn = Math.sqrt(ss / n) / Math.sqrt(n);
        Tolerance.assertRelative(mean, r.getEstimate(), 1e-12, "estimate");
        Tolerance.assertRelative(plugIn, r.getBootstrapStandardError(), 0.05, "bootstrap SE");
        Tolerance.assertAbsolute(0, r.getBias(), 3 * plugIn / Math.sqrt(4000), "bias of a linear statistic");
        Interval normal = r.interval(IntervalType.NORMAL, 0.95);
        Tolerance.assertRelative(2 * 1.959964 * plugIn, normal.width(), 0.06, "normal width");
    }

    /** Studentized run: for the mean with its textbook SE, t-limits are close to mean -/+ 1.96 * (1 + 1/n) * SE. */
    @Test
    void studentizedRunKeepsErrors() {
        int n = 200;
        double[] y = new double[n];
        UniformRandomProvider rng = Bootstrap.generator(7, 0);
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextDouble();
        }
        StatisticWithError<int[]> meanWithSe = m -> {
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                s += m[i] * y[i];
                s2 += m[i] * y[i] * y[i];
            }
            double mean = s / n;
            return new ValueWithError(mean, Math.sqrt((s2 / n - mean * mean) / (n - 1)));
        };
        Bootstrap.Result r = Bootstrap.withDefaults().withReplicates(2000).runStudentized(Resamplers.rows(n), meanWithSe);
        assertEquals(2000, r.getReplicateStandardErrors().length);
        Interval t = r.interval(IntervalType.STUDENTIZED, 0.95);
        double se = r.getStandardError();
        // uniform data are symmetric: the bootstrap-t interval is within 10 % of the normal-theory one
        Tolerance.assertRelative(2 * 1.96 * se, t.width(), 0.10, "studentized width");
        assertTrue(t.contains(r.getEstimate()));
        assertEquals("studentized", t.label());
    }

    @Test
    void failuresAreCountedAndOmitted() {
        Bootstrap.Result r = Bootstrap.withDefaults().withReplicates(1000).run(Resamplers.multinomial(CELLS),
                BootstrapTest::ratio);
        assertEquals(1000, r.getRequested());
        assertEquals(1000 - r.getFailed(), r.getSucceeded());
        assertEquals(r.getSucceeded(), r.getReplicates().length);
        assertTrue(r.getFirstFailure().startsWith("replicate " + (r.getFailedIndices()[0] + 1) + ": too few"),
                r.getFirstFailure());
        assertTrue(r.toString().contains("failed=" + r.getFailed()), r.toString());
    }

    @Test
    void tooManyFailuresIsAnError() {
        Bootstrap b = Bootstrap.withDefaults().withReplicates(500);
        Statistic<long[]> often = c -> {
            if (c[1] < 50) {
                throw PrevalenceException.notEstimable("cell 1", "no MLE");
            }
            return c[1];
        };
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> b.run(Resamplers.multinomial(CELLS), often));
        assertEquals(PrevalenceException.Kind.NOT_ESTIMABLE, e.what());
        assertTrue(e.getMessage().contains("of 500 bootstrap replicates failed"), e.getMessage());
        assertTrue(e.getMessage().contains("more than the 5 % allowed"), e.getMessage());
        assertTrue(e.getMessage().contains("no MLE"), e.getMessage());
        // the same run passes with a higher threshold
        Bootstrap.Result r = b.withMaxFailureFraction(0.9).run(Resamplers.multinomial(CELLS), often);
        assertTrue(r.getFailed() > 25);
    }

    @Test
    void nonFiniteValuesFail() {
        Bootstrap.Result r = Bootstrap.withDefaults().withReplicates(1000)
                .run(Resamplers.multinomial(CELLS), c -> c[1] < 40 ? Double.NaN : c[1]);
        assertTrue(r.getFailed() > 0);
        for (double v : r.getReplicates()) {
            assertTrue(v >= 40);
        }
    }

    @Test
    void statisticFailingOnOriginalDataIsAnError() {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> Bootstrap.withDefaults()
                .run(Resamplers.multinomial(CELLS), c -> {
                    throw PrevalenceException.notEstimable("term 'A:B'", "term 'A:B' is not estimable");
                }));
        assertTrue(e.getMessage().contains("original data"), e.getMessage());
        assertTrue(e.getMessage().contains("term 'A:B'"), e.getMessage());
        assertEquals("term 'A:B'", e.where());
        PrevalenceException nan = assertThrows(PrevalenceException.class, () -> Bootstrap.withDefaults()
                .run(Resamplers.multinomial(CELLS), c -> Double.POSITIVE_INFINITY));
        assertTrue(nan.getMessage().contains("Infinity on the original data"), nan.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5})
    void zeroReplicatesIsRefused(int n) {
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> Bootstrap.withDefaults().withReplicates(n));
        assertTrue(e.getMessage().contains("replicates must be >= 1"), e.getMessage());
        assertEquals(PrevalenceException.Kind.INVALID_ARGUMENT, e.what());
    }

    @Test
    void badConfigurationIsRefused() {
        assertThrows(PrevalenceException.class, () -> Bootstrap.withDefaults().withThreads(-1));
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> Bootstrap.withDefaults().withMaxFailureFraction(1.5));
        assertTrue(e.getMessage().contains("maxFailureFraction"), e.getMessage());
        // threshold 1: every replicate may fail; the result then has no interval
        Bootstrap.Result none = Bootstrap.withDefaults().withReplicates(20).withMaxFailureFraction(1.0)
                .run(Resamplers.multinomial(CELLS), c -> c[1] == 54 ? 1.0 : Double.NaN);
        assertTrue(none.getSucceeded() < 20);
        assertEquals(20, none.getFailed() + none.getSucceeded());
    }

    @Test
    void otherExceptionsPropagate() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Bootstrap.withDefaults()
                .withThreads(2).withReplicates(100).run(Resamplers.rows(10), m -> {
                    if (m[0] == 3) {
                        throw new IllegalStateException("bug");
                    }
                    return 1.0;
                }));
        assertEquals("bug", e.getMessage());
    }

    /** The progress hook sees 1..R in order, once each, from any number of threads. */
    @Test
    void progressIsReportedOncePerReplicate() {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        int[] totals = new int[1];
        Bootstrap.withDefaults().withReplicates(300).withThreads(4).withProgress((done, total) -> {
            seen.add(done);
            totals[0] = total;
        }).run(Resamplers.multinomial(CELLS), BootstrapTest::ratio);
        assertEquals(300, seen.size());
        for (int i = 0; i < 300; i++) {
            assertEquals(i + 1, seen.get(i));
        }
        assertEquals(300, totals[0]);
    }

    /** runMany gives, for each output, what run gives for that statistic alone. */
    @Test
    void runManyMatchesSeparateRuns() {
        Bootstrap b = Bootstrap.withDefaults().withReplicates(300).withSeed(11);
        Resampler<long[]> rs = Resamplers.multinomial(CELLS);
        List<Bootstrap.Result> many = b.runMany(rs, 2, (c, out) -> {
            out[0] = c[2];
            out[1] = c[1] < 40 ? Double.NaN : c[4];
        });
        Bootstrap.Result first = b.run(rs, c -> c[2]);
        Bootstrap.Result second = b.run(rs, c -> c[1] < 40 ? Double.NaN : c[4]);
        assertArrayEquals(first.getReplicates(), many.get(0).getReplicates(), 0.0);
        assertArrayEquals(second.getReplicates(), many.get(1).getReplicates(), 0.0);
        assertEquals(0, many.get(0).getFailed());
        assertEquals(second.getFailed(), many.get(1).getFailed());
    }

    @Test
    void defaultsAndAccessors() {
        Bootstrap b = Bootstrap.withDefaults();
        assertSame(b, Bootstrap.withDefaults());
        assertEquals(1000, b.getReplicates());
        assertEquals(1234L, b.getSeed());
        assertEquals(0, b.getThreads());
        assertEquals(0.05, b.getMaxFailureFraction());
        Bootstrap.Result r = b.withReplicates(50).run(Resamplers.rows(5), m -> m[0]);
        assertEquals(1234L, r.getSeed());
        assertNotEquals(r.getReplicates()[0], Double.NaN);
        assertTrue(Double.isNaN(r.getAcceleration()));
        assertTrue(r.withAcceleration(0.1).toString().contains("acceleration=0.1"));
    }
}
