package org.prevalence.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;

/** The in-JVM engine on four rows whose sums are worked out by hand. */
class MemoryEngineTest {
    // rows: g = a, a, b, (missing); w = 1, 2, 3, 4; r = 2, 0, 6, 8; y = 1, NaN, 3, 5; x = 2, 4, 6, 8
    private static MemoryEngine engine() {
        return MemoryEngine.builder(4).text("g", new int[] {0, 0, 1, -1}, List.of("a", "b"))
                .numeric("w", new double[] {1, 2, 3, 4}).numeric("r", new double[] {2, 0, 6, 8})
                .numeric("y", new double[] {1, Double.NaN, 3, 5}).numeric("x", new double[] {2, 4, 6, 8})
                .numeric("k", new double[] {1, 1, 2.5, 2.5}).build();
    }

    @Test
    void sumsByHand() {
        GroupedSums s = engine().sums(SumRequest.of(List.of("g"), List.of("w", "r"), List.of(Term.one(), Term.of("y"),
                Term.product("y", "x"))));
        assertEquals(2, s.groups().size(), "the row with a missing key is left out");
        GroupedSums.Group a = s.group(List.of("a"));
        assertEquals(1, a.rows());
        assertEquals(1, a.missing(), "row 2 has y missing");
        // group a, complete row 1 only: w: 1, 1, 2; r: 2, 2, 4
        double[] want = {1, 1, 2, 2, 2, 4};
        for (int k = 0; k < want.length; k++) {
            Tolerance.assertRelative(want[k], a.sums()[k], 0, "a " + k);
        }
        GroupedSums.Group b = s.group(List.of("b"));
        // row 3: w 3 -> 3, 9, 54; r 6 -> 6, 18, 108
        double[] wantB = {3, 9, 54, 6, 18, 108};
        for (int k = 0; k < wantB.length; k++) {
            Tolerance.assertRelative(wantB[k], b.sums()[k], 0, "b " + k);
        }
        assertEquals(1, s.weightChecks().get(0).min(), 0);
        assertEquals(8, s.weightChecks().get(1).max(), 0);
        assertNull(s.group(List.of("c")));
    }

    @Test
    void numericKeysAreLabelled() {
        GroupedSums s = engine().sums(SumRequest.counts(List.of("k")));
        assertEquals(List.of("1"), s.groups().get(0).keys());
        assertEquals(List.of("2.5"), s.groups().get(1).keys());
        assertEquals(2, s.groups().get(1).rows());
    }

    @Test
    void irlsByHand() {
        // gaussian start pass over complete rows 1, 3, 4: A = sum w [1 x; x x^2], X'Wz = sum w [y, x y]
        IrlsStep g = engine().irls(new IrlsRequest(List.of("x"), true, "y", null, "w", GlmKind.GAUSSIAN_IDENTITY,
                null, List.of()));
        assertEquals(3, g.rows());
        assertEquals(1, g.missing());
        double[][] a = g.xtwx();
        Tolerance.assertRelative(8, a[0][0], 1e-15, "sum w");
        Tolerance.assertRelative(2 + 18 + 32, a[0][1], 1e-15, "sum w x");
        Tolerance.assertRelative(4 + 108 + 256, a[1][1], 1e-15, "sum w x^2");
        Tolerance.assertRelative(1 + 9 + 20, g.score()[0], 1e-15, "sum w y");
        Tolerance.assertRelative(2 + 54 + 160, g.score()[1], 1e-15, "sum w x y");
        // binomial at beta = 0 on y' = y > 2: mu = 1/2, W = w/4, U = sum w x (y - 1/2), D = 2 ln 2 sum w
        MemoryEngine e = MemoryEngine.builder(3).numeric("w", new double[] {1, 2, 3})
                .numeric("x", new double[] {1, 2, 3}).numeric("y", new double[] {0, 1, 1}).build();
        IrlsStep b = e.irls(new IrlsRequest(List.of("x"), false, "y", null, "w", GlmKind.BINOMIAL_LOGIT,
                new double[] {0}, List.of("y")));
        Tolerance.assertRelative((1 + 8 + 27) / 4.0, b.xtwx()[0][0], 1e-15, "W x^2");
        Tolerance.assertRelative(-0.5 + 2 + 4.5, b.score()[0], 1e-15, "U");
        Tolerance.assertRelative(12 * Math.log(2), b.deviance(), 1e-15, "deviance");
        Tolerance.assertRelative(-0.5, b.groupScores().get(List.of("0"))[0], 1e-15, "score of y = 0");
        Tolerance.assertRelative(6, b.xtwz(new double[] {0})[0], 1e-15, "X'Wz = A beta + U");
    }

    @Test
    void errorsNameTheColumn() {
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> engine().sums(SumRequest.of(List.of(), List.of("g"), List.of(Term.one()))));
        assertTrue(e.getMessage().contains("column 'g' holds text"), e.getMessage());
        e = assertThrows(PrevalenceException.class,
                () -> engine().sums(SumRequest.of(List.of("zz"), List.of("w"), List.of(Term.one()))));
        assertTrue(e.getMessage().contains("no column 'zz'"), e.getMessage());
        assertThrows(PrevalenceException.class, () -> MemoryEngine.builder(2).numeric("a", new double[3]));
    }
}
