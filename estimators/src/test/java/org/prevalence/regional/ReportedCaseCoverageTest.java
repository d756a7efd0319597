package org.prevalence.regional;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.prevalence.core.io.CsvInput;

/**
 * Simulated worlds with known truth (many seeds): the case pipeline's point estimates are unbiased
 * within Monte Carlo error and its 68 % and 95 % intervals cover the true regional and world stock
 * at their nominal rates.
 */
class ReportedCaseCoverageTest {
    static final List<SimulatedCases.Stratum> STRATA = List.of(
            new SimulatedCases.Stratum("Africa", "forced labour exploitation", 1500, 0.35, 0.30, 6),
            new SimulatedCases.Stratum("Africa", "state-imposed", 600, 0.5, 0.25, 15),
            new SimulatedCases.Stratum("Asia-Pacific", "forced labour exploitation", 2500, 0.25, 0.30, 8),
            new SimulatedCases.Stratum("Asia-Pacific", "forced commercial sexual exploitation", 800, 0.3, 0.4, 2),
            new SimulatedCases.Stratum("Middle East", "forced labour exploitation", 500, 0.4, 0.4, 4));
    static final String[] REGIONS = {"Africa", "Asia-Pacific", "Middle East", null};
    static final Populations POPS = Populations.fromTable(RegionEdition.ILO_2012, CsvInput.withDefaults().read(
            "region,population\nAfrica,1000000\nAsia-Pacific,3000000\nMiddle East,200000\n", "pops"));

    /** Runs the simulation; returns per region: mean relative bias, its MC SE, coverage68, coverage95. */
    static double[][] simulate(int worlds, int replicates, BootstrapScheme scheme) {
        int k = REGIONS.length;
        double[] sumErr = new double[k];
        double[] sumErr2 = new double[k];
        int[] cover68 = new int[k];
        int[] cover95 = new int[k];
        ReportedCasePipeline p = ReportedCasePipeline.withDefaults().withReplicates(replicates).with(scheme);
        for (int w = 0; w < worlds; w++) {
            SimulatedCases sim = SimulatedCases.draw(STRATA, 1000 + w);
            ReportedCasePipeline.Result r = p.withSeed(w).estimate(CaseFile.withDefaults().read(sim.cases), POPS,
                    SimulatedCases.WINDOW);
            for (int j = 0; j < k; j++) {
                RegionalEstimate e = REGIONS[j] == null ? r.getWorld() : r.region(REGIONS[j]);
                double truth = sim.trueStock(REGIONS[j]);
                double rel = (e.getEstimate() - truth) / truth;
                sumErr[j] += rel;
                sumErr2[j] += rel * rel;
                cover68[j] += e.getInterval68().contains(truth) ? 1 : 0;
                cover95[j] += e.getInterval95().contains(truth) ? 1 : 0;
            }
        }
        double[][] out = new double[k][4];
        for (int j = 0; j < k; j++) {
            double mean = sumErr[j] / worlds;
            double sd = Math.sqrt((sumErr2[j] - worlds * mean * mean) / (worlds - 1));
            out[j] = new double[] {mean, sd / Math.sqrt(worlds), (double) cover68[j] / worlds,
                    (double) cover95[j] / worlds};
            System.out.printf(Locale.ROOT, "%-13s scheme %-10s bias %+.4f (MC SE %.4f), coverage 68%%: %.3f, 95%%: %.3f (%d worlds)%n",
                    REGIONS[j] == null ? "World" : REGIONS[j], scheme, out[j][0], out[j][1], out[j][2], out[j][3], worlds);
        }
        return out;
    }

    @Test
    void unbiasedWithinMonteCarloError() {
        double[][] r = simulate(60, 50, BootstrapScheme.POPULATION);
        for (double[] row : r) {
            // relative bias within 3.5 Monte Carlo SEs, or below 1 %
            assertTrue(Math.abs(row[0]) < Math.max(3.5 * row[1], 0.01), "bias " + row[0] + " MC SE " + row[1]);
        }
    }

    @Test
    @Tag("slow")
    void intervalsCoverAtNominalRates() {
        int worlds = 400;
        double[][] r = simulate(worlds, 1000, BootstrapScheme.POPULATION);
        double se68 = Math.sqrt(0.68 * 0.32 / worlds);
        double se95 = Math.sqrt(0.95 * 0.05 / worlds);
        for (double[] row : r) {
            assertTrue(Math.abs(row[0]) < Math.max(3.5 * row[1], 0.01), "bias " + row[0]);
            // nominal rate within 3.5 binomial SEs (0.082 and 0.038 for 400 worlds)
            assertTrue(Math.abs(row[2] - 0.68) < 3.5 * se68, "68% coverage " + row[2]);
            assertTrue(Math.abs(row[3] - 0.95) < 3.5 * se95, "95% coverage " + row[3]);
        }
    }
}
