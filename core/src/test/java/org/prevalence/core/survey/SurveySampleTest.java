package org.prevalence.core.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.prevalence.core.PrevalenceException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Validation of the survey design specification: every error names the row (1-based), column or
 * stratum; fpc detection as R's as.fpc; weights implied by the fpc. Expected values are closed forms.
 */
class SurveySampleTest {

    /** 8 rows: strata A (PSUs 1, 2) and B (PSUs 3, 4), two rows per PSU. */
    static Table table(double[] pw, double[] fpc) {
        return Table.create("t",
                StringColumn.create("st", "A", "A", "A", "A", "B", "B", "B", "B"),
                IntColumn.create("psu", 1, 1, 2, 2, 3, 3, 4, 4),
                IntColumn.create("ssu", 1, 2, 1, 2, 1, 2, 1, 2),
                DoubleColumn.create("pw", pw),
                DoubleColumn.create("fpc", fpc),
                DoubleColumn.create("y", 1, 2, 3, 4, 5, 6, 7, Double.NaN));
    }

    static Table good() {
        return table(new double[] {10, 10, 10, 10, 20, 20, 20, 20}, new double[] {10, 10, 10, 10, 40, 40, 40, 40});
    }

    static PrevalenceException fails(Executable e, String... words) {
        PrevalenceException ex = assertThrows(PrevalenceException.class, e);
        for (String w : words) {
            assertTrue(ex.getMessage().contains(w), () -> "'" + w + "' not in: " + ex.getMessage());
        }
        return ex;
    }

    @Test
    void buildsAndCodesStrataAndPsus() {
        SurveySample s = SurveySample.builder(good()).strata("st").clusters("psu").weights("pw").fpc("fpc").build();
        assertEquals(8, s.rows());
        assertEquals(2, s.strataCount());
        assertEquals(4, s.psuCount());
        assertEquals(List.of("A", "B"), s.stratumLabels());
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2, 3, 3}, s.psuCodes());
        assertEquals(FpcKind.POPULATION_SIZE, s.fpcKind());
        assertArrayEquals(new double[] {10, 40}, s.stratumPopulation());
        assertTrue(Double.isNaN(s.numeric("y")[7]));
        assertEquals(List.of("A", "B"), s.factor("st").levels());
        assertNull(s.replicateWeightSpec());
    }

    @Test
    void fractionsGiveTheSamePopulationAsSizes() {
        // 2 PSUs sampled per stratum; fractions 0.2 and 0.05 mean N = 10 and 40, as R's as.fpc
        Table t = table(new double[] {1, 1, 1, 1, 1, 1, 1, 1}, new double[] {0.2, 0.2, 0.2, 0.2, 0.05, 0.05, 0.05, 0.05});
        SurveySample s = SurveySample.builder(t).strata("st").clusters("psu").weights("pw").fpc("fpc").build();
        assertEquals(FpcKind.SAMPLING_FRACTION, s.fpcKind());
        assertArrayEquals(new double[] {10, 40}, s.stratumPopulation(), 1e-12);
    }

    @Test
    void weightsFromTwoStageFpc() {
        // stage 1: N_h/n_h = 10/2 and 40/2; stage 2: 6 SSUs per PSU, 2 sampled: 3
        Table t = good();
        t.addColumns(DoubleColumn.create("fpc2", 6, 6, 6, 6, 6, 6, 6, 6));
        SurveySample s = SurveySample.builder(t).strata("st").clusters("psu", "ssu").fpc("fpc", "fpc2").build();
        assertArrayEquals(new double[] {15, 15, 15, 15, 60, 60, 60, 60}, s.weights(), 1e-12);
        assertEquals("fpc", s.weightSource());
        assertEquals(8, s.ssuCount());
        assertArrayEquals(new double[] {6, 6, 6, 6}, s.psuPopulation());
    }

    @Test
    void missingZeroAndNegativeWeightsNameTheRow() {
        double[] fpc = {10, 10, 10, 10, 40, 40, 40, 40};
        PrevalenceException e = fails(() -> SurveySample.builder(table(new double[] {1, 1, Double.NaN, 1, 1, 1, 1, 1}, fpc))
                .weights("pw").build(), "row 3", "column 'pw'", "missing weight");
        assertEquals("row 3, column 'pw'", e.where());
        assertEquals(PrevalenceException.Kind.INVALID_DATA, e.what());
        fails(() -> SurveySample.builder(table(new double[] {1, 1, 1, 1, 0, 1, 1, 1}, fpc)).weights("pw").build(),
                "row 5", "column 'pw'", "> 0");
        fails(() -> SurveySample.builder(table(new double[] {1, 1, 1, 1, 1, 1, 1, -2}, fpc)).weights("pw").build(),
                "row 8", "column 'pw'");
        fails(() -> SurveySample.builder(table(new double[] {1, 1, 1, 1, 1, 1, 1, 2}, fpc)).probabilities("pw").build(),
                "row 8", "outside (0, 1]");
    }

    @Test
    void weightsAndProbabilitiesBothOrNeither() {
        fails(() -> SurveySample.builder(good()).weights("pw").probabilities("pw").build(), "only one of");
        fails(() -> SurveySample.builder(good()).build(), "equalProbability()");
        assertEquals("equal", SurveySample.builder(good()).equalProbability().build().weightSource());
    }

    @Test
    void psuInTwoStrataNeedsNest() {
        Table t = good();
        t.replaceColumn("psu", IntColumn.create("psu", 1, 1, 2, 2, 1, 1, 2, 2));
        PrevalenceException e = fails(() -> SurveySample.builder(t).strata("st").clusters("psu").weights("pw").build(),
                "row 5", "PSU '1'", "stratum 'B'", "stratum 'A' at row 1", "nest()");
        assertEquals("row 5, column 'psu'", e.where());
        SurveySample s = SurveySample.builder(t).strata("st").clusters("psu").weights("pw").nest().build();
        assertEquals(4, s.psuCount());
        assertEquals(List.of("A/1", "A/2", "B/1", "B/2"), s.psuLabels());
    }

    @Test
    void onePsuIsRefused() {
        Table t = good();
        t.replaceColumn("psu", IntColumn.create("psu", 7, 7, 7, 7, 7, 7, 7, 7));
        fails(() -> SurveySample.builder(t).clusters("psu").weights("pw").build(), "only one primary sampling unit");
    }

    @Test
    void fpcSmallerThanTheSampleNamesTheStratum() {
        Table t = table(new double[] {1, 1, 1, 1, 1, 1, 1, 1}, new double[] {10, 10, 10, 10, 1.5, 1.5, 1.5, 1.5});
        PrevalenceException e = fails(() -> SurveySample.builder(t).strata("st").clusters("psu").weights("pw").fpc("fpc")
                .build(), "stratum 'B'", "row 5", "more than 100% sampling");
        assertEquals("stratum 'B'", e.where());
    }

    @Test
    void fractionOutsideUnitIntervalAndMixedFpcAreRefused() {
        Table zero = table(new double[] {1, 1, 1, 1, 1, 1, 1, 1}, new double[] {0.5, 0.5, 0, 0, 0.5, 0.5, 0.5, 0.5});
        fails(() -> SurveySample.builder(zero).weights("pw").fpc("fpc").build(), "row 3", "outside (0, 1]");
        Table mixed = table(new double[] {1, 1, 1, 1, 1, 1, 1, 1}, new double[] {10, 10, 10, 10, 0.5, 0.5, 0.5, 0.5});
        fails(() -> SurveySample.builder(mixed).strata("st").weights("pw").fpc("fpc").build(), "row 5", "below 1");
        Table varying = table(new double[] {1, 1, 1, 1, 1, 1, 1, 1}, new double[] {10, 10, 10, 12, 40, 40, 40, 40});
        fails(() -> SurveySample.builder(varying).strata("st").weights("pw").fpc("fpc").build(), "row 4",
                "stratum 'A'", "constant within a stratum");
        Table missing = table(new double[] {1, 1, 1, 1, 1, 1, 1, 1}, new double[] {10, 10, 10, 10, 40, 40, Double.NaN, 40});
        fails(() -> SurveySample.builder(missing).strata("st").weights("pw").fpc("fpc").build(), "row 7", "missing fpc");
    }

    @Test
    void missingIdsAndUnknownColumns() {
        Table t = good();
        StringColumn st = StringColumn.create("st", "A", "A", "A", "A", "B", "B", "B", "B");
        st.setMissing(5);
        t.replaceColumn("st", st);
        fails(() -> SurveySample.builder(t).strata("st").weights("pw").build(), "row 6", "column 'st'", "missing id");
        fails(() -> SurveySample.builder(good()).weights("nope").build(), "no column 'nope'");
    }

    @Test
    void arraysPathNeedsNoTable() {
        SurveySample s = SurveySample.builder(4).weights(new double[] {1, 2, 3, 4}).strata(new int[] {5, 5, 9, 9})
                .clusters(new int[] {100, 101, 102, 103}).variable("y", new double[] {1, 2, 3, 4})
                .factor("g", new int[] {0, 1, 0, -1}, List.of("a", "b")).build();
        assertEquals(2, s.strataCount());
        assertEquals(List.of("5", "9"), s.stratumLabels());
        assertEquals(4, s.psuCount());
        assertArrayEquals(new int[] {0, 1, 0, -1}, s.factor("g").codes());
        fails(() -> SurveySample.builder(4).weights(new double[] {1, 2, 3}), "3 values for 4 rows");
        fails(() -> SurveySample.builder(4).weights("pw").build(), "built from arrays");
    }

    @Test
    void replicateWeightSpecIsValidated() {
        Table t = good();
        t.addColumns(DoubleColumn.create("r1", 2, 2, 0, 0, 2, 2, 0, 0), DoubleColumn.create("r2", 0, 0, 2, 2, 0, 0, 2, 2));
        ReplicateWeightSpec spec = new ReplicateWeightSpec(List.of("r1", "r2"), ReplicateMethod.BRR, 0.5, null,
                ReplicateCentre.REPLICATE_MEAN);
        SurveySample s = SurveySample.builder(t).weights("pw").replicateWeights(spec).build();
        assertEquals(2, s.replicateWeights().length);
        assertArrayEquals(new double[] {1, 1}, s.replicateWeightSpec().rscales());
        fails(() -> new ReplicateWeightSpec(List.of("r1"), ReplicateMethod.BRR, 1, null, ReplicateCentre.FULL_SAMPLE),
                "at least 2");
    }
}
