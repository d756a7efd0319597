package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.Tolerance;

/**
 * {@code prevalence survey FILE --pps METHOD --probs p} on R survey's election_pps; the figures are rows of
 * estimators/src/test/resources/org/prevalence/survey/pps/pps-expected.csv (R survey 4.1.1, make_pps_expected.R).
 */
class SurveyPpsCommandTest {
    private static Path copy(Path dir, String name) throws Exception {
        Path f = dir.resolve(name);
        try (InputStream in = SurveyPpsCommandTest.class.getResourceAsStream("pps/" + name)) {
            Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
        }
        return f;
    }

    private static JsonNode total(String... more) throws Exception {
        CliTest.Run r = CliTest.run(more);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out()).get("estimates").get(0);
    }

    @Test
    void totalsByEachMethodMatchR(@TempDir Path dir) throws Exception {
        String f = copy(dir, "election_pps.csv").toString();
        String jp = copy(dir, "election_jointprob.csv").toString();
        // pps-expected.csv "brewer total Bush", "overton total Bush", "hr1 total Bush", "ppsmat total Bush",
        // "ppsmat_yg total Bush", "wr total Bush"
        JsonNode b = total("survey", f, "--probs", "p", "--pps", "brewer", "--total", "Bush", "--format", "json");
        Tolerance.assertRelative(64518472.38054, b.get("estimate").asDouble(), 1e-8, "total");
        Tolerance.assertRelative(2447628.88865615, b.get("se").asDouble(), 1e-8, "brewer se");
        Tolerance.assertRelative(2939607.84993936, total("survey", f, "--probs", "p", "--pps", "overton", "--total",
                "Bush", "--format", "json").get("se").asDouble(), 1e-8, "overton se");
        Tolerance.assertRelative(2472752.96278869, total("survey", f, "--probs", "p", "--pps", "hr", "--total",
                "Bush", "--format", "json").get("se").asDouble(), 1e-8, "hr se");
        Tolerance.assertRelative(2604404.47780038, total("survey", f, "--probs", "p", "--pps", "ppsmat",
                "--joint-probabilities", jp, "--total", "Bush", "--format", "json").get("se").asDouble(), 1e-8, "ppsmat se");
        Tolerance.assertRelative(2406525.80921637, total("survey", f, "--probs", "p", "--pps", "ppsmat",
                "--joint-probabilities", jp, "--pps-variance", "yg", "--total", "Bush", "--format", "json")
                .get("se").asDouble(), 1e-8, "ppsmat yg se");
        Tolerance.assertRelative(2671455.05619719, total("survey", f, "--probs", "p", "--total", "Bush", "--format",
                "json").get("se").asDouble(), 1e-8, "with replacement se");
    }

    @Test
    void badInputExitsWithCode2(@TempDir Path dir) throws Exception {
        String f = copy(dir, "election_pps.csv").toString();
        CliTest.Run r = CliTest.run("survey", f, "--probs", "p", "--pps", "ppsmat", "--total", "Bush");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--joint-probabilities"), r.err());
        Path bad = dir.resolve("jp.csv");
        Files.writeString(bad, "0.5,0.1\n0.1,x\n");
        r = CliTest.run("survey", f, "--probs", "p", "--pps", "ppsmat", "--joint-probabilities", bad.toString(),
                "--total", "Bush");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("row 2, column 2"), r.err());
        r = CliTest.run("survey", f, "--probs", "p", "--pps", "brewer", "--pps-variance", "yg", "--total", "Bush");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Yates-Grundy"), r.err());
        r = CliTest.run("survey", f, "--probs", "Bush", "--pps", "overton", "--total", "Kerry");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("row 1") && r.err().contains("'Bush'"), r.err());
    }
}
