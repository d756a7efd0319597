package org.prevalence.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.PrevalenceException;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The Tablesaw-free path of {@link CsvInput} ({@link CsvInput#columns}) against its table path
 * ({@link CsvInput#read} and {@link Columns}) as the reference: the same values, the same types
 * in {@link CsvColumns#toTable()}, the same errors, for every thread count and chunk size.
 */
class CsvInputColumnsTest {
    @TempDir
    Path dir;

    /** Every column of the file, on one thread and on several with tiny chunks. */
    static List<CsvReader> paths(CsvInput in) {
        return CsvReaderTest.paths(in.reader());
    }

    static CsvColumns read(CsvReader r, String csv) {
        return CsvReaderTest.read(r, csv);
    }

    static void assertSameTable(Table want, Table got, String what) {
        assertEquals(want.name(), got.name(), what);
        assertEquals(want.columnNames(), got.columnNames(), what);
        assertEquals(want.rowCount(), got.rowCount(), what);
        for (int j = 0; j < want.columnCount(); j++) {
            Column<?> a = want.column(j);
            Column<?> b = got.column(j);
            assertEquals(a.type(), b.type(), what + " column " + a.name());
            for (int r = 0; r < want.rowCount(); r++) {
                assertEquals(a.isMissing(r), b.isMissing(r), what + " " + a.name() + " row " + (r + 1));
                assertEquals(a.getString(r), b.getString(r), what + " " + a.name() + " row " + (r + 1));
            }
        }
    }

    @Test
    void toTableIsTheTableOfTheTablePathOnRandomFiles() {
        SplittableRandom r = new SplittableRandom(2024);
        for (int f = 0; f < 120; f++) {
            String csv = CsvReaderTest.randomCsv(r, 1 + r.nextInt(6), 1 + r.nextInt(150), r.nextBoolean());
            CsvInput in = f % 3 == 0 ? CsvInput.withDefaults().withMissingValues("NA", "n/a") : CsvInput.withDefaults();
            Table want = in.read(csv, "f.csv");
            for (CsvReader rd : paths(in)) {
                assertSameTable(want, read(rd, csv).toTable(), "file " + f + " " + rd);
            }
        }
    }

    @Test
    void stringsAndCountsAsTheTablePath() {
        SplittableRandom r = new SplittableRandom(11);
        for (int f = 0; f < 80; f++) {
            String csv = CsvReaderTest.randomCsv(r, 1 + r.nextInt(5), 1 + r.nextInt(80), r.nextBoolean());
            Table t = CsvInput.withDefaults().read(csv, "f.csv");
            for (CsvReader rd : paths(CsvInput.withDefaults())) {
                CsvColumns c = read(rd, csv);
                for (String n : t.columnNames()) {
                    // the same message, with the file's line added on the CSV path
                    assertEquals(outcome(() -> Arrays.asList(Columns.strings(t, n))),
                            withoutLine(outcome(() -> Arrays.asList(c.strings(n)))), n);
                    assertEquals(outcome(() -> Arrays.toString(Columns.counts(t, n))),
                            withoutLine(outcome(() -> Arrays.toString(c.counts(n)))), n);
                }
            }
        }
        String csv = "n,m\n9007199254740993,-1\n2,0.5\n";   // 2^53 + 1 stays exact; a negative and a fraction
        CsvColumns c = CsvInput.withDefaults().withCategories("n", "m").columns(stream(csv), "f.csv");
        assertArrayEquals(new long[] {9007199254740993L, 2}, c.counts("n"));
        assertEquals("error: f.csv, line 2, row 1, column 'm': a count must be >= 0, the cell is negative",
                outcome(() -> c.counts("m")));
    }

    static String withoutLine(String message) {
        return message.replaceFirst("^(error: f\\.csv), line \\d+", "$1");
    }

    @Test
    void textsAreTheCellsAsAStringColumnHoldsThem() {
        SplittableRandom r = new SplittableRandom(31);
        for (int f = 0; f < 60; f++) {
            String csv = CsvReaderTest.randomCsv(r, 1 + r.nextInt(5), 1 + r.nextInt(120), r.nextBoolean());
            CsvInput asText = CsvInput.withDefaults();
            for (String n : CsvInput.withDefaults().read(csv, "f.csv").columnNames()) {
                asText = asText.withType(n, tech.tablesaw.api.ColumnType.STRING);
            }
            Table t = asText.read(csv, "f.csv");
            for (CsvReader rd : paths(CsvInput.withDefaults())) {
                CsvColumns c = read(rd, csv);
                for (String n : t.columnNames()) {
                    Column<?> col = t.column(n);
                    String[] got = c.texts(n);
                    for (int i = 0; i < t.rowCount(); i++) {
                        assertEquals(col.isMissing(i) ? null : col.getString(i).strip(),
                                got[i] == null ? null : got[i].strip(), "file " + f + " " + n + " row " + (i + 1));
                    }
                }
            }
        }
        CsvColumns c = CsvInput.withDefaults().columns(stream("id,ok\n007,TRUE\n7,false\n1e3,NA\n"), "f.csv");
        assertEquals(List.of("007", "7", "1e3"), Arrays.asList(c.texts("id")));
        assertEquals(List.of("7.0", "1000.0"), c.levels("id"));   // the levels merge 007 and 7
        assertEquals(Arrays.asList("TRUE", "false", null), Arrays.asList(c.texts("ok")));
    }

    @Test
    void eachRowKnowsItsLine() {
        // rows with comment and blank lines before them and line breaks inside quoted cells; the
        // expected line of each row is counted while the file is written
        SplittableRandom r = new SplittableRandom(77);
        for (int f = 0; f < 40; f++) {
            StringBuilder sb = new StringBuilder("id,note\n");
            int line = 2;
            int rows = 1 + r.nextInt(400);
            long[] want = new long[rows];
            for (int i = 0; i < rows; i++) {
                if (r.nextInt(10) == 0) {
                    sb.append("# comment\n");
                    line++;
                }
                if (r.nextInt(15) == 0) {
                    sb.append("\n");
                    line++;
                }
                want[i] = line;
                int breaks = r.nextInt(8) == 0 ? 1 + r.nextInt(3) : 0;
                sb.append("r").append(i).append(",\"x").append("\n".repeat(breaks)).append("y\"\n");
                line += 1 + breaks;
            }
            CsvInput in = CsvInput.withDefaults().withCategories("id");
            for (CsvReader rd : paths(in)) {
                CsvColumns c = read(rd, sb.toString());
                assertEquals(rows, c.rows());
                for (int i = 0; i < rows; i++) {
                    assertEquals(want[i], c.line(i), "file " + f + " row " + (i + 1) + " " + rd);
                }
                assertEquals("f.csv, line " + want[rows - 1], c.at(rows - 1));
            }
        }
    }

    /** The value's string, or the error's message. */
    static String outcome(java.util.function.Supplier<Object> s) {
        try {
            return String.valueOf(s.get());
        } catch (PrevalenceException e) {
            return "error: " + e.getMessage();
        }
    }

    static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theExampleOfTheClassDescription() throws Exception {
        String csv = "stratum;psu;w;y;note\nA;1;1,5;NA;x\nA;2;2;.;y\nB;3;0,5;3,25;z\n";
        Path gz = dir.resolve("sample.csv.gz");
        Files.write(gz, CsvReaderTest.gzip(csv));
        for (int threads : new int[] {1, 2, 0}) {
            CsvColumns c = CsvInput.withDefaults()
                    .withDetectedDelimiter().withDecimalComma().withMissingValues("NA", ".")
                    .withNumbers("w", "y").withCategories("stratum", "psu")
                    .withThreads(threads)
                    .columns(gz);
            assertEquals("sample.csv.gz", c.name());
            assertEquals(List.of("w", "y", "stratum", "psu"), c.columnNames());
            assertArrayEquals(new double[] {1.5, 2, 0.5}, c.numbers("w"), 0.0);
            assertArrayEquals(new double[] {Double.NaN, Double.NaN, 3.25}, c.numbers("y"), 0.0);
            assertArrayEquals(new int[] {0, 1, 2}, c.codes("psu"));
            assertArrayEquals(new int[] {1, 2, 3}, c.ints("psu"));
            assertEquals(List.of("A", "B"), c.levels("stratum"));
            Table t = c.toTable();
            assertEquals(List.of("stratum", "psu", "w", "y"), t.columnNames());
            assertEquals("INTEGER", t.column("psu").type().name());
            assertEquals("DOUBLE", t.column("w").type().name());
        }
        // every column, as categories, when no role is named
        CsvColumns all = CsvInput.withDefaults().withDelimiter(';').withDecimalComma().columns(gz);
        assertEquals(List.of("stratum", "psu", "w", "y", "note"), all.columnNames());
        assertEquals(CsvReader.Kind.CATEGORY, all.kind("w"));
        assertSameTable(CsvInput.withDefaults().withDelimiter(';').withDecimalComma().read(gz), all.toTable(), "gz");
        assertEquals(List.of("stratum", "psu", "w", "y", "note"), CsvInput.withDefaults().withDetectedDelimiter()
                .header(gz));
    }

    @Test
    void delimiterDetection() {
        CsvInput in = CsvInput.withDefaults().withDetectedDelimiter();
        for (String[] c : new String[][] {{"a,b;c\n1,2;3\n", ","}, {"a;b;\"c,d,e\"\n1;2;3\n", ";"},
                {"a\tb\n1\t2\n", "\t"}, {"a|b|c\n1|2|3\n", "|"}, {"a\n1\n", ","}}) {
            String d = c[1];
            Table want = CsvInput.withDefaults().withDelimiter(d.charAt(0)).read(c[0], "f.csv");
            assertSameTable(want, in.read(c[0], "f.csv"), c[0]);
            for (CsvReader r : paths(in)) {
                assertSameTable(want, read(r, c[0]).toTable(), c[0] + " " + r);
            }
        }
        // without detection, a semicolon header is still refused with the fix
        String m = outcome(() -> CsvInput.withDefaults().columns(stream("a;b\n1;2\n"), "f.csv"));
        assertTrue(m.contains("the file looks semicolon-separated"), m);
    }

    @Test
    void intsAreWholeAndPresent() {
        CsvInput in = CsvInput.withDefaults().withNumbers("a", "b", "c");
        CsvColumns c = in.columns(stream("a,b,c\n1,1.5,NA\n-2,2,3\n"), "f.csv");
        assertArrayEquals(new int[] {1, -2}, c.ints("a"));
        assertEquals("error: f.csv, line 2, row 1, column 'b': the cell is not a whole number between -2^31 and 2^31",
                outcome(() -> c.ints("b")));
        assertEquals("error: f.csv, line 2, row 1, column 'c': the value is missing", outcome(() -> c.ints("c")));
    }

    @Test
    void gzipTablesAndTheirErrors() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 5000; i++) {
            sb.append(i).append(",x").append(i % 7).append('\n');
        }
        byte[] z = CsvReaderTest.gzip(sb.toString());
        Path gz = dir.resolve("t.csv.gz");
        Files.write(gz, z);
        Path plain = dir.resolve("t.csv");
        Files.writeString(plain, sb);
        Table t = CsvInput.withDefaults().read(gz);
        assertEquals("t.csv.gz", t.name());
        assertEquals(5000, t.rowCount());
        assertSameTable(CsvInput.withDefaults().read(plain).setName("t.csv.gz"), t, "gzip");
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(z, z.length / 2));
        String m = outcome(() -> CsvInput.withDefaults().read(cut));
        assertTrue(m.startsWith("error: cut.csv.gz: the gzip file is truncated or corrupt"), m);
        String m2 = outcome(() -> CsvInput.withDefaults().columns(cut));
        assertTrue(m2.startsWith("error: cut.csv.gz, line "), m2);
        assertTrue(m2.contains("the gzip file is truncated or corrupt"), m2);
        assertEquals(m2, outcome(() -> CsvInput.withDefaults().withThreads(2).columns(cut)));
    }

    @Test
    void unknownColumnsAndConfiguration() {
        String m = outcome(() -> CsvInput.withDefaults().withNumbers("W").columns(stream("w,y\n1,2\n"), "f.csv"));
        assertEquals("error: no column 'W' in 'f.csv' (header, line 1) (names are case-sensitive; there is 'w'); its "
                + "columns are [w, y]", m);
        assertThrows(PrevalenceException.class, () -> CsvInput.withDefaults().withThreads(-1));
        String s = CsvInput.withDefaults().withNumbers("w").withCategories("w", "s").withThreads(2).toString();
        assertEquals("CsvInput[delimiter=',', decimal='.', missing=[, NA], types={}, roles={w=CATEGORY, s=CATEGORY}, "
                + "threads=2]", s);
        CsvColumns c = CsvInput.withDefaults().withNumbers("w").columns(stream("w,s\nheavy,1\n"), "f.csv");
        String e = outcome(() -> c.toTable());
        assertTrue(e.contains("read it as a CATEGORY column"), e);
        assertFalse(e.contains("heavy"), e);
    }
}
