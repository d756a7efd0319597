package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mse --report} in the modes with their own page: {@code --stratum}, {@code --covariates} and
 * {@code --records}. Every figure the page marks with {@code data-json} is read back and checked against
 * {@code --format json} of the same command (MseHtmlReportTest's reader and tolerance: half a unit of the last
 * printed decimal); the JSON figures are those CovariateModeTest, MseRecordsTest and MseCommandTest check against R
 * and closed forms.
 */
class MseModeReportsTest {
    @TempDir
    Path dir;

    private Path resource(String name) throws Exception {
        Path f = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("covariate/" + name)) {
            Files.copy(in, f);
        }
        return f;
    }

    /** Runs the command with --report and with --format json; checks every marked figure; returns the page. */
    private String checked(int atLeast, List<String> cmd) throws Exception {
        Path f = dir.resolve("r" + System.nanoTime() + ".html");
        List<String> a = new ArrayList<>(cmd);
        a.add("--report");
        a.add(f.toString());
        CliTest.Run r = CliTest.run(a.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("report written to"), r.err());
        List<String> j = new ArrayList<>(cmd);
        j.add("--format");
        j.add("json");
        CliTest.Run jr = CliTest.run(j.toArray(String[]::new));
        assertEquals(0, jr.code(), jr.err());
        JsonNode json = new ObjectMapper().readTree(jr.out());
        String html = Files.readString(f);
        int n = 0;
        for (MseHtmlReportTest.Figure x : MseHtmlReportTest.figures(html)) {
            assertEquals("json", x.json(), x.path());
            MseHtmlReportTest.check(x, json);
            n++;
        }
        assertTrue(n >= atLeast, "figures checked: " + n);
        MseHtmlReportTest.selfContained(html);
        return html;
    }

    @Test
    void stratumReport() throws Exception {
        Path f = dir.resolve("strata.csv");
        Files.writeString(f, "region,A,B,C,count\nN,1,0,0,50\nN,0,1,0,40\nN,0,0,1,30\nN,1,1,0,10\nN,1,0,1,8\n"
                + "N,0,1,1,6\nN,1,1,1,3\nS,1,0,0,20\nS,0,1,0,25\nS,0,0,1,10\nS,1,1,0,5\nS,1,0,1,4\nS,0,1,1,3\n"
                + "W,1,0,0,9\nW,0,1,0,7\n");
        String html = checked(10, List.of("mse", f.toString(), "--stratum", "region", "--model", "main"));
        for (String s : List.of("Estimates by stratum", "Strata not estimated", "total (estimable strata)",
                "region = N", "<svg", "How this was computed")) {
            assertTrue(html.contains(s), "missing: " + s);
        }
    }

    @Test
    void covariateReportWithLevelsAndBootstrap() throws Exception {
        Path f = resource("own_c_absent_b.csv");
        String html = checked(15, List.of("mse", f.toString(), "--lists", "A,B,C", "--covariates", "G", "--absent",
                "C:G=b", "--by", "G", "--interval", "bootstrap", "--replicates", "200", "--seed", "3"));
        for (String s : List.of("Model search", "The selected model", "Estimates by domain", "By covariate level",
                "list C absent where G = b", "mse::model_search", "200 replicates", "<svg")) {
            assertTrue(html.contains(s), "missing: " + s);
        }
        // R search_sz(own, 1:3, C absent in G = b): N = 514.348212971 (CovariateModeTest), 7 significant digits
        assertTrue(html.contains(">514.35<"), "headline N");
    }

    @Test
    void covariateReportByYearAndItsPlot() throws Exception {
        Path f = resource("simdat.csv");
        Path png = dir.resolve("by-year.png");
        List<String> cmd = List.of("mse", f.toString(), "--lists", "R1,R2,R3,R4", "--covariates", "X1", "--year",
                "Y", "--by", "X1,Y");
        String html = checked(30, cmd);
        assertTrue(html.contains("By year") && html.contains("estimates by Y"), "the year chart");
        List<String> p = new ArrayList<>(cmd);
        p.addAll(List.of("--plot", png.toString()));
        CliTest.Run r = CliTest.run(p.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 5_000 && r.err().contains("plot written to"), r.err());
        Path svg = dir.resolve("by-year.svg");
        List<String> q = new ArrayList<>(cmd);
        q.addAll(List.of("--plot", svg.toString(), "--plot-format", "svg"));
        CliTest.Run rs = CliTest.run(q.toArray(String[]::new));
        assertEquals(0, rs.code(), rs.err());
        assertTrue(Files.readString(svg).contains("<svg"), "an SVG file");
    }

    @Test
    void recordsReport() throws Exception {
        MseRecordsTest lists = new MseRecordsTest();
        lists.dir = dir;
        List<String> files = lists.writeLists(300);
        List<String> cmd = new ArrayList<>(List.of("mse", "--records"));
        cmd.addAll(files);
        cmd.addAll(List.of("--id", "rec_id", "--field", "given_name=first", "--field", "surname=family", "--field",
                "dob=birth", "--field", "sex=sex", "--field", "city=town", "--model", "main", "--linkage-draws", "8"));
        String html = checked(25, cmd);
        for (String s : List.of("The linkage", "Blocking", "m and u probabilities", "The estimates side by side",
                "averaging", "correction", "UpSet plot", "<svg")) {
            assertTrue(html.contains(s), "missing: " + s);
        }
        for (String personal : List.of("given_name=", "rec_id,")) {
            assertTrue(!html.contains(personal) || html.contains("--field"), personal);
        }
    }
}
