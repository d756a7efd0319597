package org.prevalence.cli.html;

import java.util.ArrayList;
import java.util.List;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.core.lists.StratifiedListTable;
import org.prevalence.mse.LogLinearMse;

/**
 * The HTML report of {@code prevalence mse FILE --stratum COL --report FILE}: each stratum's lists and overlaps, its
 * own log-linear estimate (model, interval, status) as a table and a forest plot, the strata not estimated and why,
 * the total of the estimable strata, every warning and how the figures were computed. Every figure is one of
 * {@code --format json} and carries its JSON path in {@code data-json}. Rendering only.
 */
public final class StratifiedHtml {
    private StratifiedHtml() {
    }

    /**
     * @param input the input's name
     * @param column the stratum column
     * @param table the strata's tables
     * @param result the estimate of each stratum and the total
     * @param level the confidence level
     * @param command the command line as typed
     */
    public record Context(String input, String column, StratifiedListTable table, LogLinearMse.StratifiedResult result,
                          double level, String command) {
    }

    private static boolean figure(LogLinearMse.Result r) {
        return r != null && (r.getStatus().hasFigure() || r.getStatus() == Status.DEGENERATE);
    }

    /** @return the whole page */
    public static String render(Context c) {
        StratifiedListTable t = c.table();
        LogLinearMse.StratifiedResult r = c.result();
        Html h = new Html("Multiple systems estimation by stratum: " + c.input());
        List<String> strata = t.strataNames();
        h.h(2, "The data");
        String[] head = new String[t.listNames().size() + 2];
        head[0] = c.column();
        head[1] = "#observed";
        for (int j = 0; j < t.listNames().size(); j++) {
            head[j + 2] = "#on " + t.listNames().get(j);
        }
        Html.Table data = new Html.Table(head);
        for (String s : strata) {
            ListOverlapTable st = t.stratum(s);
            Object[] row = new Object[head.length];
            row[0] = s;
            row[1] = Html.count(st.observedTotal());
            long[] m = st.marginalCounts();
            for (int j = 0; j < m.length; j++) {
                row[j + 2] = m[j] == 0 ? Html.Cell.styled("0", "color:#a4161a;font-weight:600") : Html.count(m[j]);
            }
            data.row(null, row);
        }
        h.raw(data.html());
        h.p("Each stratum's table is estimated on its own, with the same model options; a list with no case in a "
                + "stratum (in red) leaves that stratum with fewer lists to work with.");

        h.h(2, "Estimates by stratum");
        StringBuilder b = new StringBuilder("<div class=\"headline\">");
        b.append(Html.fig("total of the estimable strata", Html.num(r.getEstimate()), "total.estimate"));
        b.append(Html.fig("observed in them", Html.count(r.getObserved()), "total.observed"));
        b.append(Html.fig("strata estimated", r.getStrata().size() + " of " + strata.size(), null));
        h.raw(b.append("</div>").toString());
        List<Double> est = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> up = new ArrayList<>();
        for (String s : strata) {
            LogLinearMse.Result sr = r.getStrata().get(s);
            Interval iv = figure(sr) ? sr.getConfidenceInterval() : null;
            est.add(figure(sr) ? sr.getEstimate() : null);
            lo.add(iv == null ? null : iv.lower());
            up.add(iv == null ? null : iv.upper());
        }
        List<String> e = Html.column(est);
        List<String> l = Html.column(lo);
        List<String> u = Html.column(up);
        Html.Table tb = new Html.Table("!" + c.column(), "#observed", "#estimate", "#lower", "#upper", "model",
                "status");
        List<Svg.Row> forest = new ArrayList<>();
        List<Warning> all = new ArrayList<>();
        for (int i = 0; i < strata.size(); i++) {
            String s = strata.get(i);
            String k = "strata[" + i + "].";
            LogLinearMse.Result sr = r.getStrata().get(s);
            if (sr == null) {
                tb.row(null, s, Html.count(t.stratum(s).observedTotal()), Html.Cell.of("-", k + "estimate"), "-", "-",
                        "-", "not estimated: " + r.getNotEstimable().get(s));
                continue;
            }
            all.addAll(sr.getWarnings());
            boolean f = figure(sr) && sr.getConfidenceInterval() != null;
            tb.row(null, s, Html.Cell.of(Html.count(sr.getObserved()), k + "observed"), Html.Cell.of(e.get(i),
                    k + "estimate"), f ? Html.Cell.of(l.get(i), k + "interval.lower") : l.get(i),
                    f ? Html.Cell.of(u.get(i), k + "interval.upper") : u.get(i), sr.getModelName()
                            + (sr.getTerms().isEmpty() ? "" : "  " + String.join(", ", sr.getTerms())),
                    sr.getStatus().label() + (sr.getWarnings().isEmpty() ? "" : ": " + sr.getWarnings().get(0).message()));
            forest.add(Svg.Row.of(c.column() + " = " + s, est.get(i) == null ? Double.NaN : est.get(i),
                    lo.get(i) == null ? Double.NaN : lo.get(i), up.get(i) == null ? Double.NaN : up.get(i), false));
        }
        tb.row("sel", "total (estimable strata)", Html.Cell.of(Html.count(r.getObserved()), "total.observed"),
                Html.Cell.of(Html.num(r.getEstimate()), "total.estimate"), "", "", "", "");
        h.raw(tb.html());
        h.figure(Svg.forest(forest, "estimated population N"), "Each stratum's estimate and its "
                + Format.percent(c.level()) + "% interval; strata not estimated are left out (see the table).");
        h.h(2, "Strata not estimated");
        if (r.getNotEstimable().isEmpty()) {
            h.p("Every stratum was estimated.");
        } else {
            Html.Table ne = new Html.Table("!" + c.column(), "why");
            r.getNotEstimable().forEach((s, why) -> ne.row(null, s, why));
            h.raw(ne.html());
            h.p("The total adds the estimable strata only: it leaves out the population of the strata above.");
        }
        h.h(2, "Warnings");
        h.warnings(all, "No stratum's estimate gave a warning.");
        h.h(2, "How this was computed");
        Html.Table how = new Html.Table("!", "");
        how.row(null, "software", Html.version() + " (Java " + System.getProperty("java.version") + ")");
        how.row(null, "command", c.command());
        how.row(null, "method", "one log-linear estimate per stratum of " + c.column() + "; the total is their sum");
        how.row(null, "confidence level", Format.percent(c.level()) + " %");
        how.row(null, "R equivalent", "for each stratum s: SparseMSE::estimatepopulation.0(z[z$" + c.column()
                + " == s, ], ...) with the same method; sum the estimates");
        h.raw(how.html());
        return h.page(strata.size() + " strata of " + c.column() + ", " + t.listNames().size() + " lists ("
                + String.join(", ", t.listNames()) + "); " + Format.percent(c.level()) + "% intervals");
    }
}
