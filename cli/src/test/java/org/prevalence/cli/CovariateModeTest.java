package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.Tolerance;

/**
 * {@code prevalence mse --covariates}: the covariate mode's JSON contract and R's figure. The table is
 * own_c_absent_b.csv of the estimators' tests (lists A, B, C, covariate G; list C absent in level b); R:
 * search_sz(own, 1:3, C absent in G = b) in estimators' mse_reference.R gives the main-effects model alone,
 * N = 514.348212971, deviance 0.64417133032, df 5.
 */
class CovariateModeTest {
    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void copy() throws Exception {
        file = dir.resolve("own.csv");
        try (InputStream in = getClass().getResourceAsStream("covariate/own_c_absent_b.csv")) {
            Files.copy(in, file);
        }
    }

    @Test
    void jsonHasThePathSelectedAndDomainEstimates() throws Exception {
        CliTest.Run r = CliTest.run("mse", file.toString(), "--lists", "A,B,C", "--covariates", "G", "--absent",
                "C:G=b", "--by", "G", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        for (String k : List.of("method", "lists", "observed", "estimate", "model", "status", "path", "selected",
                "estimates")) {
            assertTrue(n.has(k), "missing key " + k);
        }
        assertEquals(1, n.get("path").size());
        JsonNode p = n.get("path").get(0);
        for (String k : List.of("model", "df", "deviance", "aic", "aicc", "bic", "estimate")) {
            assertTrue(p.has(k), "missing path key " + k);
        }
        Tolerance.assertRelative(514.348212971, p.get("estimate").asDouble(), 1e-6, "N");
        Tolerance.assertRelative(0.64417133032, p.get("deviance").asDouble(), 1e-6, "deviance");
        assertEquals(5, p.get("df").asInt());
        assertEquals(0, n.get("selected").asInt());
        JsonNode e = n.get("estimates");
        assertEquals(3, e.size()); // everyone, G = a, G = b
        assertEquals(0, e.get(0).get("domain").size());
        assertEquals(255, e.get(0).get("observed").asLong());
        Tolerance.assertRelative(514.348212971, e.get(0).get("estimate").asDouble(), 1e-6, "N");
        assertEquals("a", e.get(1).get("domain").get("G").asText());
        Tolerance.assertRelative(e.get(0).get("estimate").asDouble(), e.get(1).get("estimate").asDouble()
                + e.get(2).get("estimate").asDouble(), 1e-12, "levels add up");
        assertTrue(e.get(0).get("lower").isNull());
    }

    @Test
    void sensitivityListsEveryOmissionAndMerge() throws Exception {
        CliTest.Run r = CliTest.run("mse", file.toString(), "--lists", "A,B,C", "--covariates", "G", "--absent",
                "C:G=b", "--sensitivity", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode s = new ObjectMapper().readTree(r.out()).get("sensitivity");
        // three lists: omit each (3), merge each pair (3), as CovariateMse.sensitivity
        assertEquals(6, s.size());
        assertEquals("omit A", s.get(0).get("change").asText());
        assertEquals("merge B_C", s.get(5).get("change").asText());
        for (JsonNode row : s) {
            assertTrue(row.get("estimate").asDouble() >= row.get("observed").asDouble(), row.toString());
            assertTrue(row.has("model") && row.has("status"), row.toString());
        }
        CliTest.Run plain = CliTest.run("mse", file.toString(), "--lists", "A,B,C", "--covariates", "G", "--absent",
                "C:G=b", "--format", "json");
        assertTrue(!new ObjectMapper().readTree(plain.out()).has("sensitivity"));
    }

    @Test
    void bootstrapGivesIntervals() throws Exception {
        CliTest.Run r = CliTest.run("mse", file.toString(), "--lists", "A,B,C", "--covariates", "G", "--absent",
                "C:G=b", "--interval", "bootstrap", "--replicates", "200", "--seed", "3", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode all = new ObjectMapper().readTree(r.out()).get("estimates").get(0);
        assertTrue(all.get("lower").asDouble() < all.get("estimate").asDouble());
        assertTrue(all.get("estimate").asDouble() < all.get("upper").asDouble());
        CliTest.Run t = CliTest.run("mse", file.toString(), "--lists", "A,B,C", "--covariates", "G", "--absent",
                "C:G=b");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("Search path"), t.out());
    }

    @Test
    void badInputExitsWithTwoAndNamesTheFault() {
        CliTest.Run r = CliTest.run("mse", file.toString(), "--lists", "A,B,C", "--covariates", "G", "--absent",
                "D:G=b");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("names list 'D'"), r.err());
        CliTest.Run u = CliTest.run("mse", file.toString(), "--lists", "A,B,C", "--covariates", "G", "--by", "H");
        assertEquals(2, u.code());
        assertTrue(u.err().contains("--by names 'H'"), u.err());
        CliTest.Run y = CliTest.run("mse", file.toString(), "--lists", "A,B,C", "--year", "G");
        assertEquals(2, y.code());
        assertTrue(y.err().contains("the year column 'G' must be numeric"), y.err());
    }

    @Test
    void recordsAreRefusedInCovariateMode() {
        CliTest.Run b = CliTest.run("mse", "--covariates", "G", "--records", file.toString(), file.toString());
        assertEquals(2, b.code());
        assertTrue(b.err().contains("cannot be combined with --records"), b.err());
    }
}
