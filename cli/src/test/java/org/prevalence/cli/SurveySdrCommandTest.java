package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.Tolerance;

/**
 * The README's ACS-style successive-difference example ({@code --weights PWGTP --replicate-weights PWGTP
 * --replicate-type sdr --mse}) on {@code acs_style_sdr80.csv} (80 replicates), against R's
 * {@code svrepdesign(type="successive-difference", mse=TRUE)} (sdr-expected.csv of the estimators' model
 * tests: total api00 4102207.89961815, SE 138092.666465087), and the errors for a missing replicate.
 */
class SurveySdrCommandTest {
    private static Path copy(Path dir) throws Exception {
        Path f = dir.resolve("acs.csv");
        try (InputStream in = SurveySdrCommandTest.class.getResourceAsStream("acs_style_sdr80.csv")) {
            Files.copy(in, f);
        }
        return f;
    }

    @Test
    void acsStyleTotalMatchesR(@TempDir Path dir) throws Exception {
        CliTest.Run r = CliTest.run("survey", copy(dir).toString(), "--weights", "PWGTP", "--replicate-weights", "PWGTP",
                "--replicate-type", "sdr", "--mse", "--total", "api00", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode e = new ObjectMapper().readTree(r.out()).get("estimates").get(0);
        Tolerance.assertRelative(4102207.89961815, e.get("estimate").asDouble(), 1e-8, "total");
        Tolerance.assertRelative(138092.666465087, e.get("se").asDouble(), 1e-8, "se");
        assertEquals(79, e.get("df").asInt());
    }

    @Test
    void aMissingReplicateIsNamed(@TempDir Path dir) throws Exception {
        Path f = copy(dir);
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        // drop column PWGTP37
        String[] head = lines.get(0).split(",");
        int drop = List.of(head).indexOf("PWGTP37");
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            List<String> c = new ArrayList<>(List.of(l.split(",", -1)));
            c.remove(drop);
            out.add(String.join(",", c));
        }
        Path g = dir.resolve("gap.csv");
        Files.write(g, out, StandardCharsets.UTF_8);
        CliTest.Run r = CliTest.run("survey", g.toString(), "--weights", "PWGTP", "--replicate-weights", "PWGTP",
                "--replicate-type", "sdr", "--mse", "--total", "api00");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'PWGTP37' is missing"), r.err());
        // an empty cell in PWGTP12, data row 5
        List<String> blank = new ArrayList<>(lines);
        List<String> c = new ArrayList<>(List.of(blank.get(5).split(",", -1)));
        c.set(List.of(head).indexOf("PWGTP12"), "");
        blank.set(5, String.join(",", c));
        Path h = dir.resolve("blank.csv");
        Files.write(h, blank, StandardCharsets.UTF_8);
        r = CliTest.run("survey", h.toString(), "--weights", "PWGTP", "--replicate-weights", "PWGTP",
                "--replicate-type", "sdr", "--mse", "--total", "api00");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("row 5") && r.err().contains("PWGTP12"), r.err());
    }
}
