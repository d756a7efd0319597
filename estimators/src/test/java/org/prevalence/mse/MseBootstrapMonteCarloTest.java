package org.prevalence.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.Tolerance;
import org.prevalence.core.bootstrap.BootstrapIntervals;

/**
 * The whole bootstrap procedures against R to a Monte Carlo tolerance: 10,000 replicates (seed 1234) against
 * R's 1,000-replicate BCa limits, within 4 standard deviations of R's own Monte Carlo error (see
 * mse-bootstrap-montecarlo.csv for the figures and how the tolerance was measured). Also the body of the
 * stepwise replicate distribution (quartiles) against R's 1,000 replicates. Slow (about a minute of CPU):
 * run with -Pslow.
 */
@Tag("slow")
class MseBootstrapMonteCarloTest {
    private static final Map<String, MseBootstrap.Result> STEPWISE = new ConcurrentHashMap<>();
    private static final Map<String, BicBootstrap.Result> BIC = new ConcurrentHashMap<>();

    static MseBootstrap.Result stepwise(String dataset) {
        return STEPWISE.computeIfAbsent(dataset, d -> MseBootstrap.withDefaults().withReplicates(10_000)
                .withSeed(1234).estimate(Fixtures.table(d)));
    }

    static BicBootstrap.Result bic(String dataset) {
        return BIC.computeIfAbsent(dataset, d -> BicBootstrap.withDefaults().withReplicates(10_000)
                .withSeed(1234).estimate(Fixtures.table(d)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "mse-bootstrap-montecarlo.csv", numLinesToSkip = 1)
    void bcaLimitWithinMonteCarloError(String id, String dataset, String method, int ntop, double p, double limit,
            double sd1000) {
        double ours;
        if (method.equals("stepwise")) {
            MseBootstrap.Result r = stepwise(dataset);
            assertEquals(0, r.getFailed(), "failed replicates");
            ours = r.bcaLimit(p);
        } else {
            BicBootstrap.Result r = bic(dataset);
            assertEquals(100, r.getNtop());
            ours = r.bcaLimit(ntop, p);
        }
        System.out.printf(Locale.ROOT, "MC %s: R %.1f, ours %.1f, difference %.2f sd1000%n", id, limit, ours,
                (ours - limit) / sd1000);
        Tolerance.assertAbsolute(limit, ours, 4 * sd1000, id);
    }

    /**
     * Quartiles of the stepwise replicates against R's 1,000 replicates (shared/refdata/mse/bootreps_*.csv):
     * within 4 standard errors of R's sample quantile, SE = sqrt(p(1-p)/1000) / f(q), the density f
     * estimated from our 10,000 replicates over +-0.02 in probability.
     */
    @Test
    void stepwiseReplicateQuartilesMatchR() {
        for (String[] ds : new String[][] {{"uk2013_5lists", "uk"}, {"us_western_site_5lists", "western"}}) {
            double[] ours = stepwise(ds[0]).getReplicates();
            Arrays.sort(ours);
            double[] r = RReplicates.of(ds[0]);
            Arrays.sort(r);
            for (double p : new double[] {0.25, 0.5, 0.75}) {
                double qr = BootstrapIntervals.quantileType8(r, p);
                double q = BootstrapIntervals.quantileType8(ours, p);
                double density = 0.04 / (BootstrapIntervals.quantileType8(ours, p + 0.02)
                        - BootstrapIntervals.quantileType8(ours, p - 0.02));
                double se = Math.sqrt(p * (1 - p) / 1000) / density;
                System.out.printf(Locale.ROOT, "MC %s q%.2f: R %.1f, ours %.1f (%.2f SE)%n", ds[1], p, qr, q,
                        (q - qr) / se);
                Tolerance.assertAbsolute(qr, q, 4 * se, ds[1] + " quantile " + p);
            }
        }
    }
}
