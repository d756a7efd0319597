package org.prevalence.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.Table;

/** The typed reads of the one table adapter, and its one wording for a missing column. */
class ColumnsTest {
    static final Table T = CsvInput.withDefaults().read("id,when,x,Region\n a ,2020-01-31,1.5,A\nb,2021-02-01,NA,B\n",
            "t.csv");

    static PrevalenceException fails(Runnable call, String... words) {
        PrevalenceException e = assertThrows(PrevalenceException.class, call::run);
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' in: " + e.getMessage());
        }
        return e;
    }

    @Test
    void readsTextDatesAndNumbers() {
        assertArrayEquals(new String[] {"a", "b"}, Columns.strings(T, "id"), "trimmed text");
        assertArrayEquals(new long[] {LocalDate.of(2020, 1, 31).toEpochDay(), LocalDate.of(2021, 2, 1).toEpochDay()},
                Columns.epochDays(T, "when"));
        Table dates = Table.create("d", DateColumn.create("when", LocalDate.of(2000, 1, 1)));
        assertEquals(LocalDate.of(2000, 1, 1).toEpochDay(), Columns.epochDays(dates, "when")[0], "a date column");
        double[] x = Columns.numbers(T, "x");
        assertEquals(1.5, x[0], 0.0);
        assertTrue(Double.isNaN(x[1]), "a missing-value token is NaN");
    }

    @Test
    void missingCellsAreNamedByRowAndColumn() {
        fails(() -> Columns.requiredNumbers(T, "x"), "t.csv, row 2, column 'x': the value is missing");
        fails(() -> Columns.strings(T, "x"), "row 2, column 'x': the value is missing");
        Table bad = CsvInput.withDefaults().read("when\n2020-13-01\n", "b.csv");
        fails(() -> Columns.epochDays(bad, "when"), "b.csv, row 1, column 'when'", "not an ISO date");
    }

    @Test
    void oneWordingForAMissingColumnWithTheCaseHint() {
        fails(() -> Columns.strings(T, "region"), "no column 'region' in 't.csv'",
                "names are case-sensitive; there is 'Region'", "its columns are [id, when, x, Region]");
        PrevalenceException e = fails(() -> {
            throw Columns.noColumn(T, "Freq", new PrevalenceException.Remedy("name it in Java", "name it with --count"));
        }, "no column 'Freq' in 't.csv'", "name it in Java");
        assertTrue(e.cliMessage().endsWith("name it with --count"), e.cliMessage());
    }
}
