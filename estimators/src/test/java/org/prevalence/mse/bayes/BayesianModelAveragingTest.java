package org.prevalence.mse.bayes;

import org.prevalence.core.IntervalMethod;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prevalence.core.Tolerance.assertRelative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Warning;
import org.prevalence.core.lists.ListOverlapTable;

class BayesianModelAveragingTest {
    /** Stated tolerances: mean, SD, graph probabilities and conditional means. */
    private static final double REL = 1e-8;
    /** Tail masses are sums of ~1e-11 terms at the grid's end: compared to 1e-6 relative. */
    private static final double TAIL_REL = 1e-6;
    private static final Map<String, BayesianModelAveraging.Result> CACHE = new LinkedHashMap<>();

    /** One dga run: (dataset, run, delta, G). */
    static Stream<Arguments> referenceRuns(boolean slow) {
        Map<String, Arguments> runs = new LinkedHashMap<>();
        for (String[] r : BmaTestData.rows("expected-dga.csv")) {
            boolean isSlow = r[0].startsWith("netherlands") && r[1].equals("grid_search") && Integer.parseInt(r[3]) < 1280000;
            if (isSlow == slow) {
                runs.putIfAbsent(r[0] + "/" + r[1] + "/" + r[2] + "/" + r[3],
                        Arguments.of(r[0], r[1], Double.parseDouble(r[2]), Integer.parseInt(r[3])));
            }
        }
        return runs.values().stream();
    }

    static Stream<Arguments> referenceRuns() {
        return referenceRuns(false);
    }

    static Stream<Arguments> slowReferenceRuns() {
        return referenceRuns(true);
    }

    static synchronized BayesianModelAveraging.Result result(String dataset, double delta, int g) {
        return CACHE.computeIfAbsent(dataset + "/" + delta + "/" + g, key -> BayesianModelAveraging.withDefaults()
                .withDelta(delta).withGridMax(g).estimate(BmaTestData.table(dataset)));
    }

    /**
     * dga 2.0.2 bma.cr(Y, 0:G, delta, graphs5) (expected-dga.csv): quantiles and mode exactly
     * (grid values), mean and SD within 1e-8 relative, tail masses within 1e-6 relative.
     */
    @ParameterizedTest(name = "{0} {1} delta={2} G={3}")
    @MethodSource("referenceRuns")
    void matchesDga(String dataset, String run, double delta, int g) {
        check(dataset, run, delta, g);
    }

    /** The Netherlands grid search below 1,280,000 (about as much work as the 1,280,000 grid). */
    @Tag("slow")
    @ParameterizedTest(name = "{0} {1} delta={2} G={3}")
    @MethodSource("slowReferenceRuns")
    void matchesDgaNetherlandsGridSearch(String dataset, String run, double delta, int g) {
        check(dataset, run, delta, g);
    }

    private static void check(String dataset, String run, double delta, int g) {
        BayesianModelAveraging.Result r = result(dataset, delta, g);
        String what = dataset + " " + run + " G=" + g + ": ";
        int checked = 0;
        for (String[] row : BmaTestData.rows("expected-dga.csv")) {
            if (!(row[0].equals(dataset) && row[1].equals(run) && Double.parseDouble(row[2]) == delta
                    && Integer.parseInt(row[3]) == g)) {
                continue;
            }
            String q = row[4];
            double v = Double.parseDouble(row[5]);
            checked++;
            switch (q) {
                case "observed":
                    assertEquals((long) v, r.getObserved(), what + q);
                    break;
                case "n_graphs":
                    assertEquals((int) v, r.getModels().size(), what + q);
                    break;
                case "post_mean_N":
                    assertRelative(v, r.getMean(), REL, what + q);
                    break;
                case "post_sd_N":
                    assertRelative(v, r.getStandardDeviation(), REL, what + q);
                    break;
                case "post_median_N":
                    assertEquals((long) v, r.getMedian(), what + q);
                    break;
                case "post_mode_N":
                    assertEquals((long) v, r.getMode(), what + q);
                    break;
                case "q0.025_N":
                case "q0.975_N":
                case "q0.05_N":
                case "q0.95_N":
                    assertEquals((long) v, r.quantile(Double.parseDouble(q.substring(1, q.length() - 2))), what + q);
                    break;
                case "tail_mass_last1pct":
                    assertTail(v, r.getTailMass(), what + q);
                    break;
                case "mass_last_grid_point":
                    double[] p = r.getPosteriorMass();
                    assertTail(v, p[p.length - 1], what + q);
                    break;
                default:
                    throw new AssertionError("unexpected reference quantity " + q);
            }
        }
        assertTrue(checked >= 6, what + "reference rows found: " + checked);
        if (run.equals("main")) {
            // the headline interval at the default level is the (q0.025, q0.975) pair
            Interval ci = r.getCredibleInterval();
            assertEquals(r.quantile(0.025), (long) ci.lower(), what + "interval lower");
            assertEquals(r.quantile(0.975), (long) ci.upper(), what + "interval upper");
            assertEquals("credible (bma)", ci.label());
        }
        for (String[] row : BmaTestData.rows("expected-dga-graphs.csv")) {
            if (!(row[0].equals(dataset) && row[1].equals(run) && Double.parseDouble(row[2]) == delta
                    && Integer.parseInt(row[3]) == g)) {
                continue;
            }
            int rank = Integer.parseInt(row[4]);
            BayesianModelAveraging.ModelPosterior m = r.getModels().get(rank - 1);
            assertEquals(row[5], m.getModel(), what + "graph of rank " + rank);
            assertRelative(Double.parseDouble(row[6]), m.getProbability(), REL, what + "probability of " + row[5]);
            assertRelative(Double.parseDouble(row[7]), m.getConditionalMean(), REL, what + "mean given " + row[5]);
        }
    }

    /**
     * Tail masses: 1e-6 relative; below 1e-20 (UK with delta = 1: 1.4e-46) only 1e-20 absolute,
     * since weights below e^-60 of a graph's largest weight are not evaluated (BmaGridEngine).
     */
    private static void assertTail(double expected, double actual, String what) {
        if (expected < 1e-20) {
            assertTrue(actual >= 0 && actual <= expected + 1e-20, what + ": " + actual + " vs " + expected);
        } else {
            assertRelative(expected, actual, TAIL_REL, what);
        }
    }

    /** The UK 2013 headline figures (delta 2^-5, G = 80,000), stated once more in words. */
    @Test
    void ukHeadline() {
        BayesianModelAveraging.Result r = result("uk2013_5lists", 0.03125, 80000);
        assertEquals(22990, r.getMedian());
        assertEquals(new Interval(10387, 33510, 0.95, IntervalMethod.CREDIBLE_BMA), r.getCredibleInterval());
        assertRelative(21282.23717, r.getMean(), 1e-9, "mean");
        assertEquals("[123,25,34]", r.getModels().get(0).getModel());
        assertRelative(0.4434332603, r.getModels().get(0).getProbability(), 1e-9, "top graph");
        assertEquals(2744, r.getObserved());
        assertEquals(80000, r.getGridMax());
        assertFalse(r.isAutomaticGridMax());
        // the posterior mass function: length G + 1, sums to 1, mean recomputed from it
        double[] p = r.getPosteriorMass();
        assertEquals(80001, p.length);
        double s = 0;
        double mean = 0;
        for (int m = 0; m < p.length; m++) {
            s += p[m];
            mean += (2744.0 + m) * p[m];
        }
        assertEquals(1, s, 1e-12, "total mass");
        assertRelative(r.getMean(), mean, 1e-14, "mean from the mass function");
        // model-averaging identity: the mean is the probability-weighted average of conditional means
        double avg = 0;
        double ps = 0;
        for (BayesianModelAveraging.ModelPosterior m : r.getModels()) {
            avg += m.getProbability() * m.getConditionalMean();
            ps += m.getProbability();
        }
        assertEquals(1, ps, 1e-12, "graph probabilities sum to 1");
        assertRelative(r.getMean(), avg, 1e-12, "sum of p_g * E(N | g)");
        // 90 % interval = (q0.05, q0.95) of the reference
        assertEquals(new Interval(10785, 31639, 0.9, IntervalMethod.CREDIBLE_BMA), r.getCredibleInterval(0.9));
        assertTrue(r.toString().contains("median 22,990"), r.toString());
    }

    /** The automatic grid doubles from 5,000 as the reference search did and stops where it stopped. */
    @ParameterizedTest
    @ValueSource(strings = {"uk2013_5lists", "us_western_site_5lists", "neworleans_5lists", "artificial_3lists"})
    void automaticGridFollowsTheReferenceSearch(String dataset) {
        List<Integer> grids = new ArrayList<>();
        List<Double> tails = new ArrayList<>();
        for (String[] row : BmaTestData.rows("expected-dga.csv")) {
            if (row[0].equals(dataset) && row[1].equals("grid_search") && row[4].equals("tail_mass_last1pct")) {
                grids.add(Integer.parseInt(row[3]));
                tails.add(Double.parseDouble(row[5]));
            }
        }
        BayesianModelAveraging.Result r = BayesianModelAveraging.withDefaults().estimate(BmaTestData.table(dataset));
        assertArrayEquals(grids.stream().mapToInt(Integer::intValue).toArray(), r.getGridSearch(), dataset + " grids");
        double[] t = r.getGridSearchTailMass();
        for (int i = 0; i < t.length; i++) {
            assertRelative(tails.get(i), t[i], TAIL_REL, dataset + " tail mass at G=" + grids.get(i));
        }
        assertTrue(r.isAutomaticGridMax());
        assertEquals(grids.get(grids.size() - 1), r.getGridMax());
        assertEquals(Math.pow(2, -r.getLists().size()), r.getDelta(), "default delta 2^-K");
        assertTrue(r.getTailMass() < 1e-6);
    }

    /** Against a literal transcription of bma.cr (whole matrix, lgamma per cell), including priors dga takes. */
    @ParameterizedTest
    @ValueSource(ints = {3, 4, 6})
    void matchesBruteForce(int k) {
        // grids wide enough for the tail criterion, so no search for "the G that would do" runs
        ListOverlapTable t;
        int g;
        double delta;
        if (k == 3) {
            t = BmaTestData.table("uk2013_5lists").collapse("LANG", "LA", "NG").collapse("GOGP", "GO", "GP");
            g = 64000;
            delta = 0.5;
        } else if (k == 4) {
            t = BmaTestData.table("us_western_site_5lists").drop("E");
            g = 3000;
            delta = 1;
        } else {
            t = BmaTestData.table("uk2013_6lists");
            g = 1000;
            delta = 1;
        }
        List<DecomposableGraph> graphs = DecomposableGraphs.of(k);
        Map<DecomposableGraph, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < graphs.size(); i++) {
            index.put(graphs.get(i), i);
        }
        double[] lpw = new double[graphs.size()];
        for (int i = 0; i < lpw.length; i++) {
            lpw[i] = -0.3 * graphs.get(i).edgeCount(); // a prior favouring sparse graphs
        }
        DoubleUnaryOperator prior = nn -> -1.5 * Math.log(nn) + 1e-4 * Math.sqrt(nn);
        for (int variant = 0; variant < (k == 6 ? 1 : 3); variant++) { // K = 6: the default priors only (time)
            BayesianModelAveraging bma = BayesianModelAveraging.withDefaults().withGridMax(g).withDelta(delta);
            DoubleUnaryOperator ref;
            double[] w;
            if (variant == 0) {
                ref = nn -> -Math.log(nn);
                w = new double[lpw.length];
            } else if (variant == 1) {
                bma = bma.with(BayesianModelAveraging.PriorOnN.UNIFORM).withGraphLogPrior(x -> -0.3 * x.edgeCount());
                ref = nn -> 0;
                w = lpw;
            } else {
                bma = bma.withLogPrior(prior);
                ref = prior;
                w = new double[lpw.length];
            }
            BayesianModelAveraging.Result r = bma.estimate(t);
            BmaBruteForce bf = new BmaBruteForce(k, t.countsByMask(), delta, g, ref, graphs, w);
            assertTrue(r.getWarnings().stream().map(Warning::message).noneMatch(x -> x.contains("would do")), r.getWarnings().toString());
            double[] p = r.getPosteriorMass();
            double maxRel = 0;
            for (int m = 0; m < p.length; m++) {
                if (bf.post[m] > 1e-250) {
                    maxRel = Math.max(maxRel, Math.abs(p[m] / bf.post[m] - 1));
                }
            }
            assertTrue(maxRel < 1e-9, "k=" + k + " variant " + variant + ": max relative difference in the posterior " + maxRel);
            for (BayesianModelAveraging.ModelPosterior mp : r.getModels()) {
                int i = index.get(mp.getGraph());
                if (bf.graphProb[i] < 1e-290) {
                    continue; // the brute force's own exp(l - max) is subnormal there: no reference
                }
                assertRelative(bf.graphProb[i], mp.getProbability(), 1e-9, "k=" + k + " variant " + variant + " p(" + mp + ")");
                assertRelative(bf.graphMean[i], mp.getConditionalMean(), 1e-11, "k=" + k + " variant " + variant + " E(N|" + mp + ")");
            }
        }
    }

    /** Parallel evaluation is reduced in a fixed order: bit-identical results for 1, 2, 3, 4 and all threads. */
    @Test
    void resultsDoNotDependOnThreads() {
        ListOverlapTable t = BmaTestData.table("us_western_site_5lists");
        BayesianModelAveraging.Result one = BayesianModelAveraging.withDefaults().withThreads(1).withGridMax(20000).estimate(t);
        for (int threads : new int[] {2, 3, 4, 0}) {
            BayesianModelAveraging.Result many = BayesianModelAveraging.withDefaults().withThreads(threads)
                    .withGridMax(20000).estimate(t);
            assertArrayEquals(one.getPosteriorMass(), many.getPosteriorMass(), threads + " threads");
            assertEquals(Double.doubleToLongBits(one.getMean()), Double.doubleToLongBits(many.getMean()));
            for (int i = 0; i < one.getModels().size(); i++) {
                assertEquals(one.getModels().get(i).getModel(), many.getModels().get(i).getModel());
                assertEquals(Double.doubleToLongBits(one.getModels().get(i).getProbability()),
                        Double.doubleToLongBits(many.getModels().get(i).getProbability()));
                assertEquals(Double.doubleToLongBits(one.getModels().get(i).getConditionalMean()),
                        Double.doubleToLongBits(many.getModels().get(i).getConditionalMean()));
            }
        }
        assertThrows(PrevalenceException.class, () -> BayesianModelAveraging.withDefaults().withThreads(-1));
    }

    @Test
    void sixListsUseAll18154Graphs() {
        BayesianModelAveraging.Result r = BayesianModelAveraging.withDefaults().withGridMax(2000).withDelta(1)
                .estimate(BmaTestData.table("uk2013_6lists"));
        assertEquals(18154, r.getModels().size());
        assertEquals(1, r.getDelta());
        assertTrue(r.getTailMass() < 1e-6, "tail mass " + r.getTailMass());
        double ps = r.getModels().stream().mapToDouble(BayesianModelAveraging.ModelPosterior::getProbability).sum();
        assertEquals(1, ps, 1e-12);
        assertTrue(r.getMedian() > 2744 && r.getMedian() < 2744 + 2000);
    }

    @Test
    void warnsAboutPairsWithoutOverlapAndRefusesUnderStrict() {
        ListOverlapTable uk = BmaTestData.table("uk2013_5lists");
        BayesianModelAveraging.Result r = result("uk2013_5lists", 0.03125, 80000);
        assertTrue(r.getWarnings().stream().map(Warning::message).anyMatch(w -> w.contains("'LA' and 'GP'") && w.contains("no case in common")),
                r.getWarnings().toString());
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> BayesianModelAveraging.withDefaults()
                .with(BayesianModelAveraging.OverlapCheck.STRICT).withGridMax(1000).estimate(uk));
        assertEquals(PrevalenceException.Kind.NOT_ESTIMABLE, e.what());
        assertTrue(e.getMessage().contains("'LA' and 'GP'"), e.getMessage());
        assertTrue(e.where().contains("'LA', 'GP'"), e.where());
    }

    @Test
    void warnsAboutAListOverlappingNoOther() {
        long[] y = new long[8];
        y[0b001] = 30;
        y[0b010] = 25;
        y[0b011] = 10;
        y[0b100] = 12; // list C overlaps neither A nor B
        ListOverlapTable t = ListOverlapTable.ofMaskCounts(List.of("A", "B", "C"), y);
        BayesianModelAveraging.Result r = BayesianModelAveraging.withDefaults().withGridMax(5000).estimate(t);
        assertTrue(r.getWarnings().stream().map(Warning::message).anyMatch(w -> w.contains("'C' overlaps no other list")), r.getWarnings().toString());
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> BayesianModelAveraging.withDefaults()
                .with(BayesianModelAveraging.OverlapCheck.STRICT).withGridMax(5000).estimate(t));
        assertTrue(e.getMessage().contains("list 'C' overlaps no other list"), e.getMessage());
    }

    /** Graphs [12,13] and [12,23] have tails ~N^-2 on the artificial table (README): the mean depends on G. */
    @Test
    void warnsWhenTheMeanDependsOnTheGrid() {
        BayesianModelAveraging.Result r = result("artificial_3lists", 0.125, 1280000);
        assertTrue(r.getWarnings().stream().map(Warning::message).anyMatch(w -> w.contains("mean of N depends on the grid maximum")),
                r.getWarnings().toString());
        BayesianModelAveraging.Result d1 = result("uk2013_5lists", 1.0, 80000);
        assertFalse(d1.getWarnings().stream().map(Warning::message).anyMatch(w -> w.contains("depends on the grid")), d1.getWarnings().toString());
    }

    /** The tail exponent of the saturated graph is -1 - (2^K - 1) delta under the 1/N prior (README). */
    @Test
    void tailExponentOfTheSaturatedGraph() {
        ListOverlapTable t = BmaTestData.table("uk2013_5lists");
        List<DecomposableGraph> sat = List.of(DecomposableGraphs.of(5).get(821));
        assertEquals("[12345]", sat.get(0).toString());
        BmaGridEngine e = new BmaGridEngine(5, t.countsByMask(), 0.03125, BmaGridEngine.PriorKind.ONE_OVER_N, null, sat,
                new double[1]);
        assertEquals(-1 - 31 * 0.03125, e.tailExponents(-1)[0], 1e-12);
    }

    @Test
    void aShortUserGridIsComputedWithAWarningNamingTheGridThatWouldDo() {
        BayesianModelAveraging.Result r = result("uk2013_5lists", 0.03125, 40000);
        assertEquals(40000, r.getGridMax());
        assertTrue(r.getWarnings().stream().map(Warning::message).anyMatch(w -> w.contains("grid maximum 40,000 truncates")
                && w.contains("grid maximum 80,000 would do")), r.getWarnings().toString());
    }

    @Test
    void uniformPriorWithTheDefaultDeltaIsImproper() {
        BayesianModelAveraging.Result r = BayesianModelAveraging.withDefaults().with(BayesianModelAveraging.PriorOnN.UNIFORM)
                .withGridMax(2000).estimate(BmaTestData.table("neworleans_5lists"));
        assertTrue(r.getWarnings().stream().map(Warning::message).anyMatch(w -> w.startsWith("Improper posterior") && w.contains("[12345]")),
                r.getWarnings().toString());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesBadDelta(double d) {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> BayesianModelAveraging.withDefaults().withDelta(d));
        assertEquals(PrevalenceException.Kind.INVALID_ARGUMENT, e.what());
        assertTrue(e.getMessage().contains("delta"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 200_000_001})
    void refusesGridOutsideRange(int g) {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> BayesianModelAveraging.withDefaults().withGridMax(g));
        assertTrue(e.getMessage().contains("grid maximum"), e.getMessage());
    }

    @Test
    void refusesMoreThanSixLists() {
        ListOverlapTable t = ListOverlapTable.ofMaskCounts(List.of("A", "B", "C", "D", "E", "F", "G"), filled(7));
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> BayesianModelAveraging.withDefaults().withGridMax(100).estimate(t));
        assertEquals(PrevalenceException.Kind.INVALID_ARGUMENT, e.what());
        assertTrue(e.getMessage().contains("at most 6 lists"), e.getMessage());
    }

    @Test
    void refusesBadPriors() {
        ListOverlapTable t = BmaTestData.table("artificial_3lists");
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> BayesianModelAveraging.withDefaults()
                .withGridMax(100).withLogPrior(nn -> nn > 150 ? Double.NaN : 0).estimate(t));
        assertTrue(e.getMessage().contains("N = 151"), e.getMessage());
        e = assertThrows(PrevalenceException.class, () -> BayesianModelAveraging.withDefaults().withGridMax(100)
                .withGraphLogPrior(x -> Double.NEGATIVE_INFINITY).estimate(t));
        assertTrue(e.getMessage().contains("-Infinity"), e.getMessage());
        // a graph left out with -Infinity is not among the models
        BayesianModelAveraging.Result r = BayesianModelAveraging.withDefaults().withGridMax(100)
                .withGraphLogPrior(x -> x.toString().equals("[123]") ? Double.NEGATIVE_INFINITY : 0).estimate(t);
        assertEquals(7, r.getModels().size());
    }

    private static long[] filled(int k) {
        long[] y = new long[1 << k];
        Arrays.fill(y, 1);
        y[0] = 0;
        return y;
    }
}
