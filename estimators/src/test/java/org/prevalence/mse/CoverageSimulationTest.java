package org.prevalence.mse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.prevalence.core.Interval;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * Simulation with known truth: N = 1,000 people, three independent lists with capture probabilities
 * 0.3, 0.4 and 0.5; the independence model's multinomial profile 95 % interval (Cormack 1992) should
 * cover N in about 95 % of 2,000 runs. Replicate i uses RandomSource.L64_X128_MIX seeded with {20261123, i}. The acceptance band is
 * 0.95 +- 3 binomial standard errors (+-0.0146 for 2,000 runs, +-0.0292 for 500). The log-normal run
 * takes about a second; the multinomial profile (about 6 ms a fit) runs 500 times by default and
 * 2,000 times under the "slow" tag.
 *
 * <p>SparseMSE's log-normal interval on the dark figure treats the observed n as fixed and so ignores
 * its sampling variation: for a fixed N it covers only about 88 % here (92 % with sparser lists,
 * probabilities 0.2/0.3/0.25). The test below pins that known property down so that a change in it is
 * noticed; it is not a defect of the implementation, which matches SparseMSE to 1e-6.
 */
class CoverageSimulationTest {
    private static final int N = 1000;
    private static final double[] P = {0.3, 0.4, 0.5};

    private static ListOverlapTable simulate(long seed, int i) {
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(new long[] {seed, i});
        long[] c = new long[8];
        for (int person = 0; person < N; person++) {
            int m = 0;
            for (int j = 0; j < 3; j++) {
                if (rng.nextDouble() < P[j]) {
                    m |= 1 << j;
                }
            }
            c[m]++;
        }
        c[0] = 0;
        return ListOverlapTable.ofMaskCounts(List.of("A", "B", "C"), c);
    }

    private static double coverage(MseInterval method, int runs) {
        LogLinearMse est = LogLinearMse.withDefaults().withModel("main").with(method);
        int covered = 0;
        for (int i = 0; i < runs; i++) {
            Interval ci = est.estimate(simulate(20261123L, i)).getConfidenceInterval();
            if (ci.contains(N)) {
                covered++;
            }
        }
        return covered / (double) runs;
    }

    @Test
    void logNormalIntervalUnderCoversAFixedPopulation() {
        double c = coverage(MseInterval.LOG_NORMAL, 2000);
        assertTrue(c > 0.85 && c < 0.92, "coverage " + c);
    }

    @Test
    void multinomialProfileIntervalCoversAbout95PercentQuick() {
        double c = coverage(MseInterval.PROFILE_MULTINOMIAL, 500);
        assertTrue(Math.abs(c - 0.95) <= 0.0292, "coverage " + c);
    }

    @Test
    @Tag("slow")
    void multinomialProfileIntervalCoversAbout95Percent() {
        double c = coverage(MseInterval.PROFILE_MULTINOMIAL, 2000);
        assertTrue(Math.abs(c - 0.95) <= 0.0146, "coverage " + c);
    }
}
