package org.prevalence.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.PrevalenceException;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The new reader against the old one ({@link CsvInput} + {@link Columns}) as the reference. */
class CsvReaderTest {
    @TempDir
    Path dir;

    /** The configurations every file is read with: one thread, two, three and all cores, with tiny chunks. */
    static List<CsvReader> paths(CsvReader r) {
        return List.of(r, r.withThreads(2), r.withThreads(0).withChunkSize(200), r.withThreads(2).withChunkSize(64), r.withThreads(3).withChunkSize(97),
                r.withChunkSize(200));
    }

    static CsvReader all(CsvReader r, List<String> names, boolean category) {
        for (String n : names) {
            r = r.withColumn(n, category ? CsvReader.Kind.CATEGORY : CsvReader.Kind.NUMBER);
        }
        return r;
    }

    static CsvColumns read(CsvReader r, String csv) {
        return r.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "f.csv");
    }

    /** The message of the error, or null. */
    static String error(Runnable r) {
        try {
            r.run();
            return null;
        } catch (PrevalenceException e) {
            return e.getMessage();
        }
    }

    static String cell(SplittableRandom r, char d) {
        switch (r.nextInt(14)) {
            case 0: return "NA";
            case 1: return "";
            case 2: return "\"a" + d + "b\"";
            case 3: return "\"two\nlines\"";
            case 4: return "\"say \"\"hi\"\"\"";
            case 5: return r.nextBoolean() ? "TRUE" : "false";
            case 6: return "x" + r.nextInt(5);
            case 7: return " " + r.nextInt(100) + " ";
            case 8: return "\"" + r.nextInt(50) + "\"";
            case 9: return Double.toString(r.nextDouble() * 1000);
            case 10: return "n/a";
            default: return Integer.toString(r.nextInt(-20, 1000));
        }
    }

    /** A column of one flavour, so that each detected type occurs. */
    static String flavouredCell(SplittableRandom r, int flavour, char d) {
        return switch (flavour) {
            case 0 -> r.nextInt(20) == 0 ? "NA" : Integer.toString(r.nextInt(-5, 3000));
            case 1 -> r.nextInt(20) == 0 ? "" : String.format(java.util.Locale.ROOT, "%.3f", r.nextDouble() * 10);
            case 2 -> r.nextInt(10) == 0 ? "NA" : r.nextBoolean() ? "TRUE" : "FALSE";
            case 3 -> r.nextInt(3) == 0 ? "\"S " + r.nextInt(7) + "\"" : "S" + r.nextInt(7);
            case 4 -> r.nextInt(30) == 0 ? "n/a" : Integer.toString(r.nextInt(100));
            default -> cell(r, d);
        };
    }

    static String randomCsv(SplittableRandom r, int cols, int rows, boolean crlf) {
        String nl = crlf ? "\r\n" : "\n";
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(4) == 0) {
            sb.append('\uFEFF');
        }
        int[] flavour = new int[cols];
        for (int j = 0; j < cols; j++) {
            flavour[j] = r.nextInt(7);
            sb.append(j > 0 ? "," : "").append("c").append(j);
        }
        sb.append(nl);
        for (int i = 0; i < rows; i++) {
            if (r.nextInt(25) == 0) {
                sb.append("# comment, with \"quote").append(nl);
            }
            if (r.nextInt(40) == 0) {
                sb.append(nl);
            }
            for (int j = 0; j < cols; j++) {
                sb.append(j > 0 ? "," : "").append(flavouredCell(r, flavour[j], ','));
            }
            if (i < rows - 1 || r.nextBoolean()) {
                sb.append(nl);
            }
        }
        return sb.toString();
    }

    static void assertSameAsOld(String csv, CsvInput old, CsvReader base) {
        Table t = old.read(csv, "f.csv");
        List<String> names = t.columnNames();
        for (boolean category : new boolean[] {false, true}) {
            for (CsvReader r : paths(all(base, names, category))) {
                CsvColumns c = read(r, csv);
                assertEquals(t.rowCount(), c.rows());
                for (String n : names) {
                    Column<?> col = t.column(n);
                    CsvColumns.Type expected = col instanceof NumericColumn<?> ? CsvColumns.Type.NUMBER
                            : col instanceof BooleanColumn ? CsvColumns.Type.LOGICAL : CsvColumns.Type.TEXT;
                    assertEquals(expected, c.type(n), n + " " + r);
                    double[] want = null;
                    String wantError = null;
                    try {
                        want = Columns.numbers(t, n);
                    } catch (PrevalenceException e) {
                        wantError = e.where();
                    }
                    if (wantError == null) {
                        assertArrayEquals(want, c.numbers(n), 0.0, n + " " + r);
                        assertNull(c.notNumbers(n));
                    } else {
                        PrevalenceException e = assertThrows(PrevalenceException.class, () -> c.numbers(n));
                        assertEquals(wantError, e.where(), n);
                    }
                    if (expected == CsvColumns.Type.TEXT) {
                        assertEquals(Columns.holdsNumbers(col), c.holdsNumbers(n), n);
                    }
                    if (category) {
                        int[] codes = c.codes(n);
                        List<String> levels = c.levels(n);
                        for (int i = 0; i < t.rowCount(); i++) {
                            String s = col.isMissing(i) ? null : col.getUnformattedString(i);
                            assertEquals(s, codes[i] < 0 ? null : levels.get(codes[i]), n + " row " + (i + 1));
                        }
                    }
                }
            }
        }
    }

    @Test
    void sameAsTheOldReaderOnRandomFiles() {
        SplittableRandom r = new SplittableRandom(42);
        for (int f = 0; f < 150; f++) {
            String csv = randomCsv(r, 1 + r.nextInt(6), 1 + r.nextInt(120), r.nextBoolean());
            CsvInput old = CsvInput.withDefaults();
            CsvReader base = CsvReader.withDefaults();
            if (f % 3 == 0) {
                old = old.withMissingValues("NA", "n/a");
                base = base.withMissingValues("NA", "n/a");
            }
            assertSameAsOld(csv, old, base);
        }
    }

    @Test
    void decimalCommaAndSemicolonsAsTheOldReader() {
        String csv = "x;y;z\n12,5;-0,25;a\n3;1e2;\"b;c\"\n;NA;d\n";
        assertSameAsOld(csv, CsvInput.withDefaults().withDecimalComma().withDelimiter(';'),
                CsvReader.withDefaults().withDecimalComma().withDelimiter(';'));
        String bad = "x;y\n1,5;2\n1.000;3\n";
        for (CsvReader r : paths(all(CsvReader.withDefaults().withDecimalComma().withDelimiter(';'), List.of("x"),
                false))) {
            String m = error(() -> read(r, bad));
            assertEquals("f.csv, line 3, row 2, column 'x': a point inside a number, but the decimal mark is a comma; "
                    + "a point is not read as a thousands separator", m);
        }
    }

    @Test
    void readsOnlyTheNamedColumns() {
        CsvColumns c = read(CsvReader.withDefaults().withColumn("w", CsvReader.Kind.NUMBER)
                .withColumn("s", CsvReader.Kind.CATEGORY), "s,skip,w\nA,\"x,\"\"y\"\"\",1.5\nB,,2\nA,z,3\n");
        assertEquals(List.of("w", "s"), c.columnNames());
        assertEquals(List.of("s", "skip", "w"), c.headerNames());
        assertArrayEquals(new double[] {1.5, 2, 3}, c.numbers("w"), 0.0);
        assertArrayEquals(new int[] {0, 1, 0}, c.codes("s"));
        assertEquals(List.of("A", "B"), c.levels("s"));
        assertTrue(assertThrows(PrevalenceException.class, () -> c.numbers("skip")).getMessage()
                .contains("it is in the header"));
    }

    @Test
    void idsPrintAsTheirColumnType() {
        // whole numbers print without leading zeros and "7" and "07" are one level, as in a Tablesaw column
        CsvColumns c = read(CsvReader.withDefaults().withColumn("p", CsvReader.Kind.CATEGORY)
                .withColumn("q", CsvReader.Kind.CATEGORY), "p,q\n07,1\n7,2.5\n8,1\n");
        assertEquals(List.of("7", "8"), c.levels("p"));
        assertArrayEquals(new int[] {0, 0, 1}, c.codes("p"));
        assertEquals(List.of("1.0", "2.5"), c.levels("q"));
    }

    /** Each bad input of the issue: the same outcome on every path. */
    static void sameErrorEverywhere(String csv, String expected, String... columns) {
        for (boolean category : new boolean[] {false, true}) {
            CsvReader base = all(CsvReader.withDefaults(), List.of(columns), category);
            for (CsvReader r : paths(base)) {
                assertEquals(expected, error(() -> read(r, csv)), r.toString());
            }
        }
    }

    @Test
    void raggedRowNamesRowAndLine() {
        StringBuilder sb = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 200; i++) {
            sb.append(i).append(",\"q\n").append(i).append("\",x\n");
        }
        sb.append("1,2\n3,4,5\n");
        sameErrorEverywhere(sb.toString(), "f.csv, row 201 (line 402): 2 cells, but the header has 3 columns", "a");
        sameErrorEverywhere("a,b\n1,2,3\n", "f.csv, row 1 (line 2): 3 cells, but the header has 2 columns", "b");
    }

    @Test
    void unterminatedQuoteAndTextAfterQuote() {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 100; i++) {
            sb.append(i).append(",y\n");
        }
        sameErrorEverywhere(sb + "1,\"open\n2,3\n4,5\n",
                "f.csv, row 101 (line 102): a quoted cell is never closed (unterminated quote)", "a");
        sameErrorEverywhere(sb + "1,\"x\"y\n", "f.csv, row 101 (line 102), cell 2: text after the closing quote of a "
                + "quoted cell", "b");
    }

    @Test
    void quotedNewlinesBomCrlfAndNoFinalNewline() {
        StringBuilder sb = new StringBuilder("\uFEFFid,note,y\r\n");
        for (int i = 0; i < 300; i++) {
            sb.append(i).append(",\"line one\r\nline, two \"\"q\"\"\",").append(i * 0.5).append("\r\n");
        }
        sb.append("300,last,150.0");   // no final newline
        String csv = sb.toString();
        for (CsvReader r : paths(all(CsvReader.withDefaults(), List.of("id", "y", "note"), false))) {
            CsvColumns c = read(r, csv);
            assertEquals(301, c.rows());
            assertEquals(150.0, c.numbers("y")[300], 0.0);
            assertEquals(299.0, c.numbers("id")[299], 0.0);
            assertEquals(CsvColumns.Type.TEXT, c.type("note"));
        }
        assertSameAsOld(csv, CsvInput.withDefaults(), CsvReader.withDefaults());
    }

    @Test
    void unknownColumnAndHeaderErrors() {
        sameErrorEverywhere("a,B\n1,2\n", "no column 'b' in 'f.csv' (header, line 1) (names are case-sensitive; there is "
                + "'B'); its columns are [a, B]", "b");
        sameErrorEverywhere("", "f.csv: the file is empty (a header line is needed)", "a");
        sameErrorEverywhere("a,b\n", "f.csv: the file has a header but no data rows", "a");
        sameErrorEverywhere("a,b\n# only a comment\n\n", "f.csv: the file has a header but no data rows", "a");
        sameErrorEverywhere("a;b\n1;2\n", "f.csv: the header has no comma; the file looks semicolon-separated; use "
                + "withDelimiter(';')", "a");
        sameErrorEverywhere("a,a\n1,2\n", "f.csv: the header names column 'a' twice; column names must be distinct", "a");
    }

    @Test
    void notANumberNamesFileLineRowAndColumnButNotTheCell() {
        StringBuilder sb = new StringBuilder("w,y\n");
        for (int i = 0; i < 100; i++) {
            sb.append("1.5,").append(i).append('\n');
        }
        sb.append("heavy,3\n");
        for (boolean category : new boolean[] {false, true}) {
            for (CsvReader r : paths(all(CsvReader.withDefaults(), List.of("w"), category))) {
                CsvColumns c = read(r, sb.toString());
                PrevalenceException e = assertThrows(PrevalenceException.class, () -> c.numbers("w"));
                assertEquals("row 101, column 'w'", e.where());
                assertTrue(e.getMessage().startsWith("f.csv, line 102, row 101, column 'w' is not a number"),
                        e.getMessage());
                assertFalse(e.getMessage().contains("heavy"));
            }
        }
    }

    static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(bo)) {
            g.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return bo.toByteArray();
    }

    @Test
    void gzipFilesAndTruncatedGzip() throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder("s,w\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append("S").append(r.nextInt(9)).append(',').append(r.nextDouble()).append('\n');
        }
        String csv = sb.toString();
        Path plain = dir.resolve("s.csv");
        Files.writeString(plain, csv);
        Path gz = dir.resolve("s.csv.gz");
        byte[] z = gzip(csv);
        Files.write(gz, z);
        CsvReader reader = CsvReader.withDefaults().withColumn("s", CsvReader.Kind.CATEGORY)
                .withColumn("w", CsvReader.Kind.NUMBER).withChunkSize(4096);
        for (CsvReader rd : List.of(reader, reader.withThreads(2))) {
            CsvColumns a = rd.read(plain);
            CsvColumns b = rd.read(gz);
            assertArrayEquals(a.numbers("w"), b.numbers("w"), 0.0);
            assertArrayEquals(a.codes("s"), b.codes("s"));
            assertEquals("s.csv.gz", b.name());
        }
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(z, z.length / 2));
        String m1 = error(() -> reader.read(cut));
        assertNotNull(m1);
        assertTrue(m1.startsWith("cut.csv.gz, line "), m1);
        assertTrue(m1.contains("the gzip file is truncated or corrupt"), m1);
        assertEquals(m1, error(() -> reader.withThreads(2).read(cut)));
        String missing = error(() -> reader.read(dir.resolve("nope.csv")));
        assertTrue(missing.contains("no such file"), missing);
    }

    @Test
    void sameColumnsForEveryThreadCountOnALargerFile() {
        SplittableRandom r = new SplittableRandom(3);
        String csv = randomCsv(r, 5, 30_000, true);
        List<String> names = List.of("c0", "c1", "c2", "c3", "c4");
        CsvReader base = all(CsvReader.withDefaults().withChunkSize(1 << 14), names, true);
        CsvColumns one = read(base, csv);
        for (int threads = 2; threads <= 4; threads++) {
            CsvColumns more = read(base.withThreads(threads), csv);
            for (String n : names) {
                assertArrayEquals(one.codes(n), more.codes(n));
                assertEquals(one.levels(n), more.levels(n));
                assertEquals(error(() -> one.numbers(n)), error(() -> more.numbers(n)));
            }
        }
        List<String> some = new ArrayList<>(names);
        assertSameAsOld(csv, CsvInput.withDefaults(), CsvReader.withDefaults().withChunkSize(1 << 12));
        assertFalse(some.isEmpty());
    }

    @Test
    void configurationIsCheckedAndPrinted() {
        assertThrows(PrevalenceException.class, () -> CsvReader.withDefaults().withThreads(-1));
        assertThrows(PrevalenceException.class, () -> CsvReader.withDefaults().withDelimiter('x'));
        assertThrows(PrevalenceException.class, () -> read(CsvReader.withDefaults(), "a\n1\n"));
        assertTrue(CsvReader.withDefaults().withColumn("a", CsvReader.Kind.NUMBER).toString().contains("a=NUMBER"));
    }
}
