package org.prevalence.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Status;
import org.prevalence.core.Tolerance;
import org.prevalence.core.Warning;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * Linkage averaging and the linkage-error correction: closed forms, a hand-worked Ding-Fienberg case and
 * an R evaluation of verdata's combination rule (src/test/resources/org/prevalence/mse/linkage_averaging_reference.R,
 * R 4.2.2), tolerance 1e-12 relative.
 */
class LinkageErrorTest {
    private static final double TOL = 1e-12;
    private static final List<String> THREE = List.of("A", "B", "C");

    /** A fixed estimate, to feed the combination rule known figures. */
    private record Fixed(double estimate, long observed, double se) implements PopulationEstimate {
        @Override
        public String getMethod() {
            return "fixed";
        }

        @Override
        public List<String> getLists() {
            return THREE;
        }

        @Override
        public long getObserved() {
            return observed;
        }

        @Override
        public double getEstimate() {
            return estimate;
        }

        @Override
        public double getStandardError() {
            return se;
        }

        @Override
        public Interval getConfidenceInterval() {
            return null;
        }

        @Override
        public String getModelName() {
            return null;
        }

        @Override
        public Status getStatus() {
            return Double.isNaN(estimate) ? Status.NOT_ESTIMATED : Status.OK;
        }

        @Override
        public List<Warning> getWarnings() {
            return List.of();
        }
    }

    private static ListOverlapTable table3() {
        // masks 1..7: A, B, AB, C, AC, BC, ABC
        return ListOverlapTable.ofMaskCounts(THREE, new long[] {0, 120, 95, 30, 80, 25, 20, 12});
    }

    @Test
    void averagingIdenticalTablesIsTheSingleEstimate() {
        LogLinearMse mse = LogLinearMse.withDefaults().withModel("main");
        LogLinearMse.Result single = mse.estimate(table3());
        LinkageAveraging.Result r = LinkageAveraging.withDefaults().estimate(Collections.nCopies(5, table3()), mse::estimate);
        assertEquals(single.getEstimate(), r.getEstimate(), 1e-9 * single.getEstimate());
        assertEquals(0.0, r.getBetweenVariance(), 0.0);
        assertTrue(Double.isInfinite(r.getDegreesOfFreedom()));
        Tolerance.assertRelative(single.getStandardError(), r.getStandardError(), TOL, "se");
        assertEquals(single.getObserved(), r.getObserved());
        // closed form with B = 0: observed + n0 exp(+-z SE / n0)
        double n0 = single.getUnobserved();
        double z = 1.959963984540054;
        double sd = single.getStandardError() / n0;
        Tolerance.assertRelative(single.getObserved() + n0 * Math.exp(-z * sd), r.getConfidenceInterval().lower(), 1e-12, "lower");
        Tolerance.assertRelative(single.getObserved() + n0 * Math.exp(z * sd), r.getConfidenceInterval().upper(), 1e-12, "upper");
        assertEquals(IntervalMethod.LOGNORMAL, r.getConfidenceInterval().method());
        assertEquals("linkage-averaging(" + single.getMethod() + ")", r.getMethod());
        assertEquals(Status.OK, r.getStatus());
    }

    @Test
    void averagingTakesTheWithinVarianceFromEachEstimatesInterval() {
        // a profile multinomial interval (unconditional: it counts the unobserved people's own Poisson noise, which
        // the log-normal interval of SparseMSE leaves out): with identical tables B = 0 and the averaged interval is
        // observed + n0 exp(+-z d), d = (log(U - n) - log(L - n)) / (2 z) from the single estimate's interval
        LogLinearMse mse = LogLinearMse.withDefaults().withModel("main").with(MseInterval.PROFILE_MULTINOMIAL);
        LogLinearMse.Result single = mse.estimate(table3());
        Interval iv = single.getConfidenceInterval();
        double n = single.getObserved();
        double z = 1.959963984540054;
        double d = (Math.log(iv.upper() - n) - Math.log(iv.lower() - n)) / (2 * z);
        LinkageAveraging.Result r = LinkageAveraging.withDefaults().estimate(Collections.nCopies(4, table3()), mse::estimate);
        Tolerance.assertRelative(d * d, r.getWithinVariance(), 1e-12, "W from the interval");
        double n0 = single.getUnobserved();
        Tolerance.assertRelative(n + n0 * Math.exp(-z * d), r.getConfidenceInterval().lower(), 1e-12, "lower");
        Tolerance.assertRelative(n + n0 * Math.exp(z * d), r.getConfidenceInterval().upper(), 1e-12, "upper");
        Tolerance.assertRelative(d * n0, r.getStandardError(), 1e-12, "se of N");
        // wider than the conditional standard error would make it
        assertTrue(d > single.getStandardError() / n0, d + " vs " + single.getStandardError() / n0);
    }

    @Test
    void averagingMatchesVerdataRuleInR() {
        List<Fixed> draws = List.of(new Fixed(150, 100, 10), new Fixed(170, 100, 20), new Fixed(162, 104, 15));
        LinkageAveraging.Result r = LinkageAveraging.withDefaults().combine(draws);
        // R 4.2.2: linkage_averaging_reference.R
        Tolerance.assertRelative(160.6666666666666572, r.getEstimate(), TOL, "mean N");
        Tolerance.assertRelative(0.0628391047263138, r.getWithinVariance(), TOL, "W");
        Tolerance.assertRelative(0.0284342842849042, r.getBetweenVariance(), TOL, "B");
        Tolerance.assertRelative(4.8204762708807625, r.getDegreesOfFreedom(), TOL, "df");
        Tolerance.assertRelative(127.0847783304243706, r.getConfidenceInterval().lower(), 1e-10, "lower");
        Tolerance.assertRelative(235.4643104079660247, r.getConfidenceInterval().upper(), 1e-10, "upper");
        Tolerance.assertRelative(19.4107644820542227, r.getStandardError(), TOL, "se of N");
        assertEquals(101, r.getObserved());
        assertEquals(3, r.getDrawsUsed());
    }

    @Test
    void averagingLeavesOutDrawsWithoutEstimate() {
        List<Fixed> draws = List.of(new Fixed(150, 100, 10), new Fixed(Double.NaN, 100, Double.NaN), new Fixed(170, 100, 20));
        LinkageAveraging.Result r = LinkageAveraging.withDefaults().combine(draws);
        assertEquals(2, r.getDrawsUsed());
        assertEquals(Status.WARNING, r.getStatus());
        Tolerance.assertRelative(160, r.getEstimate(), TOL, "mean of the two");
        LinkageAveraging.Result none = LinkageAveraging.withDefaults().combine(List.of(new Fixed(150, 100, 10),
                new Fixed(Double.NaN, 100, Double.NaN)));
        assertEquals(Status.NOT_ESTIMATED, none.getStatus());
        assertNull(none.getConfidenceInterval());
        assertThrows(PrevalenceException.class, () -> LinkageAveraging.withDefaults().combine(List.of(new Fixed(1, 1, 1))));
        assertThrows(PrevalenceException.class, () -> LinkageAveraging.withDefaults().withConfidenceLevel(1));
    }

    @Test
    void correctionWithPerfectLinkageIsTheNaiveEstimate() {
        LogLinearMse mse = LogLinearMse.withDefaults().withModel("main");
        LinkageCorrection.Result r = LinkageCorrection.withDefaults().estimate(table3(), 1, 0, mse::estimate);
        assertEquals(table3(), r.getCorrectedTable());
        assertEquals(mse.estimate(table3()).getEstimate(), r.getEstimate(), 0.0);
        assertEquals(mse.estimate(table3()).getConfidenceInterval(), r.getConfidenceInterval());
        assertEquals("linkage-corrected(" + mse.estimate(table3()).getMethod() + ")", r.getMethod());
    }

    @Test
    void correctionHandWorkedTwoLists() {
        // n1 = 100, n2 = 80, m_obs = 48, alpha 0.9, beta 0.1 (Ding and Fienberg 1994):
        // m = (m_obs - beta n2) / (alpha - beta) = (48 - 8) / 0.8 = 50, so the true table is 10: 50, 01: 30, 11: 50,
        // and Lincoln-Petersen N = n1 n2 (alpha - beta) / (m_obs - beta n2) = 8000 * 0.8 / 40 = 160.
        ListOverlapTable obs = ListOverlapTable.ofMaskCounts(List.of("A", "B"), new long[] {0, 52, 32, 48});
        LinkageCorrection.Result r = LinkageCorrection.withDefaults().estimate(obs, 0.9, 0.1,
                t -> LincolnPetersen.withDefaults().estimate(t));
        double[] c = r.getCorrectedCounts();
        Tolerance.assertRelative(50, c[1], 1e-12, "10");
        Tolerance.assertRelative(30, c[2], 1e-12, "01");
        Tolerance.assertRelative(50, c[3], 1e-12, "11");
        Tolerance.assertRelative(160, r.getEstimate(), 1e-12, "N");
        assertEquals(130, r.getObserved());
        assertEquals(0.9, r.getAlpha(), 0.0);
    }

    @Test
    void correctionWithRateDrawsCombinesTheCorrectedEstimates() {
        // the table of correctionHandWorkedTwoLists; Lincoln-Petersen at (0.9, 0.1) is 160 and at (0.8, 0) is
        // 8000 * 0.8 / 48 = 133.33 (corrected m = 48 / 0.8 = 60, whole counts), so the combined estimate (law of
        // total expectation) is their mean, 146.67
        ListOverlapTable obs = ListOverlapTable.ofMaskCounts(List.of("A", "B"), new long[] {0, 52, 32, 48});
        LinkageCorrection.Result r = LinkageCorrection.withDefaults().estimate(obs, 0.9, 0.1, new double[] {0.9, 0.8},
                new double[] {0.1, 0}, t -> LincolnPetersen.withDefaults().estimate(t));
        Tolerance.assertRelative((160 + 8000 * 0.8 / 48) / 2, r.getEstimate(), 1e-12, "N");
        Tolerance.assertRelative(160, r.getFit().getEstimate(), 1e-12, "N at the point rates");
        Tolerance.assertRelative(50, r.getCorrectedCounts()[3], 1e-12, "11 at the point rates");
        assertEquals(2, r.getRateDraws().orElseThrow().getDrawsUsed());
        assertTrue(r.getRateDraws().orElseThrow().getBetweenVariance() > 0);
    }

    @Test
    void correctionWithIdenticalRateDrawsHasNoBetweenVariance() {
        LogLinearMse mse = LogLinearMse.withDefaults().withModel("main");
        LinkageCorrection.Result r = LinkageCorrection.withDefaults().estimate(table3(), 1, 0, new double[] {1, 1, 1},
                new double[] {0, 0, 0}, mse::estimate);
        assertEquals(mse.estimate(table3()).getEstimate(), r.getEstimate(), 1e-9 * r.getEstimate());
        assertEquals(0.0, r.getRateDraws().orElseThrow().getBetweenVariance(), 0.0);
        assertThrows(PrevalenceException.class, () -> LinkageCorrection.withDefaults().estimate(table3(), 1, 0,
                new double[] {1, 1}, new double[] {0}, mse::estimate));
    }

    @Test
    void correctionMatrixThreeListsClosedForm() {
        double a = 0.8;
        double b = 0.06;
        double[][] q = LinkageCorrection.matrix(3, a, b);
        int abc = 7 - 1;
        // a person on all three lists: one unit if the link graph on 3 nodes is connected (a^3 + 3 a^2 (1-a)),
        // a pair and a single if exactly one link is kept (3 a (1-a)^2, each pair a (1-a)^2), three singles ((1-a)^3)
        Tolerance.assertRelative(a * a * a + 3 * a * a * (1 - a), q[abc][abc], 1e-14, "ABC -> ABC");
        Tolerance.assertRelative(a * (1 - a) * (1 - a), q[3 - 1][abc], 1e-14, "ABC -> AB");
        Tolerance.assertRelative(a * (1 - a) * (1 - a) + (1 - a) * (1 - a) * (1 - a), q[4 - 1][abc], 1e-14, "ABC -> C");
        // a person on C only (the third list): falsely linked with probability b, to A or B with b/2 each
        Tolerance.assertRelative(1 - b, q[4 - 1][4 - 1], 1e-14, "C -> C");
        Tolerance.assertRelative(b / 2, q[5 - 1][4 - 1], 1e-14, "C -> AC");
        Tolerance.assertRelative(-b / 2, q[1 - 1][4 - 1], 1e-14, "C -> A removed");
        // a person on A only is never moved
        assertEquals(1.0, q[0][0], 0.0);
        // the expected number of records is kept: each column's records sum to the person's records
        for (int h = 1; h <= 7; h++) {
            double records = 0;
            for (int g = 1; g <= 7; g++) {
                records += Integer.bitCount(g) * q[g - 1][h - 1];
            }
            assertEquals(Integer.bitCount(h), records, 1e-12, "records of history " + h);
        }
    }

    @Test
    void correctionRefusesBadRates() {
        LogLinearMse mse = LogLinearMse.withDefaults().withModel("main");
        assertThrows(PrevalenceException.class, () -> LinkageCorrection.withDefaults().estimate(table3(), 0, 0, mse::estimate));
        assertThrows(PrevalenceException.class, () -> LinkageCorrection.withDefaults().estimate(table3(), 0.5, 0.5, mse::estimate));
        // alpha so low that the corrected AB count would be far below zero
        ListOverlapTable obs = ListOverlapTable.ofMaskCounts(List.of("A", "B"), new long[] {0, 5, 5, 90});
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> LinkageCorrection.withDefaults().estimate(obs, 0.5, 0.0, t -> LincolnPetersen.withDefaults().estimate(t)));
        assertTrue(e.getMessage().contains("corrected count"), e.getMessage());
    }
}
