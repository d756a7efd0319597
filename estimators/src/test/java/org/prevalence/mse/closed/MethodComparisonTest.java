package org.prevalence.mse.closed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prevalence.core.Tolerance;
import org.prevalence.mse.closed.MethodComparison.Row;

class MethodComparisonTest {
    private static MethodComparison.Result uk;

    @BeforeAll
    static void compareUk() {
        uk = MethodComparison.withDefaults().compare(Fixtures.table("uk2013_5lists"));
        System.out.println(uk);
    }

    private static Row row(String method, String model) {
        return uk.getRows().stream().filter(r -> r.getMethod().equals(method) && r.getModel().equals(model))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + method + " " + model));
    }

    @Test
    void rowsAreInTheDocumentedOrder() {
        List<String> methods = uk.getRows().stream().map(Row::getMethod).distinct().collect(Collectors.toList());
        assertEquals(List.of("independence", "stepwise", "aic", "bic", "closed", "chao-bound"), methods);
        assertEquals(3, uk.getRows().stream().filter(r -> r.getMethod().equals("bic")).count()); // best + 2 next
        assertEquals(12, uk.getRows().stream().filter(r -> r.getMethod().equals("closed")).count());
    }

    @Test
    void logLinearRowsMatchSparseMseAndMultipleSystemsEstimation() {
        // published-lists README (SparseMSE 2.0.1, R 4.2.2): main effects 13,444.13 (11,985.17-15,133.43)
        Row ind = uk.getRows().get(0);
        Tolerance.assertRelative(13444.13121, ind.getEstimate(), 1e-9, "independence");
        Tolerance.assertRelative(11985.17, ind.getLower(), 1e-6, "independence lower (2 decimals)");
        Tolerance.assertRelative(15133.43, ind.getUpper(), 1e-6, "independence upper (2 decimals)");
        // stepwise 11,312.99029 (9,884.402831, 13,027.39665)
        Row step = uk.getRows().get(1);
        Tolerance.assertRelative(11312.99029, step.getEstimate(), 1e-6, "stepwise");
        Tolerance.assertRelative(9884.402831, step.getLower(), 1e-6, "stepwise lower");
        Tolerance.assertRelative(13027.39665, step.getUpper(), 1e-6, "stepwise upper");
        // expected-bic.csv (MultipleSystemsEstimation 1.2.0): [123,25,34], 25,311.29061
        Row bic = uk.getRows().stream().filter(r -> r.getMethod().equals("bic")).findFirst().orElseThrow();
        assertEquals("[123,25,34]", bic.getModel());
        Tolerance.assertRelative(25311.29061, bic.getEstimate(), 1e-6, "BIC-selected");
        assertEquals(0, bic.getRank());
        assertTrue(bic.getStatusText().startsWith("ok: selected"), bic.getStatusText());
        List<Row> bics = uk.getRows().stream().filter(r -> r.getMethod().equals("bic")).collect(Collectors.toList());
        for (int i = 1; i < bics.size(); i++) {
            assertEquals(i, bics.get(i).getRank());
            // the gap comes from the ranking's fits, the BIC column from the refit: equal to IRLS precision
            Tolerance.assertAbsolute(bics.get(i).getBic() - bic.getBic(), bics.get(i).getGap(), 1e-8, "gap");
            assertTrue(bics.get(i).getGap() >= 0);
            assertTrue(bics.get(i).getStatusText().contains("next best #" + i), bics.get(i).getStatusText());
        }
    }

    @Test
    void closedRowsAreRcapturesWithProfileIntervals() {
        // rcapture-closedp-expected.csv and rcapture-closedpci-expected.csv
        Row m0 = row("closed", "M0");
        Tolerance.assertRelative(14832.21602, m0.getEstimate(), 1e-6, "M0");
        Tolerance.assertRelative(13199.7856, m0.getLower(), 1e-6, "M0 profile lower");
        Tolerance.assertRelative(16759.93028, m0.getUpper(), 1e-6, "M0 profile upper");
        Tolerance.assertRelative(1550.3863, m0.getAic(), 1e-6, "M0 AIC");
        Row mt = row("closed", "Mt");
        Tolerance.assertRelative(uk.getRows().get(0).getEstimate(), mt.getEstimate(), 1e-10, "Mt = independence");
        Row mb = row("closed", "Mb");
        assertFalse(mb.hasEstimate());
        assertEquals(org.prevalence.core.Status.NOT_ESTIMATED, mb.getStatus(), mb.getStatusText());
        assertTrue(mb.getReason().contains("needs the order of the capture occasions"), mb.getReason());
        Row mhc = row("closed", "Mh Chao (LB)");
        // Rcapture neg = TRUE sets eta3 and eta5 to 0: a boundary fit, reported as a warning
        assertEquals(org.prevalence.core.Status.WARNING, mhc.getStatus(), mhc.getStatusText());
        assertTrue(mhc.getStatusText().contains("negative eta parameters set to 0, as Rcapture's neg = TRUE: eta3, eta5"),
                mhc.getStatusText());
        Row chao = row("chao-bound", "Chao (1987) lower bound");
        Tolerance.assertRelative(2744 + 2523.0 * 2523 / (2 * 214), chao.getEstimate(), 1e-12, "Chao bound");
        double[] range = uk.getRange();
        assertTrue(range[0] < 11313 && range[1] > 25311, "range spans stepwise to BIC");
    }

    @Test
    void orderedListsAddTheBehaviouralModels() {
        // a 3-list table (UK with lists merged) keeps the exhaustive search small
        org.prevalence.core.lists.ListOverlapTable three = Fixtures.table("uk2013_5lists")
                .collapse("LANG", "LA", "NG").collapse("GOGP", "GO", "GP");
        ClosedPopulationModels ordered =
                ClosedPopulationModels.withDefaults().with(ClosedPopulationModels.CaptureOrder.LIST_ORDER);
        MethodComparison.Result r = MethodComparison.withDefaults().withNextBest(0).with(ordered).compare(three);
        Row mb = r.getRows().stream().filter(x -> x.getModel().equals("Mb")).findFirst().orElseThrow();
        ClosedPopulationModels.Result direct = ordered.estimate(three, ClosedModel.MB);
        assertEquals(direct.isEstimable(), mb.hasEstimate(), mb.getStatusText());
        if (direct.isEstimable()) {
            Tolerance.assertRelative(direct.getEstimate(), mb.getEstimate(), 1e-12, "Mb row = direct fit");
        }
        assertTrue(Double.isNaN(mb.getLower()), "no profile interval for Mb");
        assertEquals(1, r.getRows().stream().filter(x -> x.getMethod().equals("aic")).count());
        // the AIC row is the model with the lowest AIC among all those LogLinearMse ranks
        Row aic = r.getRows().stream().filter(x -> x.getMethod().equals("aic")).findFirst().orElseThrow();
        double minAic = org.prevalence.mse.LogLinearMse.withDefaults().with(org.prevalence.mse.ModelSelection.AIC)
                .rankModels(three).get(0).getAic();
        Tolerance.assertRelative(minAic, aic.getAic(), 1e-12, "lowest AIC");
    }
}
