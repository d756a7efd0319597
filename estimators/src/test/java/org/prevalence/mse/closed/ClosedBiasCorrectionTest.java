package org.prevalence.mse.closed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.lists.ListOverlapTable;

class ClosedBiasCorrectionTest {

    private static ClosedModel model(String m, String h) {
        String name = h == null || h.isEmpty() ? m.toLowerCase() : (m + "-" + h).toLowerCase();
        return ClosedModel.fromShortName(name);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvFileSource(resources = "rcapture-bc-expected.csv", numLinesToSkip = 1)
    void matchesRcaptureClosedpBc(String dataset, String m, String h, double abundance, double stderr) {
        ClosedBiasCorrection.Result r = ClosedBiasCorrection.withDefaults()
                .estimate(Fixtures.table(dataset), model(m, h));
        // R's uniroot (Mt) stops at tol 1.2e-4 on N ~ 1e3..1e5: 1e-6 relative is ample
        Tolerance.assertRelative(abundance, r.getEstimate(), 1e-6, m + h + " abundance");
        Tolerance.assertRelative(stderr, r.getStandardError(), 1e-6, m + h + " stderr");
    }

    @Test
    void twoListMtIsChapmanWithSeberVariance() {
        // n1 = 60, n2 = 50, m = 20 by hand: N = 61*51/21 - 1, var = 61*51*40*30/(22*21^2)
        ListOverlapTable t = ListOverlapTable.fromHistories(List.of("A", "B"),
                new int[][] {{1, 0}, {0, 1}, {1, 1}}, new long[] {40, 30, 20});
        ClosedBiasCorrection.Result r = ClosedBiasCorrection.withDefaults().estimate(t, ClosedModel.MT);
        Tolerance.assertRelative(61.0 * 51 / 21 - 1, r.getEstimate(), 1e-14, "Chapman N");
        Tolerance.assertRelative(Math.sqrt(61.0 * 51 * 40 * 30 / (22.0 * 21 * 21)), r.getStandardError(), 1e-14,
                "Seber SE");
    }

    @Test
    void refusesModelsWithoutACorrection() {
        ListOverlapTable uk = Fixtures.table("uk2013_5lists");
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> ClosedBiasCorrection.withDefaults().estimate(uk, ClosedModel.MTH_GAMMA));
        assertTrue(e.getMessage().contains("Mth Gamma"), e.getMessage());
        e = assertThrows(PrevalenceException.class,
                () -> ClosedBiasCorrection.withDefaults().estimate(uk, ClosedModel.MB));
        assertEquals("model 'mb'", e.where());
        ListOverlapTable two = ListOverlapTable.fromHistories(List.of("A", "B"),
                new int[][] {{1, 0}, {0, 1}, {1, 1}}, new long[] {40, 30, 20});
        e = assertThrows(PrevalenceException.class,
                () -> ClosedBiasCorrection.withDefaults().estimate(two, ClosedModel.MH_DARROCH));
        assertTrue(e.getMessage().contains("at least 3 occasions"), e.getMessage());
    }
}
