package org.prevalence.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;
import org.prevalence.core.lists.StratifiedListTable;
import org.prevalence.mse.BicBootstrap;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.MseBootstrap;
import org.prevalence.mse.PopulationEstimate;
import org.prevalence.mse.bayes.BayesianModelAveraging;
import org.prevalence.mse.bayes.LatentClassMse;
import org.prevalence.mse.closed.ChaoLowerBound;
import org.prevalence.mse.closed.ClosedPopulationModels;
import org.prevalence.mse.closed.MethodComparison;

/**
 * The documents of {@code prevalence mse}, one per list-family result ({@link PopulationEstimate} and the
 * results that hold several): the text table, the JSON tree ({@link MseJson}) and the CSV table, each written
 * from the typed result. A result's {@code checked} form carries the {@code --max-estimate} rule's status
 * and warnings.
 */
final class Reports {
    private static final String TITLE = "Multiple systems estimation\n";

    /** The CSV columns of every MSE result: one estimate a row. */
    private static final List<String> CSV = List.of("stratum", "method", "model", "observed", "estimate", "unobserved",
            "lower", "upper", "level", "interval_method", "deviance", "df", "aic", "bic", "status", "reason");

    private Reports() {
    }

    /** A table cell: {@link Format#number}, no E-notation (a value below 0.0001 says so), "-" for none. */
    static String cell(Object o) {
        if (o instanceof Number n) {
            double x = n.doubleValue();
            return x != 0 && Math.abs(x) < 1e-4 ? (x > 0 ? "< 0.0001" : "> -0.0001") : Format.number(x);
        }
        return o == null ? "-" : String.valueOf(o);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The quantity/value table of one result, in the order the text report prints it. */
    private static final class Summary {
        private final ResultTable rows = new ResultTable("quantity", "value");

        Summary(String input, List<String> lists, String method) {
            line("input", input + " (" + lists.size() + " lists: " + String.join(", ", lists) + ")");
            line("method", method);
        }

        Summary line(String quantity, String value) {
            rows.add(quantity, value);
            return this;
        }

        Summary model(String model, List<String> terms) {
            return line("model", model + (terms == null ? "" : terms.isEmpty() ? " (main effects)"
                    : "  " + String.join(", ", terms)));
        }

        /** observed, unobserved, estimate and the interval; "not estimated" where there is no figure */
        Summary figures(long observed, double unobserved, double estimate, Interval iv, boolean figure) {
            line("observed", Format.count(observed));
            line("unobserved", figure ? cell(unobserved) : "not estimated");
            line("estimate", figure ? cell(estimate) : "not estimated");
            if (figure && iv != null) {
                line(Format.percent(iv.level()) + "% interval (" + iv.label() + ")",
                        cell(iv.lower()) + " to " + cell(iv.upper()));
            }
            return this;
        }

        Summary se(Double se) {
            return se == null ? this : line("standard error", cell(se));
        }

        Summary fit(Double deviance, Integer df, Double aic, Double bic) {
            line("deviance (df)", cell(deviance) + " (" + df + ")");
            return line("AIC / BIC", cell(aic) + " / " + cell(bic));
        }

        Summary emptyTerms(List<String> terms) {
            return terms.isEmpty() ? this : line("empty overlaps", terms + " (extended MLE: parameter -Inf)");
        }

        Summary bootstrap(String selection, double[] bcaPercentiles) {
            if (selection != null) {
                line("bootstrapped selection", selection);
            }
            List<java.math.BigDecimal> p = MseJson.percentiles(bcaPercentiles);
            return line("BCa percentiles", String.format(Locale.ROOT, "%.5f and %.5f of the replicates",
                    p.get(0).doubleValue(), p.get(1).doubleValue()));
        }

        Summary status(PopulationEstimate r) {
            line("status", r.getStatus().label());
            for (Warning w : r.getWarnings()) {
                line("  " + MseJson.kind(w), w.message());
            }
            return this;
        }

        String text() {
            return TITLE + rows.text(List.of("quantity", "value"), String::valueOf);
        }
    }

    /** One CSV row in the {@link #CSV} columns. */
    private static List<Object> csvRow(String stratum, String method, String model, Long observed, Object estimate,
                                       Object unobserved, Interval iv, Object deviance, Object df, Object aic,
                                       Object bic, String status, String reason) {
        List<Object> r = new ArrayList<>();
        r.add(stratum);
        r.add(method);
        r.add(model);
        r.add(observed);
        r.add(estimate);
        r.add(unobserved);
        r.add(iv == null ? null : iv.lower());
        r.add(iv == null ? null : iv.upper());
        r.add(iv == null ? null : iv.level());
        r.add(iv == null ? null : iv.label());
        r.add(deviance);
        r.add(df);
        r.add(aic);
        r.add(bic);
        r.add(status);
        r.add(orEmpty(reason));
        return r;
    }

    private static List<Object> logLinearCsv(String stratum, LogLinearMse.Result r) {
        boolean f = MseJson.hasFigure(r);
        return csvRow(stratum, r.getMethod(), r.getModelName(), r.getObserved(), f ? r.getEstimate() : null,
                f ? r.getUnobserved() : null, f ? r.getConfidenceInterval() : null, r.getDeviance(), r.getDf(),
                r.getAic(), r.getBic(), r.getStatus().label(), MseJson.firstMessage(r.getWarnings()));
    }

    private static ResultTable csv(List<Object> row) {
        return new ResultTable(CSV).add(row);
    }

    /** A log-linear fit (a fixed model, stepwise, AIC or BIC selection). */
    static Report logLinear(String input, LogLinearMse.Result r) {
        boolean f = MseJson.hasFigure(r);
        String text = new Summary(input, r.getLists(), r.getMethod()).model(r.getModelName(), r.getTerms())
                .figures(r.getObserved(), r.getUnobserved(), r.getEstimate(), r.getConfidenceInterval(), f)
                .se(f ? r.getStandardError() : null).fit(r.getDeviance(), r.getDf(), r.getAic(), r.getBic())
                .emptyTerms(r.getEmptyTerms()).status(r).text();
        return new Report(text, MseJson.logLinear(r), csv(logLinearCsv(null, r)));
    }

    /** A two-list estimator (Chapman, Lincoln-Petersen). */
    static Report twoList(String input, PopulationEstimate r, PopulationEstimate checked) {
        boolean f = MseJson.hasFigure(checked);
        String text = new Summary(input, r.getLists(), r.getMethod())
                .figures(r.getObserved(), r.getUnobserved(), r.getEstimate(), r.getConfidenceInterval(), f)
                .se(f ? r.getStandardError() : null).status(checked).text();
        return new Report(text, MseJson.twoList(r, checked), csv(csvRow(null, r.getMethod(), null, r.getObserved(),
                f ? r.getEstimate() : null, f ? r.getUnobserved() : null, f ? r.getConfidenceInterval() : null, null,
                null, null, null, checked.getStatus().label(), MseJson.firstMessage(checked.getWarnings()))));
    }

    /** One closed-population model fitted alone. */
    static Report closedSingle(String input, ClosedPopulationModels.Result r, PopulationEstimate checked) {
        boolean f = MseJson.hasFigure(checked) && r.isEstimable();
        Double se = f && r.hasStandardError() ? r.getStandardError() : null;
        Double deviance = r.isFitted() ? MseJson.num(r.getDeviance()) : null;
        Integer df = r.isFitted() ? r.getDf() : null;
        Double aic = r.isFitted() ? MseJson.num(r.getAic()) : null;
        Double bic = r.isFitted() ? MseJson.num(r.getBic()) : null;
        Interval iv = r.getInterval().orElse(null);
        String text = new Summary(input, r.getLists(), r.getLabel()).model(r.getLabel(), null)
                .figures(r.getObserved(), r.getUnobserved(), r.getEstimate(), iv, f).se(se)
                .fit(deviance, df, aic, bic).status(checked).text();
        String reason = MseJson.hasFigure(checked) ? MseJson.firstMessage(r.getWarnings()) : null;
        return new Report(text, MseJson.closedSingle(r, checked), csv(csvRow(null, r.getLabel(), r.getLabel(),
                r.getObserved(), f ? r.getEstimate() : null, f ? r.getUnobserved() : null, f ? iv : null, deviance, df,
                aic, bic, checked.getStatus().label(),
                reason != null ? reason : MseJson.firstMessage(checked.getWarnings()))));
    }

    /** Chao's lower bound. */
    static Report chaoBound(String input, ChaoLowerBound.Result r, PopulationEstimate checked) {
        boolean f = MseJson.hasFigure(checked);
        String text = new Summary(input, r.getLists(), r.getMethod())
                .figures(r.getObserved(), r.getUnobserved(), r.getEstimate(), r.getConfidenceInterval(), f)
                .se(f ? MseJson.num(r.getStandardError()) : null).status(checked).text();
        return new Report(text, MseJson.chaoBound(r, checked), csv(csvRow(null, r.getMethod(), null, r.getObserved(),
                f ? r.getEstimate() : null, f ? r.getUnobserved() : null, f ? r.getConfidenceInterval() : null, null,
                null, null, null, checked.getStatus().label(), MseJson.firstMessage(checked.getWarnings()))));
    }

    /** SparseMSE's stepwise bootstrap: the fit's figures with the bootstrap's estimate and BCa interval. */
    static Report bootstrap(String input, MseBootstrap.Result r, PopulationEstimate checked) {
        LogLinearMse.Result fit = r.getFit();
        boolean f = MseJson.hasFigure(checked) && MseJson.hasFigure(fit);
        String text = new Summary(input, fit.getLists(), r.getMethod()).model(fit.getModelName(), fit.getTerms())
                .figures(fit.getObserved(), fit.getUnobserved(), r.getEstimate(), r.getConfidenceInterval(), f)
                .se(f ? fit.getStandardError() : null).fit(fit.getDeviance(), fit.getDf(), fit.getAic(), fit.getBic())
                .line("replicates", String.valueOf(r.getRequested())).line("failed", String.valueOf(r.getFailed()))
                .emptyTerms(fit.getEmptyTerms()).bootstrap(r.getSelection(), r.getBcaPercentiles()).status(checked)
                .text();
        return new Report(text, MseJson.bootstrap(r, checked), csv(csvRow(null, r.getMethod(), fit.getModelName(),
                fit.getObserved(), f ? r.getEstimate() : null, f ? fit.getUnobserved() : null,
                f ? r.getConfidenceInterval() : null, fit.getDeviance(), fit.getDf(), fit.getAic(), fit.getBic(),
                checked.getStatus().label(), MseJson.firstMessage(checked.getWarnings()))));
    }

    /** The BIC bootstrap (Silverman, Chan and Vincent 2024). */
    static Report bicBootstrap(String input, BicBootstrap.Result r, PopulationEstimate checked) {
        boolean f = MseJson.hasFigure(checked);
        String text = new Summary(input, r.getLists(), r.getMethod()).model(r.getModelName(), null)
                .figures(r.getObserved(), r.getUnobserved(), r.getEstimate(), r.getConfidenceInterval(), f)
                .line("replicates", String.valueOf(r.getRequested())).line("failed", String.valueOf(r.getFailed()))
                .line("ntop", String.valueOf(r.getNtop())).bootstrap(r.getSelection(), r.getBcaPercentiles())
                .status(checked).text();
        return new Report(text, MseJson.bicBootstrap(r, checked), csv(csvRow(null, r.getMethod(), r.getModelName(),
                r.getObserved(), f ? r.getEstimate() : null, f ? r.getUnobserved() : null,
                f ? r.getConfidenceInterval() : null, null, null, null, r.getBic(), checked.getStatus().label(),
                MseJson.firstMessage(checked.getWarnings()))));
    }

    /** Bayesian model averaging over decomposable graphs. */
    static Report bma(BayesianModelAveraging.Result r) {
        return new Report(r + "\n", MseJson.bma(r), csv(csvRow(null, "bma-decomposable", null, r.getObserved(),
                r.getMedian(), null, r.getCredibleInterval(), null, null, null, null, r.getStatus().label(),
                MseJson.firstMessage(r.getWarnings()))));
    }

    /** The latent-class model. */
    static Report latentClass(LatentClassMse.Result r) {
        return new Report(r + "\n", MseJson.latentClass(r), csv(csvRow(null, r.getMethod(), null, r.getObserved(),
                r.getEstimate(), null, r.getCredibleInterval(), null, null, null, null, r.getStatus().label(),
                MseJson.firstMessage(r.getWarnings()))));
    }

    /**
     * The closed-population models side by side (as Rcapture closedp.t).
     *
     * @param captureOrderGiven whether {@code --capture-order} was given (else Mb and Mbh say how to give it)
     */
    static Report closedTable(String input, ClosedPopulationModels.ModelTable table, boolean captureOrderGiven) {
        List<Map<String, Object>> json = new ArrayList<>();
        ResultTable text = new ResultTable("model", "estimate", "SE", "deviance", "df", "AIC", "BIC", "status");
        ResultTable csv = new ResultTable(CSV);
        for (ClosedPopulationModels.Result r : table.getRows()) {
            Map<String, Object> m = MseJson.closedRow(r);
            json.add(m);
            Double estimate = r.isEstimable() ? r.getEstimate() : null;
            Double se = r.isEstimable() && r.hasStandardError() ? r.getStandardError() : null;
            Double deviance = r.isFitted() ? MseJson.num(r.getDeviance()) : null;
            Integer df = r.isFitted() ? r.getDf() : null;
            Double aic = r.isFitted() ? MseJson.num(r.getAic()) : null;
            Double bic = r.isFitted() ? MseJson.num(r.getBic()) : null;
            String status = r.getStatus().label();
            if (!r.getWarnings().isEmpty()) {
                status += ": " + r.getWarnings().get(0).summary();
                if (!captureOrderGiven && r.getModel().isBehavioural() && !r.isFitted()) {
                    status += " (--capture-order lists)";
                }
            }
            text.add(r.getLabel(), cell(estimate), cell(se), cell(deviance), df == null ? "-" : String.valueOf(df),
                    cell(aic), cell(bic), status);
            csv.add(csvRow(null, null, r.getLabel(), null, estimate, null, null, deviance, df, aic, bic,
                    r.getStatus().label(), MseJson.firstMessage(r.getWarnings())));
        }
        String title = Output.fmt("Closed-population models (as Rcapture closedp.t): %s, %d occasions, %s cases%n",
                input, table.getOccasions(), Format.count(table.getObserved()));
        return new Report(title + text.text(), json, csv);
    }

    /**
     * A Bayesian method's row of {@code --compare}: its model in words, its estimate and its result, or the
     * reason it does not apply to the table.
     *
     * @param method the method's name in the comparison
     * @param model the model in words, {@code null} if the method failed
     * @param estimate the point estimate
     * @param interval the credible interval
     * @param result the result (status and warnings)
     * @param error why the method does not apply, or {@code null}
     */
    record BayesRow(String method, String model, double estimate, Interval interval, PopulationEstimate result,
                    PrevalenceException error) {
        /**
         * @param method the method's name in the comparison
         * @param fit the fit, which may refuse the table
         * @return the row
         */
        static BayesRow of(String method, Supplier<BayesRow> fit) {
            try {
                return fit.get();
            } catch (PrevalenceException e) {
                return new BayesRow(method, null, Double.NaN, null, null, e);
            }
        }

        static BayesRow bma(BayesianModelAveraging.Result b) {
            return new BayesRow("bma-decomposable", b.getModels().get(0).getModel(), b.getMedian(),
                    b.getCredibleInterval(), b, null);
        }

        static BayesRow latentClass(LatentClassMse.Result l) {
            return new BayesRow("latent-class", "K=" + l.getClasses() + " classes", l.getEstimate(),
                    l.getCredibleInterval(), l, null);
        }

        boolean shown() {
            return error == null && MseJson.hasFigure(result);
        }

        Double estimateCell() {
            return shown() ? estimate : null;
        }

        Double lower() {
            return shown() && interval != null ? interval.lower() : null;
        }

        Double upper() {
            return shown() && interval != null ? interval.upper() : null;
        }

        String status() {
            return error != null ? Status.NOT_ESTIMATED.label() : result.getStatus().label();
        }

        String reason() {
            return error != null ? error.cliMessage() : MseJson.firstMessage(result.getWarnings());
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", method);
            m.put("model", model);
            m.put("estimate", estimateCell());
            m.put("lower", lower());
            m.put("upper", upper());
            m.put("aic", null);
            m.put("bic", null);
            m.put("status", status());
            m.put("reason", reason());
            if (error == null) {
                m.put("warnings", MseJson.warnings(result.getWarnings()));
            }
            return m;
        }
    }

    /** {@code --compare}: the library's comparison, then the Bayesian methods that the table allows. */
    static Report compare(String input, MethodComparison.Result r, List<BayesRow> bayes) {
        List<Map<String, Object>> json = new ArrayList<>();
        ResultTable csv = new ResultTable(CSV);
        for (MethodComparison.Row row : r.getRows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Double lower = MseJson.num(row.getLower());
            Double upper = MseJson.num(row.getUpper());
            Double estimate = row.hasEstimate() ? MseJson.num(row.getEstimate()) : null;
            m.put("method", row.getMethod());
            m.put("model", row.getModel());
            m.put("estimate", estimate);
            m.put("lower", lower);
            m.put("upper", upper);
            m.put("aic", MseJson.num(row.getAic()));
            m.put("bic", MseJson.num(row.getBic()));
            m.put("status", row.getStatus().label());
            m.put("reason", row.getReason());
            m.put("note", row.getNote());
            m.put("warnings", MseJson.warnings(row.getWarnings()));
            json.add(m);
            String reason = row.getReason() != null ? row.getReason() : MseJson.firstMessage(row.getWarnings());
            csv.add(compareCsv(row.getMethod(), row.getModel(), estimate, lower, upper, r.getLevel(),
                    MseJson.num(row.getAic()), MseJson.num(row.getBic()), row.getStatus().label(), reason));
        }
        StringBuilder text = new StringBuilder("Methods compared on " + input + "\n" + r + "\n");
        for (BayesRow b : bayes) {
            json.add(b.json());
            csv.add(compareCsv(b.method(), b.model(), b.estimateCell(), b.lower(), b.upper(), r.getLevel(), null, null,
                    b.status(), b.reason()));
            text.append(Output.fmt("  %-18s %-22s %12s  (%s to %s)  %s%n", b.method(), b.model(),
                    cell(b.estimateCell()), cell(b.lower()), cell(b.upper()),
                    b.reason() == null ? b.status() : b.status() + ": " + b.reason()));
        }
        return new Report(text.toString(), json, csv);
    }

    /** A --compare CSV row: the {@link #csvRow} columns, with the interval's limits and level where there is one. */
    private static List<Object> compareCsv(String method, String model, Double estimate, Double lower, Double upper,
                                           double level, Double aic, Double bic, String status, String reason) {
        List<Object> row = csvRow(null, method, model, null, estimate, null, null, null, null, aic, bic, status, reason);
        row.set(6, lower);
        row.set(7, upper);
        row.set(8, lower == null && upper == null ? null : level);
        return row;
    }

    /** Log-linear fits per stratum, and their total over the estimable strata. */
    static Report stratified(String input, StratifiedListTable t, LogLinearMse.StratifiedResult r) {
        List<Map<String, Object>> strata = new ArrayList<>();
        ResultTable rows = new ResultTable("stratum", "observed", "estimate", "lower", "upper", "model");
        ResultTable csv = new ResultTable(CSV);
        for (String s : t.strataNames()) {
            LogLinearMse.Result sr = r.getStrata().get(s);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stratum", s);
            if (sr != null) {
                m.putAll(MseJson.logLinear(sr));
                Interval iv = sr.getConfidenceInterval();
                rows.add(s, Output.count(sr.getObserved()), Output.num(sr.getEstimate()),
                        iv == null ? "-" : Output.num(iv.lower()), iv == null ? "-" : Output.num(iv.upper()),
                        sr.getModelName() + (sr.getStatus() == Status.OK ? ""
                                : " (" + sr.getStatus().label() + ": " + sr.getWarnings().get(0).message() + ")"));
                csv.add(logLinearCsv(s, sr));
            } else {
                String why = r.getNotEstimable().get(s);
                m.put("estimate", null);
                m.put("status", Status.NOT_ESTIMATED.label());
                m.put("reason", why);
                rows.add(s, Output.count(t.stratum(s).observedTotal()), "-", "-", "-", "not estimated: " + why);
                csv.add(csvRow(s, null, null, null, null, null, null, null, null, null, null,
                        Status.NOT_ESTIMATED.label(), why));
            }
            strata.add(m);
        }
        rows.add("total (estimable strata)", Output.count(r.getObserved()), Output.num(r.getEstimate()), "", "", "");
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("observed", r.getObserved());
        total.put("estimate", r.getEstimate());
        total.put("unobserved", r.getUnobserved());
        total.put("strata_estimated", r.getStrata().size());
        total.put("strata_not_estimable", new ArrayList<>(r.getNotEstimable().keySet()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("strata", strata);
        json.put("total", total);
        String text = Output.fmt("Multiple systems estimation by stratum: %s (%d strata, lists %s)%n%n", input,
                t.strata().size(), String.join(", ", t.listNames())) + rows.text();
        return new Report(text, json, csv);
    }
}
