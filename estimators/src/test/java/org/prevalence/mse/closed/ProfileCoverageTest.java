package org.prevalence.mse.closed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.prevalence.core.Interval;
import org.prevalence.core.lists.ListOverlapTable;

/** Simulation with known truth: model Mt holds, N = 400, capture probabilities 0.25, 0.35, 0.45 on 3 lists. */
class ProfileCoverageTest {
    private static final int RUNS = 400;
    private static final int N = 400;
    private static final double[] P = {0.25, 0.35, 0.45};

    @Test
    void multinomialProfileIntervalCoversTheTruthAbout95Percent() {
        ClosedPopulationModels mt = ClosedPopulationModels.withDefaults()
                .with(ClosedPopulationModels.ClosedInterval.PROFILE_MULTINOMIAL);
        int covered = 0;
        double sumEstimate = 0;
        for (int run = 0; run < RUNS; run++) {
            // one generator per run, from (seed, run) only
            UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(new long[] {20261123L, run});
            long[] counts = new long[8];
            for (int i = 0; i < N; i++) {
                int mask = 0;
                for (int j = 0; j < 3; j++) {
                    if (rng.nextDouble() < P[j]) {
                        mask |= 1 << j;
                    }
                }
                counts[mask]++;
            }
            counts[0] = 0;
            ClosedPopulationModels.Result r = mt.estimate(ListOverlapTable.ofMaskCounts(List.of("A", "B", "C"), counts),
                    ClosedModel.MT);
            Interval ci = r.getInterval().orElseThrow();
            if (ci.contains(N)) {
                covered++;
            }
            sumEstimate += r.getEstimate();
        }
        double coverage = covered / (double) RUNS;
        // Monte Carlo SE of a 95% coverage over 400 runs is 1.1%: accept 0.92..0.98 (about 3 SE)
        assertTrue(coverage >= 0.92 && coverage <= 0.98, "coverage " + coverage);
        double meanEstimate = sumEstimate / RUNS;
        // mean of N-hat within 2% of the truth (its SD is about 20 here, so the MC SE of the mean is about 1)
        assertTrue(Math.abs(meanEstimate - N) < 0.02 * N, "mean estimate " + meanEstimate);
    }
}
