package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.Tolerance;
import org.prevalence.network.rds.RdsBootstrap;
import org.prevalence.network.rds.RdsEstimator;
import org.prevalence.network.rds.RdsMethod;
import org.prevalence.network.rds.RdsSample;
import org.prevalence.network.rds.RdsTable;
import org.prevalence.core.io.CsvInput;
import tech.tablesaw.api.Table;

/** CLI tests for 'prevalence rds'; figures from R RDS 0.9-10 (estimators' rds-expected.csv). */
class RdsCommandTest {
    @TempDir
    Path dir;

    private Path faux() throws IOException {
        Path f = dir.resolve("fauxmadrona.csv");
        try (InputStream in = RdsCommandTest.class.getResourceAsStream("fauxmadrona.csv")) {
            Files.copy(in, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return f;
    }

    private CliTest.Run rds(Path f, String... more) {
        String[] base = {"rds", f.toString(), "--id", "id", "--recruiter", "recruiter", "--degree", "degree"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliTest.run(args);
    }

    @Test
    void rdsIiJsonMatchesR() throws Exception {
        CliTest.Run r = rds(faux(), "--outcome", "disease=1", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        // R: RDS.II.estimates(fauxmadrona, 'disease') = 0.164149290445
        Tolerance.assertRelative(0.164149290445, n.get("estimate").asDouble(), 1e-8, "RDS-II");
        assertTrue(n.get("se").isNull());
        assertTrue(n.get("interval").isNull());
        assertEquals(500, n.get("n").asInt());
        assertEquals(10, n.get("seeds").asInt());
        // a numeric outcome gives the same mean for a 0/1 variable
        JsonNode m = new ObjectMapper().readTree(rds(faux(), "--outcome", "disease", "--format", "json").out());
        Tolerance.assertRelative(0.164149290445, m.get("estimate").asDouble(), 1e-8, "mean");
    }

    @Test
    void rdsIAndBootstrapInterval() throws Exception {
        // R: RDS.I.estimates(d, factor(disease))['1'] = 0.15919809381
        CliTest.Run r = rds(faux(), "--outcome", "disease=1", "--estimator", "rds-i", "--interval", "bootstrap",
                "--replicates", "200", "--seed", "3", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        Tolerance.assertRelative(0.15919809381, n.get("estimate").asDouble(), 1e-8, "RDS-I");
        double se = n.get("se").asDouble();
        assertTrue(se > 0.005 && se < 0.05, "se " + se);
        JsonNode iv = n.get("interval");
        Tolerance.assertRelative(n.get("estimate").asDouble() - 1.959963985 * se, iv.get("lower").asDouble(), 1e-8,
                "lower = estimate - z se");
        assertEquals("wald", iv.get("method").asText());
        assertEquals(200, n.get("replicates").asInt());
        CliTest.Run table = rds(faux(), "--outcome", "disease=1", "--estimator", "rds-i", "--interval", "bootstrap",
                "--replicates", "200", "--seed", "3", "--threads", "1");
        assertTrue(table.out().contains("RDS-I estimate of the proportion disease=1: 0.1591981"), table.out());
        assertTrue(table.out().contains(Format4.of(se)), table.out() + " vs " + se);
        CliTest.Run csv = rds(faux(), "--outcome", "disease=1", "--format", "csv");
        assertTrue(csv.out().startsWith("estimator,outcome,level,estimate,se"), csv.out());
    }

    @Test
    void multiplierSize() throws Exception {
        CliTest.Run r = rds(faux(), "--outcome", "disease=1", "--multiplier", "120", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode m = new ObjectMapper().readTree(r.out()).get("multiplier");
        // closed form: M / p with p the RDS-II estimate 0.164149290445 (R)
        Tolerance.assertRelative(120 / 0.164149290445, m.get("estimate").asDouble(), 1e-8, "M / p");
        assertTrue(m.get("se").isNull());
        CliTest.Run b = rds(faux(), "--outcome", "disease=1", "--multiplier", "120", "--interval", "bootstrap",
                "--replicates", "100");
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("Multiplier: population size M / p = 120 / 0.1641493 = 731.04"), b.out());
        assertEquals(2, rds(faux(), "--outcome", "disease=1", "--multiplier", "0").code());
    }

    @Test
    void bottleneckByTreeMatchesR() throws Exception {
        CliTest.Run r = rds(faux(), "--outcome", "disease=1", "--bottleneck", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode b = new ObjectMapper().readTree(r.out()).get("bottleneck");
        // R 4.2.2, RDS 0.9-10: cumulative.estimate(fauxmadrona[get.seed.id(fauxmadrona) == 194, ], 'disease',
        // RDS.II.estimates), waves 0..5 (estimators' rds-bottleneck-expected.csv, rds_bottleneck.R)
        int[] n = {1, 3, 7, 15, 31, 62};
        double[] est = {1, 0.254237288136, 0.241718889884, 0.15684473028, 0.178419796, 0.126447006715};
        for (int k = 0; k < n.length; k++) {
            JsonNode row = b.get(k);
            assertEquals("194", row.get("seed").asText());
            assertEquals(k, row.get("wave").asInt());
            assertEquals(n[k], row.get("n").asInt());
            Tolerance.assertRelative(est[k], row.get("estimate").asDouble(), 1e-8, "wave " + k);
        }
        int total = 0;
        for (JsonNode row : b) {
            total += row.get("wave").asInt() == 0 ? 1 : 0;
        }
        assertEquals(10, total, "one tree per seed");
        CliTest.Run t = rds(faux(), "--outcome", "disease=1", "--bottleneck");
        assertTrue(t.out().contains("Bottleneck diagnostic"), t.out());
        assertTrue(t.out().contains("0.2542373"), t.out());
    }

    @Test
    void successiveSamplingNeedsThePopulation() throws Exception {
        Path f = faux();
        CliTest.Run none = rds(f, "--outcome", "disease=1", "--estimator", "ss");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("--population"), none.err());
        CliTest.Run small = rds(f, "--outcome", "disease=1", "--estimator", "ss", "--population", "400");
        assertEquals(2, small.code());
        assertTrue(small.err().contains("smaller than the sample size 500"), small.err());
        CliTest.Run ok = rds(f, "--outcome", "disease=1", "--estimator", "ss", "--population", "100000",
                "--format", "json");
        assertEquals(0, ok.code(), ok.err());
        // R: RDS.SS.estimates(d, 'disease', N = 100000) = 0.164149290445 (n/N below SS.infinity)
        Tolerance.assertRelative(0.164149290445, new ObjectMapper().readTree(ok.out()).get("estimate").asDouble(),
                1e-8, "SS");
    }

    @Test
    void successiveSamplingBootstrapIsGiles() throws Exception {
        CliTest.Run r = rds(faux(), "--outcome", "disease=1", "--estimator", "ss", "--population", "1000",
                "--interval", "bootstrap", "--replicates", "1000", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals("Gile SS bootstrap", n.get("bootstrap").asText());
        // R: mean over set.seed(1:5) of RDS.bootstrap.intervals(fauxmadrona, 'disease', "Gile's SS", 'Gile',
        // N = 1000, 1000 replicates, to.factor = TRUE) Std. Error = 0.0143468636845 and point 0.194575394989
        // (estimators' rds-gile-expected.csv); Monte Carlo tolerance 4 * SE / sqrt(2 * 999) * sqrt(1.2) and
        // 4 * 0.000295 (R's sd over 5 seeds) * sqrt(1.2)
        assertEquals(0.0143468636845, n.get("se").asDouble(), 4 * 0.0143468636845 / Math.sqrt(1998) * Math.sqrt(1.2));
        assertEquals(0.194575394989, n.get("estimate").asDouble(), 4 * 0.000295346918559 * Math.sqrt(1.2));
        CliTest.Run t = rds(faux(), "--outcome", "disease=1", "--estimator", "ss", "--population", "1000",
                "--interval", "bootstrap", "--replicates", "50");
        assertTrue(t.out().contains("Gile SS bootstrap: 50 of 50 replicates"), t.out());
    }

    @Test
    void badInputExitsTwoNamingTheRow() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "id,recruiter,degree,y\n1,seed,3,1\n2,1,4,0\n3,9,2,1\n");
        CliTest.Run r = rds(f, "--outcome", "y=1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Row 3 names a recruiter that is not an id"), r.err());
        Files.writeString(f, "who,by,k,y\n1,seed,3,1\n2,7,4,0\n");
        CliTest.Run named = CliTest.run("rds", f.toString(), "--id", "who", "--recruiter", "by", "--degree", "k",
                "--outcome", "y=1", "--verbose");
        assertEquals(2, named.code());
        assertTrue(named.err().contains("row 2, column 'by'"), named.err());
        Files.writeString(f, "id,recruiter,degree,y\n1,NA,3,1\n2,1,0,0\n");
        CliTest.Run z = rds(f, "--outcome", "y=1");
        assertEquals(2, z.code());
        assertTrue(z.err().contains("Row 2 has network degree 0"), z.err());
        Files.writeString(f, "id,recruiter,degree,y\n1,,3,1\n2,3,2,0\n3,2,2,1\n");
        CliTest.Run c = rds(f, "--outcome", "y=1");
        assertEquals(2, c.code());
        assertTrue(c.err().contains("recruitment cycle"), c.err());
        CliTest.Run col = rds(faux(), "--outcome", "nothere=1");
        assertEquals(2, col.code());
        assertTrue(col.err().contains("nothere"), col.err());
        CliTest.Run est = rds(faux(), "--outcome", "disease=1", "--estimator", "rds-iii");
        assertEquals(2, est.code());
    }

    /** The library's Salganik bootstrap on the same file, estimator and seed as the CLI. */
    private static RdsBootstrap.Result library(Path f, RdsMethod method, RdsBootstrap bootstrap) {
        Table t = CsvInput.withDefaults().read(f);
        RdsSample sample = RdsTable.sample(t, "id", "recruiter", "degree");
        RdsEstimator est = RdsEstimator.withDefaults().with(method).withSeed(3);
        return bootstrap.with(est).withReplicates(200).withSeed(3).estimate(sample, RdsTable.outcome(t, "disease", "1"));
    }

    private static void assertSameFigures(RdsBootstrap.Result expected, JsonNode n, String what) {
        // exact: the CLI calls the same seeded library procedure (bit-identical whatever the thread count)
        assertEquals(expected.getEstimate(), n.get("estimate").asDouble(), 0.0, what + " estimate");
        assertEquals(expected.getStandardError(), n.get("se").asDouble(), 0.0, what + " se");
        assertEquals(expected.getConfidenceInterval().lower(), n.get("interval").get("lower").asDouble(), 0.0,
                what + " lower");
        assertEquals(expected.getConfidenceInterval().upper(), n.get("interval").get("upper").asDouble(), 0.0,
                what + " upper");
        assertEquals(expected.getSucceeded(), n.get("replicates").asInt(), what + " replicates");
    }

    @Test
    void memberDrawUniformIsTheLibrarysUniformDraw() throws Exception {
        Path f = faux();
        for (RdsMethod method : new RdsMethod[] {RdsMethod.RDS_II, RdsMethod.RDS_I}) {
            String spelling = method == RdsMethod.RDS_II ? "rds-ii" : "rds-i";
            CliTest.Run r = rds(f, "--outcome", "disease=1", "--estimator", spelling, "--interval", "bootstrap",
                    "--member-draw", "uniform", "--replicates", "200", "--seed", "3", "--threads", "2",
                    "--format", "json");
            assertEquals(0, r.code(), r.err());
            JsonNode n = new ObjectMapper().readTree(r.out());
            RdsBootstrap.Result uniform = library(f, method,
                    RdsBootstrap.withDefaults().with(RdsBootstrap.MemberDraw.UNIFORM).withThreads(1));
            assertSameFigures(uniform, n, spelling + " uniform");
            assertEquals("uniform", n.get("member_draw").asText());
            assertEquals("Salganik bootstrap", n.get("bootstrap").asText());
            // the option took effect: the degree-proportional draw on the same seed gives another se
            RdsBootstrap.Result degree = library(f, method, RdsBootstrap.withDefaults().withThreads(1));
            assertTrue(degree.getStandardError() != uniform.getStandardError(), spelling);
        }
        CliTest.Run t = rds(f, "--outcome", "disease=1", "--interval", "bootstrap", "--member-draw", "uniform",
                "--replicates", "50");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("drawn uniformly"), t.out());
    }

    @Test
    void memberDrawDefaultIsDegreeAsBefore() throws Exception {
        Path f = faux();
        RdsBootstrap.Result degree = library(f, RdsMethod.RDS_II, RdsBootstrap.withDefaults().withThreads(1));
        CliTest.Run none = rds(f, "--outcome", "disease=1", "--interval", "bootstrap", "--replicates", "200",
                "--seed", "3", "--format", "json");
        assertEquals(0, none.code(), none.err());
        JsonNode n = new ObjectMapper().readTree(none.out());
        assertSameFigures(degree, n, "default");
        assertEquals("degree", n.get("member_draw").asText());
        CliTest.Run named = rds(f, "--outcome", "disease=1", "--interval", "bootstrap", "--replicates", "200",
                "--seed", "3", "--member-draw", "degree", "--format", "json");
        assertEquals(0, named.code(), named.err());
        assertSameFigures(degree, new ObjectMapper().readTree(named.out()), "--member-draw degree");
        // no bootstrap, or Gile's: no member_draw key
        assertTrue(new ObjectMapper().readTree(rds(f, "--outcome", "disease=1", "--format", "json").out())
                .get("member_draw") == null);
    }

    @Test
    void memberDrawIsRefusedWhereNoSalganikBootstrapRuns() throws Exception {
        Path f = faux();
        CliTest.Run noInterval = rds(f, "--outcome", "disease=1", "--member-draw", "uniform");
        assertEquals(2, noInterval.code());
        assertTrue(noInterval.err().contains("--member-draw") && noInterval.err().contains("--interval bootstrap"),
                noInterval.err());
        CliTest.Run ss = rds(f, "--outcome", "disease=1", "--estimator", "ss", "--population", "1000",
                "--interval", "bootstrap", "--member-draw", "uniform", "--replicates", "50");
        assertEquals(2, ss.code());
        assertTrue(ss.err().contains("--member-draw") && ss.err().contains("Gile"), ss.err());
        CliTest.Run bad = rds(f, "--outcome", "disease=1", "--interval", "bootstrap", "--member-draw", "iid");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("degree, uniform"), bad.err());
    }

    /** Format.number, as the table prints it. */
    private static final class Format4 {
        static String of(double x) {
            return org.prevalence.core.Format.number(x);
        }
    }
}
