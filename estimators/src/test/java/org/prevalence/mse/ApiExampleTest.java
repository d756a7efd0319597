package org.prevalence.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.Tolerance;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * The usage of LogLinearMse that callers rely on (selection, a fixed model, the entry points a bootstrap
 * calls), kept compiling and correct.
 */
class ApiExampleTest {
    @Test
    void usage() {
        ListOverlapTable uk = Fixtures.table("uk2013_5lists");
        LogLinearMse.Result r = LogLinearMse.withDefaults().with(ModelSelection.STEPWISE).withPthresh(0.02)
                .with(MseInterval.LOG_NORMAL).withConfidenceLevel(0.95).estimate(uk);
        Tolerance.assertRelative(11312.99028944, r.getEstimate(), 1e-6, "stepwise");
        LogLinearMse.Result bic = LogLinearMse.withDefaults().with(ModelSelection.BIC).withMaxOrder(3).estimate(uk);
        assertEquals("[123,25,34]", bic.getModelName());
        LogLinearMse.Result fixed = LogLinearMse.withDefaults().withModel("LA:NG,NG:GP").estimate(uk);
        assertEquals(List.of("LA:NG", "NG:GP"), fixed.getTerms());
        double boot = LogLinearMse.withDefaults().stepwiseEstimate(uk.listNames(), uk.countsByMask());
        assertEquals(r.getEstimate(), boot, 1e-6 * boot);
        List<ModelScore> ranked = LogLinearMse.withDefaults().rankModels(uk);
        ModelScore again = LogLinearMse.withDefaults().score(ranked.get(0).getModel(), uk.listNames(), uk.countsByMask());
        assertEquals(ranked.get(0).getBic(), again.getBic(), 1e-9);
    }
}
