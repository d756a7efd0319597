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
     * The replicate statistic (cached existence checks, fast fits, cumulative selection) equals a direct
     * computation with the public API: for each of the top 30 UK models LogLinearMse.score (checked and
     * fitted anew on each resample), then the lowest BIC among the first k. Data and 8 resamples;
     * relative tolerance 1e-8 (the fast IRLS and the QR path agree to about 1e-9).
     */
    @Test
    void replicateStatisticIsCumulativeBicSelection() {
        ListOverlapTable t = Fixtures.table("uk2013_5lists");
        List<ModelScore> top = ukRanking().subList(0, 30);
        BicBootstrap.Scorer scorer = new BicBootstrap.Scorer(t.listNames(), top);
        LogLinearMse mse = LogLinearMse.withDefaults();
        long[] counts = t.countsByMask();
        Resampler<long[]> rs = Resamplers.multinomial(counts);
        for (int b = -1; b < 8; b++) {
            long[] c = b < 0 ? counts : rs.newBuffer();
            if (b >= 0) {
                rs.resample(Bootstrap.generator(7, b), c);
            }
            double[] out = new double[top.size()];
            scorer.cumulative(c.clone(), out);
            double best = Double.POSITIVE_INFINITY;
            double expected = Double.NaN;
            for (int i = 0; i < top.size(); i++) {
                ModelScore s = mse.score(top.get(i).getModel(), t.listNames(), c);
                if (s != null && s.getBic() < best) {
                    best = s.getBic();
                    expected = s.getEstimate();
                }
                Tolerance.assertRelative(expected, out[i], 1e-8, "resample " + b + ", k=" + (i + 1));
            }
        }
        // on the data, the first model is the best model itself
        double[] out = new double[top.size()];
        scorer.cumulative(counts.clone(), out);
        Tolerance.assertRelative(top.get(0).getEstimate(), out[0], 1e-8, "k=1 on the data");
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
            assertEquals("bca", r.getInterval(k).label());
        }
        // with re-selection among the best model only, every replicate is that model's estimate
        assertTrue(r.getBootstrap(1).getFailed() <= 10);
        assertThrows(PrevalenceException.class, () -> r.getInterval(11));
    }

    /** 3 lists: all models by default; identical results for 1, 2 and 4 threads. */
    @Test
    void threeListsAllModelsThreadInvariant() {
        ListOverlapTable t = Fixtures.table("artificial_3lists");
        BicBootstrap b = BicBootstrap.withDefaults().withReplicates(300).withSeed(3);
        BicBootstrap.Result one = b.withThreads(1).estimate(t);
        assertEquals(one.getModelsCompared(), one.getNtop(), "all models for 3 lists");
        for (int threads : new int[] {2, 4}) {
            BicBootstrap.Result many = b.withThreads(threads).estimate(t);
            assertArrayEquals(one.getReplicates(), many.getReplicates(), 0.0);
            assertEquals(one.getConfidenceInterval(), many.getConfidenceInterval());
        }
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
