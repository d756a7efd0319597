package org.prevalence.regional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.CsvColumns;
import org.prevalence.core.io.CsvInput;
import tech.tablesaw.api.Table;

/**
 * The regional readers give the same result, bit for bit, from a Tablesaw table ({@code fromTable},
 * {@link CaseFile#read(Table)}) and from the columns of a CSV file read without a table
 * ({@code fromColumns}), for 1 and 2 reader threads and for a file split into many parts; and
 * refuse the same bad cell with the same message, the CSV path adding the file's line.
 */
class RegionalColumnsTest {
    private static final CsvInput IN = CsvInput.withDefaults().withMissingValues("", "NA", "n/a");
    private static final String[] FORMS = {"state-imposed", "forced labour exploitation",
        "Forced Commercial Sexual Exploitation"};

    /** The table paths: Tablesaw's own reader, and the CsvReader columns made into a table. */
    private static List<Table> tables(String csv) {
        return List.of(IN.read(csv, "f.csv"), IN.columns(stream(csv), "f.csv").toTable());
    }

    /** The columns paths: 1 and 2 threads, and 2 threads on 4 KB chunks (many parts). */
    private static List<CsvColumns> columns(String csv, Function<List<String>, CsvInput> reading) {
        List<String> header = IN.header(tempFile(csv));
        CsvInput in = reading.apply(header);
        return List.of(in.withThreads(1).columns(stream(csv), "f.csv"), in.withThreads(2).columns(stream(csv), "f.csv"),
                in.reader().withThreads(2).withChunkSize(4096).read(stream(csv), "f.csv"));
    }

    private static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static java.nio.file.Path tempFile(String csv) {
        try {
            java.nio.file.Path p = java.nio.file.Files.createTempFile("regional", ".csv");
            p.toFile().deleteOnExit();
            java.nio.file.Files.writeString(p, csv);
            return p;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A seeded case file: comments, blank lines, quoted cells with commas and line breaks, NA tokens. */
    static String caseFile(SplittableRandom r, int n) {
        List<String> regions = RegionEdition.ILO_2012.regions();
        StringBuilder sb = new StringBuilder("case_id,team_a,team_b,country,region,form,victims,start_date,end_date,note\n");
        for (int i = 0; i < n; i++) {
            if (r.nextInt(50) == 0) {
                sb.append("# checked by the team\n");
            }
            if (r.nextInt(80) == 0) {
                sb.append('\n');
            }
            int reg = r.nextInt(regions.size());
            int pattern = 1 + r.nextInt(3);
            long start = 11000 + r.nextInt(5000);
            long end = start + r.nextInt(900);
            String region = regions.get(reg);
            sb.append("case-").append(i).append(',').append(pattern & 1).append(',').append(pattern >> 1).append(',')
                    .append("country ").append(reg).append('-').append(r.nextInt(5)).append(',')
                    .append(region.contains(",") || r.nextInt(10) == 0 ? "\"" + region + "\"" : region).append(',')
                    .append(FORMS[r.nextInt(FORMS.length)]).append(',')
                    .append(r.nextInt(10) == 0 ? r.nextInt(500) + ".0" : Integer.toString(r.nextInt(500))).append(',')
                    .append(java.time.LocalDate.ofEpochDay(start)).append(',')
                    .append(java.time.LocalDate.ofEpochDay(end)).append(',')
                    .append(r.nextInt(6) == 0 ? "\"seen, twice\nby both\"" : r.nextInt(4) == 0 ? "NA" : "ok").append('\n');
        }
        return sb.toString();
    }

    private static void assertSame(CaseData a, CaseData b, String what) {
        assertEquals(a.sources, b.sources, what);
        assertEquals(a.edition, b.edition, what);
        assertArrayEquals(a.caseIds, b.caseIds, what);
        assertArrayEquals(a.pattern, b.pattern, what);
        assertArrayEquals(a.country, b.country, what);
        assertArrayEquals(a.region, b.region, what);
        assertArrayEquals(a.form, b.form, what);
        assertArrayEquals(a.victims, b.victims, what);
        assertArrayEquals(a.start, b.start, what);
        assertArrayEquals(a.end, b.end, what);
    }

    @Test
    void casesAreTheSameFromATableAndFromColumns() {
        SplittableRandom r = new SplittableRandom(2012);
        CaseFile file = CaseFile.withDefaults();
        for (int f = 0; f < 4; f++) {
            String csv = caseFile(r, 300 + 1500 * f);
            CaseData want = file.read(IN.read(csv, "f.csv"));
            assertEquals(300 + 1500 * f, want.size());
            for (Table t : tables(csv)) {
                assertSame(want, file.read(t), "file " + f + " table");
            }
            for (CsvColumns c : columns(csv, h -> file.reading(IN, h))) {
                assertEquals(List.of("case_id", "team_a", "team_b", "country", "region", "form", "victims",
                        "start_date", "end_date"), c.headerNames().subList(0, 9));
                assertTrue(!c.has("note"), "a column no role names is not read");
                assertSame(want, file.read(c), "file " + f + " " + c);
            }
        }
        // the pipeline on both: the same figures, bit for bit
        String csv = caseFile(r, 2000);
        Populations pops = Populations.fromTable(RegionEdition.ILO_2012, IN.read(populationFile(), "p.csv"));
        ReportedCasePipeline p = ReportedCasePipeline.withDefaults().with(NoOverlap.EXCLUDE).withReplicates(100).withSeed(5);
        ReferenceWindow w = ReferenceWindow.parse("2002-01-01:2011-12-31");
        ReportedCasePipeline.Result a = p.estimate(file.read(IN.read(csv, "f.csv")), pops, w);
        for (CsvColumns c : columns(csv, h -> file.reading(IN, h))) {
            ReportedCasePipeline.Result b = p.estimate(file.read(c), pops, w);
            assertEquals(Double.doubleToLongBits(a.getWorld().getEstimate()),
                    Double.doubleToLongBits(b.getWorld().getEstimate()), "world");
            assertEquals(Double.doubleToLongBits(a.getWorld().getUpper95()),
                    Double.doubleToLongBits(b.getWorld().getUpper95()), "world upper 95");
            assertEquals(a.getRegions().toString(), b.getRegions().toString());
        }
    }

    private static String populationFile() {
        StringBuilder sb = new StringBuilder("region,population\n");
        for (String reg : RegionEdition.ILO_2012.regions()) {
            sb.append('"').append(reg).append("\",").append(1_000_000 + reg.length()).append('\n');
        }
        return sb.toString();
    }

    /** The message of the error, or "ok". */
    private static String outcome(Runnable call) {
        try {
            call.run();
            return "ok";
        } catch (PrevalenceException e) {
            return e.getMessage();
        }
    }

    /** The table path's message, and the columns path's message with its line taken out, agree; the line is right. */
    private static void assertSameError(String csv, Function<Table, Object> fromTable, Function<CsvColumns, Object> fromColumns,
                                        Function<List<String>, CsvInput> reading, long line, String... words) {
        String want = outcome(() -> fromTable.apply(IN.read(csv, "f.csv")));
        for (String w : words) {
            assertTrue(want.contains(w), want + " should say " + w);
        }
        for (Table t : tables(csv)) {
            assertEquals(want, outcome(() -> fromTable.apply(t)));
        }
        for (CsvColumns c : columns(csv, reading)) {
            String got = outcome(() -> fromColumns.apply(c));
            String lineNamed = " (f.csv, line " + line + ")";
            assertTrue(line < 0 || got.contains("line " + line + ")") || got.contains("f.csv, line " + line + ", "),
                    got + " should name line " + line);
            assertEquals(want, got.replace(lineNamed, "").replaceFirst("f\\.csv, line \\d+, ", "f.csv, "), c.toString());
        }
    }

    @Test
    void badCasesAreRefusedAlikeNamingTheLine() {
        String h = "case_id,team_a,team_b,country,region,form,victims,start_date,end_date\n";
        String ok = "c1,1,0,Ghana,Africa,forced labour exploitation,10,2002-01-01,2002-12-31\n"
                + "# a comment\n\"c2\",1,1,\"Gha\nna\",Africa,forced labour exploitation,2,2003-01-01,2003-01-10\n";
        CaseFile file = CaseFile.withDefaults();
        Function<Table, Object> t = file::read;
        Function<CsvColumns, Object> c = file::read;
        Function<List<String>, CsvInput> rd = x -> file.reading(IN, x);
        // rows 1-2 take lines 2, 4-5 (the comment is line 3); row 3 is on line 6
        String last = "c3,1,1,Mali,Africa,forced labour exploitation,";
        assertSameError(h + ok + last + "-4,2002-01-01,2002-12-31\n", t, c, rd, 6, "Row 3", "victims");
        assertSameError(h + ok + last + "4,2002-01-01,2001-12-31\n", t, c, rd, 6, "Row 3", "end date");
        assertSameError(h + ok + last + "4,2002-13-01,2002-12-31\n", t, c, rd, 6, "row 3", "ISO date");
        assertSameError(h + ok + last + "4,NA,2002-12-31\n", t, c, rd, 6, "row 3", "missing");
        assertSameError(h + ok + last + "many,2002-01-01,2002-12-31\n", t, c, rd, 6, "row 3", "not a number");
        // row 3 (line 6) with one bad cell each, and the words its message has
        String[][] bad = {
            {"c3,2,1,Mali,Africa,forced labour exploitation", "0 or 1"},
            {"c3,0,0,Mali,Africa,forced labour exploitation", "none of the sources"},
            {"c1,1,1,Mali,Africa,forced labour exploitation", "also on row 1"},
            {"c3,1,1,Mali,Narnia,forced labour exploitation", "unknown region"},
            {"c3,1,1,Mali,Africa,begging", "unknown form"},
            {"c3,1,1,Ghana,Middle East,begging", "row 1 puts it in"}};
        for (String[] b : bad) {
            assertSameError(h + ok + b[0] + ",4,2002-01-01,2002-12-31\n", t, c, rd, 6, "Row 3", b[1]);
        }
        // a column the file lacks: the same message on both paths
        assertSameError(h.replace(",victims", ",n_victims") + ok, t, c, rd, -1, "no column 'victims'");
    }

    @Test
    void nationalPopulationCovariateAndEditionFilesAlike() {
        String nat = "country,region,population,prevalence,se,note\n"
                + "a,Africa,1000,0.01,0.002,x\n# comment\nb,\"Americas\",2500.5,NA,NA,\"two\nlines\"\n"
                + "c,Arab States,300,0.25,0.05,\nd,Africa,50,0,0.001,y\n";
        RegionEdition ge = RegionEdition.GLOBAL_ESTIMATES;
        NationalData want = NationalData.fromTable(ge, IN.read(nat, "f.csv"));
        for (CsvColumns c : columns(nat, h -> NationalData.reading(IN, h))) {
            NationalData got = NationalData.fromColumns(ge, c);
            assertArrayEquals(want.country, got.country);
            assertArrayEquals(want.region, got.region);
            assertArrayEquals(want.population, got.population);
            assertArrayEquals(want.prevalence, got.prevalence);
            assertArrayEquals(want.se, got.se);
        }
        assertSameError(nat + "e,Americas,10,1.5,0.1,\n", x -> NationalData.fromTable(ge, x),
                x -> NationalData.fromColumns(ge, x), h -> NationalData.reading(IN, h), 8, "Row 5", "[0, 1]");
        assertSameError(nat + "a,Americas,10,0.1,0.1,\n", x -> NationalData.fromTable(ge, x),
                x -> NationalData.fromColumns(ge, x), h -> NationalData.reading(IN, h), 8, "Row 5", "also on row 1");

        String pop = "country,population\nk1,100\n# c\nk2,250\nk3,7\n";
        String reg = "country,region\nk1,North\nk2,South\nk3,North\n";
        RegionEdition ed = RegionEdition.fromTable("mine", IN.read(reg, "r.csv"));
        for (CsvColumns c : columns(reg, h -> RegionEdition.reading(IN, h))) {
            RegionEdition got = RegionEdition.fromColumns("mine", c);
            assertEquals(ed.toString(), got.toString());
            assertEquals(ed.regionOfCountry("k3"), got.regionOfCountry("k3"));
        }
        Populations pw = Populations.fromTable(ed, IN.read(pop, "f.csv"));
        for (CsvColumns c : columns(pop, h -> Populations.reading(IN, h))) {
            Populations pg = Populations.fromColumns(ed, c);
            for (int i = 0; i < ed.regions().size(); i++) {
                assertEquals(Double.doubleToLongBits(pw.of(i)), Double.doubleToLongBits(pg.of(i)));
                assertEquals(pw.rowsOf(i), pg.rowsOf(i));
            }
        }
        assertSameError(pop + "k4,-3\n", x -> Populations.fromTable(ed, x), x -> Populations.fromColumns(ed, x),
                h -> Populations.reading(IN, h), 6, "Row 4", "must be > 0");
        assertSameError(reg + "k1,South\n", x -> RegionEdition.fromTable("mine", x),
                x -> RegionEdition.fromColumns("mine", x), h -> RegionEdition.reading(IN, h), 5, "Row 4", "row 1 puts it");

        String cov = "country,gdp,label,conflict\nk1,1.5,a,0\n# c\nk2,2.5,b,1\nk3,NA,c,0\n";
        Covariates cw = Covariates.fromTable(IN.read(cov, "f.csv"), null);
        for (CsvColumns c : columns(cov, h -> IN)) {
            Covariates cg = Covariates.fromColumns(c, null);
            assertEquals(cw.names(), cg.names());
            assertEquals(List.of("gdp", "conflict"), cg.names());
            for (String k : List.of("k1", "k2")) {
                assertArrayEquals(cw.of(k), cg.of(k));
            }
            assertEquals(outcome(() -> cw.of("k3")), outcome(() -> cg.of("k3")));
        }
        assertSameError(cov + "k1,3,d,0\n", x -> Covariates.fromTable(x, null), x -> Covariates.fromColumns(x, null),
                h -> IN, 6, "Row 4", "also on row 1");
        assertSameError(cov + "k9,lots,d,0\n", x -> Covariates.fromTable(x, null),
                x -> Covariates.fromColumns(x, null), h -> IN, 6, "row 4", "not a number");
    }
}
