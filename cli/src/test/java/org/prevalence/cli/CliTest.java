package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliTest {
    /** Output and exit code of one run. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Prevalence.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void datasetsListsTheBundledTables() {
        Run r = run("datasets");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("uk2013_5lists"), r.out());
        assertTrue(r.out().contains("apistrat"), r.out());
    }

    @Test
    void datasetsJsonHasNameKindTitleSource() throws Exception {
        Run r = run("datasets", "--format", "json");
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertTrue(n.size() >= 12, "datasets listed: " + n.size());
        assertEquals("uk2013_5lists", n.get(0).get("name").asText());
        assertEquals("lists", n.get(0).get("kind").asText());
    }

    @Test
    void datasetsShowPrintsTheTableWithItsOverlaps() throws Exception {
        Run r = run("datasets", "show", "uk2013_5lists");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("2,744 cases"), r.out());
        assertTrue(r.out().contains("SparseMSE 2.0.1"), r.out());
        JsonNode n = new ObjectMapper().readTree(run("datasets", "show", "uk2013_5lists", "--format", "json").out());
        assertEquals(2744, n.get("observed").asLong());
        assertEquals(18, n.get("histories").size());
    }

    @Test
    void unknownDatasetExitsTwoWithOneLine() {
        Run r = run("datasets", "show", "nowhere");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("prevalence: No bundled dataset 'nowhere'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void usageErrorExitsTwo() {
        assertEquals(2, run("datasets", "--format", "xml").code());
        assertEquals(2, run("no-such-command").code());
    }

    @Test
    void demoReportsTheBundledData() {
        Run r = run("demo");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("uk2013_5lists"), r.out());
        assertTrue(r.out().contains("2,744"), r.out());
    }
}
