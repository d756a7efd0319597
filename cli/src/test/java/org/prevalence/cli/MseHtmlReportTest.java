package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mse --report}: the HTML's figures are read back from the page and checked against {@code --format json}
 * of the same command (and the comparison table against {@code --compare --format json}); the JSON figures are the
 * ones MseCommandTest checks against SparseMSE and Rcapture. Tolerance: half a unit of the last printed decimal
 * (the page rounds to 7 significant digits, at most 2 decimals at 100 or more).
 */
class MseHtmlReportTest {
    private static final Pattern CELL = Pattern.compile("data-(json|compare|sensitivity)=\"([^\"]+)\"[^>]*>([^<]*)<");

    @TempDir
    Path dir;

    private static JsonNode ukCompare;

    /** @return {@code mse --dataset uk2013_5lists --compare --format json}, run once */
    private static synchronized JsonNode ukCompare() throws Exception {
        if (ukCompare == null) {
            ukCompare = json("mse", "--dataset", "uk2013_5lists", "--compare");
        }
        return ukCompare;
    }

    /** One figure on the page: which JSON it comes from, its path there, its text. */
    record Figure(String json, String path, String text) {
    }

    static List<Figure> figures(String html) {
        List<Figure> out = new ArrayList<>();
        Matcher m = CELL.matcher(html);
        while (m.find()) {
            out.add(new Figure(m.group(1), m.group(2), m.group(3)));
        }
        return out;
    }

    /** @return the node at a path such as {@code interval.lower} or {@code [3].estimate} */
    static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            Matcher m = Pattern.compile("([^\\[]*)(?:\\[(\\d+)])?").matcher(part);
            if (!m.matches()) {
                return null;
            }
            if (!m.group(1).isEmpty()) {
                n = n.get(m.group(1));
            }
            if (n != null && m.group(2) != null) {
                n = n.get(Integer.parseInt(m.group(2)));
            }
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    /** Checks one printed figure against its JSON value; "-" must be a JSON null. */
    static void check(Figure f, JsonNode json) {
        JsonNode v = at(json, f.path());
        assertTrue(v != null, "no JSON value at " + f.path());
        if (f.text().equals("-")) {
            assertTrue(v.isNull(), f.path() + ": '-' on the page, " + v + " in the JSON");
            return;
        }
        String t = f.text().replace(",", "");
        double shown = Double.parseDouble(t);
        int dot = t.indexOf('.');
        int decimals = dot < 0 ? 0 : t.length() - dot - 1;
        double x = v.asDouble();
        double tol = 0.5 * Math.pow(10, -decimals) * (1 + 1e-9) + Math.abs(x) * 5e-7;
        assertEquals(x, shown, tol, f.path() + " printed '" + f.text() + "'");
    }

    private String report(String... args) throws Exception {
        Path f = dir.resolve("r" + System.nanoTime() + ".html");
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--report");
        a.add(f.toString());
        CliTest.Run r = CliTest.run(a.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("report written to"), r.err());
        return Files.readString(f);
    }

    private static JsonNode json(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--format");
        a.add("json");
        CliTest.Run r = CliTest.run(a.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    /** Checks every figure: data-json against the command's JSON, data-compare and data-sensitivity likewise. */
    private static int checkAll(String html, JsonNode own, JsonNode compare, JsonNode sensitivity) {
        int n = 0;
        for (Figure f : figures(html)) {
            check(f, switch (f.json()) {
                case "json" -> own;
                case "compare" -> compare;
                default -> sensitivity;
            });
            n++;
        }
        return n;
    }

    /** @return the command's JSON with --sensitivity (the same keys and the sensitivity array) */
    private static JsonNode withSensitivity(String... cmd) throws Exception {
        List<String> a = new ArrayList<>(List.of(cmd));
        a.add("--sensitivity");
        return json(a.toArray(String[]::new));
    }

    @Test
    void stepwiseReportShowsTheJsonFiguresAndEverySection() throws Exception {
        String[] cmd = {"mse", "--dataset", "uk2013_5lists", "--select", "stepwise"};
        String html = report(cmd);
        JsonNode own = withSensitivity(cmd);
        int n = checkAll(html, own, ukCompare(), own.get("sensitivity"));
        assertTrue(n > 100, "figures checked: " + n);
        assertEquals(15, own.get("sensitivity").size()); // 5 omitted, 10 pairs merged
        assertEquals(15 * 4, figures(html).stream().filter(f -> f.json().equals("sensitivity")).count());
        // SparseMSE estimatepopulation.0(UKdat_5, method="stepwise"): 11,312.99029 (9,884.402831, 13,027.39665)
        assertTrue(html.contains(">11,312.99<") && html.contains(">9,884.4<"), "headline");
        for (String s : List.of("The data", "UpSet plot", "Existence and identifiability", "Models compared",
                "Forest plot", "List sensitivity: omit one, merge two", "without PFNCA", "LA and NG merged", "Warnings", "How this was computed",
                "LA:NG, NG:GP, PFNCA:GP, LA:PFNCA, GO:GP, NG:GO", "SparseMSE::estimatepopulation.0", "<svg")) {
            assertTrue(html.contains(s), "missing: " + s);
        }
        selfContained(html);
    }

    /** No script, no external resource: the only URL is the SVG namespace. */
    static void selfContained(String html) {
        assertFalse(html.contains("<script"), "a script");
        assertFalse(Pattern.compile("\\s(src|href)=").matcher(html).find(), "an external resource");
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").matches("(?s).*https?://.*"), "a URL");
    }

    @Test
    void bootstrapReportDrawsTheReplicates() throws Exception {
        String[] cmd = {"mse", "--dataset", "uk2013_5lists", "--select", "stepwise", "--interval", "bootstrap",
            "--replicates", "200"};
        String html = report(cmd);
        JsonNode own = withSensitivity(cmd);
        checkAll(html, own, ukCompare(), own.get("sensitivity"));
        assertTrue(html.contains("Bootstrap distribution") && html.contains("200 replicates"), "bootstrap section");
        assertTrue(html.contains("nboot = 200"), "R call");
    }

    @Test
    void closedModelsReportHasTheJsonRows() throws Exception {
        String[] cmd = {"mse", "--dataset", "uk2013_5lists", "--closed-models"};
        String html = report(cmd);
        // --closed-models writes a JSON array: the sensitivity rows are those of the plain command's --sensitivity
        int n = checkAll(html, json(cmd), ukCompare(), withSensitivity("mse", "--dataset", "uk2013_5lists")
                .get("sensitivity"));
        assertTrue(html.contains("Rcapture::closedp.t") && n > 100, "closed rows: " + n);
    }

    @Test
    void aFailingRunWritesNoReport() {
        Path f = dir.resolve("none.html");
        CliTest.Run r = CliTest.run("mse", "--dataset", "artificial_3lists", "--model", "[12,3]", "--report",
                f.toString());
        assertEquals(2, r.code());
        assertFalse(Files.exists(f), "a report after a failure");
    }

    @Test
    void aReportInAMissingFolderIsRefused() {
        CliTest.Run r = CliTest.run("mse", "--dataset", "uk2013_5lists", "--report", dir.resolve("no/such/r.html")
                .toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--report") && r.err().contains("does not exist"), r.err());
    }
}
