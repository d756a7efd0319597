package org.prevalence.mse.closed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.closed.ClosedPopulationModels.CaptureOrder;
import org.prevalence.mse.closed.ClosedPopulationModels.ClosedInterval;
import org.prevalence.mse.closed.ClosedPopulationModels.ModelTable;
import org.prevalence.mse.closed.ClosedPopulationModels.Result;
import org.prevalence.mse.closed.ClosedPopulationModels.Status;

class ClosedPopulationModelsTest {
    private static final double REL = 1e-6; // issue 7: abundance, SE, deviance, AIC to 1e-6 relative

    private static final ClosedPopulationModels ORDERED =
            ClosedPopulationModels.withDefaults().with(CaptureOrder.LIST_ORDER);

    @ParameterizedTest(name = "{0} {1}")
    @CsvFileSource(resources = "rcapture-closedp-expected.csv", numLinesToSkip = 1)
    void everyRowMatchesRcaptureClosedpT(String dataset, String model, double abundance, double stderr,
            double deviance, int df, double aic, double bic, int infoFit) {
        ModelTable table = ORDERED.table(Fixtures.table(dataset));
        Result r = table.get(Fixtures.model(model));
        assertEquals(model, r.getLabel());
        Tolerance.assertRelative(deviance, r.getDeviance(), REL, model + " deviance");
        assertEquals(df, r.getDf(), model + " df");
        Tolerance.assertRelative(aic, r.getAic(), REL, model + " AIC");
        Tolerance.assertRelative(bic, r.getBic(), REL, model + " BIC");
        assertEquals(infoFit, r.getInfoFitCode(), model + " infoFit code");
        if (abundance < r.getObserved()) { // Rcapture's nonsense (Mb on UK 5 lists: -3,763): we refuse it
            assertEquals(Status.NOT_ESTIMABLE, r.getStatus());
            assertFalse(r.isEstimable());
            return;
        }
        Tolerance.assertRelative(abundance, r.getEstimate(), REL, model + " abundance");
        Tolerance.assertRelative(stderr, r.getStandardError(), REL, model + " stderr");
        assertEquals(infoFit == 0 ? Status.OK : Status.WARNING, r.getStatus(), r.getStatusText());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvFileSource(resources = "rcapture-closedpci-expected.csv", numLinesToSkip = 1)
    void profileIntervalMatchesRcaptureClosedpCIt(String dataset, String model, double abundance, double lower,
            double upper, int infoCI) {
        Result r = ORDERED.with(ClosedInterval.PROFILE_MULTINOMIAL)
                .estimate(Fixtures.table(dataset), Fixtures.model(model));
        Tolerance.assertRelative(abundance, r.getMultinomialEstimate(), REL, model + " multinomial N");
        Tolerance.assertRelative(lower, r.getInterval().orElseThrow().lower(), REL, model + " lower");
        Tolerance.assertRelative(upper, r.getInterval().orElseThrow().upper(), REL, model + " upper");
        assertEquals(0.95, r.getInterval().orElseThrow().level());
        assertEquals(0, infoCI);
    }
}
