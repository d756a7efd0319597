package org.prevalence.cli.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.SurveyEstimate;

/**
 * The HTML report of {@code prevalence survey --report FILE}: the design's summary (rows, strata, PSUs, weights, the
 * lonely-PSU rule, the variance method and any calibration), the estimates by domain as a table (the figures of
 * {@code --format json}, marked with their JSON paths) and an interval plot, with the design effects, and how they
 * were computed. Rendering only.
 */
public final class SurveyHtml {
    private SurveyHtml() {
    }

    /**
     * @param input the input's name
     * @param design the final design (after replicates and calibration)
     * @param results the estimates, in the order of the JSON's {@code estimates}
     * @param level the confidence level
     * @param adjustment how the weights were adjusted (post-stratification, raking, calibration), or {@code null}
     * @param command the command line as typed
     */
    public record Context(String input, SurveyDesign design, List<SurveyEstimate> results, double level,
                          String adjustment, String command) {
    }

    /** @return the whole page */
    public static String render(Context c) {
        Html h = new Html("Survey estimates: " + c.input());
        section(h, c);
        return h.page(subtitle(c));
    }

    /** @return the sections only (for the demo's joined page) */
    public static String body(Context c) {
        Html h = new Html("");
        h.raw("<h2>Survey estimates: " + Html.esc(c.input()) + "</h2><p class=\"sub\">" + Html.esc(subtitle(c))
                + "</p>");
        section(h, c);
        return h.body();
    }

    private static String subtitle(Context c) {
        return Format.count(c.design().rows()) + " respondents, " + c.design().varianceMethod() + " variance; "
                + Format.percent(c.level()) + "% intervals";
    }

    private static String domain(Map<String, String> d) {
        List<String> parts = new ArrayList<>();
        d.forEach((k, v) -> parts.add(k + "=" + v));
        return parts.isEmpty() ? "all" : String.join(", ", parts);
    }

    private static void section(Html h, Context c) {
        SurveyDesign d = c.design();
        h.h(3, "Design");
        Html.Table t = new Html.Table("quantity", "value");
        t.row(null, "rows", Html.Cell.of(Html.count(d.rows()), "design.rows"));
        t.row(null, "strata", Html.Cell.of(Html.count(d.strataCount()), "design.strata"));
        t.row(null, "PSUs (first-stage clusters)", Html.Cell.of(Html.count(d.psuCount()), "design.psus"));
        t.row(null, "sum of the weights", Html.Cell.of(Html.num(d.weightSum()), "design.weights_sum"));
        t.row(null, "stages", d.isMultistage() ? "two or more (multistage)" : "one");
        t.row(null, "lonely PSU rule", String.valueOf(d.lonelyPsu()).toLowerCase(java.util.Locale.ROOT)
                + " (a stratum with one PSU, as R's options(survey.lonely.psu))");
        t.row(null, "variance", d.varianceMethod() + (d.isReplicate() ? " (replicate weights)" : ""));
        t.row(null, "weights adjusted", c.adjustment() == null ? (d.isCalibrated() ? "calibrated" : "no")
                : c.adjustment());
        h.raw(t.html());
        h.h(3, "Estimates");
        List<SurveyEstimate> rs = c.results();
        List<Double> est = new ArrayList<>();
        List<Double> se = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> up = new ArrayList<>();
        List<Double> deff = new ArrayList<>();
        for (SurveyEstimate r : rs) {
            Interval iv = r.getConfidenceInterval();
            est.add(r.getEstimate());
            se.add(r.getStandardError());
            lo.add(iv == null ? null : iv.lower());
            up.add(iv == null ? null : iv.upper());
            deff.add(r.getDeff());
        }
        List<String> e = Html.column(est);
        List<String> s = Html.column(se);
        List<String> l = Html.column(lo);
        List<String> u = Html.column(up);
        List<String> df = Html.column(deff);
        Html.Table et = new Html.Table("!statistic", "variable", "domain", "#estimate", "#SE", "#lower", "#upper",
                "#deff", "#n", "#df", "interval");
        List<Svg.Row> forest = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            SurveyEstimate r = rs.get(i);
            String p = "estimates[" + i + "].";
            Interval iv = r.getConfidenceInterval();
            et.row(null, r.getStatistic(), r.getVariable(), domain(r.getDomain()), Html.Cell.of(e.get(i), p + "estimate"),
                    Html.Cell.of(s.get(i), p + "se"), Html.Cell.of(l.get(i), p + "lower"), Html.Cell.of(u.get(i),
                    p + "upper"), Html.Cell.of(df.get(i), p + "deff"), Html.Cell.of(Html.count(r.getN()), p + "n"),
                    Html.Cell.of(String.valueOf(r.getDegreesOfFreedom()), p + "df"), iv == null ? "-" : iv.label());
            forest.add(Svg.Row.of(r.getVariable() + " " + domain(r.getDomain()), r.getEstimate(),
                    iv == null ? Double.NaN : iv.lower(), iv == null ? Double.NaN : iv.upper(), false));
        }
        h.raw(et.html());
        // one chart per statistic and variable, so that a mean and a proportion never share an axis
        java.util.Map<String, List<Svg.Row>> charts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < rs.size(); i++) {
            charts.computeIfAbsent(rs.get(i).getStatistic() + " of " + rs.get(i).getVariable(), k -> new ArrayList<>())
                    .add(forest.get(i));
        }
        charts.forEach((what, rows) -> h.figure(Svg.forest(rows, what), what + ": each estimate (dot) with its "
                + Format.percent(c.level()) + "% interval (line). deff: the design effect, the variance over the "
                + "variance of simple random sampling of the same size (as R's svymean(..., deff = TRUE))."));
        h.h(3, "How this was computed");
        Html.Table how = new Html.Table("", "");
        how.row(null, "software", Html.version() + " (Java " + System.getProperty("java.version") + ")");
        how.row(null, "command", c.command());
        how.row(null, "R equivalent", "survey::svydesign(ids, strata, weights, fpc, data), then svymean / svytotal / "
                + "svyciprop / svyby" + (d.isReplicate() ? "; as.svrepdesign for the replicate weights" : "")
                + (c.adjustment() == null ? "" : "; postStratify / rake / calibrate for the weights"));
        h.raw(how.html());
    }
}
