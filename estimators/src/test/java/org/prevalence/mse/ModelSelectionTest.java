package org.prevalence.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.Tolerance;
import org.prevalence.core.lists.ListOverlapTable;

/** BIC over all hierarchical models against MultipleSystemsEstimation 1.2.0 (bic-expected.csv). */
class ModelSelectionTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "bic-expected.csv", numLinesToSkip = 1)
    void bicMatchesMultipleSystemsEstimation(String caseId, String dataset, String pkg, String call, double estimate,
            String model, double bic, int modelsCompared, int maxOrder) {
        ListOverlapTable t = Fixtures.table(dataset);
        LogLinearMse.Result r = LogLinearMse.withDefaults().with(ModelSelection.BIC).estimate(t);
        assertEquals(model, r.getModelName(), caseId + " model");
        // 10 significant digits in the file: 1e-8 relative would do; 1e-6 as required
        Tolerance.assertRelative(estimate, r.getEstimate(), 1e-6, caseId + " estimate");
        Tolerance.assertRelative(bic, r.getBic(), 1e-6, caseId + " BIC");
        assertEquals(modelsCompared, r.getModelsCompared(), caseId + " models passing the checks");
        assertEquals("bic", r.getMethod());
    }

    @Test
    void autoUsesBicUpToFiveListsAndStepwiseBeyond() {
        assertEquals("bic", LogLinearMse.withDefaults().estimate(Fixtures.table("us_western_site_5lists")).getMethod());
        LogLinearMse.Result r = LogLinearMse.withDefaults().estimate(Fixtures.table("neworleans_8lists"));
        assertEquals("stepwise", r.getMethod());
        Tolerance.assertRelative(1183.692274553, r.getEstimate(), 1e-6, "New Orleans 8 stepwise");
    }

    @Test
    void enumerationCountsMatchHiermodels() {
        // MultipleSystemsEstimation data(hiermodels): 5 lists: 1 + 1023 + 5188 models of order 1, 2, 3;
        // 4 lists: 1 + 63 + 49; 3 lists: 1 + 7 (counted in R 4.2.2 from hiermodels.rda)
        assertEquals(6212, HierarchicalModels.enumerate(5, 3).size());
        assertEquals(1024, HierarchicalModels.enumerate(5, 2).size());
        assertEquals(113, HierarchicalModels.enumerate(4, 3).size());
        assertEquals(8, HierarchicalModels.enumerate(3, 2).size());
        assertEquals(32768, HierarchicalModels.enumerate(6, 2).size());
        assertEquals("[1,2,3,4,5]", HierarchicalModels.enumerate(5, 3).get(0).generatingClass());
    }

    @Test
    void rankingIsTheSameOnOneTwoFourAndAllThreads() {
        ListOverlapTable t = Fixtures.table("uk2013_5lists");
        List<ModelScore> ser = LogLinearMse.withDefaults().withThreads(1).rankModels(t);
        List<ModelScore> par = LogLinearMse.withDefaults().rankModels(t);
        for (int threads : new int[] {2, 4, 0}) {
            List<ModelScore> many = LogLinearMse.withDefaults().withThreads(threads).rankModels(t);
            assertEquals(ser.size(), many.size());
            for (int i = 0; i < ser.size(); i++) {
                assertEquals(ser.get(i).getModel(), many.get(i).getModel());
                assertEquals(Double.doubleToLongBits(ser.get(i).getBic()), Double.doubleToLongBits(many.get(i).getBic()));
                assertEquals(Double.doubleToLongBits(ser.get(i).getEstimate()),
                        Double.doubleToLongBits(many.get(i).getEstimate()));
            }
        }
        // ranked by BIC
        for (int i = 1; i < par.size(); i++) {
            assertEquals(true, par.get(i - 1).getBic() <= par.get(i).getBic());
        }
    }

    @Test
    void scoreOnCountsMatchesTheRankedFit() {
        ListOverlapTable t = Fixtures.table("uk2013_5lists");
        LogLinearModel m = LogLinearModel.parse("[123,25,34]", t.listNames());
        ModelScore s = LogLinearMse.withDefaults().score(m, t.listNames(), t.countsByMask());
        Tolerance.assertRelative(25311.29061, s.getEstimate(), 1e-6, "score estimate");
        Tolerance.assertRelative(195.8791056, s.getBic(), 1e-6, "score BIC");
    }

    @Test
    void stepwiseOnCountsMatchesTheTableEntryPoint() {
        ListOverlapTable t = Fixtures.table("uk2013_5lists");
        double e = LogLinearMse.withDefaults().stepwiseEstimate(t.listNames(), t.countsByMask());
        Tolerance.assertRelative(11312.99028944, e, 1e-6, "stepwise estimate from counts");
        assertEquals("[12,15,23,25,24,3]".length() > 0, true);
        LogLinearModel m = LogLinearMse.withDefaults().stepwiseModel(t.listNames(), t.countsByMask());
        assertEquals("LA:NG,NG:GP,PFNCA:GP,LA:PFNCA,GO:GP,NG:GO", m.termNotation(t.listNames()));
    }

    @Test
    void aicSelectionPicksTheSmallestAic() {
        ListOverlapTable t = Fixtures.table("us_western_site_5lists");
        LogLinearMse aic = LogLinearMse.withDefaults().with(ModelSelection.AIC).withMaxOrder(2);
        List<ModelScore> ranked = aic.rankModels(t);
        assertEquals(1024 - 0, HierarchicalModels.enumerate(5, 2).size());
        LogLinearMse.Result r = aic.estimate(t);
        assertEquals("aic", r.getMethod());
        assertEquals(ranked.get(0).getModel(), r.getModel());
        Tolerance.assertRelative(ranked.get(0).getAic(), r.getAic(), 1e-9, "AIC of the QR refit");
        for (ModelScore s : ranked) {
            assertEquals(true, s.getAic() >= r.getAic() - 1e-9);
            assertEquals(true, s.getModel().order() <= 2);
        }
    }

    @Test
    void pthreshLimits() {
        ListOverlapTable t = Fixtures.table("uk2013_5lists");
        assertEquals("main", LogLinearMse.withDefaults().withPthresh(0).stepwise(t).getTermNotation());
        // pthresh 1: SparseMSE fits all pairs when that model passes the check
        int code = LogLinearMse.checkCode(t, LogLinearModel.allPairs(5));
        LogLinearMse.Result all = LogLinearMse.withDefaults().withPthresh(1).stepwise(t);
        if (code == 0) {
            assertEquals(10, all.getTerms().size());
        } else {
            assertEquals(true, all.getTerms().size() < 10);
        }
    }

    @Test
    void stepwiseAlwaysUsesTheExtendedMle() {
        assertEquals(EmptyOverlaps.EXTENDED_MLE, ModelSelection.STEPWISE.emptyOverlaps(false));
        assertEquals(EmptyOverlaps.EXTENDED_MLE, ModelSelection.AUTO.resolve(6).emptyOverlaps(false));
        assertEquals(EmptyOverlaps.ERROR, ModelSelection.BIC.emptyOverlaps(false));
        assertEquals(EmptyOverlaps.ERROR, ModelSelection.FIXED.emptyOverlaps(false));
        assertEquals(EmptyOverlaps.EXTENDED_MLE, ModelSelection.AIC.emptyOverlaps(true));
    }
}
