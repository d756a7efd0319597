package org.prevalence.network.rds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.bootstrap.Bootstrap;

class RdsEstimatorTest {
    private static final Map<String, Double> R = RdsData.expected("rds-expected.csv");

    @ParameterizedTest
    @ValueSource(strings = {"fauxmadrona", "fauxsycamore"})
    void deterministicEstimatorsMatchR(String dataset) {
        RdsData d = RdsData.load(dataset);
        RdsEstimator e = RdsEstimator.withDefaults();
        // RDS.II.estimates(d, 'disease')
        Tolerance.assertRelative(R.get("rds-ii/" + dataset), e.estimate(d.sample, d.disease).getEstimate(), 1e-8,
                "RDS-II");
        // RDS.I.estimates(d, factor(disease))['1'], plain and smoothed
        Tolerance.assertRelative(R.get("rds-i/" + dataset),
                e.with(RdsMethod.RDS_I).estimate(d.sample, d.disease).getEstimate(), 1e-8, "RDS-I");
        Tolerance.assertRelative(R.get("rds-i-ds/" + dataset),
                e.with(RdsMethod.RDS_I_SMOOTHED).estimate(d.sample, d.disease).getEstimate(), 1e-8, "RDS-I DS");
        // RDS.SS.estimates(d, 'disease', N = 100000): n/N below SS.infinity, the deterministic branch
        Tolerance.assertRelative(R.get("ss-large-n/" + dataset),
                e.with(RdsMethod.SS).withPopulationSize(100000).estimate(d.sample, d.disease).getEstimate(), 1e-8,
                "SS large N");
        // homophily.estimates(d, 'disease', recruitment = TRUE) and (weight.type = 'RDS-II')
        Tolerance.assertRelative(R.get("homophily-recruitment/" + dataset),
                Homophily.recruitment(d.sample, d.disease), 1e-8, "recruitment homophily");
        Tolerance.assertRelative(R.get("homophily-population-rds-ii/" + dataset),
                Homophily.population(e.withPopulationSize(1000), d.sample, d.disease).getEstimate(), 1e-8,
                "population homophily");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fauxmadrona", "fauxsycamore"})
    void differentialActivityMatchesR(String dataset) {
        RdsData d = RdsData.load(dataset);
        RdsEstimator e = RdsEstimator.withDefaults().withPopulationSize(1000);
        // differential.activity.estimates(d, 'disease', weight.type = 'RDS-II' / 'RDS-I', N = 1000)
        Tolerance.assertRelative(R.get("differential-activity-rds-ii/" + dataset),
                Homophily.differentialActivity(e, d.sample, d.disease), 1e-8, "RDS-II");
        Tolerance.assertRelative(R.get("differential-activity-rds-i/" + dataset),
                Homophily.differentialActivity(e.with(RdsMethod.RDS_I), d.sample, d.disease), 1e-8, "RDS-I");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fauxmadrona", "fauxsycamore"})
    void successiveSamplingMatchesRWithinMonteCarlo(String dataset) {
        RdsData d = RdsData.load(dataset);
        double ours = RdsEstimator.withDefaults().with(RdsMethod.SS).withPopulationSize(1000)
                .estimate(d.sample, d.disease).getEstimate();
        // R's SS simulation: mean and sd of 20 seeds; one new estimate within 5 sd * sqrt(1 + 1/20)
        double mean = R.get("ss-mean20/" + dataset);
        double sd = R.get("ss-sd20/" + dataset);
        assertEquals(mean, ours, 5 * sd * Math.sqrt(1 + 1.0 / 20), "SS vs R");
    }

    @Test
    void successiveSamplingIsSeededAndThreadInvariant() {
        RdsData d = RdsData.load("fauxmadrona");
        RdsEstimator ss = RdsEstimator.withDefaults().with(RdsMethod.SS).withPopulationSize(1000)
                .withSsSimulation(2, 100);
        double one = ss.withThreads(1).estimate(d.sample, d.disease).getEstimate();
        assertEquals(one, ss.withThreads(2).estimate(d.sample, d.disease).getEstimate(), 0.0);
        assertEquals(one, ss.withThreads(3).estimate(d.sample, d.disease).getEstimate(), 0.0);
        assertTrue(one != ss.withSeed(99).estimate(d.sample, d.disease).getEstimate());
    }

    @Test
    void equalDegreesGiveTheSampleMean() {
        // closed form: with every degree equal, RDS-II and SS weights are equal, so the estimate is the mean
        UniformRandomProvider rng = Bootstrap.generator(20, 0);
        int n = 200;
        String[] id = new String[n];
        String[] rec = new String[n];
        double[] deg = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = "r" + i;
            rec[i] = i < 5 ? "seed" : "r" + rng.nextInt(i);
            deg[i] = 7;
            y[i] = rng.nextDouble() < 0.3 ? 1 : 0;
        }
        RdsSample s = RdsSample.of(id, rec, deg);
        double mean = Arrays.stream(y).average().getAsDouble();
        Tolerance.assertRelative(mean, RdsEstimator.withDefaults().estimate(s, y).getEstimate(), 1e-14, "RDS-II");
        Tolerance.assertRelative(mean, RdsEstimator.withDefaults().with(RdsMethod.SS).withPopulationSize(400)
                .estimate(s, y).getEstimate(), 1e-12, "SS");
    }

    @Test
    void successiveSamplingNeedsAPopulationAtLeastTheSample() {
        RdsData d = RdsData.load("fauxmadrona");
        PrevalenceException none = assertThrows(PrevalenceException.class,
                () -> RdsEstimator.withDefaults().with(RdsMethod.SS).estimate(d.sample, d.disease));
        assertTrue(none.getMessage().contains("population size N"), none.getMessage());
        PrevalenceException small = assertThrows(PrevalenceException.class,
                () -> RdsEstimator.withDefaults().with(RdsMethod.SS).withPopulationSize(499).estimate(d.sample,
                        d.disease));
        assertTrue(small.getMessage().contains("smaller than the sample size 500"), small.getMessage());
        assertThrows(PrevalenceException.class, () -> RdsEstimator.withDefaults().withPopulationSize(0));
        double[] y = d.disease.clone();
        y[4] = Double.NaN;
        PrevalenceException miss = assertThrows(PrevalenceException.class,
                () -> RdsEstimator.withDefaults().estimate(d.sample, y));
        assertEquals("row 5, column 'outcome'", miss.where());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fauxmadrona", "fauxsycamore"})
    void estimatesByWaveMatchR(String dataset) {
        Map<String, Double> w = RdsData.expected("rds-wave-expected.csv");
        RdsData d = RdsData.load(dataset);
        RdsEstimator.ByWave b = RdsEstimator.withDefaults().byWave(d.sample, d.disease);
        assertEquals(d.sample.maxWave() + 1, b.estimates().length);
        for (int k = 0; k <= d.sample.maxWave(); k++) {
            // RDS.II.estimates(d[get.wave(d) <= k, ], 'disease')
            Tolerance.assertRelative(w.get("wave-rds-ii-" + k + "/" + dataset), b.estimates()[k], 1e-8, "wave " + k);
            assertEquals(w.get("wave-n-" + k + "/" + dataset), b.respondents()[k]);
        }
        // identity: the last wave holds every respondent
        assertEquals(RdsEstimator.withDefaults().estimate(d.sample, d.disease).getEstimate(),
                b.estimates()[d.sample.maxWave()], 1e-15, "all waves");
    }

    @Test
    void resultReadsWell() {
        RdsData d = RdsData.load("fauxmadrona");
        RdsEstimator.Result r = RdsEstimator.withDefaults().estimate(d.sample, d.disease);
        assertTrue(r.toString().startsWith("RDS-II[estimate=0.164"), r.toString());
        assertEquals("mean (RDS-II)", r.toEstimate().quantity());
    }
}
