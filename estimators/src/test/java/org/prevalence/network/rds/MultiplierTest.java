package org.prevalence.network.rds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;

class MultiplierTest {
    @Test
    void closedForms() {
        // hand computation: M = 1200, p = 0.25 (SE 0.02, interval 0.21-0.29): N = 4800, SE = 1200 * 0.02 / 0.0625 = 384,
        // interval (1200 / 0.29, 1200 / 0.21)
        Multiplier.Result r = Multiplier.estimate(1200, 0.25, 0.02, new Interval(0.21, 0.29, 0.95, IntervalMethod.WALD));
        Tolerance.assertRelative(4800, r.getEstimate(), 1e-15, "N");
        Tolerance.assertRelative(384, r.getStandardError(), 1e-15, "SE");
        Tolerance.assertRelative(1200 / 0.29, r.getConfidenceInterval().lower(), 1e-15, "lower");
        Tolerance.assertRelative(1200 / 0.21, r.getConfidenceInterval().upper(), 1e-15, "upper");
        assertNull(Multiplier.estimate(10, 0.5, Double.NaN, null).getConfidenceInterval());
        // an interval for p reaching 0 gives no interval (never an infinite size); one above 1 is clipped so N >= M
        assertNull(Multiplier.estimate(10, 0.5, 0.3, new Interval(-0.1, 0.9, 0.95, IntervalMethod.WALD))
                .getConfidenceInterval());
        Multiplier.Result wide = Multiplier.estimate(10, 0.5, 0.3, new Interval(0.2, 1.1, 0.95, IntervalMethod.WALD));
        assertEquals(10, wide.getConfidenceInterval().lower(), 0.0);
        assertEquals(50, wide.getConfidenceInterval().upper(), 1e-12);
        assertTrue(r.toString().startsWith("Multiplier[N=4,800"), r.toString());
    }

    @Test
    void fromTheBootstrap() {
        RdsData d = RdsData.load("fauxmadrona");
        RdsBootstrap.Result b = RdsBootstrap.withDefaults().withReplicates(200).withSeed(1).estimate(d.sample, d.disease);
        Multiplier.Result m = Multiplier.estimate(164, b);
        Tolerance.assertRelative(164 / b.getEstimate(), m.getEstimate(), 1e-15, "N");
        assertTrue(m.getConfidenceInterval().contains(m.getEstimate()));
    }

    @Test
    void badInput() {
        assertThrows(PrevalenceException.class, () -> Multiplier.estimate(0, 0.2, 0.01, null));
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> Multiplier.estimate(10, 0, 0.01, null));
        assertTrue(e.getMessage().contains("proportion"), e.getMessage());
    }
}
