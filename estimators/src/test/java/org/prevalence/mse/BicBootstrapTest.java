package org.prevalence.mse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.bootstrap.Resampler;
import org.prevalence.core.bootstrap.Resamplers;
import org.prevalence.core.lists.ListOverlapTable;

class BicBootstrapTest {
    private static List<ModelScore> ukRanking;

    /** The UK 5-list BIC ranking (6,084 models), computed once for the tests that need it. */
    static synchronized List<ModelScore> ukRanking() {
        if (ukRanking == null) {
            ukRanking = LogLinearMse.withDefaults().with(ModelSelection.BIC).rankModels(Fixtures.table("uk2013_5lists"));
        }
        return ukRanking;
    }

    /**
     * The fast warm-started IRLS agrees with the glm.fit-path fit (MseEngine.fit) for the top 100 UK
     * models, on the data and on 10 resamples: estimate to 1e-8 relative, BIC to 1e-7 absolute.
     */
    @Test
    void fastFitAgreesWithGlmPath() {
        ListOverlapTable t = Fixtures.table("uk2013_5lists");
        List<ModelScore> top = ukRanking().subList(0, 100);
        long[] counts = t.countsByMask();
        Resampler<long[]> rs = Resamplers.multinomial(counts);
        int compared = 0;
        for (int b = -1; b < 10; b++) {
            long[] c = b < 0 ? counts : rs.newBuffer();
            if (b >= 0) {
                rs.resample(Bootstrap.generator(7, b), c);
            }
            MseEngine e = new MseEngine(t.listNames(), c, PoissonRegression.withDefaults());
            double[] lf = BicBootstrap.Scorer.logFactorials(c);
            FastPoissonFit fast = new FastPoissonFit(5);
            for (ModelScore s : top) {
                LogLinearModel m = s.getModel();
                if (e.checkCode(m) != 0) {
                    continue;
                }
                MseEngine.ModelFit ref = e.fit(m);
                assertTrue(fast.fit(c, e.retainedCells(e.emptyTerms(m)), e.columns(m), null, lf), m.toString());
                Tolerance.assertRelative(ref.estimate(), e.observed + Math.exp(fast.intercept()), 1e-8, "estimate " + m);
                Tolerance.assertAbsolute(ref.bic(), m.parameterCount() * Math.log(e.observed)
                        - 2 * fast.logLikelihood(), 1e-7, "BIC " + m);
                compared++;
            }
        }
        assertTrue(compared > 1000, "compared " + compared);
    }

    /**
     * UK 5 lists: the point estimate and model are those of MultipleSystemsEstimation's BIC search
     * (R 4.2.2, MultipleSystemsEstimation 1.2.0, estimate_population(z, method='bic'): 25,311.29061,
     * [123,25,34], 6,084 models; shared/refdata/mse/expected-bic.csv), relative 1e-8.
     */
    @Test
    void ukBestModelAndNestedIntervals() {
        BicBootstrap.Result r = BicBootstrap.withDefaults().withReplicates(200).withNtop(10)
                .estimate(Fixtures.table("uk2013_5lists"), ukRanking());
        Tolerance.assertRelative(25311.29061, r.getEstimate(), 1e-8, "estimate");
        assertEquals("[123,25,34]", r.getModelName());
        assertEquals(6084, r.getModelsCompared());
        assertEquals(10, r.getNtop());
        assertEquals(3, r.getMaxOrder());
        assertEquals(r.getInterval(10), r.getConfidenceInterval());
        for (int k = 1; k <= 10; k++) {
            assertNotNull(r.getInterval(k), "k=" + k);
            assertEquals("bca", r.getInterval(k).method());
        }
        // with re-selection among the best model only, every replicate is that model's estimate
        assertTrue(r.getBootstrap(1).getFailed() <= 10);
        assertThrows(PrevalenceException.class, () -> r.getInterval(11));
    }

    /** 3 lists: all models by default; identical results for 1 and 2 threads. */
    @Test
    void threeListsAllModelsThreadInvariant() {
        ListOverlapTable t = Fixtures.table("artificial_3lists");
        BicBootstrap b = BicBootstrap.withDefaults().withReplicates(300).withSeed(3);
        BicBootstrap.Result one = b.withThreads(1).estimate(t);
        BicBootstrap.Result two = b.withThreads(2).estimate(t);
        assertEquals(one.getModelsCompared(), one.getNtop(), "all models for 3 lists");
        assertArrayEquals(one.getReplicates(), two.getReplicates(), 0.0);
        assertEquals(one.getConfidenceInterval(), two.getConfidenceInterval());
        Interval ci = one.getConfidenceInterval();
        assertTrue(ci.lower() <= one.getEstimate() && one.getEstimate() <= ci.upper(), ci.toString());
        assertEquals(Integer.MAX_VALUE, BicBootstrap.defaultNtop(3));
        assertEquals(20, BicBootstrap.defaultNtop(4));
        assertEquals(100, BicBootstrap.defaultNtop(6));
    }

    @Test
    void moreThanSixListsIsRefused() {
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> BicBootstrap.withDefaults().estimate(Fixtures.table("neworleans_8lists")));
        assertTrue(e.getMessage().contains("2 to 6 lists"), e.getMessage());
        assertTrue(e.getMessage().contains("MseBootstrap"), e.getMessage());
        assertThrows(PrevalenceException.class, () -> BicBootstrap.withDefaults().withNtop(-1));
        assertThrows(PrevalenceException.class, () -> BicBootstrap.withDefaults().withConfidenceLevel(0));
    }
}
