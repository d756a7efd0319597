package org.prevalence.mse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.bootstrap.IntervalType;
import org.prevalence.core.lists.ListOverlapTable;

class MseBootstrapTest {

    /**
     * The deterministic parts of SparseMSE's estimatepopulation: the stepwise point estimate and the
     * count-weighted jackknife acceleration ahat (R 4.2.2, SparseMSE 2.0.1; tolerances in the CSV).
     * 100 replicates suffice: neither quantity depends on them.
     */
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "mse-bootstrap-expected.csv", numLinesToSkip = 1)
    void exactPartsMatchSparseMse(String id, String dataset, String method, String quantity, double value,
            double tolerance) {
        MseBootstrap.Result r = MseBootstrap.withDefaults().withReplicates(100).estimate(Fixtures.table(dataset));
        double actual = quantity.equals("popest") ? r.getEstimate() : r.getAcceleration();
        Tolerance.assertRelative(value, actual, tolerance, id);
    }

    /** Replicates, failures and interval are bit-identical for 1, 2 and 4 threads (and 8 and all). */
    @Test
    void identicalForAnyThreadCount() {
        ListOverlapTable t = Fixtures.table("us_western_site_5lists");
        MseBootstrap b = MseBootstrap.withDefaults().withReplicates(200).withSeed(42);
        MseBootstrap.Result one = b.withThreads(1).estimate(t);
        for (int threads : new int[] {2, 4, 8, 0}) {
            MseBootstrap.Result r = b.withThreads(threads).estimate(t);
            assertArrayEquals(one.getReplicates(), r.getReplicates(), 0.0);
            assertEquals(one.getConfidenceInterval(), r.getConfidenceInterval());
            assertEquals(one.getAcceleration(), r.getAcceleration(), 0.0);
        }
        assertEquals("bca", one.getConfidenceInterval().label());
        assertEquals(200, one.getRequested());
        assertEquals(42L, one.getSeed());
        Interval ci = one.getConfidenceInterval();
        assertTrue(ci.lower() < one.getEstimate() && one.getEstimate() < ci.upper(), ci.toString());
        assertTrue(one.toString().contains("95% bca"), one.toString());
    }

    /** The limits of the Result agree with the engine's interval arithmetic on the same replicates. */
    @Test
    void limitsAreTheEnginesBca() {
        MseBootstrap.Result r = MseBootstrap.withDefaults().withReplicates(300).withConfidenceLevel(0.9)
                .estimate(Fixtures.table("us_western_site_5lists"));
        Interval engine = r.getBootstrap().interval(IntervalType.BCA, 0.9);
        assertEquals(engine, r.getConfidenceInterval());
        Tolerance.assertRelative(engine.lower(), r.bcaLimit(0.05), 1e-15, "lower");
        Tolerance.assertRelative(engine.upper(), r.bcaLimit(0.95), 1e-15, "upper");
    }

    /** Progress covers the bootstrap and the jackknife: 1..(replicates + observed histories), in order. */
    @Test
    void progressCoversBootstrapAndJackknife() {
        List<int[]> calls = Collections.synchronizedList(new ArrayList<>());
        MseBootstrap.withDefaults().withReplicates(60).withThreads(2)
                .withProgress((d, t) -> calls.add(new int[] {d, t}))
                .estimate(Fixtures.table("us_western_site_5lists"));
        int histories = 13; // observed histories of the Western table
        assertEquals(60 + histories, calls.size());
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(60 + histories, calls.get(i)[1]);
        }
        assertEquals(60, calls.get(59)[0]);
        assertEquals(60 + histories, calls.get(calls.size() - 1)[0]);
    }

    /** A list with one case is lost in about 37 % of resamples: too many failed replicates, a clear error. */
    @Test
    void tooManyFailedReplicates() {
        ListOverlapTable t = ListOverlapTable.ofMaskCounts(List.of("A", "B", "C"),
                new long[] {0, 40, 30, 6, 1, 0, 0, 0});
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> MseBootstrap.withDefaults().withReplicates(200).estimate(t));
        assertTrue(e.getMessage().contains("bootstrap replicates failed"), e.getMessage());
        assertTrue(e.getMessage().contains("List 'C' has no cases"), e.getMessage());
    }

    @Test
    void badArguments() {
        PrevalenceException level = assertThrows(PrevalenceException.class,
                () -> MseBootstrap.withDefaults().withConfidenceLevel(1.2));
        assertEquals("level", level.where());
        assertThrows(PrevalenceException.class, () -> MseBootstrap.withDefaults().withReplicates(0));
        assertThrows(PrevalenceException.class, () -> MseBootstrap.withDefaults().withPthresh(-0.1));
        ListOverlapTable empty = ListOverlapTable.ofMaskCounts(List.of("A", "B", "C"),
                new long[] {0, 40, 30, 6, 0, 0, 0, 0});
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> MseBootstrap.withDefaults().withReplicates(10).estimate(empty));
        assertTrue(e.getMessage().contains("List 'C' has no cases"), e.getMessage());
    }
}
