package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every {@code --report} page opened in headless Chromium at 1280 px (run by {@code .ci/run}; tagged "browser", so
 * not part of the default build): no console error, no missing image, no horizontal scroll, no element wider than the
 * page, every chart drawn. The pages and their full-page screenshots are kept in
 * {@code cli/target/report-screenshots/}.
 */
@Tag("browser")
class ReportBrowserTest {
    /** The layout checks, evaluated in the page: a JSON string. */
    private static final String LAYOUT = String.join("\n",
            "JSON.stringify((() => {",
            "  const W = document.documentElement.clientWidth;",
            "  const wide = [];",
            "  for (const el of document.querySelectorAll('body *')) {",
            "    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;",
            "    const r = el.getBoundingClientRect();",
            "    if (r.right > W + 0.5 || r.left < -0.5) wide.push(el.tagName + ' ' + Math.round(r.left) + '..'"
                    + " + Math.round(r.right));",
            "  }",
            "  const broken = [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src);",
            "  const svgs = [...document.querySelectorAll('svg')];",
            "  const empty = svgs.filter(s => { const r = s.getBoundingClientRect(); return r.width < 100 || r.height"
                    + " < 50 || s.childElementCount === 0; }).length;",
            "  return {scrollWidth: document.documentElement.scrollWidth, clientWidth: W, wide: wide.slice(0, 20),",
            "          broken: broken, svgs: svgs.length, emptySvgs: empty, height: document.documentElement"
                    + ".scrollHeight};",
            "})())");

    static Map<String, String[]> reports() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("mse-uk2013-stepwise", new String[] {"mse", "--dataset", "uk2013_5lists", "--select", "stepwise"});
        m.put("mse-uk2013-bootstrap", new String[] {"mse", "--dataset", "uk2013_5lists", "--select", "stepwise",
            "--interval", "bootstrap", "--replicates", "1000"});
        m.put("mse-uk2013-closed", new String[] {"mse", "--dataset", "uk2013_5lists", "--closed-models"});
        m.put("mse-uk2013-bma", new String[] {"mse", "--dataset", "uk2013_5lists", "--bayes", "bma"});
        m.put("mse-neworleans-8lists", new String[] {"mse", "--dataset", "neworleans_8lists", "--select", "stepwise"});
        m.put("survey-apistrat", new String[] {"survey", "--dataset", "apistrat", "--strata", "stype", "--weights", "pw",
            "--fpc", "fpc", "--mean", "api00", "--by", "stype"});
        return m;
    }

    @Test
    void everyReportRendersCleanlyAt1280Pixels() throws Exception {
        Path out = Path.of("target", "report-screenshots").toAbsolutePath();
        Files.createDirectories(out);
        Map<String, Path> pages = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : reports().entrySet()) {
            Path html = out.resolve(e.getKey() + ".html");
            Files.deleteIfExists(html);
            List<String> args = new ArrayList<>(List.of(e.getValue()));
            args.add("--report");
            args.add(html.toString());
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), e.getKey() + ": " + r.err());
            pages.put(e.getKey(), html);
        }
        pages.putAll(extraPages(out));
        List<String> problems = new ArrayList<>();
        try (Chromium c = Chromium.start()) {
            for (Map.Entry<String, Path> e : pages.entrySet()) {
                Path png = out.resolve(e.getKey() + ".png");
                Chromium.PageCheck p = c.open(e.getValue(), LAYOUT, png);
                JsonNode l = p.layout();
                String name = e.getKey();
                if (!p.consoleErrors().isEmpty()) {
                    problems.add(name + ": console errors " + p.consoleErrors());
                }
                if (l.get("scrollWidth").asInt() > l.get("clientWidth").asInt()) {
                    problems.add(name + ": horizontal scroll, " + l.get("scrollWidth") + " > " + l.get("clientWidth"));
                }
                if (l.get("wide").size() > 0) {
                    problems.add(name + ": elements wider than the page " + l.get("wide"));
                }
                if (l.get("broken").size() > 0) {
                    problems.add(name + ": missing images " + l.get("broken"));
                }
                if (l.get("svgs").asInt() == 0 || l.get("emptySvgs").asInt() > 0) {
                    problems.add(name + ": charts " + l.get("svgs") + ", of them not drawn " + l.get("emptySvgs"));
                }
                assertTrue(Files.size(png) > 10_000, name + ": screenshot " + Files.size(png) + " bytes");
                System.out.println("browser check: " + name + " ok=" + problems.isEmpty() + " " + l + " -> " + png);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The checks themselves: a page with a console error, a missing image and a too-wide element fails each. */
    @Test
    void theChecksCatchABadPage() throws Exception {
        Path dir = Files.createTempDirectory("bad-page");
        Path bad = dir.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html><body><div style=\"width:2000px\">wide</div>"
                + "<img src=\"missing.png\"><script>console.error('boom')</script></body></html>");
        try (Chromium c = Chromium.start()) {
            Chromium.PageCheck p = c.open(bad, LAYOUT, dir.resolve("bad.png"));
            assertTrue(p.consoleErrors().stream().anyMatch(e -> e.contains("boom")), p.consoleErrors().toString());
            assertTrue(p.layout().get("scrollWidth").asInt() > 1280, p.layout().toString());
            assertTrue(p.layout().get("wide").size() > 0, p.layout().toString());
            assertEquals(1, p.layout().get("broken").size(), p.layout().toString());
        }
    }

    /** Runs one command with {@code --report out/NAME.html} and returns the page. */
    private static Path page(Path out, String name, List<String> cmd) throws Exception {
        Path html = out.resolve(name + ".html");
        Files.deleteIfExists(html);
        List<String> a = new ArrayList<>(cmd);
        a.add("--report");
        a.add(html.toString());
        CliTest.Run r = CliTest.run(a.toArray(String[]::new));
        assertEquals(0, r.code(), name + ": " + r.err());
        return html;
    }

    /** The mse modes with their own page: --stratum, --covariates (levels; years) and --records. */
    static Map<String, Path> mseModePages(Path out) throws Exception {
        Map<String, Path> m = new LinkedHashMap<>();
        Path strata = out.resolve("strata.csv");
        Files.writeString(strata, "region,A,B,C,count\nN,1,0,0,50\nN,0,1,0,40\nN,0,0,1,30\nN,1,1,0,10\nN,1,0,1,8\n"
                + "N,0,1,1,6\nN,1,1,1,3\nS,1,0,0,20\nS,0,1,0,25\nS,0,0,1,10\nS,1,1,0,5\nS,1,0,1,4\nS,0,1,1,3\n"
                + "W,1,0,0,9\nW,0,1,0,7\n");
        m.put("mse-stratum", page(out, "mse-stratum", List.of("mse", strata.toString(), "--stratum", "region",
                "--model", "main")));
        for (String f : List.of("own_c_absent_b.csv", "simdat.csv")) {
            try (java.io.InputStream in = ReportBrowserTest.class.getResourceAsStream("covariate/" + f)) {
                Files.copy(in, out.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        m.put("mse-covariates-levels", page(out, "mse-covariates-levels", List.of("mse",
                out.resolve("own_c_absent_b.csv").toString(), "--lists", "A,B,C", "--covariates", "G", "--absent",
                "C:G=b", "--by", "G", "--interval", "bootstrap", "--replicates", "1000")));
        m.put("mse-covariates-years", page(out, "mse-covariates-years", List.of("mse",
                out.resolve("simdat.csv").toString(), "--lists", "R1,R2,R3,R4", "--covariates", "X1,X2", "--year", "Y",
                "--by", "X1,X2,Y", "--interval", "bootstrap", "--replicates", "500")));
        MseRecordsTest lists = new MseRecordsTest();
        lists.dir = Files.createDirectories(out.resolve("records"));
        List<String> cmd = new ArrayList<>(List.of("mse", "--records"));
        cmd.addAll(lists.writeLists(600));
        cmd.addAll(List.of("--id", "rec_id", "--field", "given_name=first", "--field", "surname=family", "--field",
                "dob=birth", "--field", "sex=sex", "--field", "city=town", "--model", "main"));
        m.put("mse-records", page(out, "mse-records", cmd));
        return m;
    }

    /** Reports of the other commands, added here as they gain --report. */
    static Map<String, Path> extraPages(Path out) throws Exception {
        Map<String, Path> m = new LinkedHashMap<>();
        Path world = out.resolve("world");
        assertEquals(0, CliTest.run("datasets", "world", world.toString()).code());
        Path cases = out.resolve("regional-cases.html");
        Files.deleteIfExists(cases);
        CliTest.Run r = CliTest.run("regional", "cases", world.resolve("cases.csv").toString(), "--population",
                world.resolve("population.csv").toString(), "--window", "2002-01-01:2011-12-31", "--report",
                cases.toString());
        assertEquals(0, r.code(), r.err());
        m.put("regional-cases", cases);
        Path surveys = out.resolve("regional-surveys.html");
        Files.deleteIfExists(surveys);
        r = CliTest.run("regional", "surveys", world.resolve("national.csv").toString(), "--covariates",
                world.resolve("covariates.csv").toString(), "--report", surveys.toString());
        assertEquals(0, r.code(), r.err());
        m.put("regional-surveys", surveys);
        m.putAll(mseModePages(out));
        Path demo = out.resolve("demo");
        r = CliTest.run("demo", "--dir", demo.toString());
        assertEquals(0, r.code(), r.err());
        m.put("demo", demo.resolve("report.html"));
        return m;
    }
}
