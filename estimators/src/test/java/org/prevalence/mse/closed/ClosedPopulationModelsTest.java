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
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.MseInterval;
import org.prevalence.mse.closed.ClosedPopulationModels.CaptureOrder;
import org.prevalence.mse.closed.ClosedPopulationModels.ClosedInterval;
import org.prevalence.mse.closed.ClosedPopulationModels.ModelTable;
import org.prevalence.mse.closed.ClosedPopulationModels.Result;
import org.prevalence.mse.closed.ClosedPopulationModels.FitStatus;

class ClosedPopulationModelsTest {
    private static final double REL = 1e-6; // abundance, SE, deviance, AIC to 1e-6 relative

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
            assertEquals(FitStatus.NOT_ESTIMABLE, r.getFitStatus());
            assertFalse(r.isEstimable());
            return;
        }
        Tolerance.assertRelative(abundance, r.getEstimate(), REL, model + " abundance");
        Tolerance.assertRelative(stderr, r.getStandardError(), REL, model + " stderr");
        assertEquals(infoFit == 0 ? FitStatus.OK : FitStatus.WARNING, r.getFitStatus(), r.getStatusText());
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

    @Test
    void independenceModelEqualsSparseMseMainEffects() {
        // Mt on UK 5 lists = SparseMSE main-effects estimate 13,444.13121 (published-lists README)
        ListOverlapTable uk = Fixtures.table("uk2013_5lists");
        double mt = ClosedPopulationModels.withDefaults().estimate(uk, ClosedModel.MT).getEstimate();
        double main = LogLinearMse.withDefaults().withModel("main").with(MseInterval.NONE).estimate(uk).getEstimate();
        Tolerance.assertRelative(13444.13121, mt, 1e-9, "Mt");
        Tolerance.assertRelative(main, mt, 1e-10, "Mt against LogLinearMse main effects");
    }

    @Test
    void mbOnUkFiveListsGivesNoNumberAndSaysWhy() {
        // Rcapture prints N = -3,763.09 with infoFit 1 for this model
        Result r = ORDERED.estimate(Fixtures.table("uk2013_5lists"), ClosedModel.MB);
        assertEquals(FitStatus.NOT_ESTIMABLE, r.getFitStatus());
        assertFalse(r.isEstimable());
        assertFalse(r.hasStandardError());
        assertTrue(r.getMessages().get(0).contains("first-capture probability"), r.getStatusText());
        assertTrue(r.getMessages().get(0).contains("not positive"), r.getStatusText());
        assertTrue(r.getStatusText().startsWith("not estimable: "), r.getStatusText());
        // no figure: NaN estimate, status not-estimated, the reason first
        assertTrue(Double.isNaN(r.getEstimate()) && Double.isNaN(r.getStandardError()));
        assertEquals(org.prevalence.core.Status.NOT_ESTIMATED, r.getStatus());
        assertTrue(r.getWarnings().get(0).message().contains("first-capture probability"), r.getWarnings().toString());
        // the fit itself is reported
        Tolerance.assertRelative(1330.203394, r.getDeviance(), 1e-6, "Mb deviance (rcapture-closedp-expected.csv)");
    }

    @Test
    void chaoNegativeEtasAreSetToZeroAndReported() {
        // Rcapture closedp.t(X, dfreq=TRUE)$neg.eta on UK 5 lists: MhC and MthC drop eta3 and eta5
        ModelTable t = ORDERED.table(Fixtures.table("uk2013_5lists"));
        assertEquals(List.of("eta3", "eta5"), t.get(ClosedModel.MH_CHAO).getEtasSetToZero());
        assertEquals(List.of("eta3", "eta5"), t.get(ClosedModel.MTH_CHAO).getEtasSetToZero());
        assertFalse(t.get(ClosedModel.MH_CHAO).getCoefficients().containsKey("eta3"));
        assertTrue(t.get(ClosedModel.MH_CHAO).getCoefficients().get("eta4") >= 0);
        // neg = FALSE keeps them: a different (larger-likelihood) fit
        Result keep = ORDERED.with(ClosedPopulationModels.NegativeEta.KEEP)
                .estimate(Fixtures.table("uk2013_5lists"), ClosedModel.MH_CHAO);
        assertTrue(keep.getEtasSetToZero().isEmpty());
        assertTrue(keep.getCoefficients().get("eta3") < 0);
        assertTrue(keep.getDeviance() <= t.get(ClosedModel.MH_CHAO).getDeviance());
    }

    @Test
    void tableOrderAndLabelsAreRcaptures() {
        ModelTable t = ClosedPopulationModels.withDefaults().table(Fixtures.table("us_western_site_5lists"));
        List<String> labels = t.getRows().stream().map(Result::getLabel).collect(java.util.stream.Collectors.toList());
        assertEquals(List.of("M0", "Mt", "Mh Chao (LB)", "Mh Poisson2", "Mh Darroch", "Mh Gamma3.5", "Mth Chao (LB)",
                "Mth Poisson2", "Mth Darroch", "Mth Gamma3.5", "Mb", "Mbh"), labels);
        // no capture order by default: Mb and Mbh are not fitted, and say why
        assertEquals(FitStatus.NOT_FITTED, t.get(ClosedModel.MB).getFitStatus());
        assertTrue(t.get(ClosedModel.MBH).getStatusText().contains("order of the capture occasions"));
        assertTrue(t.toString().contains("Mh Gamma3.5"));
        ModelTable two = ClosedPopulationModels.withDefaults().table(Fixtures.table("uk2013_5lists")
                .collapse("LANG", "LA", "NG").collapse("REST", "PFNCA", "GO", "GP"));
        assertEquals(3, two.getRows().size()); // M0, Mt, Mb with 2 occasions
    }

    @Test
    void gammaThetaIsConfigurable() {
        ListOverlapTable uk = Fixtures.table("uk2013_5lists");
        Result g = ClosedPopulationModels.withDefaults().withGammaTheta(1.5).estimate(uk, ClosedModel.MH_GAMMA);
        assertEquals("Mh Gamma1.5", g.getLabel());
        Result d = ClosedPopulationModels.withDefaults().estimate(uk, ClosedModel.MH_GAMMA);
        assertTrue(Math.abs(g.getEstimate() - d.getEstimate()) > 1, "theta changes the fit");
    }

    @Test
    void badInputIsRefusedWithReasons() {
        ListOverlapTable two = ListOverlapTable.fromHistories(List.of("A", "B"),
                new int[][] {{1, 0}, {0, 1}, {1, 1}}, new long[] {40, 30, 20});
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> ClosedPopulationModels.withDefaults().estimate(two, ClosedModel.MH_CHAO));
        assertEquals("model 'mh-chao'", e.where());
        assertTrue(e.getMessage().contains("at least 3 occasions"), e.getMessage());
        e = assertThrows(PrevalenceException.class,
                () -> ClosedPopulationModels.withDefaults().estimate(two, ClosedModel.MTH_DARROCH));
        assertTrue(e.getMessage().contains("has 2 [A, B]"), e.getMessage());
        e = assertThrows(PrevalenceException.class,
                () -> ClosedPopulationModels.withDefaults().estimate(Fixtures.table("uk2013_5lists"), ClosedModel.MB));
        assertEquals("model 'mb'", e.where());
        assertTrue(e.getMessage().contains("needs the order of the capture occasions"), e.getMessage());
        e = assertThrows(PrevalenceException.class, () -> ClosedModel.fromShortName("mh-normal"));
        assertTrue(e.getMessage().contains("mh-chao"), e.getMessage());
        // Mt with 2 lists is Lincoln-Petersen: fine
        assertTrue(ClosedPopulationModels.withDefaults().estimate(two, ClosedModel.MT).isEstimable());
        Tolerance.assertRelative(60.0 * 50 / 20, ClosedPopulationModels.withDefaults().estimate(two, ClosedModel.MT)
                .getEstimate(), 1e-8, "two-list Mt = Lincoln-Petersen n1 n2 / m");
    }

    @Test
    void shortNamesRoundTrip() {
        for (ClosedModel m : ClosedModel.values()) {
            assertEquals(m, ClosedModel.fromShortName(m.shortName().toUpperCase(java.util.Locale.ROOT)));
        }
    }

    @Test
    void noRecaptureMeansNoEstimate() {
        // every unit on exactly one list: R's glm "converges" to N in the billions; we refuse every model
        ListOverlapTable t = ListOverlapTable.fromHistories(List.of("A", "B", "C"),
                new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new long[] {10, 20, 30});
        for (Result r : ORDERED.table(t).getRows()) {
            assertEquals(FitStatus.NOT_ESTIMABLE, r.getFitStatus(), r.getLabel());
            assertTrue(r.getStatusText().contains("no recapture") || r.getModel().isBehavioural(), r.getStatusText());
        }
    }

    @Test
    void mbhWithANegativeFirstCaptureProbabilityGivesNoNumber() {
        // later lists see more units first (10, 20, 30): Mb and Mbh imply p < 0
        ListOverlapTable t = ListOverlapTable.fromHistories(List.of("A", "B", "C"),
                new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}}, new long[] {10, 20, 30, 1});
        ModelTable table = ORDERED.table(t);
        assertEquals(FitStatus.NOT_ESTIMABLE, table.get(ClosedModel.MB).getFitStatus());
        assertEquals(FitStatus.NOT_ESTIMABLE, table.get(ClosedModel.MBH).getFitStatus());
        assertTrue(table.get(ClosedModel.MBH).getStatusText().contains("not positive"));
        assertTrue(table.get(ClosedModel.MT).isEstimable());
    }
}
