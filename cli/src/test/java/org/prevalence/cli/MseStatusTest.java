package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.Tolerance;

/** 'prevalence mse' results that succeed (exit 0) but must carry a status other than ok, with its reason. */
class MseStatusTest {
    @TempDir
    Path dir;

    private static JsonNode json(CliTest.Run r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static boolean hasWarning(JsonNode n, String kind) {
        for (JsonNode w : n.get("warnings")) {
            if (w.get("kind").asText().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void chapmanOnZeroOverlapIsAWarningWithNoOverlap() throws Exception {
        Path f = dir.resolve("two.csv");
        Files.writeString(f, "A,B,count\n1,0,60\n0,1,40\n");
        JsonNode n = json(CliTest.run("mse", f.toString(), "--method", "chapman", "--format", "json"));
        // Chapman (1951), m = 0: (60 + 1)(40 + 1) - 1
        assertEquals(61.0 * 41 - 1, n.get("estimate").asDouble(), 1e-9);
        assertEquals("warning", n.get("status").asText());
        assertTrue(hasWarning(n, "no-overlap"), n.toString());
        CliTest.Run t = CliTest.run("mse", f.toString(), "--method", "chapman");
        assertTrue(t.out().contains("status") && t.out().contains("no-overlap"), t.out());
        assertTrue(t.out().contains("no case is on both A and B"), t.out());
    }

    @Test
    void aOneCaseTableIsDegenerateNotAPlainFigure() throws Exception {
        Path f = dir.resolve("one.csv");
        Files.writeString(f, "A,B,count\n1,1,1\n");
        JsonNode n = json(CliTest.run("mse", f.toString(), "--method", "chapman", "--format", "json"));
        // Chapman: (1 + 1)(1 + 1)/(1 + 1) - 1 = 1 with Seber variance 0: "1 to 1", SE 0
        assertEquals(1.0, n.get("estimate").asDouble(), 0.0);
        assertEquals("degenerate", n.get("status").asText());
        assertTrue(hasWarning(n, "degenerate"), n.toString());
        CliTest.Run csv = CliTest.run("mse", f.toString(), "--method", "chapman", "--format", "csv");
        assertTrue(csv.out().lines().toList().get(1).contains(",degenerate,"), csv.out());
    }

    @Test
    void maxEstimateGivesAnImplausibleWarning() throws Exception {
        // SparseMSE stepwise on UK 5 lists: 11,312.99 (mse-expected.csv)
        JsonNode n = json(CliTest.run("mse", "--dataset", "uk2013_5lists", "--select", "stepwise", "--max-estimate",
                "10000", "--format", "json"));
        Tolerance.assertRelative(11312.99029, n.get("estimate").asDouble(), 1e-6, "figure kept");
        assertEquals("warning", n.get("status").asText());
        assertEquals("implausible", n.get("warnings").get(0).get("kind").asText());
        JsonNode ok = json(CliTest.run("mse", "--dataset", "uk2013_5lists", "--select", "stepwise", "--max-estimate",
                "20000", "--format", "json"));
        assertEquals("ok", ok.get("status").asText());
        assertEquals(0, ok.get("warnings").size());
        Path f = dir.resolve("two.csv");
        Files.writeString(f, "A,B,count\n1,0,60\n0,1,40\n1,1,20\n");
        // Chapman 81 * 61 / 21 - 1 = 234.29 > 100
        JsonNode chap = json(CliTest.run("mse", f.toString(), "--method", "chapman", "--max-estimate", "100",
                "--format", "json"));
        assertEquals("implausible", chap.get("warnings").get(0).get("kind").asText());
    }

    @Test
    void extendedMleChangesAicAndBicAsItsHelpSays() throws Exception {
        // without --extended-mle, AIC leaves out models with an empty overlap
        JsonNode plain = json(CliTest.run("mse", "--dataset", "uk2013_5lists", "--select", "aic", "--format", "json"));
        assertEquals(0, plain.get("empty_terms").size(), plain.toString());
        JsonNode ext = json(CliTest.run("mse", "--dataset", "uk2013_5lists", "--select", "aic", "--extended-mle",
                "--format", "json"));
        assertTrue(ext.get("empty_terms").toString().contains("LA:GP"), ext.toString());
        assertEquals("warning", ext.get("status").asText());
        assertTrue(hasWarning(ext, "boundary"), ext.toString());
        assertTrue(ext.get("aic").asDouble() < plain.get("aic").asDouble());
        // BIC: MultipleSystemsEstimation 1.2.0's [123,25,34], 25,311.29061 with 6,084 models (bic-expected.csv)
        JsonNode bicExt = json(CliTest.run("mse", "--dataset", "uk2013_5lists", "--select", "bic", "--extended-mle",
                "--format", "json"));
        assertEquals("[123,25,34]", bicExt.get("model").asText());
        Tolerance.assertRelative(25311.29061, bicExt.get("estimate").asDouble(), 1e-6, "bic");
        assertEquals(6084, bicExt.get("models_compared").asInt());
        JsonNode bic = json(CliTest.run("mse", "--dataset", "uk2013_5lists", "--select", "bic", "--format", "json"));
        assertEquals("[123,25,34]", bic.get("model").asText());
        Tolerance.assertRelative(25311.29061, bic.get("estimate").asDouble(), 1e-6, "bic without extended MLE");
        assertTrue(bic.get("models_compared").asInt() < 6084);
    }

    @Test
    void bootstrapSaysWhatItBootstrapsAndFlagsFewReplicates() throws Exception {
        JsonNode n = json(CliTest.run("mse", "--dataset", "uk2013_5lists", "--interval", "bootstrap", "--select",
                "stepwise", "--replicates", "200", "--format", "json"));
        assertTrue(n.get("selection").asText().startsWith("stepwise selection"), n.toString());
        assertEquals(2, n.get("bca_percentiles").size());
        assertEquals("warning", n.get("status").asText());
        assertTrue(hasWarning(n, "monte-carlo"), n.toString());
        assertEquals("bca", n.get("interval").get("method").asText());
        CliTest.Run t = CliTest.run("mse", "--dataset", "uk2013_5lists", "--interval", "bootstrap", "--ntop", "5",
                "--replicates", "100");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("bootstrapped selection") && t.out().contains("BIC selection among the top 5"),
                t.out());
        assertTrue(t.out().contains("BCa percentiles"), t.out());
        CliTest.Run help = CliTest.run("mse", "--help");
        assertTrue(help.out().contains("--ntop models") && help.out().contains("SparseMSE's stepwise selection"),
                help.out());
    }

    @Test
    void compareShowsEachRowsStatusAndReason() throws Exception {
        Path f = dir.resolve("none.csv");
        Files.writeString(f, "A,B,C,count\n1,0,0,10\n0,1,0,5\n0,0,1,7\n");
        CliTest.Run r = CliTest.run("mse", f.toString(), "--compare", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        int unbounded = 0;
        for (JsonNode row : rows) {
            String m = row.get("method").asText();
            if (m.equals("independence") || m.equals("stepwise") || m.equals("aic") || m.equals("bic")) {
                assertEquals("unbounded", row.get("status").asText(), row.toString());
                assertTrue(row.get("estimate").isNull(), row.toString());
                assertTrue(row.get("reason").asText().startsWith("The lists do not overlap"), row.toString());
                unbounded++;
            }
            assertFalse(row.get("status").asText().equals("ok") && row.get("estimate").isNull(), row.toString());
        }
        assertEquals(4, unbounded);
        CliTest.Run text = CliTest.run("mse", f.toString(), "--compare");
        assertTrue(text.out().contains("unbounded: The lists do not overlap"), text.out());
        assertFalse(text.out().contains("ModelSelection") || text.out().contains("Form.BIAS"), text.out());
    }

    @Test
    void closedModelsTableShowsStatusLabels() throws Exception {
        JsonNode rows = json(CliTest.run("mse", "--dataset", "uk2013_5lists", "--closed-models", "--format", "json"));
        boolean sawWarning = false;
        for (JsonNode row : rows) {
            String s = row.get("status").asText();
            assertTrue(s.equals("ok") || s.equals("warning") || s.equals("not-estimated"), row.toString());
            if (s.equals("not-estimated")) {
                assertTrue(row.get("estimate").isNull(), row.toString());
                assertTrue(row.get("reason").asText().contains("capture"), row.toString());
            }
            sawWarning |= s.equals("warning");
        }
        assertTrue(sawWarning, "Mh Chao: eta set to 0");
    }

    @Test
    void degenerateClosedFitsSaySoWithoutENotation() throws Exception {
        // no unit seen exactly once: Mt's fitted unseen count is ~5e-5, its SE ~5e-5 (N = observed = 10)
        Path f = dir.resolve("nof1.csv");
        Files.writeString(f, "A,B,C,count\n1,1,0,5\n0,1,1,3\n1,1,1,2\n");
        JsonNode rows = json(CliTest.run("mse", f.toString(), "--closed-models", "--format", "json"));
        JsonNode mt = null;
        for (JsonNode r : rows) {
            if (r.get("model").asText().equals("Mt")) {
                mt = r;
            }
        }
        assertEquals("degenerate", mt.get("status").asText(), mt.toString());
        assertTrue(mt.get("reason").asText().startsWith("N equals the observed count 10"), mt.toString());
        Tolerance.assertAbsolute(10, mt.get("estimate").asDouble(), 1e-3, "Mt N = observed");
        CliTest.Run t = CliTest.run("mse", f.toString(), "--closed-models");
        assertFalse(t.out().matches("(?s).*\\de-\\d.*"), t.out());
        assertTrue(t.out().contains("< 0.0001"), t.out());
        // Chao (1987): f1 = 0, so f0 = 0 and the interval is "10 to 10"
        JsonNode chao = json(CliTest.run("mse", f.toString(), "--method", "chao-bound", "--format", "json"));
        assertEquals(10.0, chao.get("estimate").asDouble(), 0.0);
        assertEquals("degenerate", chao.get("status").asText());
    }
}
