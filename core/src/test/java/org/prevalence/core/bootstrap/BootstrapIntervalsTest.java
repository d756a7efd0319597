package org.prevalence.core.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;

class BootstrapIntervalsTest {

    /** R 4.2.2 SparseMSE 2.0.1 bcaconfvalues on R's own replicates: limits to 1e-9 relative. */
    @ParameterizedTest(name = "{0} alpha={4}")
    @CsvFileSource(resources = "bca-expected.csv", numLinesToSkip = 1)
    void bcaMatchesSparseMse(String dataset, double popest, double ahat, double z0, double alpha, double limit,
                             double popestOrder) {
        double[] reps = RefData.bootreps(dataset);
        popest = popestOrder; // resolves the 10-digit tie of Western replicate 312 as R did (see the CSV)
        assertEquals(1000, reps.length);
        Tolerance.assertRelative(z0, BootstrapIntervals.biasCorrection(reps, popest), 1e-9, dataset + " z0");
        Tolerance.assertRelative(limit, BootstrapIntervals.bcaLimit(reps, popest, ahat, alpha), 1e-9,
                dataset + " BCa limit " + alpha);
        Bootstrap.Result r = Bootstrap.Result.of(popest, reps).withAcceleration(ahat);
        Tolerance.assertRelative(limit, r.bcaLimit(alpha), 1e-9, dataset + " Result.bcaLimit " + alpha);
    }

    /** The headline figures (Western estimate: popest_order of bca-expected.csv): UK 95 % (8,784.779909, 14,700.54916), Western (1,293.213942, 3,672.036563). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "uk2013_5lists, 11312.99029, -0.01218108137, 8784.779909, 14700.54916",
        "us_western_site_5lists, 2483.3839205, -0.09501025571, 1293.213942, 3672.036563"})
    void bca95Interval(String dataset, double popest, double ahat, double lower, double upper) {
        Interval ci = Bootstrap.Result.of(popest, RefData.bootreps(dataset)).withAcceleration(ahat)
                .interval(IntervalType.BCA, 0.95);
        Tolerance.assertRelative(lower, ci.lower(), 1e-9, "lower");
        Tolerance.assertRelative(upper, ci.upper(), 1e-9, "upper");
        assertEquals("bca", ci.label());
        assertEquals(0.95, ci.level());
    }

    /** R 4.2.2: quantile(1:10, c(0, 0.1, 0.25, 0.5, 0.9, 1), type = 8) (Hyndman-Fan closed form). */
    @ParameterizedTest(name = "p={0}")
    @CsvSource({"0, 1", "0.1, 1.366666667", "0.25, 2.916666667", "0.5, 5.5", "0.9, 9.633333333", "1, 10",
        "0.02, 1", "0.98, 10"})
    void quantileType8(double p, double expected) {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Tolerance.assertRelative(expected, BootstrapIntervals.quantileType8(x, p), 1e-9, "q8(" + p + ")");
    }

    @Test
    void quantileType8OfOneValueAndTies() {
        assertEquals(3.5, BootstrapIntervals.quantileType8(new double[] {3.5}, 0.3));
        assertEquals(2.0, BootstrapIntervals.quantileType8(new double[] {1, 2, 2, 2, 3}, 0.5));
        assertThrows(PrevalenceException.class, () -> BootstrapIntervals.quantileType8(new double[0], 0.5));
        assertThrows(PrevalenceException.class, () -> BootstrapIntervals.quantileType8(new double[] {1}, 1.5));
    }

    /** Percentile and basic intervals are mirror images about the estimate (closed form). */
    @Test
    void percentileAndBasic() {
        double[] reps = new double[999];
        for (int i = 0; i < reps.length; i++) {
            reps[i] = (i * 7919) % 999; // a permutation of 0..998
        }
        Interval p = BootstrapIntervals.percentile(reps, 0.9);
        // p = 0.05: h' = 1/3 + 0.05 * (999 + 1/3) = 50.3, so 49 + 0.3 (0-based values 0..998 = order - 1)
        Tolerance.assertRelative(49.3, p.lower(), 1e-12, "lower");
        Tolerance.assertRelative(948.7, p.upper(), 1e-12, "upper");
        Interval b = BootstrapIntervals.basic(reps, 500, 0.9);
        Tolerance.assertRelative(1000 - 948.7, b.lower(), 1e-12, "basic lower");
        Tolerance.assertRelative(1000 - 49.3, b.upper(), 1e-12, "basic upper");
        assertEquals("percentile", p.label());
        assertEquals("basic", b.label());
    }

    /** Normal interval as boot::norm.ci: estimate - bias -/+ z * sd (closed form on a small set). */
    @Test
    void normalInterval() {
        double[] reps = {1, 2, 3, 4, 10};
        double mean = 4;
        double sd = Math.sqrt((9 + 4 + 1 + 0 + 36) / 4.0);
        double z = 1.959963984540054;
        Interval n = BootstrapIntervals.normal(reps, 3, 0.95);
        Tolerance.assertRelative(3 - (mean - 3) - z * sd, n.lower(), 1e-14, "lower");
        Tolerance.assertRelative(3 - (mean - 3) + z * sd, n.upper(), 1e-14, "upper");
    }

    /** Studentized: with every replicate SE equal to the original SE, it equals the basic interval. */
    @Test
    void studentizedEqualsBasicWithConstantErrors() {
        double[] reps = new double[400];
        double[] errs = new double[400];
        for (int i = 0; i < reps.length; i++) {
            reps[i] = Math.sqrt(i + 1.0);
            errs[i] = 2.5;
        }
        Interval s = BootstrapIntervals.studentized(reps, errs, 10, 2.5, 0.9);
        Interval b = BootstrapIntervals.basic(reps, 10, 0.9);
        Tolerance.assertRelative(b.lower(), s.lower(), 1e-12, "lower");
        Tolerance.assertRelative(b.upper(), s.upper(), 1e-12, "upper");
    }

    /** With a = 0 and z0 = 0 (half the replicates below) BCa is the percentile interval. */
    @Test
    void bcaWithoutBiasOrAccelerationIsPercentile() {
        double[] reps = new double[1000];
        for (int i = 0; i < reps.length; i++) {
            reps[i] = i;
        }
        Interval bca = BootstrapIntervals.bca(reps, 499.5, 0.0, 0.95);
        Interval pct = BootstrapIntervals.percentile(reps, 0.95);
        Tolerance.assertRelative(pct.lower(), bca.lower(), 1e-12, "lower");
        Tolerance.assertRelative(pct.upper(), bca.upper(), 1e-12, "upper");
    }

    @Test
    void bcaRefusesAllReplicatesOnOneSide() {
        double[] reps = {5, 6, 7};
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> BootstrapIntervals.biasCorrection(reps, 1));
        assertTrue(e.getMessage().contains("none of the 3"), e.getMessage());
        assertTrue(e.getMessage().contains("PERCENTILE"), e.getMessage());
        assertEquals(PrevalenceException.Kind.NOT_ESTIMABLE, e.what());
    }

    @Test
    void levelOutsideUnitIntervalIsRefused() {
        double[] reps = {1, 2, 3};
        for (double bad : new double[] {0, 1, 1.5, -0.1, Double.NaN}) {
            PrevalenceException e = assertThrows(PrevalenceException.class,
                    () -> BootstrapIntervals.percentile(reps, bad));
            assertTrue(e.getMessage().contains("level"), e.getMessage());
            assertEquals("level", e.where());
        }
        Bootstrap.Result r = Bootstrap.Result.of(2, reps);
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> r.interval(IntervalType.NORMAL, 95));
        assertTrue(e.getMessage().contains("between 0 and 1"), e.getMessage());
    }

    @Test
    void bcaNeedsAcceleration() {
        Bootstrap.Result r = Bootstrap.Result.of(2, new double[] {1, 2, 3, 4});
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> r.interval(IntervalType.BCA, 0.9));
        assertTrue(e.getMessage().contains("withAcceleration"), e.getMessage());
        PrevalenceException s = assertThrows(PrevalenceException.class,
                () -> r.interval(IntervalType.STUDENTIZED, 0.9));
        assertTrue(s.getMessage().contains("runStudentized"), s.getMessage());
    }

    @Test
    void replicatesAreNotModified() {
        double[] reps = RefData.bootreps("uk2013_5lists");
        double[] copy = reps.clone();
        BootstrapIntervals.bca(reps, 11312.99029, -0.01218108137, 0.95);
        BootstrapIntervals.percentile(reps, 0.95);
        assertTrue(Arrays.equals(copy, reps));
    }
}
