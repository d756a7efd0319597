package org.prevalence.linkage.model;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;

/**
 * The Fellegi-Sunter error rates of the threshold rule against a hand enumeration of the four patterns of two
 * two-level fields (m = (0.1, 0.9), (0.2, 0.8); u = (0.9, 0.1), (0.7, 0.3); lambda 0.1). Match probabilities
 * lambda prod(m) / (lambda prod(m) + (1 - lambda) prod(u)): pattern 00: 0.002 / 0.569 = 0.0035, 01: 0.008 / 0.251 =
 * 0.0319, 10: 0.018 / 0.081 = 0.2222, 11: 0.072 / 0.099 = 0.7273. The false-match mass uses the non-matches'
 * shares u* = (u - lambda m) / (1 - lambda): field a (0.89, 0.01) / 0.9, field b (0.68, 0.22) / 0.9.
 */
class ParametersTest {
    private static Parameters two() {
        double[][] m = {{0.1, 0.9}, {0.2, 0.8}};
        double[][] u = {{0.9, 0.1}, {0.7, 0.3}};
        return new Parameters(List.of("a", "b"), List.of(List.of("no", "yes"), List.of("no", "yes")), m, u, 0.1,
                List.of(), 1000);
    }

    @Test
    void errorRatesAtOneHalf() {
        // linked: pattern 11 only. FNR = m(00) + m(01) + m(10) = 0.02 + 0.08 + 0.18; FPR = u*(11)
        double[] r = two().errorRates(0.5);
        Tolerance.assertRelative(0.28, r[0], 1e-12, "FNR");
        Tolerance.assertRelative(0.01 / 0.9 * 0.22 / 0.9, r[1], 1e-12, "FPR");
    }

    @Test
    void errorRatesAtOneFifth() {
        // linked: 10 and 11. FNR = 0.02 + 0.08; FPR = u*(10) + u*(11) = u*_a(yes)
        double[] r = two().errorRates(0.2);
        Tolerance.assertRelative(0.10, r[0], 1e-12, "FNR");
        Tolerance.assertRelative(0.01 / 0.9, r[1], 1e-12, "FPR");
    }

    @Test
    void refusesAThresholdOutsideTheUnitInterval() {
        assertThrows(PrevalenceException.class, () -> two().errorRates(1));
    }
}
