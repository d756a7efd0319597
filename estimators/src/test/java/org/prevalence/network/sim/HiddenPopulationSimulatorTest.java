package org.prevalence.network.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.network.nsum.GeneralizedScaleUp;
import org.prevalence.survey.SurveyDesign;

class HiddenPopulationSimulatorTest {
    private static final HiddenPopulationSimulator CENSUS = HiddenPopulationSimulator.withDefaults()
            .withSizes(300, 40).withSamples(300, 40, 3, 3).withVisibility(0.6).withBarrier(0.3).withSeed(11);

    @Test
    void aSeedGivesTheSameWorld() {
        HiddenPopulationSimulator.World a = CENSUS.simulate();
        HiddenPopulationSimulator.World b = CENSUS.simulate();
        for (int r = 0; r < a.householdSize(); r++) {
            assertArrayEquals(a.householdRow(r), b.householdRow(r));
        }
        for (int r = 0; r < a.rdsSize(); r++) {
            assertEquals(a.rdsRecruiter(r), b.rdsRecruiter(r));
            assertEquals(a.rdsDegree(r), b.rdsDegree(r));
        }
        HiddenPopulationSimulator.World c = CENSUS.withSeed(12).simulate();
        boolean differs = false;
        for (int r = 0; r < a.householdSize() && !differs; r++) {
            differs = !java.util.Arrays.equals(a.householdRow(r), c.householdRow(r));
        }
        assertTrue(differs);
    }

    @Test
    void truthsAreThoseAskedFor() {
        HiddenPopulationSimulator.World w = HiddenPopulationSimulator.withDefaults().withSizes(1000, 100)
                .withSamples(200, 50, 5, 3).withPrevalence(0.25).withSeed(3).simulate();
        assertEquals(100, w.hiddenSize());
        assertEquals(25, w.forcedLabour());
        assertEquals(0.25, w.prevalence(), 0.0);
        assertEquals(50, w.rdsSize());
        assertEquals(5, w.rdsSeeds());
        int seeds = 0;
        for (int r = 0; r < w.rdsSize(); r++) {
            seeds += w.rdsRecruiter(r) < 0 ? 1 : 0;
            assertTrue(w.rdsRecruiter(r) < r, "a recruiter comes before its recruit");
            assertTrue(w.rdsDegree(r) >= 1);
        }
        assertEquals(w.rdsSeeds(), seeds);
        for (int[] h : w.listCases()) {
            assertTrue(java.util.Arrays.stream(h).sum() >= 1);
        }
        assertTrue(w.listCases().length <= w.forcedLabour());
    }

    /**
     * Closed form on a census (every person surveyed, every hidden member in the hidden sample): each tie
     * whose holder knows the alter is hidden is counted once by the holder (q_hidden) and once in the
     * alter's visibility, so sum(q_hidden) = sum(visibility), and the generalized NSUM with equal weights is
     * N * mean(q) / mean(v) = N_H exactly, whatever the barrier and visibility.
     */
    @Test
    void generalizedScaleUpIsExactOnACensus() {
        HiddenPopulationSimulator.World w = CENSUS.simulate();
        Triangulation.Data d = Triangulation.data(w);
        double q = java.util.Arrays.stream(d.household().numeric("q_hidden")).sum();
        double v = java.util.Arrays.stream(d.rdsVisibility()).sum();
        assertEquals(q, v, 0.0);
        SurveyDesign hs = SurveyDesign.builder(w.rdsSize()).equalProbability().variable("v", d.rdsVisibility())
                .build();
        GeneralizedScaleUp.Result g = GeneralizedScaleUp.withDefaults().withFrameSize(w.populationSize())
                .estimate(d.household(), "q_hidden", hs, "v");
        assertEquals(w.hiddenSize(), g.getEstimate(), 1e-9);
    }

    @Test
    void triangulationGivesEveryMethodBesideTheTruth() {
        HiddenPopulationSimulator.World w = HiddenPopulationSimulator.withDefaults().withSizes(3000, 300)
                .withSamples(600, 120, 8, 3).withSeed(2).simulate();
        List<Triangulation.Row> rows = Triangulation.withDefaults().withReplicates(50)
                .run(Triangulation.data(w), Triangulation.truth(w));
        assertEquals(10, rows.size());
        for (Triangulation.Row r : rows) {
            assertTrue(r.estimate() > 0 && Double.isFinite(r.estimate()), r.toString());
            assertTrue(r.interval() != null, r.toString());
            assertEquals(Triangulation.truth(w).get(r.quantity()), r.truth(), 0.0);
        }
    }

    @Test
    void badParameters() {
        HiddenPopulationSimulator s = HiddenPopulationSimulator.withDefaults();
        assertThrows(PrevalenceException.class, () -> s.withHomophily(1));
        assertThrows(PrevalenceException.class, () -> s.withBarrier(-0.1));
        assertThrows(PrevalenceException.class, () -> s.withVisibility(0));
        assertThrows(PrevalenceException.class, () -> s.withPrevalence(1));
        assertThrows(PrevalenceException.class, () -> s.withSizes(100, 100));
        assertThrows(PrevalenceException.class, () -> s.withListCapture(0.5));
        assertThrows(PrevalenceException.class, () -> s.withSizes(1000, 50).withSamples(100, 60, 2, 2).simulate());
    }
}
