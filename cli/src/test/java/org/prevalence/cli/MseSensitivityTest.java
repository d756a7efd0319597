package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.Tolerance;

/**
 * {@code prevalence mse --sensitivity}: the JSON key {@code sensitivity} on a 3-list table, where every changed table
 * has 2 lists and the estimate is Lincoln-Petersen's closed form n1 n2 / m (Petersen 1896) of the hand-collapsed
 * counts below; tolerance 1e-9 relative (IRLS converges to 1e-8 deviance change).
 */
class MseSensitivityTest {
    @TempDir
    Path dir;

    /** A=30 B=20 AB=10 C=15 AC=5 BC=8 ABC=2. */
    private Path table() throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "A,B,C,count\n1,0,0,30\n0,1,0,20\n1,1,0,10\n0,0,1,15\n1,0,1,5\n0,1,1,8\n1,1,1,2\n");
        return f;
    }

    @Test
    void everyOmissionAndMergeIsLincolnPetersen() throws Exception {
        CliTest.Run r = CliTest.run("mse", table().toString(), "--lists", "A,B,C", "--count", "count",
                "--sensitivity", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertTrue(n.has("estimate") && n.has("interval"), "the usual keys stay");
        JsonNode s = n.get("sensitivity");
        assertEquals(6, s.size());
        List<String> changes = new ArrayList<>();
        for (JsonNode x : s) {
            changes.add(x.get("change").asText() + " " + String.join("+", new ObjectMapper().convertValue(x.get("lists"),
                    String[].class)));
            assertTrue(x.get("lower").asDouble() < x.get("estimate").asDouble()
                    && x.get("estimate").asDouble() < x.get("upper").asDouble(), x.toString());
            assertEquals("ok", x.get("status").asText());
            assertTrue(x.get("reason").isNull());
        }
        assertEquals(List.of("omit A", "omit B", "omit C", "merge A+B", "merge A+C", "merge B+C"), changes);
        // without A: B 40, C 30, both 10; without B: A 47, C 30, both 7; without C: A 47, B 40, both 12
        double[] expected = {40.0 * 30 / 10, 47.0 * 30 / 7, 47.0 * 40 / 12,
            // A_B 75, C 30, both 15; A_C 70, B 40, both 20; A 47, B_C 60, both 17
            75.0 * 30 / 15, 70.0 * 40 / 20, 47.0 * 60 / 17};
        for (int i = 0; i < 6; i++) {
            Tolerance.assertRelative(expected[i], s.get(i).get("estimate").asDouble(), 1e-9, changes.get(i));
        }
        assertEquals(60, s.get(0).get("observed").asLong());
        assertEquals(90, s.get(3).get("observed").asLong());
        assertEquals("[\"A_B\",\"C\"]", s.get(3).get("table_lists").toString());
        CliTest.Run t = CliTest.run("mse", table().toString(), "--lists", "A,B,C", "--count", "count", "--sensitivity");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("List sensitivity") && t.out().contains("A and B merged"), t.out());
    }

    @Test
    void refusedWhereItCannotApply() throws Exception {
        CliTest.Run two = CliTest.run("mse", "--dataset", "uk2013_5lists", "--closed-models", "--sensitivity");
        assertEquals(2, two.code());
        assertTrue(two.err().contains("--sensitivity") && two.err().contains("--closed-models"), two.err());
        Path f = dir.resolve("two.csv");
        Files.writeString(f, "A,B,count\n1,0,30\n0,1,20\n1,1,10\n");
        CliTest.Run r = CliTest.run("mse", f.toString(), "--lists", "A,B", "--count", "count", "--sensitivity");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("3 lists or more"), r.err());
    }
}
