package org.prevalence.cli.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.Warning;
import org.prevalence.mse.covariate.Absence;
import org.prevalence.mse.covariate.CovariateFit;
import org.prevalence.mse.covariate.CovariateMse;
import org.prevalence.mse.covariate.CovariateTable;
import org.prevalence.mse.covariate.DomainEstimate;

/**
 * The HTML report of {@code prevalence mse FILE --covariates ... --report FILE}: the data (lists, covariates and
 * their levels, the structural zeros), the model search path (df, deviance, AIC, AICc, BIC and N of every model, the
 * selected one highlighted), the selected model's terms, the estimates by domain (the whole population, each level,
 * each pair of levels) and the plots of issue 18: the estimates by year with interval bars, and by covariate level.
 * Every figure is one of {@code --format json} and carries its JSON path in {@code data-json}. Rendering only.
 */
public final class CovariateHtml {
    private CovariateHtml() {
    }

    /**
     * What the report is made from.
     *
     * @param input the input's name
     * @param result the search
     * @param domains the domain estimates shown (the JSON's {@code estimates}, in its order)
     * @param interval how the domains' intervals were made, for example "parametric bootstrap, 1,000 replicates", or
     *     {@code null} for none
     * @param yearDegree the year's polynomial degree (0: a factor)
     * @param min the search's smallest model
     * @param max its largest model
     * @param level the confidence level
     * @param seed the bootstrap's seed
     * @param command the command line as typed
     */
    public record Context(String input, CovariateMse.Result result, List<DomainEstimate> domains, String interval,
                          int yearDegree, String min, String max, double level, long seed, String command) {
    }

    /** @return the whole page */
    public static String render(Context c) {
        Html h = new Html("Multiple systems estimation with covariates: " + c.input());
        CovariateFit sel = c.result().getSelected();
        CovariateTable t = sel.getTable();
        data(h, t);
        path(h, c);
        selected(h, c);
        estimates(h, c);
        h.h(2, "Warnings");
        List<Warning> all = new ArrayList<>(c.result().getWarnings());
        h.warnings(all, "The search gave no warning on this table.");
        how(h, c);
        return h.page(t.lists().size() + " lists (" + String.join(", ", t.lists()) + "), covariates "
                + (t.covariates().isEmpty() ? "none" : String.join(", ", t.covariates())) + ", "
                + Format.count(t.observed()) + " cases observed");
    }

    private static String yearName(CovariateTable t) {
        return t.yearIndex() < 0 ? null : t.covariates().get(t.yearIndex());
    }

    private static void data(Html h, CovariateTable t) {
        h.h(2, "The data");
        Html.Table v = new Html.Table("variable", "kind", "levels");
        for (String l : t.lists()) {
            v.row(null, l, "list", "0, 1");
        }
        for (int j = 0; j < t.covariates().size(); j++) {
            v.row(null, t.covariates().get(j), j == t.yearIndex() ? "year" : "covariate",
                    String.join(", ", t.levels(j)));
        }
        h.raw(v.html());
        Html.Table o = new Html.Table("quantity", "value");
        o.row(null, "cases observed (on at least one list)", Html.Cell.of(Html.count(t.observed()), "observed"));
        o.row(null, "cells of the full table", Html.count(t.cells()));
        StringBuilder z = new StringBuilder();
        for (Absence a : t.absences()) {
            z.append(z.length() == 0 ? "" : "; ").append("list ").append(a.list()).append(" absent where ")
                    .append(a.variable()).append(" = ").append(String.join(", ", a.levels()));
        }
        o.row(null, "structural zeros (cells left out of the likelihood and of N)", z.length() == 0 ? "none"
                : z.toString());
        h.raw(o.html());
    }

    private static void path(Html h, Context c) {
        h.h(2, "Model search");
        h.p("The stepwise path of model_search (Cruyff's R package mse) between " + c.min() + " and " + c.max()
                + "; each row is a model met on the way, the selected one (least BIC) highlighted.");
        List<CovariateMse.PathStep> p = c.result().getPath();
        List<Double> dev = new ArrayList<>();
        List<Double> aic = new ArrayList<>();
        List<Double> aicc = new ArrayList<>();
        List<Double> bic = new ArrayList<>();
        List<Double> n = new ArrayList<>();
        for (CovariateMse.PathStep s : p) {
            CovariateFit f = s.fit();
            dev.add(f.getDeviance());
            aic.add(f.getAic());
            aicc.add(f.getAicc());
            bic.add(f.getBic());
            n.add(f.getEstimate());
        }
        List<String> d = Html.column(dev);
        List<String> a = Html.column(aic);
        List<String> ac = Html.column(aicc);
        List<String> b = Html.column(bic);
        List<String> e = Html.column(n);
        Html.Table t = new Html.Table("!step", "model", "#df", "#deviance", "#AIC", "#AICc", "#BIC", "#N", "status");
        List<Svg.Row> forest = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            CovariateFit f = p.get(i).fit();
            String k = "path[" + i + "].";
            boolean sel = i == c.result().getSelectedIndex();
            String step = p.get(i).step().isEmpty() ? "(min)" : p.get(i).step();
            t.row(sel ? "sel" : null, step, f.getModelName(), Html.Cell.of(String.valueOf(f.getResidualDf()), k + "df"),
                    Html.Cell.of(d.get(i), k + "deviance"), Html.Cell.of(a.get(i), k + "aic"),
                    Html.Cell.of(ac.get(i), k + "aicc"), Html.Cell.of(b.get(i), k + "bic"),
                    Html.Cell.of(e.get(i), k + "estimate"), f.getStatus().label());
            forest.add(Svg.Row.of((i + 1) + ". " + step, f.getEstimate(), Double.NaN, Double.NaN, sel));
        }
        h.raw(t.html());
        if (p.size() > 1) {
            h.figure(Svg.forest(forest, "estimated population N"), "N of each model on the path, in the order met; the "
                    + "selected model in orange.");
        }
    }

    private static void selected(Html h, Context c) {
        h.h(2, "The selected model");
        CovariateMse.Result r = c.result();
        CovariateFit f = r.getSelected();
        StringBuilder b = new StringBuilder("<div class=\"headline\">");
        b.append(Html.fig("estimated population N", Html.num(r.getEstimate()), "estimate"));
        DomainEstimate all = c.domains().stream().filter(d -> d.domain().isEmpty()).findFirst().orElse(null);
        if (all != null && all.interval() != null) {
            int i = c.domains().indexOf(all);
            b.append(Html.fig(Format.percent(all.interval().level()) + "% interval, lower",
                    Html.num(all.interval().lower()), "estimates[" + i + "].lower"));
            b.append(Html.fig("upper", Html.num(all.interval().upper()), "estimates[" + i + "].upper"));
        }
        b.append(Html.fig("observed", Html.count(r.getObserved()), "observed"));
        h.raw(b.append("</div>").toString());
        Html.Table t = new Html.Table("quantity", "value");
        t.row(null, "model", r.getModelName());
        t.row(null, "terms", String.join(", ", f.getTerms()));
        if (!f.getAliased().isEmpty()) {
            t.row(null, "aliased parameters", String.join(", ", f.getAliased()));
        }
        t.row(null, "selected by", "least BIC on the path (row " + (r.getSelectedIndex() + 1) + ")");
        t.row(null, "status", r.getStatus().label());
        h.raw(t.html());
    }

    private static String label(Map<String, String> domain) {
        if (domain.isEmpty()) {
            return "everyone";
        }
        List<String> parts = new ArrayList<>();
        domain.forEach((k, v) -> parts.add(k + " = " + v));
        return String.join(", ", parts);
    }

    private static double lo(DomainEstimate d) {
        return d.interval() == null ? Double.NaN : d.interval().lower();
    }

    private static double up(DomainEstimate d) {
        return d.interval() == null ? Double.NaN : d.interval().upper();
    }

    private static void estimates(Html h, Context c) {
        h.h(2, "Estimates by domain");
        List<DomainEstimate> ds = c.domains();
        h.p(c.interval() == null ? "The selected model's fitted population of each domain (the sum of its cells' "
                + "fitted values); no interval was asked for (use --interval bootstrap)."
                : "The selected model's fitted population of each domain with its " + Format.percent(c.level())
                + "% interval (" + c.interval() + "). The levels of a covariate add up to the whole population.");
        List<Double> est = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> up = new ArrayList<>();
        for (DomainEstimate d : ds) {
            est.add(d.estimate());
            Interval iv = d.interval();
            lo.add(iv == null ? null : iv.lower());
            up.add(iv == null ? null : iv.upper());
        }
        List<String> e = Html.column(est);
        List<String> l = Html.column(lo);
        List<String> u = Html.column(up);
        Html.Table t = new Html.Table("domain", "#observed", "#estimate", "#lower", "#upper");
        for (int i = 0; i < ds.size(); i++) {
            DomainEstimate d = ds.get(i);
            String k = "estimates[" + i + "].";
            t.row(d.domain().isEmpty() ? "sel" : null, label(d.domain()), Html.Cell.of(Html.count(d.observed()),
                    k + "observed"), Html.Cell.of(e.get(i), k + "estimate"), Html.Cell.of(l.get(i), k + "lower"),
                    Html.Cell.of(u.get(i), k + "upper"));
        }
        h.raw(t.html());
        CovariateTable tab = c.result().getSelected().getTable();
        String year = yearName(tab);
        List<String> years = new ArrayList<>();
        List<Double> ye = new ArrayList<>();
        List<Double> yl = new ArrayList<>();
        List<Double> yu = new ArrayList<>();
        List<Svg.Row> levels = new ArrayList<>();
        List<Svg.Row> pairs = new ArrayList<>();
        for (DomainEstimate d : ds) {
            if (d.domain().isEmpty()) {
                levels.add(0, Svg.Row.of("everyone", d.estimate(), lo(d), up(d), true));
            } else if (d.domain().size() == 1 && d.domain().containsKey(year)) {
                years.add(d.domain().get(year));
                ye.add(d.estimate());
                yl.add(lo(d));
                yu.add(up(d));
            } else if (d.domain().size() == 1) {
                levels.add(Svg.Row.of(label(d.domain()), d.estimate(), lo(d), up(d), false));
            } else {
                pairs.add(Svg.Row.of(label(d.domain()), d.estimate(), lo(d), up(d), false));
            }
        }
        String bars = c.interval() == null ? "" : " with " + Format.percent(c.level()) + "% interval bars";
        if (!years.isEmpty()) {
            h.h(3, "By year");
            h.figure(Svg.series(years, ye.stream().mapToDouble(Double::doubleValue).toArray(),
                    yl.stream().mapToDouble(Double::doubleValue).toArray(),
                    yu.stream().mapToDouble(Double::doubleValue).toArray(), year, "estimated population N"),
                    "The estimated population of each year" + bars + ".");
        }
        if (levels.size() > 1) {
            h.h(3, "By covariate level");
            h.figure(Svg.forest(levels, "estimated population N"), "The whole population (orange) and each level of "
                    + "each covariate" + bars + ".");
        }
        if (!pairs.isEmpty()) {
            h.h(3, "By pair of levels");
            h.figure(Svg.forest(pairs, "estimated population N"), "Each pair of levels of two covariates" + bars + ".");
        }
    }

    private static void how(Html h, Context c) {
        h.h(2, "How this was computed");
        CovariateTable t = c.result().getSelected().getTable();
        Html.Table tb = new Html.Table("!", "");
        tb.row(null, "software", Html.version() + " (Java " + System.getProperty("java.version") + ")");
        tb.row(null, "command", c.command());
        tb.row(null, "method", c.result().getMethod() + ": Poisson log-linear models with list x covariate "
                + "interactions fitted by IRLS, stepwise search between " + c.min() + " and " + c.max()
                + ", selection by BIC");
        String year = yearName(t);
        if (year != null) {
            tb.row(null, "year", year + (c.yearDegree() > 0 ? " as an orthogonal polynomial of degree "
                    + c.yearDegree() + " (R poly)" : " as a factor"));
        }
        tb.row(null, "intervals", c.interval() == null ? "none" : c.interval() + ", seed " + c.seed()
                + " (results do not depend on the thread count)");
        tb.row(null, "confidence level", Format.percent(c.level()) + " %");
        String lists = "1:" + t.lists().size();
        tb.row(null, "R equivalent", "mse::model_search(d, lists = " + lists + (year == null ? "" : ", year = \""
                + year + "\"" + (c.yearDegree() > 0 ? ", degree_year = " + c.yearDegree() : "")) + ")"
                + (c.interval() == null ? "" : " then mse::boot_mse(...)")
                + (t.absences().isEmpty() ? "" : " (mse has no structural zeros: the project's search_sz rule)"));
        h.raw(tb.html());
    }
}
