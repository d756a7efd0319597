package org.prevalence.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * An fpc must be the same within each stratum (R survey's as.fpc: "fpc must be the same within each
 * stratum" style checks; R only warns for some forms, here it is always an error naming the stratum
 * and the row), as population sizes, as sampling fractions, given as a column or as an array, and at
 * stage 2 within each PSU.
 */
class FpcWithinStratumTest {
    static Table table(double[] fpc) {
        return Table.create("t", StringColumn.create("s", "A", "A", "A", "B", "B", "B"),
                DoubleColumn.create("psu", 1, 2, 3, 4, 5, 6), DoubleColumn.create("w", 5, 5, 5, 8, 8, 8),
                DoubleColumn.create("y", 1, 2, 3, 4, 5, 6), DoubleColumn.create("fpc", fpc));
    }

    static void refused(SurveyDesign.Builder b, String row) {
        PrevalenceException e = assertThrows(PrevalenceException.class, b::build);
        assertEquals(PrevalenceException.Kind.INVALID_DATA, e.what());
        assertTrue(e.getMessage().contains(row) && e.getMessage().contains("stratum 'B'"), e.getMessage());
    }

    @Test
    void populationSizesThatVaryInAStratumAreRefused() {
        refused(SurveyDesign.builder(table(new double[] {15, 15, 15, 24, 25, 24})).strata("s").weights("w").fpc("fpc"),
                "row 5");
    }

    @Test
    void samplingFractionsThatVaryInAStratumAreRefused() {
        refused(SurveyDesign.builder(table(new double[] {0.2, 0.2, 0.2, 0.125, 0.125, 0.1})).strata("s").weights("w")
                .fpc("fpc"), "row 6");
    }

    @Test
    void anArrayFpcThatVariesInAStratumIsRefused() {
        refused(SurveyDesign.builder(table(new double[] {15, 15, 15, 24, 24, 24})).strata("s").weights("w")
                .fpc(new double[] {15, 15, 15, 24, 30, 24}), "row 5");
    }

    @Test
    void aConstantFpcIsAccepted() {
        SurveyDesign d = SurveyDesign.builder(table(new double[] {15, 15, 15, 24, 24, 24})).strata("s").weights("w")
                .fpc("fpc").build();
        assertEquals(6, d.rows());
    }
}
