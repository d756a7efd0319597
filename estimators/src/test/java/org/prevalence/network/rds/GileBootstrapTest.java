package org.prevalence.network.rds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;

class GileBootstrapTest {
    private static final Map<String, Double> R = RdsData.expected("rds-gile-expected.csv");

    /**
     * R: mean over set.seed(1:5) of RDS.bootstrap.intervals(d, 'disease', weight.type = "Gile's SS",
     * uncertainty = 'Gile', N = 1000, number.of.bootstrap.samples = 1000, to.factor = TRUE) (rds_gile.R).
     * Monte Carlo tolerance: a 1000-replicate bootstrap SE has sd about SE/sqrt(2*999) (normal theory);
     * the point estimate carries the SS simulation's sd (R's sd over its 5 seeds); ours against the mean of
     * R's 5 runs: 4 sd * sqrt(1 + 1/5).
     */
    @ParameterizedTest
    @ValueSource(strings = {"fauxmadrona", "fauxsycamore"})
    void matchesRWithinMonteCarlo(String ds) {
        RdsData d = RdsData.load(ds);
        RdsBootstrap.Result b = GileBootstrap.withDefaults().withPopulationSize(1000).withReplicates(1000)
                .withSeed(1234).estimate(d.sample, d.disease);
        double se = R.get("gile-se-mean5/" + ds);
        double k = 4 * Math.sqrt(1 + 1.0 / 5);
        double seSd = se / Math.sqrt(2 * 999);
        double pointSd = R.get("gile-point-sd5/" + ds);
        assertEquals(se, b.getStandardError(), k * seSd, "SE");
        assertEquals(R.get("gile-point-mean5/" + ds), b.getEstimate(), k * pointSd, "point");
        double limSd = Math.hypot(pointSd, 1.96 * seSd);
        assertEquals(R.get("gile-lower-mean5/" + ds), b.getConfidenceInterval().lower(), k * limSd, "lower");
        assertEquals(R.get("gile-upper-mean5/" + ds), b.getConfidenceInterval().upper(), k * limSd, "upper");
        assertEquals(R.get("gile-replicate-mean5/" + ds), b.getReplicateMean(),
                k * Math.hypot(se / Math.sqrt(1000), pointSd), "replicate mean");
        assertEquals(IntervalMethod.WALD, b.getConfidenceInterval().method());
        assertEquals(1000, b.getSucceeded());
        assertTrue(b.toString().contains("Gile SS bootstrap 1000/1000"), b.toString());
    }

    @Test
    void pointEstimateIsTheSsEstimatorsAndThreadInvariant() {
        RdsData d = RdsData.load("fauxmadrona");
        RdsEstimator ss = RdsEstimator.withDefaults().with(RdsMethod.SS).withPopulationSize(1000).withSeed(5);
        GileBootstrap g = GileBootstrap.withDefaults().with(ss).withReplicates(200).withSeed(9);
        RdsBootstrap.Result one = g.withThreads(1).estimate(d.sample, d.disease);
        RdsBootstrap.Result two = g.withThreads(2).estimate(d.sample, d.disease);
        assertEquals(one.getStandardError(), two.getStandardError(), 0.0);
        assertEquals(one.getEstimate(), two.getEstimate(), 0.0);
        // the same simulation seeds as the estimator itself
        assertEquals(ss.withThreads(1).estimate(d.sample, d.disease).getEstimate(), one.getEstimate(), 1e-15);
    }

    @Test
    void closedFormAllDegreesEqualAllOneGroupHasNoVariance() {
        // every respondent in one group: every replicate estimate is 1, so the SE is 0 (closed form)
        String[] id = {"1", "2", "3", "4", "5", "6"};
        String[] rec = {"seed", "1", "1", "2", "seed", "5"};
        double[] deg = {3, 3, 5, 3, 2, 5};
        double[] y = {1, 1, 1, 1, 1, 1};
        RdsBootstrap.Result b = GileBootstrap.withDefaults().withPopulationSize(50).withReplicates(50)
                .estimate(RdsSample.of(id, rec, deg), y);
        assertEquals(1.0, b.getEstimate(), 1e-15);
        assertEquals(0.0, b.getStandardError(), 1e-15);
    }

    @Test
    void badInput() {
        RdsData d = RdsData.load("fauxmadrona");
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> GileBootstrap.withDefaults().estimate(d.sample, d.disease));
        assertTrue(e.getMessage().contains("population size"), e.getMessage());
        e = assertThrows(PrevalenceException.class,
                () -> GileBootstrap.withDefaults().withPopulationSize(100).estimate(d.sample, d.disease));
        assertTrue(e.getMessage().contains("smaller than the sample"), e.getMessage());
        assertThrows(PrevalenceException.class, () -> GileBootstrap.withDefaults().with(RdsEstimator.withDefaults()));
    }

    /** R: rds_bottleneck.R, cumulative.estimate(tree, 'disease', RDS.II.estimates) per seed, to 1e-10. */
    @Test
    void bottleneckMatchesR() {
        RdsData d = RdsData.load("fauxmadrona");
        List<RdsEstimator.SeedTree> trees = RdsEstimator.withDefaults().bottleneck(d.sample, d.disease);
        List<String[]> rows = RdsData.rows("rds-bottleneck-expected.csv");
        int checked = 0;
        for (String[] r : rows.subList(1, rows.size())) {
            RdsEstimator.SeedTree t = trees.stream().filter(x -> d.sample.id(x.seedRow()).equals(r[0])).findFirst()
                    .orElseThrow();
            int w = Integer.parseInt(r[1]);
            assertEquals(Integer.parseInt(r[2]), t.byWave().respondents()[w], r[0] + " wave " + w);
            assertEquals(Double.parseDouble(r[3]), t.byWave().estimates()[w], 1e-10, r[0] + " wave " + w);
            checked++;
        }
        assertEquals(d.sample.seeds(), trees.size());
        assertEquals(58, checked);
    }
}
