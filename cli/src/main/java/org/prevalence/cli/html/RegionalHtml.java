package org.prevalence.cli.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.prevalence.core.Format;
import org.prevalence.core.io.Columns;
import org.prevalence.regional.RegionalEstimate;
import org.prevalence.regional.ReportedCasePipeline;
import tech.tablesaw.api.Table;

/**
 * The HTML report of {@code prevalence regional ... --report FILE}: the regional and world estimates (the figures of
 * {@code --format json}, marked with their JSON paths) with their 68 % and 95 % intervals, per-1,000 rates with
 * their population denominators, the published table of the region edition beside them (where the project bundles
 * one), the parts not estimated and why, and how the figures were computed. Rendering only: the plot shows each
 * figure per 1,000 inhabitants, a change of unit.
 */
public final class RegionalHtml {
    private RegionalHtml() {
    }

    /**
     * @param title what was estimated, for example "Reported-case pipeline: cases.csv"
     * @param regions the regions, in the JSON's order
     * @param world the world
     * @param strata the reported-case pipeline's strata (empty for the survey pipeline)
     * @param published the edition's published table (columns region, per_1000_inhabitants and a figure), or null
     * @param truth a known truth per region and world (a synthetic world), or {@code null}
     * @param method how the figures were made, one sentence
     * @param command the command line
     */
    public record Context(String title, List<RegionalEstimate> regions, RegionalEstimate world,
                          List<ReportedCasePipeline.StratumResult> strata, Table published, double[] truth,
                          String method, String command) {
    }

    /** @return the whole page */
    public static String render(Context c) {
        Html h = new Html(c.title());
        section(h, c);
        return h.page(c.method());
    }

    /** @return the sections only (for the demo's joined page) */
    public static String body(Context c) {
        Html h = new Html("");
        h.raw("<h2>" + Html.esc(c.title()) + "</h2><p class=\"sub\">" + Html.esc(c.method()) + "</p>");
        section(h, c);
        return h.body();
    }

    /** @return the published per-1,000 rate and the published figure of a region, or null */
    private static String[] published(Table t, String region) {
        if (t == null) {
            return null;
        }
        String[] names = Columns.strings(t, "region");
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(region)) {
                String rate = t.columnNames().contains("per_1000_inhabitants")
                        ? t.column("per_1000_inhabitants").getString(i) : "";
                String fig = t.columnNames().contains("forced_labour_millions")
                        ? t.column("forced_labour_millions").getString(i) + " million"
                        : t.columnNames().contains("forced_labour_persons")
                        ? Format.count(Math.round(Columns.numbers(t, "forced_labour_persons")[i])) : "";
                return new String[] {rate, fig};
            }
        }
        return null;
    }

    private static void section(Html h, Context c) {
        List<RegionalEstimate> all = new ArrayList<>(c.regions());
        all.add(c.world());
        List<Double> est = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        List<Double> lo68 = new ArrayList<>();
        List<Double> up68 = new ArrayList<>();
        List<Double> lo95 = new ArrayList<>();
        List<Double> up95 = new ArrayList<>();
        List<Double> pop = new ArrayList<>();
        for (RegionalEstimate e : all) {
            boolean ok = e.isEstimated();
            est.add(ok ? e.getEstimate() : null);
            rate.add(ok ? e.getPer1000() : null);
            lo68.add(ok ? e.getLower68() : null);
            up68.add(ok ? e.getUpper68() : null);
            lo95.add(ok ? e.getLower95() : null);
            up95.add(ok ? e.getUpper95() : null);
            pop.add(e.getPopulation());
        }
        List<String> es = Html.column(est);
        List<String> rs = Html.column(rate);
        List<String> l68 = Html.column(lo68);
        List<String> u68 = Html.column(up68);
        List<String> l95 = Html.column(lo95);
        List<String> u95 = Html.column(up95);
        List<String> ps = Html.column(pop);
        boolean pub = c.published() != null;
        List<String> head = new ArrayList<>(List.of("region", "#estimate", "#per 1,000", "#population", "#68% lower",
                "#68% upper", "#95% lower", "#95% upper"));
        if (c.truth() != null) {
            head.add("#truth");
        }
        if (pub) {
            head.add("#published rate");
            head.add("#published");
        }
        head.add("status");
        Html.Table t = new Html.Table(head.toArray(String[]::new));
        List<Svg.Row> forest = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            RegionalEstimate e = all.get(i);
            boolean world = i == all.size() - 1;
            String p = world ? "world." : "regions[" + i + "].";
            String name = world ? "World" : e.getName();
            List<Object> cells = new ArrayList<>(List.of(name, Html.Cell.of(es.get(i), p + "estimate"),
                    Html.Cell.of(rs.get(i), p + "per_1000"), Html.Cell.of(ps.get(i), p + "population"),
                    Html.Cell.of(l68.get(i), p + "lower68"), Html.Cell.of(u68.get(i), p + "upper68"),
                    Html.Cell.of(l95.get(i), p + "lower95"), Html.Cell.of(u95.get(i), p + "upper95")));
            if (c.truth() != null) {
                cells.add(Html.num(c.truth()[i]));
            }
            String[] pf = published(c.published(), name);
            if (pub) {
                cells.add(pf == null ? "-" : pf[0]);
                cells.add(pf == null ? "-" : pf[1]);
            }
            cells.add(e.getStatus().label() + (e.getReason() == null ? "" : ": " + e.getReason()));
            t.row(world ? "sel" : null, cells.toArray());
            if (!e.getLeavesOut().isEmpty()) {
                notes.add(name + " leaves out: " + String.join("; ", e.getLeavesOut()));
            }
            double unit = 1000 / e.getPopulation();
            double ref = c.truth() != null ? c.truth()[i] * unit : pf != null && !pf[0].isEmpty()
                    ? Double.parseDouble(pf[0]) : Double.NaN;
            forest.add(new Svg.Row(name, e.isEstimated() ? e.getPer1000() : Double.NaN, e.getLower95() * unit,
                    e.getUpper95() * unit, e.getLower68() * unit, e.getUpper68() * unit, ref, world));
        }
        h.h(3, "Regional and world estimates");
        h.raw(t.html());
        for (String n : notes) {
            h.p(n);
        }
        h.figure(Svg.forest(forest, "people in forced labour per 1,000 inhabitants"), "Per 1,000 inhabitants (each "
                + "figure divided by the region's population / 1,000): estimate (dot), 68 % interval (thick bar), 95 % "
                + "interval (thin line); the orange diamond is " + (c.truth() != null ? "the synthetic world's truth."
                : pub ? "the published rate." : "absent (no published table for this edition)."));
        List<ReportedCasePipeline.StratumResult> missing = c.strata().stream().filter(s -> !s.getStatus().hasFigure())
                .toList();
        if (!c.strata().isEmpty()) {
            h.h(3, "Strata not estimated");
            if (missing.isEmpty()) {
                h.p("Every stratum (region, form of forced labour) was estimated.");
            } else {
                Html.Table st = new Html.Table("!region", "form", "#observed cases", "#overlap", "status and reason");
                for (ReportedCasePipeline.StratumResult s : missing) {
                    st.row(null, s.getRegion(), s.getForm(), Html.count(s.getObservedCases()), Html.count(s.getOverlap()),
                            s.getStatus().label() + (s.getReason() == null ? "" : ": " + s.getReason()));
                }
                h.raw(st.html());
            }
        }
        h.h(3, "How this was computed");
        Html.Table how = new Html.Table("", "");
        how.row(null, "software", Html.version() + " (Java " + System.getProperty("java.version") + ")");
        how.row(null, "command", c.command());
        how.row(null, "method", c.method());
        how.row(null, "R equivalent", "no R package: the ILO 2012 reported-case method (ILO 2012, annex) and the "
                + "Global Estimates' survey aggregation are implemented here");
        h.raw(how.html());
    }

    /** @return the scheme's name in lower case */
    static String lower(Object o) {
        return String.valueOf(o).toLowerCase(Locale.ROOT);
    }
}
