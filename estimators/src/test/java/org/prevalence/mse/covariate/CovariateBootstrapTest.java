package org.prevalence.mse.covariate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The parametric bootstrap of {@code mse::boot_mse}: seeding, thread invariance, and R's intervals. */
class CovariateBootstrapTest {
    @Test
    void sameReplicatesWhateverTheThreads() {
        CovariateFit f = CovariateMse.withDefaults().fit(CovariateMseTest.twoLists(), "A:G,B:G");
        CovariateBootstrap b = CovariateBootstrap.withDefaults().withReplicates(200).withSeed(7);
        CovariateBootstrap.Result one = b.withThreads(1).estimate(f, 0);
        CovariateBootstrap.Result two = b.withThreads(2).estimate(f, 0);
        assertArrayEquals(one.getTotal().getReplicates(), two.getTotal().getReplicates());
        assertEquals(one.getDomains(), two.getDomains());
        assertTrue(one.getConfidenceInterval().contains(f.getEstimate()));
        assertEquals(4, one.getDomains().size());
        CovariateBootstrap.Result other = b.withSeed(8).withThreads(2).estimate(f, 0);
        assertTrue(!Arrays.equals(one.getTotal().getReplicates(), other.getTotal().getReplicates()));
    }

    @Test
    void bcaAndLogNormalAreSeededThreadInvariantAndBracketTheEstimate() {
        CovariateFit f = CovariateMse.withDefaults().fit(CovariateMseTest.twoLists(), "A:G,B:G");
        for (CovariateBootstrap.Method m : CovariateBootstrap.Method.values()) {
            CovariateBootstrap b = CovariateBootstrap.withDefaults().withReplicates(300).withSeed(3).withMethod(m);
            CovariateBootstrap.Result one = b.withThreads(1).estimate(f, 0);
            CovariateBootstrap.Result two = b.withThreads(2).estimate(f, 0);
            assertEquals(one.getDomains(), two.getDomains(), m.name());
            for (DomainEstimate d : one.getDomains()) {
                assertTrue(d.interval().lower() >= d.observed() && d.interval().lower() <= d.estimate()
                        && d.estimate() <= d.interval().upper(), m + " " + d);
            }
        }
    }

    /**
     * Log-normal (Chao 1987) arithmetic by hand from the bootstrap's own standard error: f0 = N - n,
     * C = exp(1.959964 sqrt(log(1 + se^2 / f0^2))), (n + f0 / C, n + f0 C).
     */
    @Test
    void logNormalIsChaosFormulaOnTheBootstrapVariance() {
        CovariateFit f = CovariateMse.withDefaults().fit(CovariateMseTest.twoLists(), "A:G,B:G");
        CovariateBootstrap.Result r = CovariateBootstrap.withDefaults().withReplicates(400).withSeed(5)
                .withMethod(CovariateBootstrap.Method.LOG_NORMAL).estimate(f, 0);
        double se = r.getTotal().getBootstrapStandardError();
        double f0 = f.getEstimate() - f.getObserved();
        double c = Math.exp(1.959963984540054 * Math.sqrt(Math.log(1 + se * se / (f0 * f0))));
        double lower = f.getObserved() + f0 / c;
        double upper = f.getObserved() + f0 * c;
        assertEquals(lower, r.getConfidenceInterval().lower(), 1e-9 * lower);
        assertEquals(upper, r.getConfidenceInterval().upper(), 1e-9 * upper);
    }

    /**
     * R: {@code boot_mse(model_search(simdat, lists = 1:4), rep = 1000, seed = 1)} (boot_factor.csv, limits
     * rounded to integers by boot_mse). Monte Carlo tolerance, distribution free: R's limit at tail probability
     * p from its 1000 replicates and ours from B replicates each have a rank error of standard deviation
     * \( \sqrt{p(1-p)/B} \) on the probability scale; R's limit must lie between our empirical quantiles at
     * \( p \pm 4 \sqrt{p(1-p)(1/1000 + 1/B)} \), widened by R's rounding of 0.5.
     */
    @Test
    @Tag("slow")
    void matchesBootMseWithinMonteCarloError() {
        checkAgainstR(10_000);
    }

    @Test
    void matchesBootMseWithinMonteCarloErrorQuick() {
        checkAgainstR(200);
    }

    static void checkAgainstR(int replicates) {
        // model 22 of model_search's path, its BIC model
        CovariateFit f = CovariateMse.withDefaults().fit(CovariateSearchReferenceTest.simdat("simdat.csv"),
                "X1:X4,R3:X2,X1:Y,R1:Y,X2:X4,X1:X2,R1:X2,X4:Y,X2:X3,X3:X4,X3:Y,R2:R4,X1:X3,R4:X4,"
                        + "R4:X3,R2:Y,R2:X2,R1:X4,R1:X1,X2:Y,R1:R4");
        assertEquals(8659.5769425, f.getEstimate(), 1e-6 * 8659.6); // the BIC model of model_search
        CovariateBootstrap.Result b = CovariateBootstrap.withDefaults().withReplicates(replicates).withSeed(1)
                .estimate(f, 0);
        Map<Map<String, String>, double[]> r = new HashMap<>();
        for (String[] row : Csv.rows(CovariateSearchReferenceTest.DIR + "boot_factor.csv").subList(1, 81)) {
            Map<String, String> dom = new HashMap<>();
            if (!row[0].equals("x")) {
                String[] vars = row[0].split("x");
                String[] lv = row[1].split(":");
                for (int i = 0; i < vars.length; i++) {
                    dom.put(vars[i], lv[i]);
                }
            }
            r.put(dom, new double[] {Double.parseDouble(row[3]), Double.parseDouble(row[4]),
                    Double.parseDouble(row[5])});
        }
        assertEquals(80, b.getDomains().size());
        CovariateBootstrap.Result ours = b;
        double p = 0.025;
        double sd = Math.sqrt(p * (1 - p) * (1.0 / 1000 + 1.0 / replicates));
        for (DomainEstimate d : ours.getDomains()) {
            double[] e = r.get(new HashMap<>(d.domain()));
            String at = d.domain().toString();
            assertEquals(e[0], Math.rint(d.estimate()), 0.5, at);
        }
        // the whole population and the years: the replicate sums of those domains
        List<DomainEstimate> doms = ours.getDomains();
        double[] reps = ours.getTotal().getReplicates().clone();
        Arrays.sort(reps);
        double[] e = r.get(Map.of());
        assertTrue(quantile(reps, Math.max(0, p - 4 * sd)) - 0.5 <= e[1] && e[1] <= quantile(reps, p + 4 * sd) + 0.5,
                "lower " + e[1] + " vs " + doms.get(0).interval());
        assertTrue(quantile(reps, 1 - p - 4 * sd) - 0.5 <= e[2]
                && e[2] <= quantile(reps, Math.min(1, 1 - p + 4 * sd)) + 0.5,
                "upper " + e[2] + " vs " + doms.get(0).interval());
    }

    static double quantile(double[] sorted, double q) {
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
        return sorted[i];
    }
}
