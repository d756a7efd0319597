package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.Tolerance;
import org.prevalence.engine.duckdb.DuckDbFiles;

/**
 * {@code survey --engine}: the DuckDB engine over Parquet gives what the in-JVM path gives on the same
 * file (1e-9 relative, every JSON figure), for SDR replicate weights and for linearization; bad input
 * is an error naming the column or option, exit code 2.
 */
class SurveyEngineCommandTest {
    @TempDir
    static Path dir;
    private static Path parquet;
    private static Path csv;

    @BeforeAll
    static void writeFiles() {
        CliTest.Run r = CliTest.run("datasets", "pums", dir.resolve("p").toString(), "--rows", "4000", "--seed", "5",
                "--threads", "1");
        assertEquals(0, r.code(), r.err());
        parquet = dir.resolve("p").resolve("pums.parquet");
        CliTest.Run c = CliTest.run("datasets", "pums", dir.resolve("c").toString(), "--rows", "4000", "--seed", "5",
                "--format", "csv", "--threads", "1");
        assertEquals(0, c.code(), c.err());
        csv = dir.resolve("c").resolve("pums.csv");
    }

    private static JsonNode json(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--format", "json", "--threads", "1"));
        CliTest.Run r = CliTest.run(a.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static void assertSameJson(JsonNode a, JsonNode b) {
        assertEquals(a.get("variance").asText(), b.get("variance").asText());
        for (String k : List.of("rows", "strata", "psus", "weights_sum")) {
            Tolerance.assertRelative(a.get("design").get(k).asDouble(), b.get("design").get(k).asDouble(), 1e-9, k);
        }
        JsonNode ea = a.get("estimates");
        JsonNode eb = b.get("estimates");
        assertEquals(ea.size(), eb.size());
        for (int i = 0; i < ea.size(); i++) {
            assertEquals(ea.get(i).get("domain"), eb.get(i).get("domain"));
            assertEquals(ea.get(i).get("variable"), eb.get(i).get("variable"));
            for (String k : List.of("estimate", "se", "lower", "upper", "deff", "n", "df", "dropped")) {
                Tolerance.assertRelative(ea.get(i).get(k).asDouble(), eb.get(i).get(k).asDouble(), 1e-9,
                        k + " of " + ea.get(i).get("domain"));
            }
        }
    }

    @Test
    void sdrTotalsOnDuckDbEqualTheInJvmPath() throws Exception {
        String[] base = {"survey", parquet.toString(), "--weights", "PWGTP", "--replicate-type", "sdr",
            "--replicate-weights", "PWGTP", "--total", "employed"};
        JsonNode mem = json(concat(base, "--engine", "memory"));
        JsonNode duck = json(concat(base, "--engine", "duckdb"));
        assertSameJson(mem, duck);
        assertEquals("sdr", duck.get("variance").asText());
        assertTrue(duck.get("estimates").get(0).get("df").asInt() >= 70, "80 replicates (PWGTP itself excluded)");
        assertSameJson(json(concat(base, "--engine", "memory", "--mse", "--by", "REGION,SEX")),
                json(concat(base, "--engine", "duckdb", "--mse", "--by", "REGION,SEX")));
    }

    @Test
    void linearizationAndOtherStatisticsOnDuckDb() throws Exception {
        String[] design = {"survey", parquet.toString(), "--weights", "PWGTP", "--strata", "STRATUM", "--cluster",
            "PSU"};
        for (String[] stat : List.of(new String[] {"--mean", "WAGP", "--by", "AGEGRP"},
                new String[] {"--ratio", "WAGP/employed", "--by", "REGION"},
                new String[] {"--proportion", "employed", "--by", "SEX"},
                new String[] {"--total", "employed,AGEP"})) {
            assertSameJson(json(concat(concat(design, stat), "--engine", "memory")),
                    json(concat(concat(design, stat), "--engine", "duckdb")));
        }
    }

    @Test
    void glmOnDuckDbEqualsTheInJvmFit() throws Exception {
        String[] lin = {"survey", parquet.toString(), "--weights", "PWGTP", "--strata", "STRATUM", "--cluster", "PSU"};
        String[] sdr = {"survey", parquet.toString(), "--weights", "PWGTP", "--replicate-type", "sdr",
            "--replicate-weights", "PWGTP"};
        for (String[] design : List.of(lin, sdr)) {
            for (String[] model : List.of(new String[] {"--glm", "employed ~ AGEP", "--family", "binomial"},
                    new String[] {"--glm", "WAGP ~ AGEP + employed"})) {
                JsonNode mem = json(concat(concat(design, model), "--engine", "memory"));
                JsonNode duck = json(concat(concat(design, model), "--engine", "duckdb"));
                assertEquals(mem.get("variance").asText(), duck.get("variance").asText());
                for (String k : List.of("rows", "strata", "psus", "weights_sum")) {
                    Tolerance.assertRelative(mem.get("design").get(k).asDouble(), duck.get("design").get(k).asDouble(),
                            1e-9, k);
                }
                for (String k : List.of("n", "df", "dropped", "deviance")) {
                    Tolerance.assertRelative(mem.get("model").get(k).asDouble(), duck.get("model").get(k).asDouble(),
                            1e-9, k);
                }
                JsonNode ta = mem.get("terms");
                JsonNode tb = duck.get("terms");
                assertEquals(ta.size(), tb.size());
                for (int i = 0; i < ta.size(); i++) {
                    assertEquals(ta.get(i).get("term"), tb.get(i).get("term"));
                    for (String k : List.of("estimate", "se", "statistic", "lower", "upper", "df")) {
                        Tolerance.assertRelative(ta.get(i).get(k).asDouble(), tb.get(i).get(k).asDouble(), 1e-9,
                                k + " of " + ta.get(i).get("term"));
                    }
                }
            }
        }
        assertError("'AGEGRP'", concat(lin, "--glm", "employed ~ AGEGRP", "--engine", "duckdb"));
        assertError("--contrast", concat(lin, "--glm", "employed ~ AGEP", "--contrast", "AGEP=1", "--engine", "duckdb"));
    }

    @Test
    void calibrationOnDuckDbEqualsTheInJvmPath() throws Exception {
        // population counts 10% above the sample's weighted counts per stratum and sex
        tech.tablesaw.api.Table t = DuckDbFiles.readTable(parquet, List.of("STRATUM", "SEX", "PWGTP"), 1);
        java.util.Map<String, Double> strata = new java.util.TreeMap<>();
        java.util.Map<String, Double> sex = new java.util.TreeMap<>();
        double total = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            double w = t.doubleColumn("PWGTP").getDouble(i) * 1.1;
            strata.merge(t.column("STRATUM").getString(i), w, Double::sum);
            sex.merge(t.column("SEX").getString(i), w, Double::sum);
            total += w;
        }
        StringBuilder ps = new StringBuilder("STRATUM,Freq\n");
        strata.forEach((k, v) -> ps.append(k).append(',').append(v).append('\n'));
        Path psFile = dir.resolve("strata.csv");
        java.nio.file.Files.writeString(psFile, ps);
        StringBuilder cal = new StringBuilder("variable,level,total\n(Intercept),," + total + "\n");
        sex.forEach((k, v) -> cal.append("SEX,").append(k).append(',').append(v).append('\n'));
        Path calFile = dir.resolve("totals.csv");
        java.nio.file.Files.writeString(calFile, cal);
        String[] design = {"survey", parquet.toString(), "--weights", "PWGTP", "--strata", "STRATUM", "--cluster", "PSU"};
        for (String[] adj : List.of(new String[] {"--poststratify", "STRATUM=" + psFile},
                new String[] {"--calibrate", calFile.toString()},
                new String[] {"--calibrate", calFile.toString(), "--distance", "raking"})) {
            for (String[] stat : List.of(new String[] {"--total", "employed", "--by", "REGION"},
                    new String[] {"--mean", "WAGP"})) {
                assertSameJson(json(concat(concat(concat(design, adj), stat), "--engine", "memory")),
                        json(concat(concat(concat(design, adj), stat), "--engine", "duckdb")));
            }
        }
        assertError("--rake", concat(design, "--rake", psFile.toString(), "--total", "employed", "--engine", "duckdb"));
    }

    @Test
    void csvThroughDuckDbEqualsParquet() throws Exception {
        String[] a = {"--weights", "PWGTP", "--replicate-type", "sdr", "--replicate-weights", "PWGTP", "--mean", "AGEP",
            "--by", "REGION", "--engine", "duckdb"};
        assertSameJson(json(concat(new String[] {"survey", parquet.toString()}, a)),
                json(concat(new String[] {"survey", csv.toString()}, a)));
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static void assertError(String expected, String... args) {
        CliTest.Run r = CliTest.run(args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void badInputNamesTheColumnOrOption() throws Exception {
        String p = parquet.toString();
        assertError("'NOPE'", "survey", p, "--weights", "PWGTP", "--cluster", "PSU", "--total", "NOPE", "--engine", "duckdb");
        assertError("'NOPE'", "survey", p, "--weights", "NOPE", "--cluster", "PSU", "--total", "employed", "--engine",
                "duckdb");
        assertError("--quantile", "survey", p, "--weights", "PWGTP", "--cluster", "PSU", "--quantile", "AGEP:0.5",
                "--engine", "duckdb");
        assertError("spark engine is not on the class path", "survey", p, "--weights", "PWGTP", "--cluster", "PSU",
                "--total", "employed", "--engine", "spark");
        assertError("--engine is memory, duckdb or spark", "survey", p, "--weights", "PWGTP", "--total", "employed",
                "--engine", "gpu");
        assertError("column 'AGEGRP' holds text", "survey", p, "--weights", "PWGTP", "--cluster", "PSU", "--total",
                "AGEGRP", "--engine", "duckdb");
        // a mistyped Parquet column: the weight stored as text
        Path bad = dir.resolve("bad.parquet");
        org.prevalence.engine.duckdb.DuckDbFiles.execute("COPY (SELECT * REPLACE (CAST(PWGTP AS VARCHAR) AS PWGTP) FROM "
                + "read_parquet('" + p + "')) TO '" + bad + "' (FORMAT parquet)", 1, "256MB", bad);
        assertError("column 'PWGTP' holds text", "survey", bad.toString(), "--weights", "PWGTP", "--cluster", "PSU",
                "--total", "employed", "--engine", "duckdb");
        // replicate columns that do not match the prefix's numbering: PWGTP7 dropped
        Path gap = dir.resolve("gap.parquet");
        DuckDbFiles.execute("COPY (SELECT * EXCLUDE (PWGTP7) FROM read_parquet('" + p + "')) TO '" + gap
                + "' (FORMAT parquet)", 1, "256MB", gap);
        for (String engine : List.of("duckdb", "memory")) {
            assertError("'PWGTP7' is missing", "survey", gap.toString(), "--weights", "PWGTP", "--replicate-type", "sdr",
                    "--replicate-weights", "PWGTP", "--total", "employed", "--engine", engine);
        }
        assertError("No column name starts with 'REPW'", "survey", p, "--weights", "PWGTP", "--replicate-weights",
                "REPW", "--total", "employed", "--engine", "duckdb");
        assertError("rscales has 3 values for 80 replicate columns", "survey", p, "--weights", "PWGTP",
                "--replicate-type", "jkn", "--replicate-weights", "PWGTP", "--rscales", "1,1,1", "--total", "employed",
                "--engine", "duckdb");
    }
}
