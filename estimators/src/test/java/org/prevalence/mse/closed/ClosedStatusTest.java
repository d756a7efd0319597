package org.prevalence.mse.closed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;
import org.prevalence.core.lists.ListOverlapTable;

/** The reported Status of the closed-population rows, the Chao bound, the bias-corrected fits and the comparison. */
class ClosedStatusTest {
    private static final List<String> ABC = List.of("A", "B", "C");

    private static ListOverlapTable abc(long... byMask) {
        long[] c = new long[8];
        System.arraycopy(byMask, 0, c, 1, 7);
        return ListOverlapTable.ofMaskCounts(ABC, c);
    }

    @Test
    void noRecaptureIsUnboundedInEveryClosedRowAndLogLinearRow() {
        ListOverlapTable none = abc(10, 5, 0, 7, 0, 0, 0);
        for (ClosedPopulationModels.Result r : ClosedPopulationModels.withDefaults().table(none).getRows()) {
            if (r.getFitStatus() == ClosedPopulationModels.FitStatus.NOT_FITTED) {
                assertEquals(Status.NOT_ESTIMATED, r.getStatus(), r.getLabel()); // Mb, Mbh: no capture order
                continue;
            }
            assertEquals(Status.UNBOUNDED, r.getStatus(), r.getLabel());
            assertEquals(Warning.Kind.NO_OVERLAP, r.getWarnings().get(0).kind(), r.getLabel());
            assertTrue(Double.isNaN(r.getEstimate()), r.getLabel());
            assertEquals(ABC, r.getLists());
        }
        MethodComparison.Result c = MethodComparison.withDefaults().compare(none);
        for (MethodComparison.Row row : c.getRows()) {
            if (List.of("independence", "stepwise", "aic", "bic").contains(row.getMethod())) {
                assertEquals(Status.UNBOUNDED, row.getStatus(), row.getStatusText());
                assertTrue(row.getReason().startsWith("The lists do not overlap"), row.getReason());
                assertTrue(!row.hasEstimate());
            }
        }
    }

    @Test
    void chaoBoundWithNoSingletonIsDegenerate() {
        // no unit seen exactly once: f1 = 0, so f0 = f1^2/(2 f2) = 0 and the interval is "n to n" (Chao 1987)
        ListOverlapTable t = abc(0, 0, 5, 0, 0, 3, 2);
        ChaoLowerBound.Result r = ChaoLowerBound.withDefaults().estimate(t);
        assertEquals(10.0, r.getEstimate(), 0.0);
        assertEquals(Status.DEGENERATE, r.getStatus());
        assertEquals(Warning.Kind.DEGENERATE, r.getWarnings().get(0).kind());
        assertEquals(ABC, r.getLists());
    }

    @Test
    void ukClosedRowsHaveStatusesFromTheirFits() {
        ClosedPopulationModels.ModelTable t = ClosedPopulationModels.withDefaults().table(
                org.prevalence.mse.closed.Fixtures.table("uk2013_5lists"));
        // M0 and Mt: plain fits (rcapture-closedp-expected.csv, infoFit 0)
        assertEquals(Status.OK, t.get(ClosedModel.M0).getStatus());
        assertEquals(Status.OK, t.get(ClosedModel.MT).getStatus());
        // Mh Chao: Rcapture sets eta3 and eta5 to 0 (neg = TRUE), a boundary fit
        ClosedPopulationModels.Result mhc = t.get(ClosedModel.MH_CHAO);
        assertEquals(Status.WARNING, mhc.getStatus());
        assertEquals(Warning.Kind.BOUNDARY, mhc.getWarnings().get(0).kind());
        // Mb without a capture order: not estimated, the reason names the fix without Java names
        ClosedPopulationModels.Result mb = t.get(ClosedModel.MB);
        assertEquals(Status.NOT_ESTIMATED, mb.getStatus());
        assertTrue(!mb.getWarnings().get(0).message().contains("CaptureOrder"), mb.getWarnings().toString());
        ClosedBiasCorrection.Result bc = ClosedBiasCorrection.withDefaults().estimate(
                org.prevalence.mse.closed.Fixtures.table("uk2013_5lists"), ClosedModel.MT);
        assertEquals(Status.OK, bc.getStatus(), bc.toString());
        assertEquals(5, bc.getLists().size());
    }

    @Test
    void comparisonKeepsSparseMseStepwiseWhenEmptyOverlapsAreRefused() {
        // SparseMSE stepwise on the Netherlands 5 lists: 121,521.61 with the empty K:R overlap (mse-expected.csv)
        ListOverlapTable nl = org.prevalence.mse.closed.Fixtures.table("netherlands2010_2015_5lists");
        MethodComparison.Result r = MethodComparison.withDefaults().withNextBest(0)
                .with(org.prevalence.mse.LogLinearMse.withDefaults().with(org.prevalence.mse.EmptyOverlaps.ERROR))
                .compare(nl);
        MethodComparison.Row step = r.getRows().get(1);
        assertEquals("stepwise", step.getMethod());
        org.prevalence.core.Tolerance.assertRelative(121521.6137123, step.getEstimate(), 1e-6, "SparseMSE stepwise");
        assertEquals(Status.WARNING, step.getStatus());
        assertTrue(step.getReason().contains("K:R"), step.getReason());
        for (MethodComparison.Row row : r.getRows()) {
            if (row.getMethod().equals("aic") || row.getMethod().equals("bic")) {
                assertTrue(row.getWarnings().stream().noneMatch(w -> w.kind() == Warning.Kind.BOUNDARY
                        && w.message().contains("extended MLE")), row.getStatusText());
            }
        }
    }
}
