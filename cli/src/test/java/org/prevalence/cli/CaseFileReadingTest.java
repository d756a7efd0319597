package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-row-per-case files of {@code mse} and {@code regional cases} (and the sample of
 * {@code survey}) are read by the column reader: each bad input of issue 24 is parsed correctly
 * (quoted line breaks, a byte-order mark, CRLF, no final newline, gzip) or refused naming the
 * file, the row, the line and the column, with the same output on one thread as on two. The files
 * are large enough (over 512 kB) for the reader to split them between two threads.
 */
class CaseFileReadingTest {
    @TempDir
    Path dir;

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(bo)) {
            g.write(b);
        }
        return bo.toByteArray();
    }

    /** One row per case: five lists, two covariates and a free-text note. */
    static List<String> mseRows(int n) {
        SplittableRandom r = new SplittableRandom(24);
        List<String> rows = new ArrayList<>();
        rows.add("A,B,C,D,E,sex,age,note");
        for (int i = 0; i < n; i++) {
            int mask = 1 + r.nextInt(31);
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < 5; j++) {
                sb.append((mask >> j) & 1).append(',');
            }
            sb.append(r.nextBoolean() ? "f" : "m").append(',').append(r.nextInt(5) == 0 ? "adult" : "child")
                    .append(",seen");
            rows.add(sb.toString());
        }
        return rows;
    }

    /** Writes the rows joined by {@code nl} (with a final newline) after an optional prefix. */
    Path write(String name, List<String> rows, String nl, String prefix, boolean finalNewline) throws IOException {
        String text = prefix + String.join(nl, rows) + (finalNewline ? nl : "");
        Path p = dir.resolve(name);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        Files.write(p, name.endsWith(".gz") ? gzip(b) : b);
        return p;
    }

    /** The run on one and on two threads, which must agree; returns the one-thread run. */
    static CliTest.Run both(List<String> args) {
        List<String> one = new ArrayList<>(args);
        one.addAll(List.of("--threads", "1"));
        List<String> two = new ArrayList<>(args);
        two.addAll(List.of("--threads", "2"));
        CliTest.Run a = CliTest.run(one.toArray(String[]::new));
        CliTest.Run b = CliTest.run(two.toArray(String[]::new));
        assertEquals(a.code(), b.code(), args + ": " + a.err() + " / " + b.err());
        assertEquals(a.out(), b.out(), args.toString());
        assertEquals(a.err(), b.err(), args.toString());
        return a;
    }

    static void assertRefused(CliTest.Run r, String... words) {
        assertEquals(2, r.code(), r.err() + r.out());
        String e = r.err().toLowerCase(Locale.ROOT);
        for (String w : words) {
            assertTrue(e.contains(w.toLowerCase(Locale.ROOT)), "'" + w + "' in: " + r.err());
        }
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void mseOneRowPerCaseFiles() throws IOException {
        List<String> rows = mseRows(60_000);
        Path base = write("m.csv", rows, "\n", "", true);
        assertTrue(Files.size(base) > 1_000_000);
        List<String> lists = List.of("--lists", "A,B,C,D,E");
        CliTest.Run ref = both(args("mse", base, lists));
        assertEquals(0, ref.code(), ref.err());
        // parsed as the plain file: CRLF, a byte-order mark, no final newline, quoted line breaks, gzip
        List<String> quoted = new ArrayList<>(rows);
        quoted.replaceAll(l -> l.endsWith(",seen") ? l.replace(",seen", ",\"seen\r\ntwice, \"\"q\"\"\"") : l);
        for (Path p : List.of(write("crlf.csv", rows, "\r\n", "", true), write("bom.csv", rows, "\n", "\uFEFF", true),
                write("nofinal.csv", rows, "\r\n", "", false), write("quoted.csv", quoted, "\n", "", true),
                write("m.csv.gz", quoted, "\r\n", "\uFEFF", false))) {
            CliTest.Run r = both(args("mse", p, lists));
            assertEquals(0, r.code(), p + ": " + r.err());
            assertEquals(norm(ref.out(), "m.csv"), norm(r.out(), p.getFileName().toString()), p.toString());
        }
        // refused, naming the file, the row, the line and the column
        List<String> ragged = new ArrayList<>(quoted);
        ragged.set(40_000, "1,0,1,0");
        assertRefused(both(args("mse", write("ragged.csv", ragged, "\n", "", true), lists)),
                "ragged.csv, row 40000 (line 80000)", "4 cells, but the header has 8 columns");
        List<String> open = new ArrayList<>(rows);
        open.set(50_000, "1,0,0,0,0,f,child,\"never closed");
        assertRefused(both(args("mse", write("open.csv", open, "\n", "", true), lists)),
                "open.csv, row 50000 (line 50001)", "unterminated quote");
        assertRefused(both(args("mse", base, List.of("--lists", "A,B,X"))), "no column 'X' in 'm.csv'",
                "its columns are [A, B, C, D, E, sex, age, note]");
        List<String> text = new ArrayList<>(rows);
        text.set(30_000, "1,0,0,x,0,f,child,seen");
        assertRefused(both(args("mse", write("text.csv", text, "\n", "", true), lists)),
                "text.csv, line 30001, row 30000, column 'D' is not a number");
        Path cut = dir.resolve("cut.csv.gz");
        byte[] z = Files.readAllBytes(dir.resolve("m.csv.gz"));
        Files.write(cut, Arrays.copyOf(z, z.length / 2));
        assertRefused(both(args("mse", cut, lists)), "cut.csv.gz, line ", "the gzip file is truncated or corrupt");
        // the covariate mode reads the case rows through the same reader
        List<String> cov = List.of("--lists", "A,B,C,D,E", "--covariates", "sex", "--max", "main");
        CliTest.Run c0 = both(args("mse", base, cov));
        assertEquals(0, c0.code(), c0.err());
        CliTest.Run c1 = both(args("mse", dir.resolve("m.csv.gz"), cov));
        assertEquals(norm(c0.out(), "m.csv"), norm(c1.out(), "m.csv.gz"));
        assertRefused(both(args("mse", write("ragged2.csv", ragged, "\n", "", true), cov)), "row 40000 (line 80000)");
    }

    /** The output with the file's name taken out, and the column rules and padding that depend on its length. */
    static String norm(String out, String fileName) {
        return out.replace(fileName, "X").replaceAll("-+", "-").replaceAll(" +", " ");
    }

    static List<String> args(String command, Path file, List<String> more) {
        List<String> a = new ArrayList<>(List.of(command, file.toString()));
        a.addAll(more);
        return a;
    }

    @Test
    void regionalCaseFiles() throws IOException {
        assertEquals(0, CliTest.run("datasets", "world", dir.toString(), "--seed", "7").code());
        Path cases = dir.resolve("cases.csv");
        List<String> rows = new ArrayList<>(Files.readAllLines(cases));
        // enlarge the file past 512 kB with a free-text column holding quoted line breaks
        int n = rows.size();
        rows.set(0, rows.get(0) + ",note");
        for (int i = 1; i < n; i++) {
            rows.set(i, rows.get(i) + ",\"" + "seen by the team,\r\n".repeat(8) + "\"\"ok\"\"\"");
        }
        List<String> more = List.of("--population", dir.resolve("population.csv").toString(), "--window",
                "2002-01-01:2011-12-31", "--replicates", "20", "--seed", "7", "--format", "csv");
        CliTest.Run ref = both(withSub(cases, more));
        assertEquals(0, ref.code(), ref.err());
        Path big = write("big.csv", rows, "\n", "", true);
        assertTrue(Files.size(big) > 600_000, "size " + Files.size(big));
        for (Path p : List.of(big, write("big-crlf.csv", rows, "\r\n", "\uFEFF", false),
                write("big.csv.gz", rows, "\n", "\uFEFF", true))) {
            CliTest.Run r = both(withSub(p, more));
            assertEquals(0, r.code(), p + ": " + r.err());
            assertEquals(ref.out(), r.out(), p.toString());
        }
        List<String> ragged = new ArrayList<>(rows);
        ragged.set(n - 3, "C9,1,0");
        assertRefused(both(withSub(write("ragged.csv", ragged, "\n", "", true), more)),
                "ragged.csv, row " + (n - 3) + " (line ", "3 cells, but the header has");
        List<String> open = new ArrayList<>(rows);
        open.set(n - 1, open.get(n - 1).substring(0, open.get(n - 1).length() - 1) + "x");
        assertRefused(both(withSub(write("open.csv", open, "\n", "", true), more)), "open.csv, row " + (n - 1),
                "unterminated quote");
        List<String> renamed = new ArrayList<>(rows);
        renamed.set(0, renamed.get(0).replace("victims", "Victims"));
        assertRefused(both(withSub(write("renamed.csv", renamed, "\n", "", true), more)), "column 'victims'");
        Path cut = dir.resolve("cut.csv.gz");
        byte[] z = Files.readAllBytes(dir.resolve("big.csv.gz"));
        Files.write(cut, Arrays.copyOf(z, z.length / 2));
        assertRefused(both(withSub(cut, more)), "cut.csv.gz, line ", "the gzip file is truncated or corrupt");
    }

    static List<String> withSub(Path cases, List<String> more) {
        List<String> a = new ArrayList<>(List.of("regional", "cases", cases.toString()));
        a.addAll(more);
        return a;
    }

    @Test
    void surveyReadsGzipOnEveryPath() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        List<String> rows = new ArrayList<>(List.of("stratum,psu,w,y"));
        for (int i = 0; i < 40_000; i++) {
            int h = r.nextInt(10);
            rows.add("S" + h + "," + (h * 100 + r.nextInt(20)) + "," + (1 + r.nextInt(9)) + "," + r.nextDouble());
        }
        Path plain = write("s.csv", rows, "\n", "", true);
        Path gz = write("s.csv.gz", rows, "\r\n", "\uFEFF", false);
        List<String> design = List.of("--strata", "stratum", "--cluster", "psu", "--weights", "w", "--mean", "y");
        CliTest.Run a = both(args("survey", plain, design));
        assertEquals(0, a.code(), a.err());
        assertEquals(norm(a.out(), "s.csv"), norm(both(args("survey", gz, design)).out(), "s.csv.gz"));
        // the whole-table path (replicate weights, post-stratification) reads gzip as well
        Path pop = dir.resolve("pop.csv");
        StringBuilder sb = new StringBuilder("stratum,Freq\n");
        for (int h = 0; h < 10; h++) {
            sb.append('S').append(h).append(",5000\n");
        }
        Files.writeString(pop, sb);
        List<String> post = new ArrayList<>(design);
        post.addAll(List.of("--poststratify", "stratum=" + pop));
        CliTest.Run p0 = both(args("survey", plain, post));
        assertEquals(0, p0.code(), p0.err());
        assertEquals(norm(p0.out(), "s.csv"), norm(both(args("survey", gz, post)).out(), "s.csv.gz"));
        Path cut = dir.resolve("cut.csv.gz");
        byte[] z = Files.readAllBytes(gz);
        Files.write(cut, Arrays.copyOf(z, z.length / 2));
        assertRefused(both(args("survey", cut, design)), "cut.csv.gz, line ", "truncated or corrupt");
    }
}
