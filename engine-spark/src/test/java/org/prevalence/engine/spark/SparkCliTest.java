package org.prevalence.engine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.cli.Prevalence;
import org.prevalence.core.Tolerance;
import org.prevalence.engine.duckdb.DuckDbFiles;
import picocli.CommandLine;

/**
 * {@code prevalence survey FILE.parquet --engine spark}: the engine found through ServiceLoader gives
 * every JSON figure of {@code --engine memory} to 1e-9 relative (SDR replicate weights by domain, and
 * linearization); an unreachable {@code --master} and a mistyped Parquet column are errors with exit code 2.
 */
class SparkCliTest {
    @TempDir
    static Path dir;
    private static Path parquet;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Prevalence.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void writeFile() {
        Run r = run("datasets", "pums", dir.resolve("p").toString(), "--rows", "3000", "--seed", "7", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        parquet = dir.resolve("p").resolve("pums.parquet");
    }

    @AfterEach
    void noMaster() {
        System.clearProperty("spark.master");
    }

    private static JsonNode json(String... args) throws Exception {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        a.addAll(List.of("--format", "json", "--threads", "1"));
        Run r = run(a.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static void assertSameJson(JsonNode a, JsonNode b) {
        assertEquals(a.get("variance").asText(), b.get("variance").asText());
        for (String k : List.of("rows", "weights_sum")) {
            Tolerance.assertRelative(a.get("design").get(k).asDouble(), b.get("design").get(k).asDouble(), 1e-9, k);
        }
        JsonNode ea = a.get("estimates");
        JsonNode eb = b.get("estimates");
        assertEquals(ea.size(), eb.size());
        for (int i = 0; i < ea.size(); i++) {
            assertEquals(ea.get(i).get("domain"), eb.get(i).get("domain"));
            for (String k : List.of("estimate", "se", "lower", "upper", "n", "df")) {
                Tolerance.assertRelative(ea.get(i).get(k).asDouble(), eb.get(i).get(k).asDouble(), 1e-9,
                        k + " of " + ea.get(i).get("domain"));
            }
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void sdrTotalsByDomainOnSparkEqualTheInJvmPath() throws Exception {
        String[] base = {"survey", parquet.toString(), "--weights", "PWGTP", "--replicate-type", "sdr",
            "--replicate-weights", "PWGTP", "--total", "employed", "--mse", "--by", "REGION"};
        JsonNode spark = json(concat(base, "--engine", "spark"));
        assertSameJson(json(concat(base, "--engine", "memory")), spark);
        assertEquals("sdr", spark.get("variance").asText());
        assertTrue(spark.get("estimates").size() >= 2, "one estimate per region");
    }

    @Test
    void linearizedMeanOnSparkEqualsTheInJvmPath() throws Exception {
        String[] base = {"survey", parquet.toString(), "--weights", "PWGTP", "--strata", "STRATUM", "--cluster", "PSU",
            "--mean", "WAGP", "--by", "SEX", "--master", "local[1]"};
        assertSameJson(json(concat(base, "--engine", "memory")), json(concat(base, "--engine", "spark")));
    }

    @Test
    void unreachableMasterIsAnErrorWithinSeconds() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        Run r = run("survey", parquet.toString(), "--weights", "PWGTP", "--cluster", "PSU", "--total", "employed",
                "--engine", "spark", "--master", "spark://127.0.0.1:" + port);
        assertTrue((System.nanoTime() - t0) / 1e9 < 10, "within seconds");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("spark://127.0.0.1:" + port) && r.err().contains("cannot be reached"), r.err());
    }

    @Test
    void mistypedParquetColumnIsNamed() {
        Path bad = dir.resolve("bad.parquet");
        DuckDbFiles.execute("COPY (SELECT * REPLACE (CAST(PWGTP AS VARCHAR) AS PWGTP) FROM read_parquet('" + parquet
                + "')) TO '" + bad + "' (FORMAT parquet)", 1, "256MB", bad);
        Run r = run("survey", bad.toString(), "--weights", "PWGTP", "--cluster", "PSU", "--total", "employed",
                "--engine", "spark");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("column 'PWGTP' holds text"), r.err());
    }
}
