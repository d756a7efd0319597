package org.prevalence.mse;

import org.prevalence.core.IntervalMethod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Status;
import org.prevalence.core.Tolerance;
import org.prevalence.core.Warning;
import org.prevalence.core.bootstrap.BootstrapIntervals;
import org.prevalence.core.lists.ListOverlapTable;

/** The status rules of the frequentist list family (PopulationChecks) on each estimator. */
class PopulationStatusTest {
    private static final List<String> ABC = List.of("A", "B", "C");

    /** Counts by mask (bit 0 = A, bit 1 = B, bit 2 = C). */
    private static ListOverlapTable abc(long a, long b, long ab, long c, long ac, long bc, long abcCount) {
        return ListOverlapTable.ofMaskCounts(ABC, new long[] {0, a, b, ab, c, ac, bc, abcCount});
    }

    private static ListOverlapTable two(long a, long b, long ab) {
        return ListOverlapTable.ofMaskCounts(List.of("A", "B"), new long[] {0, a, b, ab});
    }

    private static boolean has(PopulationEstimate r, Warning.Kind k) {
        return r.getWarnings().stream().anyMatch(w -> w.kind() == k);
    }

    // ------------------------------------------------------------------ the rules

    @Test
    void degeneracyRule() {
        Interval wide = new Interval(110, 130, 0.95, IntervalMethod.LOGNORMAL);
        assertNull(PopulationChecks.degeneracy(120, 100, 5, wide), "an ordinary fit");
        // N equal to the observed count (unseen below 0.01 of a case)
        Warning w = PopulationChecks.degeneracy(100.001, 100, 5, wide);
        assertEquals(Warning.Kind.DEGENERATE, w.kind());
        assertTrue(w.message().contains("N equals the observed count 100"), w.message());
        assertFalse(w.message().contains("E-"), "no E-notation: " + w.message());
        // a vanishing standard error (the closed-model case: SE 0.0003)
        assertTrue(PopulationChecks.degeneracy(113.5, 100, 0.0003, null).message().contains("standard error"));
        // a zero-width interval ("113 to 113")
        assertTrue(PopulationChecks.degeneracy(113, 100, Double.NaN, new Interval(113, 113, 0.95, IntervalMethod.WALD)).message()
                .contains("zero width"));
        assertNull(PopulationChecks.degeneracy(113, 100, Double.NaN, null), "NaN SE is not checked");
        assertEquals(Status.OK, PopulationChecks.status(List.of()));
        assertEquals(Status.DEGENERATE, PopulationChecks.status(List.of(Warning.of(Warning.Kind.BOUNDARY, "b"), w)));
        assertEquals(Status.WARNING, PopulationChecks.status(List.of(Warning.of(Warning.Kind.BOUNDARY, "b"))));
    }

    @Test
    void componentsOfTheOverlapGraph() {
        // A-B overlap, C alone
        ListOverlapTable t = abc(10, 5, 3, 4, 0, 0, 0);
        assertEquals(List.of(List.of("A", "B"), List.of("C")), PopulationChecks.components(ABC, t.countsByMask()));
        Warning w = PopulationChecks.disconnected(ABC, t.countsByMask());
        assertEquals(Warning.Kind.NO_OVERLAP, w.kind());
        assertTrue(w.message().contains("{A, B} / 'C'"), w.message());
        // linked through a three-list case only
        assertNull(PopulationChecks.disconnected(ABC, abc(10, 5, 0, 4, 0, 0, 1).countsByMask()));
        assertFalse(PopulationChecks.anyOverlap(abc(10, 5, 0, 4, 0, 0, 0)));
    }

    @Test
    void plausibilityBoundAddsAnImplausibleWarning() {
        // SparseMSE stepwise on UK 5 lists: 11,312.99 (mse-expected.csv)
        LogLinearMse.Result r = LogLinearMse.withDefaults().stepwise(Fixtures.table("uk2013_5lists"));
        assertEquals(Status.OK, r.getStatus(), r.toString());
        PopulationEstimate above = PopulationChecks.withMaxEstimate(r, 10_000);
        assertEquals(Status.WARNING, above.getStatus());
        assertEquals(Warning.Kind.IMPLAUSIBLE, above.getWarnings().get(0).kind());
        assertTrue(above.getWarnings().get(0).message().contains("11,312.99"), above.getWarnings().toString());
        Tolerance.assertRelative(11312.99028944, above.getEstimate(), 1e-9, "the figure is kept");
        assertSame(r, PopulationChecks.withMaxEstimate(r, 20_000), "within the bound: unchanged");
        // the estimator's own option gives the same rule
        LogLinearMse.Result b = LogLinearMse.withDefaults().withMaxEstimate(10_000).stepwise(Fixtures.table("uk2013_5lists"));
        assertEquals(Status.WARNING, b.getStatus());
        assertEquals(Warning.Kind.IMPLAUSIBLE, b.getWarnings().get(0).kind());
        assertThrows(PrevalenceException.class, () -> LogLinearMse.withDefaults().withMaxEstimate(0));
        assertThrows(PrevalenceException.class, () -> PopulationChecks.withMaxEstimate(r, Double.NaN));
    }

    // ------------------------------------------------------------------ two lists

    @Test
    void chapmanOnZeroOverlapIsAWarningNotOk() {
        Chapman.Result r = Chapman.withDefaults().estimate(two(60, 40, 0));
        // Chapman (1951) with m = 0: (n1 + 1)(n2 + 1)/(0 + 1) - 1 = 61 * 41 - 1
        assertEquals(61.0 * 41 - 1, r.getEstimate(), 1e-9);
        assertEquals(Status.WARNING, r.getStatus());
        assertEquals(Warning.Kind.NO_OVERLAP, r.getWarnings().get(0).kind());
        assertTrue(r.getWarnings().get(0).message().contains("no case is on both A and B"), r.getWarnings().toString());
        assertEquals(List.of("A", "B"), r.getLists());
        assertEquals("chapman", r.getMethod());
        assertEquals(Status.OK, Chapman.withDefaults().estimate(two(60, 40, 20)).getStatus());
    }

    @Test
    void identicalListsGiveADegenerateZeroWidthResult() {
        // one case on both lists: Chapman (1+1)(1+1)/(1+1) - 1 = 1 = observed, variance 0, interval "1 to 1"
        Chapman.Result one = Chapman.withDefaults().estimate(two(0, 0, 1));
        assertEquals(1.0, one.getEstimate(), 0.0);
        assertEquals(0.0, one.getStandardError(), 0.0);
        assertEquals(Status.DEGENERATE, one.getStatus());
        assertEquals(Warning.Kind.DEGENERATE, one.getWarnings().get(0).kind());
        // Lincoln-Petersen with list B inside list A: 10 * 5 / 5 = 10 = observed
        LincolnPetersen.Result lp = LincolnPetersen.withDefaults().estimate(two(5, 0, 5));
        assertEquals(10.0, lp.getEstimate(), 0.0);
        assertEquals(Status.DEGENERATE, lp.getStatus());
        assertEquals("lincoln-petersen", lp.getMethod());
    }

    // ------------------------------------------------------------------ log-linear

    @Test
    void listsThatNeverOverlapAreRefusedSayingSo() {
        ListOverlapTable none = abc(10, 5, 0, 7, 0, 0, 0);
        for (ModelSelection s : ModelSelection.values()) {
            LogLinearMse m = s == ModelSelection.FIXED ? LogLinearMse.withDefaults().withModel("main")
                    : LogLinearMse.withDefaults().with(s);
            PrevalenceException e = assertThrows(PrevalenceException.class, () -> m.estimate(none), s.name());
            assertEquals(PrevalenceException.Kind.NOT_ESTIMABLE, e.what());
            assertTrue(e.getMessage().startsWith("The lists do not overlap"), e.getMessage());
            assertFalse(e.getMessage().contains("interaction term"), e.getMessage());
            assertEquals("lists [A, B, C]", e.where());
        }
    }

    @Test
    void mainEffectsThatCannotBeFittedNameTheEmptyHistories() {
        // list B inside list A: history 01 is empty; the main-effects MLE does not exist (fitted 01 cell -> 0)
        ListOverlapTable t = two(0, 5, 5);
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> LogLinearMse.withDefaults().withModel("main").estimate(t));
        assertTrue(e.getMessage().contains("do not overlap enough"), e.getMessage());
        assertTrue(e.getMessage().contains("[10]"), e.getMessage());
        assertFalse(e.getMessage().contains("interaction term"), e.getMessage());
        assertFalse(e.cliMessage().contains("ModelSelection"), e.cliMessage());
        PrevalenceException b = assertThrows(PrevalenceException.class,
                () -> LogLinearMse.withDefaults().with(ModelSelection.BIC).estimate(t));
        assertTrue(b.getMessage().contains("the histories [10] have no case"), b.getMessage());
        assertTrue(b.cliMessage().endsWith("use --select stepwise or merge lists"), b.cliMessage());
    }

    @Test
    void separatedGroupsOfListsGiveANoOverlapWarning() {
        LogLinearMse.Result r = LogLinearMse.withDefaults().withModel("main").estimate(abc(10, 5, 3, 4, 0, 0, 0));
        assertEquals(Status.WARNING, r.getStatus());
        assertTrue(has(r, Warning.Kind.NO_OVERLAP), r.getWarnings().toString());
    }

    @Test
    void extendedMleOnlyWhenAllowedOnUkFiveLists() {
        ListOverlapTable uk = Fixtures.table("uk2013_5lists");
        LogLinearMse aic = LogLinearMse.withDefaults().with(ModelSelection.AIC).with(MseInterval.NONE);
        // extended MLE: the lowest AIC is a model with the empty LA:GP overlap, fitted at -Inf
        LogLinearMse.Result ext = aic.with(EmptyOverlaps.EXTENDED_MLE).estimate(uk);
        assertTrue(ext.getEmptyTerms().contains("LA:GP"), ext.toString());
        assertEquals(Status.WARNING, ext.getStatus());
        assertTrue(has(ext, Warning.Kind.BOUNDARY), ext.getWarnings().toString());
        // without: no ranked model has an empty overlap, so the choice differs
        LogLinearMse noExt = aic.with(EmptyOverlaps.ERROR);
        LogLinearMse.Result r = noExt.estimate(uk);
        assertTrue(r.getEmptyTerms().isEmpty(), r.toString());
        assertTrue(r.getAic() > ext.getAic(), "the extended-MLE model had the lower AIC");
        for (ModelScore s : noExt.rankModels(uk)) {
            assertEquals(0, MseEngine.of(uk, PoissonRegression.withDefaults()).emptyTerms(s.getModel()).length);
        }
        // BIC: MultipleSystemsEstimation's [123,25,34], 25,311.29061 (bic-expected.csv) has no empty overlap, so both
        // settings select it; with the extended MLE the 6,084 models R ranks are ranked
        LogLinearMse bic = LogLinearMse.withDefaults().with(ModelSelection.BIC);
        for (EmptyOverlaps eo : EmptyOverlaps.values()) {
            LogLinearMse.Result b = bic.with(eo).estimate(uk);
            assertEquals("[123,25,34]", b.getModelName(), eo.name());
            Tolerance.assertRelative(25311.29061, b.getEstimate(), 1e-6, eo.name());
        }
        assertEquals(6084, bic.with(EmptyOverlaps.EXTENDED_MLE).estimate(uk).getModelsCompared());
        assertTrue(bic.with(EmptyOverlaps.ERROR).estimate(uk).getModelsCompared() < 6084);
        // a fixed model with the empty term is refused without the extended MLE, naming the term and both remedies
        String withEmpty = ext.getModelName();
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> LogLinearMse.withDefaults().with(EmptyOverlaps.ERROR).withModel(withEmpty).estimate(uk));
        assertEquals("term 'LA:GP'", e.where());
        assertTrue(e.getMessage().endsWith("EmptyOverlaps.EXTENDED_MLE"), e.getMessage());
        assertTrue(e.cliMessage().endsWith("--extended-mle"), e.cliMessage());
        Tolerance.assertRelative(ext.getEstimate(),
                LogLinearMse.withDefaults().withModel(withEmpty).with(MseInterval.NONE).estimate(uk).getEstimate(), 1e-9,
                "the same model fitted as fixed with the extended MLE");
    }

    @Test
    void stepwiseFollowsTheEmptyOverlapSetting() {
        // SparseMSE stepwise on the Netherlands 5 lists adds the empty K:R overlap (mse-expected.csv, 121,521.61)
        ListOverlapTable nl = Fixtures.table("netherlands2010_2015_5lists");
        LogLinearMse.Result ext = LogLinearMse.withDefaults().stepwise(nl);
        Tolerance.assertRelative(121521.6137123, ext.getEstimate(), 1e-6, "SparseMSE stepwise");
        assertEquals(List.of("K:R"), ext.getEmptyTerms());
        assertEquals(Status.WARNING, ext.getStatus());
        assertTrue(ext.getWarnings().get(0).message().contains("K:R is empty"), ext.getWarnings().toString());
        LogLinearMse.Result err = LogLinearMse.withDefaults().with(EmptyOverlaps.ERROR).stepwise(nl);
        assertTrue(err.getEmptyTerms().isEmpty(), err.toString());
    }

    @Test
    void standardErrorOfNIsTheDeltaMethodOne() {
        // SparseMSE main effects on UK: b0 = 9.27801128290, se(b0) = 0.0747908643099 (R glm, IntervalsAndModelsTest)
        LogLinearMse.Result r = LogLinearMse.withDefaults().withModel("main").estimate(Fixtures.table("uk2013_5lists"));
        Tolerance.assertRelative(Math.exp(9.27801128290) * 0.0747908643099, r.getStandardError(), 1e-8, "se(N)");
        Tolerance.assertRelative(0.0747908643099, r.getInterceptStandardError(), 1e-8, "se(b0)");
        assertEquals("population", r.toEstimate().quantity());
    }

    // ------------------------------------------------------------------ bootstraps

    @Test
    void bootstrapReportsItsPercentilesAndFlagsExtremeLimits() {
        ListOverlapTable uk = Fixtures.table("uk2013_5lists");
        MseBootstrap.Result few = MseBootstrap.withDefaults().withReplicates(200).withSeed(1).estimate(uk);
        double[] p = few.getBcaPercentiles();
        double[] expect = BootstrapIntervals.bcaPercentiles(few.getBiasCorrection(), few.getAcceleration(), 0.95);
        assertEquals(expect[0], p[0], 0.0);
        assertEquals(expect[1], p[1], 0.0);
        double[] sorted = few.getReplicates();
        java.util.Arrays.sort(sorted);
        assertEquals(BootstrapIntervals.quantileType8(sorted, p[0]), few.getConfidenceInterval().lower(), 0.0);
        assertEquals(BootstrapIntervals.quantileType8(sorted, p[1]), few.getConfidenceInterval().upper(), 0.0);
        // 200 replicates: a 95 % limit at percentile ~0.025 is the 5th or 6th smallest -> Monte Carlo warning
        assertTrue(has(few, Warning.Kind.MONTE_CARLO), few.getWarnings().toString());
        assertEquals(Status.WARNING, few.getStatus());
        assertTrue(few.getSelection().startsWith("stepwise selection"), few.getSelection());
        assertEquals("stepwise", few.getMethod());
        MseBootstrap.Result many = MseBootstrap.withDefaults().withReplicates(1000).withSeed(1).estimate(uk);
        double[] q = many.getBcaPercentiles();
        assertEquals(BootstrapIntervals.amongExtremes(many.getReplicates().length, q[0], 10)
                || BootstrapIntervals.amongExtremes(many.getReplicates().length, q[1], 10),
                has(many, Warning.Kind.MONTE_CARLO), many.getWarnings().toString());
        // UK 5 lists, 1,000 replicates (seed 1): the strong bias correction puts the lower limit at percentile
        // 0.0014, the 1st-2nd smallest replicate, so even the README's 1,000-replicate interval is flagged
        assertTrue(q[0] < 0.01, java.util.Arrays.toString(q));
        Warning mc = many.getWarnings().stream().filter(w -> w.kind() == Warning.Kind.MONTE_CARLO).findFirst()
                .orElseThrow();
        assertTrue(mc.message().startsWith("the lower limit is"), mc.message());
    }

    @Test
    void bicBootstrapSaysWhatItBootstraps() {
        BicBootstrap.Result r = BicBootstrap.withDefaults().withReplicates(100).withNtop(5).withSeed(2)
                .estimate(Fixtures.table("uk2013_5lists"));
        assertTrue(r.getSelection().contains("top 5"), r.getSelection());
        assertEquals("bic", r.getMethod());
        assertEquals(2744, r.getObserved());
        assertEquals(5, r.getLists().size());
        assertTrue(has(r, Warning.Kind.MONTE_CARLO), "100 replicates: " + r.getWarnings());
        assertNotNull(r.getBcaPercentiles());
    }
}
