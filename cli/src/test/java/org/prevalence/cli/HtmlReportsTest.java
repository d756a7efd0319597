package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code survey --report} and {@code regional ... --report}: every figure the page marks is read back and checked
 * against {@code --format json} of the same command (as {@link MseHtmlReportTest}); the JSON figures are the ones
 * SurveyCommandTest and RegionalCommandTest check against R's survey package and the synthetic world.
 */
class HtmlReportsTest {
    @TempDir
    Path dir;

    private int checked(String[] cmd, String file) throws Exception {
        Path f = dir.resolve(file);
        String[] withReport = java.util.stream.Stream.concat(java.util.Arrays.stream(cmd),
                java.util.stream.Stream.of("--report", f.toString())).toArray(String[]::new);
        CliTest.Run r = CliTest.run(withReport);
        assertEquals(0, r.code(), r.err());
        String[] withJson = java.util.stream.Stream.concat(java.util.Arrays.stream(cmd),
                java.util.stream.Stream.of("--format", "json")).toArray(String[]::new);
        CliTest.Run j = CliTest.run(withJson);
        assertEquals(0, j.code(), j.err());
        String html = Files.readString(f);
        MseHtmlReportTest.selfContained(html);
        var json = new ObjectMapper().readTree(j.out());
        int n = 0;
        for (MseHtmlReportTest.Figure fig : MseHtmlReportTest.figures(html)) {
            MseHtmlReportTest.check(fig, json);
            n++;
        }
        return n;
    }

    @Test
    void surveyReportShowsTheJsonFigures() throws Exception {
        int n = checked(new String[] {"survey", "--dataset", "apistrat", "--strata", "stype", "--weights", "pw", "--fpc",
            "fpc", "--mean", "api00", "--by", "stype"}, "s.html");
        assertEquals(4 + 3 * 7, n, "4 design figures, 7 per domain");
    }

    @Test
    void regionalReportShowsTheJsonFiguresAndThePublishedTable() throws Exception {
        Path world = dir.resolve("world");
        assertEquals(0, CliTest.run("datasets", "world", world.toString()).code());
        String[] cmd = {"regional", "cases", world.resolve("cases.csv").toString(), "--population",
            world.resolve("population.csv").toString(), "--window", "2002-01-01:2011-12-31", "--replicates", "200"};
        int n = checked(cmd, "r.html");
        assertEquals(7 * 7, n, "6 regions and the world, 7 figures each");
        String html = Files.readString(dir.resolve("r.html"));
        // the bundled ILO 2012 table (ILO 2012, Global Estimate of Forced Labour): Asia-Pacific 11.7 million, 3.3 per 1,000
        assertTrue(html.contains("11.7 million") && html.contains(">3.3<"), "published table");
        assertTrue(html.contains("Strata not estimated"), "strata section");
    }
}
