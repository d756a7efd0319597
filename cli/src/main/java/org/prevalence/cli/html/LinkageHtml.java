package org.prevalence.cli.html;

import java.util.ArrayList;
import java.util.List;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.linkage.Linkage;
import org.prevalence.linkage.blocking.CandidatePairs;
import org.prevalence.linkage.cluster.ClusterMethod;
import org.prevalence.linkage.model.Parameters;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.PopulationEstimate;

/**
 * The HTML report of {@code prevalence mse --records A.csv B.csv ... --report FILE}: the linkage (records, the pairs
 * each blocking rule let through, the Fellegi-Sunter m and u probabilities, the clusters), the linked overlap table
 * (list sizes, UpSet plot, pairwise overlaps), the naive estimate's model and the estimates with the linkage error
 * carried into N (linkage averaging, the correction) beside it as a table and a forest plot, every warning and how
 * the figures were computed. Every figure is one of {@code --format json} and carries its JSON path in
 * {@code data-json}. No personal field of a record is shown. Rendering only.
 */
public final class LinkageHtml {
    private LinkageHtml() {
    }

    /**
     * One estimate of the side-by-side table.
     *
     * @param linkage how the linkage error was handled: none, averaging or correction
     * @param estimate the estimate
     */
    public record Estimate(String linkage, PopulationEstimate estimate) {
    }

    /**
     * What the mode computed.
     *
     * @param linkage the linkage
     * @param table the linked overlap table
     * @param naive the naive estimate (the linked table taken as exact)
     * @param estimates the naive estimate, then each linkage-uncertainty method's
     * @param alpha the correction's link rate, or {@code null} without the correction
     * @param beta its false-link rate, or {@code null}
     * @param ratesFrom where alpha and beta came from ("model" or "--linkage-rates"), or {@code null}
     */
    public record Run(Linkage.Result linkage, ListOverlapTable table, LogLinearMse.Result naive, List<Estimate> estimates,
                      Double alpha, Double beta, String ratesFrom) {
    }

    /**
     * @param run what the mode computed
     * @param level the confidence level
     * @param seed the seed of the linkage sampler
     * @param command the command line as typed
     */
    public record Context(Run run, double level, long seed, String command) {
    }

    private static boolean figure(PopulationEstimate p) {
        return p.getStatus().hasFigure() || p.getStatus() == Status.DEGENERATE;
    }

    /** @return the whole page */
    public static String render(Context c) {
        Run run = c.run();
        Linkage.Result r = run.linkage();
        ListOverlapTable t = run.table();
        Html h = new Html("Record linkage and multiple systems estimation: " + String.join(", ", t.listNames()));
        linkage(h, run);
        MseHtml.data(h, t);
        estimates(h, c);
        h.h(2, "Warnings");
        List<Warning> all = new ArrayList<>();
        for (Estimate e : run.estimates()) {
            all.addAll(e.estimate().getWarnings());
        }
        h.warnings(all, "No estimate gave a warning.");
        how(h, c);
        return h.page(Format.count(r.records().size()) + " records on " + t.listCount() + " lists, linked into "
                + Format.count(t.observedTotal()) + " cases; " + Format.percent(c.level()) + "% intervals");
    }

    private static void linkage(Html h, Run run) {
        Linkage.Result r = run.linkage();
        h.h(2, "The linkage");
        StringBuilder b = new StringBuilder("<div class=\"headline\">");
        b.append(Html.fig("records", Html.count(r.records().size()), "linkage.records"));
        b.append(Html.fig("candidate pairs", Html.count(r.pairCount()), "linkage.candidate_pairs"));
        b.append(Html.fig("average-linkage clusters", Html.count(r.clusters(ClusterMethod.AVERAGE_LINKAGE).count()),
                "linkage.clusters.average_linkage"));
        b.append(Html.fig("connected components", Html.count(r.clusters(ClusterMethod.CONNECTED_COMPONENTS).count()),
                "linkage.clusters.connected_components"));
        h.raw(b.append("</div>").toString());
        h.h(3, "Blocking: the pairs each rule let through");
        Html.Table bt = new Html.Table("rule", "#pairs");
        List<CandidatePairs.RuleCount> rules = r.blocking();
        for (int i = 0; i < rules.size(); i++) {
            bt.row(null, rules.get(i).rule(), Html.Cell.of(Html.count(rules.get(i).pairs()),
                    "linkage.blocking[" + i + "].pairs"));
        }
        bt.row(null, "candidate pairs (the union)", Html.Cell.of(Html.count(r.pairCount()), "linkage.candidate_pairs"));
        h.raw(bt.html());
        h.h(3, "Fellegi-Sunter model: m and u probabilities");
        h.p("m: the share of true matches with this agreement level on the field; u: the share of non-matches; the "
                + "weight is log2(m / u). Estimated by EM on the candidate pairs; prior match share lambda "
                + Html.num(r.parameters().lambda()) + ".");
        Html.Table pt = new Html.Table("field", "level", "#m", "#u", "#weight");
        List<Parameters.Row> rows = r.parameters().rows();
        for (int i = 0; i < rows.size(); i++) {
            Parameters.Row p = rows.get(i);
            String k = "linkage.parameters[" + i + "].";
            pt.row(null, p.field(), p.level(), Html.Cell.of(Html.num(p.m()), k + "m"), Html.Cell.of(Html.num(p.u()),
                    k + "u"), Html.Cell.of(Html.num(p.weight()), k + "weight"));
        }
        h.raw(pt.html());
        if (run.alpha() != null) {
            Html.Table at = new Html.Table("correction rate", "#value", "from");
            at.row(null, "alpha: the share of true links made", Html.Cell.of(Html.num(run.alpha()), "linkage.alpha"),
                    run.ratesFrom());
            at.row(null, "beta: the share of records with no true match on an earlier list linked to one",
                    Html.Cell.of(Html.num(run.beta()), "linkage.beta"), run.ratesFrom());
            h.raw(at.html());
        }
    }

    private static void estimates(Html h, Context c) {
        Run run = c.run();
        h.h(2, "The estimates side by side");
        h.p("none: the linked table taken as exact (the naive estimate); averaging: the estimate on each clustering "
                + "drawn from the pair probabilities, combined by total variance (as verdata); correction: the overlap "
                + "table corrected for the link rates alpha and beta (Ding and Fienberg 1994).");
        List<Double> est = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> up = new ArrayList<>();
        for (Estimate e : run.estimates()) {
            PopulationEstimate p = e.estimate();
            Interval iv = figure(p) ? p.getConfidenceInterval() : null;
            est.add(figure(p) ? p.getEstimate() : null);
            lo.add(iv == null ? null : iv.lower());
            up.add(iv == null ? null : iv.upper());
        }
        List<String> es = Html.column(est);
        List<String> l = Html.column(lo);
        List<String> u = Html.column(up);
        Html.Table t = new Html.Table("!linkage error", "method", "#observed", "#estimate", "#lower", "#upper",
                "status");
        List<Svg.Row> forest = new ArrayList<>();
        for (int i = 0; i < run.estimates().size(); i++) {
            Estimate e = run.estimates().get(i);
            PopulationEstimate p = e.estimate();
            String k = "estimates[" + i + "].";
            t.row(i == 0 ? "sel" : null, e.linkage(), p.getMethod(), Html.Cell.of(Html.count(p.getObserved()),
                    k + "observed"), Html.Cell.of(es.get(i), k + "estimate"), Html.Cell.of(l.get(i), k + "lower"),
                    Html.Cell.of(u.get(i), k + "upper"), p.getStatus().label() + (p.getWarnings().isEmpty() ? ""
                            : ": " + p.getWarnings().get(0).message()));
            forest.add(Svg.Row.of(e.linkage() + ": " + p.getMethod(), est.get(i) == null ? Double.NaN : est.get(i),
                    lo.get(i) == null ? Double.NaN : lo.get(i), up.get(i) == null ? Double.NaN : up.get(i), i == 0));
        }
        h.raw(t.html());
        h.figure(Svg.forest(forest, "estimated population N"), "Each way of carrying the linkage error into N: "
                + "estimate and " + Format.percent(c.level()) + "% interval; the naive estimate in orange.");
        LogLinearMse.Result n = run.naive();
        h.h(3, "The naive estimate's model");
        Html.Table m = new Html.Table("quantity", "value");
        m.row(null, "method", n.getMethod());
        m.row(null, "model", n.getModelName());
        m.row(null, "terms (list names)", n.getTerms().isEmpty() ? "main effects only" : String.join(", ", n.getTerms()));
        if (figure(n)) {
            m.row(null, "estimate", Html.Cell.of(Html.num(n.getEstimate()), "estimate"));
        }
        m.row(null, "deviance", Html.Cell.of(Html.num(n.getDeviance()), "deviance"));
        m.row(null, "df", Html.Cell.of(String.valueOf(n.getDf()), "df"));
        m.row(null, "AIC", Html.Cell.of(Html.num(n.getAic()), "aic"));
        m.row(null, "BIC", Html.Cell.of(Html.num(n.getBic()), "bic"));
        m.row(null, "status", n.getStatus().label());
        h.raw(m.html());
    }

    private static void how(Html h, Context c) {
        h.h(2, "How this was computed");
        Html.Table t = new Html.Table("!", "");
        t.row(null, "software", Html.version() + " (Java " + System.getProperty("java.version") + ")");
        t.row(null, "command", c.command());
        t.row(null, "linkage", "Fellegi-Sunter model fitted by EM on the blocked candidate pairs (as fastLink / "
                + "splink), average-linkage clustering of the pair probabilities");
        t.row(null, "estimate", c.run().naive().getMethod() + " on the linked table, then each linkage-uncertainty "
                + "method");
        t.row(null, "confidence level", Format.percent(c.level()) + " %");
        t.row(null, "seed", c.seed() + " (the clusterings drawn for averaging; results do not depend on the thread "
                + "count)");
        t.row(null, "R equivalent", "fastLink::fastLink(...) for the linkage, then " + MseHtml.rCall(c.run().naive())
                + " on the linked table; no single R call carries the linkage error into N");
        h.raw(t.html());
    }
}
