package org.prevalence.linkage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;

/**
 * EM on a known-truth case: the pattern counts are the exact expected counts of a two-class
 * mixture with conditionally independent fields, so the maximum-likelihood estimate is the truth
 * itself, and EM must return it (to its tolerance).
 */
class ExpectationMaximisationTest {
    static final double[][] M = {{0.05, 0.80, 0.15}, {0.10, 0.70, 0.20}, {0.02, 0.90, 0.08}, {0.20, 0.60, 0.20}};
    static final double[][] U = {{0.05, 0.02, 0.93}, {0.10, 0.05, 0.85}, {0.02, 0.01, 0.97}, {0.20, 0.10, 0.70}};
    static final double LAMBDA = 0.3;
    static final double TOTAL = 1e6;

    static int[][] patterns() {
        int[][] p = new int[81][4];
        for (int c = 0; c < 81; c++) {
            int x = c;
            for (int f = 3; f >= 0; f--) {
                p[c][f] = x % 3;
                x /= 3;
            }
        }
        return p;
    }

    static double[] counts(int[][] p) {
        double[] c = new double[p.length];
        for (int q = 0; q < p.length; q++) {
            double pm = LAMBDA;
            double pu = 1 - LAMBDA;
            for (int f = 0; f < 4; f++) {
                pm *= M[f][p[q][f]];
                pu *= U[f][p[q][f]];
            }
            c[q] = TOTAL * (pm + pu);
        }
        return c;
    }

    @Test
    void emRecoversTheTruthFromExpectedCounts() {
        int[][] p = patterns();
        double[][] start = {{0.05, 0.6, 0.35}, {0.1, 0.6, 0.3}, {0.02, 0.6, 0.38}, {0.2, 0.5, 0.3}};
        boolean[] all = {true, true, true, true};
        FellegiSunter.EmFit fit = FellegiSunter.withDefaults().withTolerance(1e-12).withMaxIterations(100000)
                .em(p, counts(p), new int[] {3, 3, 3, 3}, U, all, all, start, 0.5, "test");
        assertEquals(LAMBDA, fit.lambda(), 1e-6, "lambda");
        for (int f = 0; f < 4; f++) {
            for (int l = 0; l < 3; l++) {
                assertEquals(M[f][l], fit.m()[f][l], 1e-6, "m[" + f + "][" + l + "]");
            }
        }
    }

    @Test
    void aFieldLeftOutKeepsItsStartingValue() {
        int[][] p = patterns();
        double[][] start = {{0.05, 0.6, 0.35}, {0.1, 0.6, 0.3}, {0.02, 0.6, 0.38}, {0.2, 0.5, 0.3}};
        boolean[] some = {true, true, true, false};
        FellegiSunter.EmFit fit = FellegiSunter.withDefaults().withTolerance(1e-12).withMaxIterations(100000)
                .em(p, counts(p), new int[] {3, 3, 3, 3}, U, some, some, start, 0.5, "test");
        assertEquals(0.5, fit.m()[3][1], 0.0);
        assertEquals(LAMBDA, fit.lambda(), 1e-6, "lambda is identified by three fields");
        assertEquals(M[0][1], fit.m()[0][1], 1e-6);
    }

    @Test
    void notConvergingIsAnError() {
        int[][] p = patterns();
        double[][] start = {{0.05, 0.6, 0.35}, {0.1, 0.6, 0.3}, {0.02, 0.6, 0.38}, {0.2, 0.5, 0.3}};
        boolean[] all = {true, true, true, true};
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> FellegiSunter.withDefaults().withMaxIterations(2)
                .em(p, counts(p), new int[] {3, 3, 3, 3}, U, all, all, start, 0.5, "blocking rule 'dob'"));
        assertEquals(PrevalenceException.Kind.NOT_CONVERGED, e.what());
        assertEquals("blocking rule 'dob'", e.where());
    }
}
