package org.prevalence.mse.closed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;

/** Models fitted from frequencies of the number of captures (Rcapture closedp.0, dtype = "nbcap"). */
class CaptureFrequenciesTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "capture-frequencies.csv", numLinesToSkip = 1)
    void aggregatesTheTable(String dataset, long f1, long f2, long f3, long f4, long f5) {
        CaptureFrequencies f = CaptureFrequencies.of(Fixtures.table(dataset));
        assertArrayEquals(new long[] {f1, f2, f3, f4, f5}, f.frequencies());
        assertEquals(Fixtures.table(dataset).observedTotal(), f.observedTotal());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvFileSource(resources = "rcapture-nbcap-expected.csv", numLinesToSkip = 1)
    void matchesRcaptureClosedp0(String dataset, String model, double abundance, double stderr, double deviance,
            int df, double aic, double bic, int infoFit) {
        ClosedPopulationModels.ModelTable table = ClosedPopulationModels.withDefaults()
                .table(CaptureFrequencies.of(Fixtures.table(dataset)));
        ClosedPopulationModels.Result r = table.get(Fixtures.model(model));
        Tolerance.assertRelative(abundance, r.getEstimate(), 1e-6, model + " abundance");
        Tolerance.assertRelative(stderr, r.getStandardError(), 1e-6, model + " stderr");
        Tolerance.assertRelative(deviance, r.getDeviance(), 1e-6, model + " deviance");
        assertEquals(df, r.getDf());
        Tolerance.assertRelative(aic, r.getAic(), 1e-6, model + " AIC");
        Tolerance.assertRelative(bic, r.getBic(), 1e-6, model + " BIC");
        assertEquals(infoFit, r.getInfoFitCode(), r.getStatusText());
    }

    @Test
    void frequenciesAndHistoriesGiveTheSameM0AndMhEstimates() {
        // M0 and Mh depend on the histories only through f_k: both designs share the MLE
        ClosedPopulationModels.ModelTable h = ClosedPopulationModels.withDefaults()
                .table(Fixtures.table("netherlands2010_2015_5lists"));
        ClosedPopulationModels.ModelTable f = ClosedPopulationModels.withDefaults()
                .table(CaptureFrequencies.of(Fixtures.table("netherlands2010_2015_5lists")));
        for (ClosedModel m : new ClosedModel[] {ClosedModel.M0, ClosedModel.MH_CHAO, ClosedModel.MH_POISSON,
            ClosedModel.MH_DARROCH, ClosedModel.MH_GAMMA}) {
            Tolerance.assertRelative(h.get(m).getEstimate(), f.get(m).getEstimate(), 1e-7, m + " N");
        }
    }

    @Test
    void badInput() {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> CaptureFrequencies.of(5));
        assertTrue(e.getMessage().contains("at least 2 occasions"), e.getMessage());
        e = assertThrows(PrevalenceException.class, () -> CaptureFrequencies.of(5, -1, 2));
        assertEquals("f2", e.where());
        e = assertThrows(PrevalenceException.class, () -> CaptureFrequencies.of(0, 0, 0));
        assertTrue(e.getMessage().contains("nothing was observed"), e.getMessage());
        CaptureFrequencies f = CaptureFrequencies.of(50, 10, 2);
        e = assertThrows(PrevalenceException.class,
                () -> ClosedPopulationModels.withDefaults().estimate(f, ClosedModel.MT));
        assertTrue(e.getMessage().contains("capture histories"), e.getMessage());
        CaptureFrequencies two = CaptureFrequencies.of(50, 10);
        e = assertThrows(PrevalenceException.class,
                () -> ClosedPopulationModels.withDefaults().estimate(two, ClosedModel.MH_CHAO));
        assertTrue(e.getMessage().contains("at least 3 occasions"), e.getMessage());
        assertEquals(1, ClosedPopulationModels.withDefaults().table(two).getRows().size()); // only M0
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvFileSource(resources = "rcapture-nbcap-ci-expected.csv", numLinesToSkip = 1, nullValues = "NA")
    void profileIntervalMatchesRcaptureClosedpCI0(String dataset, String model, double abundance, double lower,
            Double upper, int infoCI) {
        ClosedModel m = model.equals("Mh Chao") ? ClosedModel.MH_CHAO
                : model.equals("Mh Darroch") ? ClosedModel.MH_DARROCH : ClosedModel.M0;
        ClosedPopulationModels.Result r = ClosedPopulationModels.withDefaults()
                .with(ClosedPopulationModels.ClosedInterval.PROFILE_MULTINOMIAL)
                .estimate(CaptureFrequencies.of(Fixtures.table(dataset)), m);
        Tolerance.assertRelative(abundance, r.getMultinomialEstimate(), 1e-6, model + " multinomial N");
        if (upper == null) { // R: supCL '>3N', infoCI 6: the upper limit is beyond the search range
            assertEquals(6, infoCI);
            assertTrue(r.getInterval().isEmpty());
            assertTrue(r.getIntervalMessage().contains("upper limit is above"), r.getIntervalMessage());
            assertTrue(r.getIntervalMessage().contains("the end of the search range"), r.getIntervalMessage());
            return;
        }
        Tolerance.assertRelative(lower, r.getInterval().orElseThrow().lower(), 1e-6, model + " lower");
        Tolerance.assertRelative(upper, r.getInterval().orElseThrow().upper(), 1e-6, model + " upper");
    }
}
