package org.prevalence.core.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.Warning;

/** The BCa adjusted percentiles (as R boot.ci prints them) and the Monte Carlo rule on extreme replicates. */
class BcaPercentilesTest {

    /**
     * Closed form pnorm(z0 + (z0 + z)/(1 - a (z0 + z))), z = qnorm(p), evaluated independently with Python 3.11
     * statistics.NormalDist (cdf and inv_cdf), printed with repr: 17 significant digits; 1e-10 relative covers
     * the two normal implementations' differences.
     */
    @ParameterizedTest(name = "z0 {0}, a {1}, level {2}")
    @CsvSource({
        "0.1, 0.05, 0.95, 0.054610076898359616, 0.9917237368688839",
        "-0.2, -0.03, 0.9, 0.015661685498323086, 0.8819571592421434",
        "0.0, 0.0, 0.95, 0.025000000000000022, 0.975"})
    void percentilesMatchTheClosedForm(double z0, double a, double level, double alpha1, double alpha2) {
        double[] p = BootstrapIntervals.bcaPercentiles(z0, a, level);
        Tolerance.assertRelative(alpha1, p[0], 1e-10, "alpha1");
        Tolerance.assertRelative(alpha2, p[1], 1e-10, "alpha2");
    }

    @Test
    void theBcaLimitsAreTheQuantilesAtThePercentiles() {
        // replicates 1..999 and an estimate of 480.5: z0 = qnorm(480/999); limits = type-8 quantiles at alpha1, alpha2
        double[] reps = new double[999];
        for (int i = 0; i < reps.length; i++) {
            reps[i] = i + 1;
        }
        double a = 0.04;
        double z0 = BootstrapIntervals.biasCorrection(reps, 480.5);
        double[] p = BootstrapIntervals.bcaPercentiles(z0, a, 0.95);
        org.prevalence.core.Interval ci = BootstrapIntervals.bca(reps, 480.5, a, 0.95);
        assertEquals(BootstrapIntervals.quantileType8(reps, p[0]), ci.lower(), 0.0);
        assertEquals(BootstrapIntervals.quantileType8(reps, p[1]), ci.upper(), 0.0);
    }

    @Test
    void extremesFollowTheType8Position() {
        // j = floor(1/3 + p (n + 1/3)); n = 1000: p = 0.005 -> j = 5 (order statistics 5, 6: among the 10 smallest)
        assertTrue(BootstrapIntervals.amongExtremes(1000, 0.005, 10));
        // p = 0.009: j = floor(9.336) = 9, uses 9 and 10: still among the 10 smallest
        assertTrue(BootstrapIntervals.amongExtremes(1000, 0.009, 10));
        // p = 0.01: j = floor(10.337) = 10, uses 10 and 11: not
        assertFalse(BootstrapIntervals.amongExtremes(1000, 0.01, 10));
        assertFalse(BootstrapIntervals.amongExtremes(1000, 0.025, 10));
        // upper tail: p = 0.991: j = floor(991.66) = 991 >= 1000 - 10 + 1
        assertTrue(BootstrapIntervals.amongExtremes(1000, 0.991, 10));
        assertFalse(BootstrapIntervals.amongExtremes(1000, 0.975, 10));
        // 200 replicates, 95 %: p = 0.025 -> j = floor(5.36) = 5: among the 10 smallest
        assertTrue(BootstrapIntervals.amongExtremes(200, 0.025, 10));
        assertThrows(PrevalenceException.class, () -> BootstrapIntervals.amongExtremes(0, 0.5, 10));
        assertThrows(PrevalenceException.class, () -> BootstrapIntervals.amongExtremes(10, 1.5, 10));
    }

    @Test
    void theMonteCarloWarningNamesTheLimitAndAsksForMoreReplicates() {
        Warning w = BootstrapIntervals.extremeLimitWarning(200, new double[] {0.025, 0.975});
        assertNotNull(w);
        assertEquals(Warning.Kind.MONTE_CARLO, w.kind());
        assertTrue(w.message().startsWith("both limits are"), w.message());
        assertTrue(w.message().contains("more replicates"), w.message());
        Warning upper = BootstrapIntervals.extremeLimitWarning(1000, new double[] {0.03, 0.995});
        assertTrue(upper.message().startsWith("the upper limit is"), upper.message());
        assertTrue(upper.message().contains("0.99500"), upper.message());
        assertNull(BootstrapIntervals.extremeLimitWarning(1000, new double[] {0.025, 0.975}));
    }
}
