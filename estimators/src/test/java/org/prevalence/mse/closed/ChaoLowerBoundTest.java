package org.prevalence.mse.closed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;

class ChaoLowerBoundTest {

    @Test
    void chao1987ByHand() {
        // UK 2013, 5 lists: f1 = 2523, f2 = 214, n = 2744 (capture-frequencies.csv)
        ChaoLowerBound.Result r = ChaoLowerBound.withDefaults().estimate(Fixtures.table("uk2013_5lists"));
        double f1 = 2523;
        double f2 = 214;
        double f0 = f1 * f1 / (2 * f2);
        double ratio = f1 / f2;
        double var = f2 * (Math.pow(ratio, 4) / 4 + Math.pow(ratio, 3) + ratio * ratio / 2);
        Tolerance.assertRelative(2744 + f0, r.getEstimate(), 1e-14, "N");
        Tolerance.assertRelative(Math.sqrt(var), r.getStandardError(), 1e-14, "SE");
        // Chao (1987) eq. 12 with z = 1.959963984540054
        double c = Math.exp(1.959963984540054 * Math.sqrt(Math.log(1 + var / (f0 * f0))));
        Interval ci = r.getConfidenceInterval();
        Tolerance.assertRelative(2744 + f0 / c, ci.lower(), 1e-12, "lower");
        Tolerance.assertRelative(2744 + f0 * c, ci.upper(), 1e-12, "upper");
        assertEquals(2523, r.getF1());
    }

    @Test
    void biasCorrectedFormIsRcaptureClosedpBcMhChao() {
        // rcapture-bc-expected.csv: closedp.bc(X, dfreq=TRUE, m='Mh', h='Chao') on UK 5 lists
        ChaoLowerBound.Result r = ChaoLowerBound.withDefaults().with(ChaoLowerBound.Form.BIAS_CORRECTED)
                .estimate(Fixtures.table("uk2013_5lists"));
        Tolerance.assertRelative(14582.1507, r.getEstimate(), 1e-8, "N");
        Tolerance.assertRelative(939.017137, r.getStandardError(), 1e-8, "SE");
    }

    @Test
    void f2ZeroNeedsTheBiasCorrectedForm() {
        CaptureFrequencies f = CaptureFrequencies.of(30, 0, 0, 0);
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> ChaoLowerBound.withDefaults().estimate(f));
        assertEquals(PrevalenceException.Kind.NOT_ESTIMABLE, e.what());
        assertTrue(e.getMessage().contains("BIAS_CORRECTED"), e.getMessage());
        // (t-1) f1 (f1-1) / (2 t (f2+1)) = 3*30*29/8
        double n = ChaoLowerBound.withDefaults().with(ChaoLowerBound.Form.BIAS_CORRECTED).estimate(f).getEstimate();
        Tolerance.assertRelative(30 + 3.0 * 30 * 29 / 8, n, 1e-14, "N");
    }
}
