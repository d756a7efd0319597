package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.Tolerance;

/** CLI golden tests for 'prevalence mse': table, CSV and JSON; figures from SparseMSE 2.0.1 (R 4.2.2). */
class MseCommandTest {
    @TempDir
    Path dir;

    @Test
    void stepwiseUkJsonHasTheContractKeysAndSparseMseFigures() throws Exception {
        CliTest.Run r = CliTest.run("mse", "--dataset", "uk2013_5lists", "--select", "stepwise", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        for (String k : List.of("method", "lists", "observed", "estimate", "unobserved", "model", "terms", "deviance",
                "df", "aic", "bic", "interval")) {
            assertTrue(n.has(k), "missing key " + k);
        }
        for (String k : List.of("method", "level", "lower", "upper")) {
            assertTrue(n.get("interval").has(k), "missing interval key " + k);
        }
        assertEquals("stepwise", n.get("method").asText());
        assertEquals(2744, n.get("observed").asLong());
        // SparseMSE estimatepopulation.0(UKdat_5, method="stepwise"): 11,312.99029 (9,884.402831, 13,027.39665)
        Tolerance.assertRelative(11312.99029, n.get("estimate").asDouble(), 1e-6, "estimate");
        Tolerance.assertRelative(9884.402831, n.get("interval").get("lower").asDouble(), 1e-6, "lower");
        Tolerance.assertRelative(13027.39665, n.get("interval").get("upper").asDouble(), 1e-6, "upper");
        assertEquals("lognormal", n.get("interval").get("method").asText().toLowerCase().replace("-", ""));
        assertEquals(6, n.get("terms").size());
    }

    @Test
    void tableAndCsvFromAFile() throws Exception {
        Path f = dir.resolve("uk.csv");
        Files.writeString(f, org.prevalence.datasets.Datasets.get("uk2013_5lists").csv());
        CliTest.Run t = CliTest.run("mse", f.toString(), "--model", "main");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("13,444.13"), t.out()); // SparseMSE main effects 13,444.13121
        assertTrue(t.out().contains("95% interval (lognormal"), t.out());
        CliTest.Run c = CliTest.run("mse", f.toString(), "--model", "main", "--format", "csv");
        List<String> lines = c.out().lines().toList();
        assertEquals(2, lines.size(), c.out());
        assertTrue(lines.get(0).startsWith("stratum,method,model,observed,estimate"), lines.get(0));
        tech.tablesaw.api.Table csv = org.prevalence.core.io.CsvInput.withDefaults().read(c.out(), "out.csv");
        assertEquals("[1,2,3,4,5]", csv.column("model").getString(0)); // quoted: the model holds commas
        Tolerance.assertRelative(13444.13121, csv.numberColumn("estimate").getDouble(0), 1e-6, "csv estimate");
    }

    @Test
    void chapmanOnTwoLists() throws Exception {
        Path f = dir.resolve("two.csv");
        Files.writeString(f, "A,B,count\n1,0,60\n0,1,40\n1,1,20\n");
        CliTest.Run r = CliTest.run("mse", f.toString(), "--method", "chapman", "--format", "json");
        assertEquals(0, r.code(), r.err());
        // Chapman: (n1+1)(n2+1)/(m+1) - 1 = 81*61/21 - 1
        Tolerance.assertRelative(81.0 * 61 / 21 - 1, new ObjectMapper().readTree(r.out()).get("estimate").asDouble(),
                1e-12, "chapman");
    }

    @Test
    void noMleExitsTwoNamingTheTerm() {
        CliTest.Run r = CliTest.run("mse", "--dataset", "artificial_3lists", "--model", "[12,3]");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("A:B"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void stratifiedJsonHasStrataAndTotal() throws Exception {
        Path f = dir.resolve("strata.csv");
        Files.writeString(f, "region,A,B,C,count\nN,1,0,0,50\nN,0,1,0,40\nN,0,0,1,30\nN,1,1,0,10\nN,1,0,1,8\nN,0,1,1,6\n"
                + "S,1,0,0,20\nS,0,1,0,25\nS,0,0,1,10\nS,1,1,0,5\nS,1,0,1,4\nS,0,1,1,3\n");
        CliTest.Run r = CliTest.run("mse", f.toString(), "--stratum", "region", "--model", "main", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals(2, n.get("strata").size());
        assertEquals("N", n.get("strata").get(0).get("stratum").asText());
        double sum = n.get("strata").get(0).get("estimate").asDouble() + n.get("strata").get(1).get("estimate").asDouble();
        Tolerance.assertRelative(sum, n.get("total").get("estimate").asDouble(), 1e-12, "total = sum of strata");
    }
}
