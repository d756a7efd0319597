package org.prevalence.cli.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.BicBootstrap;
import org.prevalence.mse.ListSensitivity;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.ModelCheck;
import org.prevalence.mse.MseBootstrap;
import org.prevalence.mse.PopulationEstimate;
import org.prevalence.mse.bayes.BayesianModelAveraging;
import org.prevalence.mse.bayes.LatentClassMse;
import org.prevalence.mse.closed.ClosedPopulationModels;
import org.prevalence.mse.closed.MethodComparison;

/**
 * The HTML report of {@code prevalence mse --report FILE}: the data (list sizes, overlaps, an UpSet plot), the
 * existence and identifiability checks, the command's own result (the figures of {@code --format json}, each
 * marked with its JSON path in {@code data-json}), the comparison of every method (the rows of
 * {@code --compare --format json}, marked in {@code data-compare}) as a table and a forest plot, the bootstrap or
 * posterior distribution, the list sensitivity ({@link ListSensitivity}: each list omitted, each pair merged; the
 * rows of {@code --sensitivity --format json}'s {@code sensitivity} array, marked in {@code data-sensitivity}), every
 * warning and how the figures were computed. Every figure comes from a library result; nothing is computed here.
 */
public final class MseHtml {
    private MseHtml() {
    }

    /**
     * What the report is made from.
     *
     * @param input the input's name (a file or a bundled dataset)
     * @param table the list-overlap table
     * @param result the command's typed result (a {@link PopulationEstimate}, a closed-model table or a comparison)
     * @param logLinear the command's configured log-linear estimator (re-run on each smaller table)
     * @param comparison the log-linear estimator of {@code --compare} with the same options
     * @param closed the command's closed-population models
     * @param level the confidence level
     * @param seed the seed of every random procedure
     * @param threads the threads (results do not depend on them)
     * @param command the command line as typed, for the "how" section
     */
    public record Context(String input, ListOverlapTable table, Object result, LogLinearMse logLinear,
                          LogLinearMse comparison, ClosedPopulationModels closed, double level, long seed, int threads, String command) {
    }

    /** A Bayesian row of the comparison, or why the table does not allow it. */
    private record Bayes(String method, String model, PopulationEstimate result, String error) {
        static Bayes of(String method, String model, Supplier<PopulationEstimate> fit) {
            try {
                return new Bayes(method, model, fit.get(), null);
            } catch (PrevalenceException e) {
                return new Bayes(method, model, null, e.getMessage());
            }
        }

        boolean shown() {
            return result != null && (result.getStatus().hasFigure() || result.getStatus() == Status.DEGENERATE);
        }
    }

    /** @return the whole page */
    public static String render(Context c) {
        Html h = new Html("Multiple systems estimation: " + c.input());
        section(h, c);
        return h.page(subtitle(c));
    }

    /** @return the report's sections only, for a page that joins several reports ({@code prevalence demo}) */
    public static String body(Context c) {
        Html h = new Html("");
        h.raw("<h2>Multiple systems estimation: " + Html.esc(c.input()) + "</h2><p class=\"sub\">"
                + Html.esc(subtitle(c)) + "</p>");
        section(h, c);
        return h.body();
    }

    private static String subtitle(Context c) {
        ListOverlapTable t = c.table();
        return t.listCount() + " lists (" + String.join(", ", t.listNames()) + "), " + Format.count(t.observedTotal())
                + " cases observed; " + Format.percent(c.level()) + "% intervals";
    }

    private static void section(Html h, Context c) {
        List<Warning> all = new ArrayList<>();
        data(h, c.table());
        headline(h, c, all);
        checks(h, c);
        MethodComparison.Result cmp = MethodComparison.withDefaults().with(c.closed()).with(c.comparison())
                .withConfidenceLevel(c.level()).compare(c.table());
        List<Bayes> bayes = List.of(
                Bayes.of("bma-decomposable", null, () -> BayesianModelAveraging.withDefaults()
                        .withConfidenceLevel(c.level()).withThreads(c.threads()).estimate(c.table())),
                Bayes.of("latent-class", null, () -> LatentClassMse.withDefaults().withSeed(c.seed())
                        .withConfidenceLevel(c.level()).withThreads(c.threads()).estimate(c.table())));
        comparison(h, c, cmp, bayes, all);
        distribution(h, c.result());
        sensitivity(h, c, all);
        h.h(2, "Warnings");
        h.warnings(all, "No method gave a warning on this table.");
        how(h, c);
    }

    // ------------------------------------------------------------------ data

    /** Appends the data section of a list-overlap table: list sizes, the UpSet plot, the pairwise overlaps. */
    static void data(Html h, ListOverlapTable t) {
        h.h(2, "The data");
        long[] sizes = t.marginalCounts();
        long[] counts = t.countsByMask();
        Html.Table lists = new Html.Table("list", "#cases on the list", "#only on this list", "#share of observed");
        for (int j = 0; j < t.listCount(); j++) {
            lists.row(null, t.listNames().get(j), Html.count(sizes[j]), Html.count(counts[1 << j]),
                    String.format(Locale.ROOT, "%.1f %%", 100.0 * sizes[j] / t.observedTotal()));
        }
        lists.row(null, "observed (on any list)", Html.count(t.observedTotal()), "", "");
        h.raw(lists.html());
        h.figure(Svg.upset(t.listNames(), counts, sizes), "UpSet plot: each column is a capture history (the lists "
                + "marked with a dark dot), its bar the number of cases with exactly that history, largest first; the "
                + "grey bars on the left are the list sizes.");
        long[][] pairs = t.pairwiseOverlaps();
        String[] head = new String[t.listCount() + 1];
        head[0] = "cases on both";
        for (int j = 0; j < t.listCount(); j++) {
            head[j + 1] = "#" + t.listNames().get(j);
        }
        Html.Table pt = new Html.Table(head);
        for (int i = 0; i < t.listCount(); i++) {
            Object[] row = new Object[t.listCount() + 1];
            row[0] = t.listNames().get(i);
            for (int j = 0; j < t.listCount(); j++) {
                row[j + 1] = i == j ? "" : pairs[i][j] == 0 ? Html.Cell.styled("0", "color:#a4161a;font-weight:600")
                        : Html.count(pairs[i][j]);
            }
            pt.row(null, row);
        }
        h.h(3, "Pairwise overlaps");
        h.raw(pt.html());
    }

    // ------------------------------------------------------------------ the command's result

    private static void headline(Html h, Context c, List<Warning> all) {
        h.h(2, "The estimate");
        Object r = c.result();
        if (r instanceof ClosedPopulationModels.ModelTable mt) {
            h.p("The command fitted every closed-population model (Rcapture closedp.t); each row below is a row of "
                    + "its JSON.");
            closedTable(h, mt, all);
            return;
        }
        if (r instanceof MethodComparison.Result) {
            h.p("The command compared every method: see the comparison below (the same rows as its JSON).");
            return;
        }
        if (!(r instanceof PopulationEstimate p)) {
            return;
        }
        all.addAll(p.getWarnings());
        boolean figure = p.getStatus().hasFigure() || p.getStatus() == Status.DEGENERATE;
        Interval iv = p.getConfidenceInterval();
        StringBuilder b = new StringBuilder("<div class=\"headline\">");
        b.append(Html.fig("estimated population N", figure ? Html.num(p.getEstimate()) : "not estimated",
                figure ? "estimate" : null));
        if (figure && iv != null) {
            b.append(Html.fig(Format.percent(iv.level()) + "% interval (" + iv.label() + "), lower",
                    Html.num(iv.lower()), "interval.lower"));
            b.append(Html.fig("upper", Html.num(iv.upper()), "interval.upper"));
        }
        b.append(Html.fig("observed", Html.count(p.getObserved()), "observed"));
        if (figure) {
            b.append(Html.fig("unobserved (the dark figure)", Html.num(p.getUnobserved()), "unobserved"));
        }
        h.raw(b.append("</div>").toString());
        Html.Table t = new Html.Table("quantity", "value");
        t.row(null, "method", p.getMethod());
        if (p.getModelName() != null) {
            t.row(null, "model", p.getModelName());
        }
        if (r instanceof LogLinearMse.Result ll) {
            terms(t, ll, "");
        } else if (r instanceof MseBootstrap.Result mb) {
            terms(t, mb.getFit(), "fit.");
            t.row(null, "bootstrapped selection", mb.getSelection());
        } else if (r instanceof BicBootstrap.Result bb) {
            t.row(null, "bootstrapped selection", bb.getSelection());
        }
        if (figure && Double.isFinite(p.getStandardError())) {
            t.row(null, "standard error", Html.Cell.of(Html.num(p.getStandardError()),
                    r instanceof MseBootstrap.Result || r instanceof BicBootstrap.Result ? "bootstrap_se" : "se"));
        }
        t.row(null, "status", p.getStatus().label());
        if (!figure) {
            t.row(null, "reason", p.getWarnings().isEmpty() ? "-" : p.getWarnings().get(0).message());
        }
        h.raw(t.html());
    }

    /** The selected model's terms in list names, its fit and its coefficients. */
    private static void terms(Html.Table t, LogLinearMse.Result r, String prefix) {
        t.row(null, "terms (list names)", r.getTerms().isEmpty() ? "main effects only" : String.join(", ", r.getTerms()));
        if (!r.getEmptyTerms().isEmpty()) {
            t.row(null, "empty overlaps (extended MLE, parameter -Inf)", String.join(", ", r.getEmptyTerms()));
        }
        t.row(null, "deviance", Html.Cell.of(Html.num(r.getDeviance()), prefix.isEmpty() ? "deviance" : null));
        t.row(null, "df", Html.Cell.of(String.valueOf(r.getDf()), prefix.isEmpty() ? "df" : null));
        t.row(null, "AIC", Html.Cell.of(Html.num(r.getAic()), prefix.isEmpty() ? "aic" : null));
        t.row(null, "BIC", Html.Cell.of(Html.num(r.getBic()), prefix.isEmpty() ? "bic" : null));
        if (r.getModelsCompared() > 0) {
            t.row(null, "models compared", Html.count(r.getModelsCompared()));
        }
    }

    private static void closedTable(Html h, ClosedPopulationModels.ModelTable mt, List<Warning> all) {
        List<ClosedPopulationModels.Result> rows = mt.getRows();
        List<Double> est = new ArrayList<>();
        List<Double> se = new ArrayList<>();
        List<Double> aic = new ArrayList<>();
        List<Double> bic = new ArrayList<>();
        for (ClosedPopulationModels.Result r : rows) {
            est.add(r.isEstimable() ? r.getEstimate() : null);
            se.add(r.isEstimable() && r.hasStandardError() ? r.getStandardError() : null);
            aic.add(r.isFitted() ? r.getAic() : null);
            bic.add(r.isFitted() ? r.getBic() : null);
        }
        List<String> e = Html.column(est);
        List<String> s = Html.column(se);
        List<String> a = Html.column(aic);
        List<String> bb = Html.column(bic);
        Html.Table t = new Html.Table("model", "#estimate", "#SE", "#AIC", "#BIC", "status");
        for (int i = 0; i < rows.size(); i++) {
            ClosedPopulationModels.Result r = rows.get(i);
            all.addAll(r.getWarnings());
            t.row(null, r.getLabel(), Html.Cell.of(e.get(i), "[" + i + "].estimate"), Html.Cell.of(s.get(i),
                    "[" + i + "].se"), Html.Cell.of(a.get(i), "[" + i + "].aic"), Html.Cell.of(bb.get(i),
                    "[" + i + "].bic"), r.getWarnings().isEmpty() ? r.getStatus().label()
                    : r.getStatus().label() + ": " + r.getWarnings().get(0).message());
        }
        h.raw(t.html());
    }

    // ------------------------------------------------------------------ checks

    private static void checks(Html h, Context c) {
        h.h(2, "Existence and identifiability");
        ListOverlapTable t = c.table();
        Html.Table ck = new Html.Table("check", "result");
        ck.row(null, "lists with no case", t.emptyLists().isEmpty() ? "none" : String.join(", ", t.emptyLists()));
        long[][] pairs = t.pairwiseOverlaps();
        List<String> none = new ArrayList<>();
        for (int i = 0; i < t.listCount(); i++) {
            for (int j = i + 1; j < t.listCount(); j++) {
                if (pairs[i][j] == 0) {
                    none.add(t.listNames().get(i) + " and " + t.listNames().get(j));
                }
            }
        }
        ck.row(null, "pairs of lists with no case in common", none.isEmpty() ? "none" : String.join("; ", none)
                + " (their interaction cannot be estimated by an ordinary MLE)");
        LogLinearMse.Result ll = c.result() instanceof LogLinearMse.Result r ? r
                : c.result() instanceof MseBootstrap.Result b ? b.getFit() : null;
        if (ll != null) {
            ModelCheck m = LogLinearMse.check(t, ll.getModel());
            ck.row(null, "selected model " + ll.getModelName() + " (SparseMSE checkident code " + m.getCode() + ")",
                    m.getMessage());
            if (!m.getEmptyTerms().isEmpty()) {
                ck.row(null, "terms with an empty overlap", String.join(", ", m.getEmptyTerms()));
            }
        }
        h.raw(ck.html());
        h.p("Code 0: the maximum likelihood estimate exists and the model is identifiable; 1: the MLE does not exist "
                + "(Fienberg-Rinaldo linear program); 2: not identifiable; 3: both.");
    }

    // ------------------------------------------------------------------ comparison

    private static void comparison(Html h, Context c, MethodComparison.Result cmp, List<Bayes> bayes,
                                   List<Warning> all) {
        h.h(2, "Models compared");
        h.p("Every method on the same table (the rows of prevalence mse --compare). The command's own choice is "
                + "highlighted. AIC and BIC are comparable across the log-linear and closed rows.");
        PopulationEstimate main = c.result() instanceof PopulationEstimate p ? p : null;
        List<Double> est = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> up = new ArrayList<>();
        List<Double> aic = new ArrayList<>();
        List<Double> bic = new ArrayList<>();
        for (MethodComparison.Row r : cmp.getRows()) {
            est.add(r.hasEstimate() ? r.getEstimate() : null);
            lo.add(r.getLower());
            up.add(r.getUpper());
            aic.add(r.getAic());
            bic.add(r.getBic());
        }
        for (Bayes b : bayes) {
            est.add(b.shown() ? b.result().getEstimate() : null);
            Interval iv = b.shown() ? b.result().getConfidenceInterval() : null;
            lo.add(iv == null ? null : iv.lower());
            up.add(iv == null ? null : iv.upper());
            aic.add(null);
            bic.add(null);
        }
        List<String> e = Html.column(est);
        List<String> l = Html.column(lo);
        List<String> u = Html.column(up);
        List<String> a = Html.column(aic);
        List<String> bi = Html.column(bic);
        Html.Table t = new Html.Table("!method", "!model", "#estimate", "#lower", "#upper", "#AIC", "#BIC", "status");
        List<Svg.Row> forest = new ArrayList<>();
        int i = 0;
        boolean marked = false;
        for (MethodComparison.Row r : cmp.getRows()) {
            boolean sel = !marked && main != null && r.getMethod().equals(main.getMethod())
                    && r.getModel() != null && r.getModel().equals(main.getModelName());
            marked |= sel;
            all.addAll(r.getWarnings());
            String why = r.getReason() != null ? r.getReason() : r.getNote();
            row(t, i, sel, r.getMethod(), r.getModel(), e, l, u, a, bi, r.getStatus().label()
                    + (why == null ? "" : ": " + why));
            forest.add(Svg.Row.of(r.getMethod() + " " + (r.getModel() == null ? "" : r.getModel()), est.get(i) == null
                    ? Double.NaN : est.get(i), r.getLower(), r.getUpper(), sel));
            i++;
        }
        for (Bayes b : bayes) {
            String model = b.result() instanceof BayesianModelAveraging.Result m ? m.getModels().get(0).getModel()
                    : b.result() instanceof LatentClassMse.Result lc ? "K=" + lc.getClasses() + " classes" : "-";
            if (b.result() != null) {
                all.addAll(b.result().getWarnings());
            }
            row(t, i, false, b.method(), model, e, l, u, a, bi, b.error() != null ? "not-estimated: " + b.error()
                    : b.result().getStatus().label() + (b.result().getWarnings().isEmpty() ? ""
                    : ": " + b.result().getWarnings().get(0).message()));
            forest.add(Svg.Row.of(b.method() + " (credible)", est.get(i) == null ? Double.NaN : est.get(i),
                    lo.get(i) == null ? Double.NaN : lo.get(i), up.get(i) == null ? Double.NaN : up.get(i), false));
            i++;
        }
        h.raw(t.html());
        h.figure(Svg.forest(forest, "estimated population N"), "Forest plot: each method's estimate (dot) and its "
                + Format.percent(c.level()) + "% interval (line); the command's own choice in orange. Rows with no "
                + "estimate are left out (see the table).");
    }

    private static void row(Html.Table t, int i, boolean sel, String method, String model, List<String> e,
                            List<String> l, List<String> u, List<String> a, List<String> b, String status) {
        t.row(sel ? "sel" : null, method, model == null ? "-" : model, cmp(e.get(i), i, "estimate"),
                cmp(l.get(i), i, "lower"), cmp(u.get(i), i, "upper"), cmp(a.get(i), i, "aic"),
                cmp(b.get(i), i, "bic"), status);
    }

    /** A comparison cell: its JSON path in the --compare output, written as a data-compare attribute. */
    private static Html.Cell cmp(String text, int i, String key) {
        return new Html.Cell(text, "data-compare", "[" + i + "]." + key, null);
    }

    // ------------------------------------------------------------------ distribution

    private static void distribution(Html h, Object r) {
        if (r instanceof MseBootstrap.Result b) {
            h.h(2, "Bootstrap distribution");
            Interval iv = b.getConfidenceInterval();
            h.figure(Svg.histogram(b.getReplicates(), b.getEstimate(), iv.lower(), iv.upper(), "population N"),
                    Format.count(b.getRequested()) + " replicates (" + b.getFailed() + " failed), seed " + b.getSeed()
                            + "; " + iv.label() + " limits dashed, the estimate solid. The BCa limits are the "
                            + String.format(Locale.ROOT, "%.5f and %.5f", b.getBcaPercentiles()[0],
                            b.getBcaPercentiles()[1]) + " quantiles of the replicates.");
        } else if (r instanceof BicBootstrap.Result b) {
            h.h(2, "Bootstrap distribution");
            Interval iv = b.getConfidenceInterval();
            h.figure(Svg.histogram(b.getReplicates(), b.getEstimate(), iv.lower(), iv.upper(), "population N"),
                    Format.count(b.getRequested()) + " replicates (" + b.getFailed() + " failed), top " + b.getNtop()
                            + " models by BIC, seed " + b.getSeed() + "; " + iv.label() + " limits dashed.");
        } else if (r instanceof BayesianModelAveraging.Result b) {
            h.h(2, "Posterior distribution");
            Interval iv = b.getCredibleInterval();
            h.figure(Svg.posterior(b.getPosteriorMass(), b.getObserved(), b.getMedian(), iv.lower(), iv.upper(),
                    "population N"), "Posterior of N averaged over decomposable graphs; median solid, credible "
                    + "limits dashed.");
        } else if (r instanceof LatentClassMse.Result l) {
            h.h(2, "Posterior distribution");
            long[] d = l.getPooledDraws();
            double[] v = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                v[i] = d[i];
            }
            Interval iv = l.getCredibleInterval();
            h.figure(Svg.histogram(v, l.getEstimate(), iv.lower(), iv.upper(), "population N"), Format.count(d.length)
                    + " pooled draws of " + l.getChains() + " chains; median solid, credible limits dashed.");
        }
    }

    // ------------------------------------------------------------------ sensitivity

    private static void sensitivity(Html h, Context c, List<Warning> all) {
        if (c.table().listCount() < 3) {
            return;
        }
        h.h(2, "List sensitivity: omit one, merge two");
        ListSensitivity.Result s = ListSensitivity.withDefaults().with(c.logLinear()).sensitivity(c.table());
        h.p("The log-linear estimate re-made with each list left out in turn, then with each pair of lists merged "
                + "into one (as modslavmse omitlists and mergelists; the same model selection on the changed table, a "
                + "fixed model replaced by the default selection). Cases seen only on an omitted list leave the "
                + "table; a merged list holds every case on either list. The rows are those of --sensitivity "
                + "--format json.");
        List<Double> est = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> up = new ArrayList<>();
        for (ListSensitivity.Row r : s.getRows()) {
            PopulationEstimate p = r.getResult();
            boolean fig = p != null && (p.getStatus().hasFigure() || p.getStatus() == Status.DEGENERATE);
            Interval iv = fig ? p.getConfidenceInterval() : null;
            est.add(fig ? p.getEstimate() : null);
            lo.add(iv == null ? null : iv.lower());
            up.add(iv == null ? null : iv.upper());
        }
        List<String> e = Html.column(est);
        List<String> l = Html.column(lo);
        List<String> u = Html.column(up);
        Html.Table t = new Html.Table("!change", "#observed", "#estimate", "#lower", "#upper", "model", "status");
        List<Svg.Row> forest = new ArrayList<>();
        PopulationEstimate main = c.result() instanceof PopulationEstimate p && (p.getStatus().hasFigure()
                || p.getStatus() == Status.DEGENERATE) ? p : null;
        if (main != null) {
            Interval iv = main.getConfidenceInterval();
            forest.add(Svg.Row.of("all lists (the estimate above)", main.getEstimate(), iv == null ? Double.NaN
                    : iv.lower(), iv == null ? Double.NaN : iv.upper(), true));
        }
        for (int i = 0; i < s.getRows().size(); i++) {
            ListSensitivity.Row r = s.getRows().get(i);
            if (r.isEstimated()) {
                all.addAll(r.getResult().getWarnings());
            }
            t.row(null, r.getLabel(), sens(Html.count(r.getObserved()), i, "observed"), sens(e.get(i), i, "estimate"),
                    sens(l.get(i), i, "lower"), sens(u.get(i), i, "upper"),
                    r.isEstimated() ? r.getResult().getModelName() + "  " + String.join(", ", r.getResult().getTerms())
                            : "-", r.isEstimated() ? r.getResult().getStatus().label() : "not estimated: "
                            + r.getReason());
            forest.add(Svg.Row.of(r.getLabel(), est.get(i) == null ? Double.NaN : est.get(i),
                    lo.get(i) == null ? Double.NaN : lo.get(i), up.get(i) == null ? Double.NaN : up.get(i), false));
        }
        h.raw(t.html());
        h.figure(Svg.forest(forest, "estimated population N"), "Each list left out in turn, then each pair merged: "
                + "estimate and " + Format.percent(c.level()) + "% interval"
                + (main == null ? "." : "; the estimate on all lists first, in orange."));
    }

    /** A sensitivity cell: its path in the {@code sensitivity} array of {@code --sensitivity --format json}. */
    private static Html.Cell sens(String text, int i, String key) {
        return new Html.Cell(text, "data-sensitivity", "[" + i + "]." + key, null);
    }

    // ------------------------------------------------------------------ how

    private static void how(Html h, Context c) {
        h.h(2, "How this was computed");
        Object r = c.result();
        Html.Table t = new Html.Table("!", "");
        t.row(null, "software", Html.version() + " (Java " + System.getProperty("java.version") + ")");
        t.row(null, "command", c.command());
        t.row(null, "method", r instanceof PopulationEstimate p ? p.getMethod() : r instanceof MethodComparison.Result
                ? "every method (--compare)" : "closed-population models (--closed-models)");
        t.row(null, "confidence level", Format.percent(c.level()) + " %");
        t.row(null, "seed", String.valueOf(c.seed()) + " (bootstraps, latent-class chains; results do not depend on "
                + "the thread count)");
        if (r instanceof MseBootstrap.Result b) {
            t.row(null, "replicates", Html.count(b.getRequested()) + " (" + b.getFailed() + " failed)");
        } else if (r instanceof BicBootstrap.Result b) {
            t.row(null, "replicates", Html.count(b.getRequested()) + " (" + b.getFailed() + " failed)");
        }
        t.row(null, "R equivalent", rCall(r));
        h.raw(t.html());
        h.p("z is the overlap table as a data frame: one 0/1 column per list and the count last (as prevalence "
                + "datasets show NAME --format csv writes it). Figures agree with these R packages to 1e-6 (see the "
                + "project's reference tests).");
    }

    /** @return the R call that gives the same figure */
    static String rCall(Object r) {
        if (r instanceof MseBootstrap.Result b) {
            return "SparseMSE::estimatepopulation(z, method = \"stepwise\", nboot = " + b.getRequested()
                    + ", pthresh = " + b.getPthresh() + ")";
        }
        if (r instanceof BicBootstrap.Result) {
            return "no R package: the BIC bootstrap of Silverman, Chan and Vincent (2024)";
        }
        if (r instanceof LogLinearMse.Result l) {
            return switch (l.getMethod()) {
                case "stepwise" -> "SparseMSE::estimatepopulation.0(z, method = \"stepwise\")";
                case "bic", "aic" -> "MultipleSystemsEstimation::estimate_population(z, method = \"" + l.getMethod()
                        + "\")";
                default -> "SparseMSE::estimatepopulation.0(z, method = \"fixed\", mX = <the terms above>)";
            };
        }
        if (r instanceof ClosedPopulationModels.ModelTable || r instanceof ClosedPopulationModels.Result) {
            return "Rcapture::closedp.t(z, dfreq = TRUE)";
        }
        if (r instanceof BayesianModelAveraging.Result) {
            return "dga::bma.cr(Y, Nmissing, delta, graphs)";
        }
        if (r instanceof LatentClassMse.Result) {
            return "LCMCR::lcmCR(captures, K = 10) then LCMCR::lcmCR_PostSampl(...)";
        }
        if (r instanceof MethodComparison.Result) {
            return "SparseMSE::estimatepopulation.0, MultipleSystemsEstimation::estimate_population, Rcapture::closedp.t"
                    + " (no single R call)";
        }
        return "Rcapture::closedp.t(z, dfreq = TRUE) for the closed models; a two-list estimator is a closed form";
    }
}
