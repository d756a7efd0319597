package org.prevalence.regional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.mse.Chapman;
import org.prevalence.mse.LincolnPetersen;

/** Closed forms of each step of the reported-case pipeline on hand-made numbers. */
class CaseStepsTest {
    // masks: 1 = team A only, 2 = team B only, 3 = both. n1 = 60, n2 = 50, m = 20.
    private static final long[] TABLE = {0, 40, 30, 20};

    @Test
    void chapmanByHandAndAsMse() {
        // (61 * 51) / 21 - 1 = 147.142857...
        double expected = 61.0 * 51.0 / 21.0 - 1;
        Tolerance.assertRelative(expected, CaseSteps.estimatedCases(TwoSourceEstimator.CHAPMAN, TABLE), 1e-15, "N");
        Chapman.Result r = Chapman.withDefaults().estimate(60, 50, 20);
        Tolerance.assertRelative(r.getEstimate(), TwoSourceEstimator.CHAPMAN.estimate(TABLE), 1e-14, "vs mse.Chapman");
        Tolerance.assertRelative(r.getStandardError() * r.getStandardError(),
                TwoSourceEstimator.CHAPMAN.variance(TABLE), 1e-14, "Seber variance vs mse.Chapman");
        // Seber: 61*51*40*30 / (21^2 * 22)
        Tolerance.assertRelative(61.0 * 51 * 40 * 30 / (441.0 * 22), TwoSourceEstimator.CHAPMAN.variance(TABLE),
                1e-15, "Seber by hand");
    }

    @Test
    void lincolnPetersenByHandAndAsMse() {
        Tolerance.assertRelative(150.0, TwoSourceEstimator.LINCOLN_PETERSEN.estimate(TABLE), 1e-15, "60*50/20");
        LincolnPetersen.Result r = LincolnPetersen.withDefaults().estimate(60, 50, 20);
        Tolerance.assertRelative(r.getEstimate(), TwoSourceEstimator.LINCOLN_PETERSEN.estimate(TABLE), 1e-14, "mse");
        Tolerance.assertRelative(60.0 * 50 * 40 * 30 / 8000.0, TwoSourceEstimator.LINCOLN_PETERSEN.variance(TABLE),
                1e-15, "variance by hand");
        assertThrows(PrevalenceException.class, () -> TwoSourceEstimator.LINCOLN_PETERSEN.estimate(new long[] {0, 5, 5, 0}));
    }

    @Test
    void overlapAndEstimability() {
        assertEquals(20, CaseSteps.overlap(TABLE));
        assertTrue(CaseSteps.estimable(TABLE, 1));
        assertFalse(CaseSteps.estimable(TABLE, 21));
        assertFalse(CaseSteps.estimable(new long[] {0, 5, 5, 0}, 1), "no overlap");
        assertFalse(CaseSteps.estimable(new long[] {0, 5, 0, 0}, 1), "team B found nothing");
        // three sources: masks 3, 5, 6, 7 are overlaps
        long[] three = {0, 10, 10, 1, 10, 2, 3, 4};
        assertEquals(10, CaseSteps.overlap(three));
    }

    @Test
    void victimsRatioEstimator() {
        Tolerance.assertRelative(250.0, CaseSteps.victims(100, 50, 20), 1e-15, "100 x 50/20");
        assertThrows(PrevalenceException.class, () -> CaseSteps.victims(100, 50, 0));
    }

    @Test
    void daysInsideWindow() {
        ReferenceWindow w = ReferenceWindow.parse("2002-01-01:2011-12-31");
        assertEquals(3652, w.days(), "10 years of 365 days plus the leap days of 2004 and 2008");
        long a = LocalDate.parse("2001-07-01").toEpochDay();
        long b = LocalDate.parse("2002-01-10").toEpochDay();
        assertEquals(10, w.daysInside(a, b), "straddles the start");
        assertEquals(0, w.daysInside(a, LocalDate.parse("2001-12-31").toEpochDay()), "before");
        assertEquals(3652, w.daysInside(a, LocalDate.parse("2015-01-01").toEpochDay()), "covers");
        assertEquals(1, w.daysInside(b, b), "one day");
    }

    @Test
    void stockFlowConversion() {
        // victims {10, 30}, days {100, 500}: victim-weighted mean (1000 + 15000)/40 = 400
        Tolerance.assertRelative(400.0, CaseSteps.meanDaysInWindow(new long[] {10, 30}, new long[] {100, 500}),
                1e-15, "mean days");
        Tolerance.assertRelative(250.0 * 365.2 / 3652, CaseSteps.stock(250, 365.2, 3652), 1e-15, "stock");
        Tolerance.assertRelative(25.0, CaseSteps.stock(250, 365.2, 3652), 1e-12, "stock = 25");
    }

    @Test
    void per1000() {
        Tolerance.assertRelative(3.3, CaseSteps.per1000(11.7e6, 11.7e6 / 3.3 * 1000), 1e-12, "rate");
        assertThrows(PrevalenceException.class, () -> CaseSteps.per1000(1, 0));
    }

    @Test
    void deltaVarianceClosedForm() {
        // N = 200, var(N) = 400, n = 4, z = {1, 2, 3, 6}: zbar = 3, s2 = (50 - 144/4)/3 = 14/3
        double v = CaseSteps.deltaVariance(200, 400, 4, 12, 50);
        Tolerance.assertRelative(9 * 400 + 40000 * (1 - 4 / 200.0) * (14.0 / 3) / 4, v, 1e-14, "delta with fpc");
        Tolerance.assertRelative(9 * 400.0, CaseSteps.deltaVariance(200, 400, 1, 3, 9), 1e-14, "n = 1");
    }
}
