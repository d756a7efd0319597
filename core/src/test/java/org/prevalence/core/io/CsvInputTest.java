package org.prevalence.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.PrevalenceException;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CsvInputTest {
    @TempDir
    Path dir;

    static PrevalenceException fails(String csv, CsvInput in, String... words) {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> in.read(csv, "f.csv"));
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' in: " + e.getMessage());
        }
        return e;
    }

    @Test
    void readsTypedColumns() throws Exception {
        Path f = dir.resolve("ok.csv");
        Files.writeString(f, "id,w,y\na,1.5,3\nb,2,NA\n");
        Table t = CsvInput.withDefaults().withType("w", ColumnType.DOUBLE).read(f);
        assertEquals(2, t.rowCount());
        assertEquals(2.0, t.doubleColumn("w").get(1), 0.0);
        assertTrue(t.column("y").isMissing(1));
        assertEquals("ok.csv", t.name());
    }

    @Test
    void detectsTypesStrictly() {
        Table t = CsvInput.withDefaults().read("i,l,d,b,s,e\n1,3000000000,1.5,TRUE,x,1e3\n-2,1,-0.25,false,2,NA\n", "t.csv");
        assertInstanceOf(IntColumn.class, t.column(0));
        assertInstanceOf(LongColumn.class, t.column(1));
        assertInstanceOf(DoubleColumn.class, t.column(2));
        assertInstanceOf(BooleanColumn.class, t.column(3));
        assertInstanceOf(StringColumn.class, t.column(4));
        assertInstanceOf(DoubleColumn.class, t.column(5));
        assertEquals(3000000000L, ((LongColumn) t.column(1)).get(0));
        assertEquals(1000.0, ((DoubleColumn) t.column(5)).get(0), 0.0);
        assertTrue(t.column(5).isMissing(1));
    }

    @Test
    void extremeWholeNumbersKeepTheirValue() {
        // Integer.MIN_VALUE is Tablesaw's missing-value marker of an INTEGER column: such a column is LONG
        Table t = CsvInput.withDefaults().read("x,y\n-2147483648,-9223372036854775807\n1,2\n", "m.csv");
        assertFalse(t.column("x").isMissing(0));
        assertEquals(-2147483648.0, Columns.numbers(t, "x")[0], 0.0);
        assertEquals(-9223372036854775807L, ((LongColumn) t.column("y")).get(0));
    }

    @Test
    void theEmptyCellIsAlwaysMissing() {
        Table t = CsvInput.withDefaults().withMissingValues("n/a").read("x\n1\n\"\"\nn/a\nNA\n", "m.csv");
        assertInstanceOf(StringColumn.class, t.column("x")); // NA is no longer a missing-value token
        assertTrue(t.column("x").isMissing(1));
        assertTrue(t.column("x").isMissing(2));
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> Columns.numbers(t, "x"));
        assertEquals("row 4, column 'x'", e.where());
    }

    @Test
    void aCommaInsideANumberMakesTheColumnText() {
        // "12,5" was read as 125 and "1,000" as 1000 by the old reader
        Table t = CsvInput.withDefaults().read("x,y\n\"12,5\",\"1,000\"\n3,4\n", "c.csv");
        assertInstanceOf(StringColumn.class, t.column("x"));
        assertInstanceOf(StringColumn.class, t.column("y"));
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> Columns.numbers(t, "x"));
        assertEquals("row 1, column 'x'", e.where());
        assertTrue(e.getMessage().contains("a comma inside a number"), e.getMessage());
        assertTrue(e.getMessage().contains("withDecimalComma()"), e.getMessage());
        assertTrue(e.cliMessage().contains("--decimal ,"), e.cliMessage());
        assertFalse(e.cliMessage().contains("withDecimalComma"), e.cliMessage());
    }

    @Test
    void decimalCommaOption() {
        Table t = CsvInput.withDefaults().withDecimalComma().withDelimiter(';')
                .read("x;y\n12,5;-0,25\n3;1e2\n", "eu.csv");
        assertEquals(12.5, t.numberColumn("x").getDouble(0), 0.0);
        assertEquals(-0.25, t.numberColumn("y").getDouble(0), 0.0);
        assertEquals(100.0, t.numberColumn("y").getDouble(1), 0.0);
        // a point in a decimal-comma file is not a thousands separator: refused, naming the cell
        PrevalenceException e = fails("x;y\n1,5;2\n1.000;3\n", CsvInput.withDefaults().withDecimalComma().withDelimiter(';'),
                "row 2, column 'x'", "a point inside a number");
        assertFalse(e.getMessage().contains("1.000"), e.getMessage());
    }

    @Test
    void semicolonAndTabFilesAreNamed() {
        PrevalenceException e = fails("a;b\n1;2\n", CsvInput.withDefaults(), "looks semicolon-separated");
        assertTrue(e.cliMessage().endsWith("use --delimiter ';'"), e.cliMessage());
        assertTrue(e.getMessage().endsWith("use withDelimiter(';')"), e.getMessage());
        PrevalenceException t = fails("a\tb\n1\t2\n", CsvInput.withDefaults(), "looks tab-separated");
        assertTrue(t.cliMessage().endsWith("use --delimiter tab"), t.cliMessage());
        Table ok = CsvInput.withDefaults().withDelimiter('\t').read("a\tb\n1\t2\n", "t.tsv");
        assertEquals(2, ok.intColumn("b").get(0));
    }

    @Test
    void unparsableTypedCellNamesDataRowAndColumn() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "id,w\na,1.5\nb,2.0\nc,heavy\n");
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> CsvInput.withDefaults().withType("w", ColumnType.DOUBLE).read(f));
        assertTrue(e.getMessage().startsWith("bad.csv, row 3, column 'w'"), e.getMessage());
        assertEquals("row 3, column 'w'", e.where());
        assertFalse(e.getMessage().contains("heavy"), e.getMessage());
    }

    @Test
    void raggedRowNamesTheDataRow() {
        fails("a,b,c\n1,2,3\n4,5\n", CsvInput.withDefaults(), "f.csv, row 2: 2 cells, but the header has 3 columns");
        fails("a,b\n1,2,3\n", CsvInput.withDefaults(), "row 1: 3 cells");
    }

    @Test
    void commentLinesAreNotRows() {
        Table t = CsvInput.withDefaults().read("a,b\n# source: R 4.2.2\n1,2\n3,4\n", "c.csv");
        assertEquals(2, t.rowCount());
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> CsvInput.withDefaults()
                .withType("b", ColumnType.DOUBLE).read("a,b\n# note\n# note, 2\n1,2\n3,x\n", "c.csv"));
        assertTrue(e.getMessage().startsWith("c.csv, row 2, column 'b'"), e.getMessage());
    }

    @Test
    void quotingFollowsRfc4180() {
        Table t = CsvInput.withDefaults().read("\uFEFFname,n,note\r\n\"Smith, J\",3,\"two\r\nlines \"\"q\"\"\"\r\nx,4,\r\n",
                "q.csv");
        assertEquals(List.of("name", "n", "note"), t.columnNames());
        assertEquals("Smith, J", t.stringColumn("name").get(0));
        assertEquals("two\r\nlines \"q\"", t.stringColumn("note").get(0));
        assertEquals(4, t.intColumn("n").get(1));
        assertTrue(t.column("note").isMissing(1));
        fails("a,b\n1,\"open\n", CsvInput.withDefaults(), "row 1", "never closed");
        fails("a,b\n1,\"x\"y\n", CsvInput.withDefaults(), "row 1", "after the closing quote");
    }

    @Test
    void missingValueTokensAreDeclared() {
        String csv = "x,y\n1,a\nn/a,b\n.,c\n";
        assertInstanceOf(StringColumn.class, CsvInput.withDefaults().read(csv, "m.csv").column("x"));
        Table t = CsvInput.withDefaults().withMissingValues("", "NA", "n/a", ".").read(csv, "m.csv");
        assertInstanceOf(IntColumn.class, t.column("x"));
        assertTrue(t.column("x").isMissing(1));
        assertTrue(t.column("x").isMissing(2));
    }

    @Test
    void namesDifferingOnlyInCaseAreTwoColumns() {
        Table t = CsvInput.withDefaults().read("n_psu,N_psu\n2,10\n3,12\n", "c.csv");
        assertEquals(List.of("n_psu", "N_psu"), t.columnNames());
        assertEquals(12.0, Columns.numbers(t, "N_psu")[1], 0.0);
        assertEquals(3.0, Columns.numbers(t, "n_psu")[1], 0.0);
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> Columns.column(t, "N_PSU"));
        assertTrue(e.getMessage().contains("no column 'N_PSU'"), e.getMessage());
        fails("a,a\n1,2\n", CsvInput.withDefaults(), "names column 'a' twice");
        fails("a,,c\n1,2,3\n", CsvInput.withDefaults(), "column 2 of the header has no name");
    }

    @Test
    void emptyAndHeaderOnlyFilesAreErrors() throws Exception {
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> CsvInput.withDefaults().read(dir.resolve("nope.csv")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        PrevalenceException e2 = assertThrows(PrevalenceException.class, () -> CsvInput.withDefaults().read(empty));
        assertTrue(e2.getMessage().contains("empty"), e2.getMessage());
        fails("a,b\n", CsvInput.withDefaults(), "has a header but no data rows");
        fails("a,b\n# only a comment\n\n", CsvInput.withDefaults(), "has a header but no data rows");
    }

    @Test
    void countsAreWholeNumbersBelowTwoTo63() {
        Table t = CsvInput.withDefaults().read("c\n9223372036854775807\n", "big.csv");
        assertEquals(Long.MAX_VALUE, Columns.counts(t, "c")[0]);
        for (String cell : new String[] {"9223372036854775808", "1e19", "99999999999999999999999"}) {
            Table b = CsvInput.withDefaults().read("c\n1\n" + cell + "\n", "big.csv");
            PrevalenceException e = assertThrows(PrevalenceException.class, () -> Columns.counts(b, "c"));
            assertEquals("row 2, column 'c'", e.where(), cell);
            assertTrue(e.getMessage().contains("2^63 or more"), e.getMessage());
        }
        Table neg = CsvInput.withDefaults().read("c\n1\n-1\n", "n.csv");
        assertTrue(assertThrows(PrevalenceException.class, () -> Columns.counts(neg, "c")).getMessage()
                .contains("row 2, column 'c': a count must be >= 0"));
        Table frac = CsvInput.withDefaults().read("c\n1.5\n", "n.csv");
        assertTrue(assertThrows(PrevalenceException.class, () -> Columns.counts(frac, "c")).getMessage()
                .contains("row 1, column 'c': a count must be a whole number"));
    }

    @Test
    void outOfRangeNumbersAreNamed() {
        Table t = CsvInput.withDefaults().read("x\n1\n1e400\n", "r.csv");
        assertInstanceOf(StringColumn.class, t.column("x"));
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> Columns.numbers(t, "x"));
        assertTrue(e.getMessage().contains("row 2, column 'x': the number is outside the range"), e.getMessage());
        Table s = CsvInput.withDefaults().read("x\n1\nhigh\n", "r.csv");
        PrevalenceException h = assertThrows(PrevalenceException.class, () -> Columns.numbers(s, "x"));
        assertEquals("r.csv, row 2, column 'x' is not a number; if it means missing, declare it with "
                + "CsvInput.withMissingValues(...)", h.getMessage());
        assertTrue(h.cliMessage().contains("--na"), h.cliMessage());
        assertTrue(Columns.holdsNumbers(s.column("x")));
        assertEquals(1, Columns.firstNonNumber(s.column("x")));
    }
}
