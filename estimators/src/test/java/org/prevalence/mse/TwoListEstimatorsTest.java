package org.prevalence.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * Closed forms by hand for Chapman and Lincoln-Petersen. The decimal values below are the exact
 * fractions evaluated (e.g. 101*81/21 - 1 = 8160/21) and, for the intervals, Chao's (1987)
 * formula evaluated independently in Python 3 (math, statistics.NormalDist): tolerance 1e-12 relative.
 */
class TwoListEstimatorsTest {
    private static final double TOL = 1e-12;

    @Test
    void chapmanClosedForm() {
        Chapman.Result r = Chapman.withDefaults().estimate(100, 80, 20);
        Tolerance.assertRelative(8160.0 / 21.0, r.getEstimate(), TOL, "N = 101*81/21 - 1");
        // Seber (1970): 101*81*80*60 / (21^2 * 22)
        Tolerance.assertRelative(Math.sqrt(39268800.0 / 9702.0), r.getStandardError(), TOL, "se");
        Tolerance.assertRelative(63.619928967117495, r.getStandardError(), TOL, "se decimal");
        Interval ci = r.getConfidenceInterval();
        Tolerance.assertRelative(293.8155231202513, ci.lower(), TOL, "lower");
        Tolerance.assertRelative(550.4247933345863, ci.upper(), TOL, "upper");
        assertEquals("lognormal", ci.label());
        assertEquals(160, r.getObserved());
        // unseen = (n1-m)(n2-m)/(m+1) = 80*60/21
        Tolerance.assertRelative(4800.0 / 21.0, r.getUnobserved(), TOL, "unseen");
    }

    @Test
    void chapmanFromTableMatchesCounts() {
        // UK LA (54 only) and NG (463 only), 15 on both (first two lists of the UK 2013 table).
        ListOverlapTable t = ListOverlapTable.ofMaskCounts(List.of("LA", "NG"), new long[] {0, 39, 448, 15});
        Chapman.Result r = Chapman.withDefaults().estimate(t);
        assertEquals(54, r.getN1());
        assertEquals(463, r.getN2());
        assertEquals(15, r.getM());
        Tolerance.assertRelative(1594.0, r.getEstimate(), TOL, "55*464/16 - 1");
        Tolerance.assertRelative(320.0863853987655, r.getStandardError(), TOL, "se");
        Tolerance.assertRelative(1124.0744551210473, r.getConfidenceInterval().lower(), TOL, "lower");
        Tolerance.assertRelative(2418.9152344761733, r.getConfidenceInterval().upper(), TOL, "upper");
        assertTrue(r.toString().startsWith("Chapman[N=1,594"), r.toString());
    }

    @Test
    void chapmanWithNoOverlapExists() {
        Chapman.Result r = Chapman.withDefaults().estimate(10, 20, 0);
        Tolerance.assertRelative(11.0 * 21.0 - 1, r.getEstimate(), TOL, "N");
        assertTrue(r.getConfidenceInterval().lower() >= 30, "lower >= observed");
    }

    @Test
    void identicalListsGiveNoUnseenCases() {
        Chapman.Result r = Chapman.withDefaults().estimate(7, 7, 7);
        Tolerance.assertRelative(7.0, r.getEstimate(), TOL, "N");
        assertEquals(7.0, r.getConfidenceInterval().lower(), 1e-12);
        assertEquals(7.0, r.getConfidenceInterval().upper(), 1e-12);
    }

    @Test
    void lincolnPetersenClosedForm() {
        LincolnPetersen.Result r = LincolnPetersen.withDefaults().estimate(100, 80, 20);
        Tolerance.assertRelative(400.0, r.getEstimate(), TOL, "N = 100*80/20");
        Tolerance.assertRelative(Math.sqrt(100.0 * 80 * 80 * 60 / 8000.0), r.getStandardError(), TOL, "se");
        Tolerance.assertRelative(297.84494155684627, r.getConfidenceInterval().lower(), TOL, "lower");
        Tolerance.assertRelative(577.8608177380684, r.getConfidenceInterval().upper(), TOL, "upper");
        Interval w = LincolnPetersen.withDefaults().with(TwoListInterval.WALD).estimate(100, 80, 20)
                .getConfidenceInterval();
        Tolerance.assertRelative(264.2097119108594, w.lower(), TOL, "wald lower");
        Tolerance.assertRelative(535.7902880891406, w.upper(), TOL, "wald upper");
        assertEquals("wald", w.label());
    }

    @Test
    void chaoIntervalIsSymmetricOnTheLogScaleOfUnseen() {
        LincolnPetersen.Result r = LincolnPetersen.withDefaults().withConfidenceLevel(0.9).estimate(54, 463, 15);
        double f0 = r.getUnobserved();
        double lo = r.getConfidenceInterval().lower() - r.getObserved();
        double hi = r.getConfidenceInterval().upper() - r.getObserved();
        Tolerance.assertRelative(f0 * f0, lo * hi, 1e-12, "f0^2 = (L-n)(U-n)");
        assertEquals(0.9, r.getConfidenceInterval().level());
    }

    @Test
    void lincolnPetersenWithoutOverlapIsNotEstimable() {
        ListOverlapTable t = ListOverlapTable.ofMaskCounts(List.of("LA", "NG"), new long[] {0, 39, 448, 0});
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> LincolnPetersen.withDefaults().estimate(t));
        assertEquals(PrevalenceException.Kind.NOT_ESTIMABLE, e.what());
        assertTrue(e.getMessage().contains("LA") && e.getMessage().contains("NG")
                && e.getMessage().contains("Chapman"), e.getMessage());
        assertEquals("term 'LA:NG'", e.where());
    }

    /** The two-list independence log-linear model is Lincoln-Petersen: exp(b0) = (n1-m)(n2-m)/m. */
    @Test
    void logLinearIndependenceEqualsLincolnPetersen() {
        ListOverlapTable t = ListOverlapTable.ofMaskCounts(List.of("LA", "NG"), new long[] {0, 39, 448, 15});
        LogLinearMse.Result r = LogLinearMse.withDefaults().estimate(t);
        assertEquals("[1,2]", r.getModelName());
        Tolerance.assertRelative(54.0 * 463 / 15, r.getEstimate(), 1e-9, "N = n1 n2 / m");
        Tolerance.assertRelative(LincolnPetersen.withDefaults().estimate(t).getEstimate(), r.getEstimate(), 1e-9, "LP");
    }

    @Test
    void badCountsAreRejected() {
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> Chapman.withDefaults().estimate(10, 5, 6));
        assertTrue(e.getMessage().contains("m=6"), e.getMessage());
        e = assertThrows(PrevalenceException.class, () -> Chapman.withDefaults().estimate(-1, 5, 0));
        assertTrue(e.getMessage().contains("n1=-1"), e.getMessage());
        ListOverlapTable t = ListOverlapTable.ofMaskCounts(List.of("LA", "NG"), new long[] {0, 39, 0, 0});
        e = assertThrows(PrevalenceException.class, () -> Chapman.withDefaults().estimate(t));
        assertTrue(e.getMessage().contains("'NG' has no cases"), e.getMessage());
        ListOverlapTable t3 = ListOverlapTable.ofMaskCounts(List.of("A", "B", "C"), new long[] {0, 1, 1, 1, 1, 1, 1, 1});
        e = assertThrows(PrevalenceException.class, () -> LincolnPetersen.withDefaults().estimate(t3));
        assertTrue(e.getMessage().contains("exactly 2 lists"), e.getMessage());
        assertThrows(PrevalenceException.class, () -> Chapman.withDefaults().withConfidenceLevel(1.0));
    }
}
