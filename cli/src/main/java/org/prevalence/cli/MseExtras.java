package org.prevalence.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.mse.MseBootstrap;
import org.prevalence.mse.PopulationEstimate;
import org.prevalence.mse.bayes.BayesianModelAveraging;
import org.prevalence.mse.bayes.LatentClassMse;
import org.prevalence.mse.closed.ChaoLowerBound;
import org.prevalence.mse.closed.ClosedPopulationModels;
import org.prevalence.mse.closed.MethodComparison;

/** JSON and text for the closed-population, comparison, bootstrap and Bayesian MSE results. */
final class MseExtras {
    private MseExtras() {
    }

    private static Double num(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /** BCa percentiles to 6 decimals as plain decimals (JSON writes a small double in E-notation). */
    static List<java.math.BigDecimal> percentiles(double[] p) {
        return List.of(java.math.BigDecimal.valueOf(p[0]).setScale(6, java.math.RoundingMode.HALF_EVEN),
                java.math.BigDecimal.valueOf(p[1]).setScale(6, java.math.RoundingMode.HALF_EVEN));
    }

    /** One row of the closed-model table: model, estimate, se, deviance, df, aic, bic, status. */
    static Map<String, Object> closedRow(ClosedPopulationModels.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.getLabel());
        m.put("estimate", r.isEstimable() ? r.getEstimate() : null);
        m.put("se", r.isEstimable() && r.hasStandardError() ? r.getStandardError() : null);
        m.put("deviance", r.isFitted() ? num(r.getDeviance()) : null);
        m.put("df", r.isFitted() ? r.getDf() : null);
        m.put("aic", r.isFitted() ? num(r.getAic()) : null);
        m.put("bic", r.isFitted() ? num(r.getBic()) : null);
        m.put("status", r.getStatus().label());
        m.put("reason", r.getWarnings().isEmpty() ? null : r.getWarnings().get(0).message());
        m.put("warnings", MseReport.warnings(r.getWarnings()));
        return m;
    }

    static List<List<String>> closedTableRows(List<Map<String, Object>> rows) {
        List<List<String>> out = new ArrayList<>();
        for (Map<String, Object> m : rows) {
            out.add(List.of(String.valueOf(m.get("model")), cell(m.get("estimate")), cell(m.get("se")),
                    cell(m.get("deviance")), m.get("df") == null ? "-" : String.valueOf(m.get("df")), cell(m.get("aic")),
                    cell(m.get("bic")), m.get("reason") == null ? String.valueOf(m.get("status"))
                            : m.get("status") + ": " + brief(String.valueOf(m.get("reason")))));
        }
        return out;
    }

    /** The status up to its first sentence's end, for a table cell (JSON keeps all of it). */
    static String brief(String status) {
        int dot = status.indexOf(". ");
        int paren = status.indexOf(" (");
        int cut = dot < 0 ? status.length() : dot + 1;
        if (status.contains("order of the capture occasions")) {
            return "needs the capture order (--capture-order lists)";
        }
        return cut < status.length() ? status.substring(0, cut) + " ..." : paren > 90 ? status.substring(0, paren) : status;
    }

    static String cell(Object o) {
        if (o instanceof Number n) {
            double x = n.doubleValue();
            // no E-notation in a table: a value below 0.0001 (a degenerate SE, a deviance of 3e-10) says so
            return x != 0 && Math.abs(x) < 1e-4 ? (x > 0 ? "< 0.0001" : "> -0.0001") : Format.number(x);
        }
        return o == null ? "-" : String.valueOf(o);
    }

    /** One closed model fitted alone, with its optional profile interval. */
    static Map<String, Object> closedSingle(ClosedPopulationModels.Result r, List<String> lists, long observed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", r.getLabel());
        m.put("lists", lists);
        m.put("observed", observed);
        m.putAll(closedRow(r));
        m.put("method", r.getLabel());
        m.put("unobserved", r.isEstimable() ? r.getEstimate() - observed : null);
        m.put("interval", r.getInterval().map(MseReport::interval).orElse(null));
        if (r.getInterval().isPresent()) {
            m.put("multinomial_estimate", r.getMultinomialEstimate());
        } else if (r.getIntervalMessage() != null && !r.getIntervalMessage().isEmpty()) {
            m.put("interval_message", r.getIntervalMessage());
        }
        return m;
    }

    static Map<String, Object> chaoBound(ChaoLowerBound.Result r, PopulationEstimate checked) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "chao-bound");
        m.put("lists", r.getLists());
        m.put("observed", r.getObserved());
        m.put("estimate", r.getEstimate());
        m.put("unobserved", r.getEstimate() - r.getObserved());
        m.put("se", num(r.getStandardError()));
        m.put("interval", MseReport.interval(r.getConfidenceInterval()));
        m.put("f1", r.getF1());
        m.put("f2", r.getF2());
        MseReport.status(m, checked);
        return m;
    }

    /** The rows of {@code --compare}: method, model, estimate, lower, upper, aic, bic, status. */
    static List<Map<String, Object>> compare(MethodComparison.Result r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MethodComparison.Row row : r.getRows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", row.getMethod());
            m.put("model", row.getModel());
            m.put("estimate", row.hasEstimate() ? num(row.getEstimate()) : null);
            m.put("lower", num(row.getLower()));
            m.put("upper", num(row.getUpper()));
            m.put("aic", num(row.getAic()));
            m.put("bic", num(row.getBic()));
            m.put("status", row.getStatus().label());
            m.put("reason", row.getReason());
            m.put("note", row.getNote());
            m.put("warnings", MseReport.warnings(row.getWarnings()));
            out.add(m);
        }
        return out;
    }

    /**
     * One --compare row from a method that may not apply to the table: {model, estimate, interval, status, reason}.
     * The fit gives {model, estimate, interval, result}; the status and warnings are read through the
     * result's {@link PopulationEstimate} view.
     */
    static Map<String, Object> compareRow(String method, java.util.function.Supplier<Object[]> fit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        try {
            Object[] r = fit.get();
            Interval iv = (Interval) r[2];
            m.put("model", r[0]);
            m.put("estimate", r[1]);
            m.put("lower", iv == null ? null : iv.lower());
            m.put("upper", iv == null ? null : iv.upper());
            m.put("aic", null);
            m.put("bic", null);
            PopulationEstimate pe = (PopulationEstimate) r[3];
            m.put("status", pe.getStatus().label());
            m.put("reason", pe.getWarnings().isEmpty() ? null : pe.getWarnings().get(0).message());
            m.put("warnings", MseReport.warnings(pe.getWarnings()));
            if (!pe.getStatus().hasFigure() && pe.getStatus() != org.prevalence.core.Status.DEGENERATE) {
                m.put("estimate", null);
                m.put("lower", null);
                m.put("upper", null);
            }
        } catch (org.prevalence.core.PrevalenceException e) {
            m.put("model", null);
            m.put("estimate", null);
            m.put("lower", null);
            m.put("upper", null);
            m.put("aic", null);
            m.put("bic", null);
            m.put("status", org.prevalence.core.Status.NOT_ESTIMATED.label());
            m.put("reason", e.cliMessage());
        }
        return m;
    }

    /**
     * The stepwise bootstrap: the log-linear keys of {@code MseReport.json} with interval.method "bca",
     * replicates, failed.
     */
    static Map<String, Object> bootstrap(MseBootstrap.Result r, PopulationEstimate checked) {
        Map<String, Object> m = MseReport.json(r.getFit());
        m.put("method", "stepwise");
        m.put("estimate", r.getEstimate());
        m.put("interval", MseReport.interval(r.getConfidenceInterval()));
        m.put("selection", r.getSelection());
        m.put("bca_percentiles", percentiles(r.getBcaPercentiles()));
        m.put("bootstrap_se", num(r.getStandardError()));
        m.put("replicates", r.getRequested());
        m.put("failed", r.getFailed());
        m.put("seed", r.getSeed());
        m.put("acceleration", r.getAcceleration());
        m.put("bias_correction", r.getBiasCorrection());
        MseReport.status(m, checked);
        return m;
    }

    /** The BIC bootstrap: estimate, model, interval (bca), replicates, failed, ntop. */
    static Map<String, Object> bicBootstrap(org.prevalence.mse.BicBootstrap.Result r,
                                            org.prevalence.core.lists.ListOverlapTable t, PopulationEstimate checked) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "bic");
        m.put("lists", t.listNames());
        m.put("observed", t.observedTotal());
        m.put("estimate", r.getEstimate());
        m.put("unobserved", r.getEstimate() - t.observedTotal());
        m.put("model", r.getModelName());
        m.put("bic", r.getBic());
        m.put("interval", MseReport.interval(r.getConfidenceInterval()));
        m.put("replicates", r.getRequested());
        m.put("failed", r.getFailed());
        m.put("ntop", r.getNtop());
        m.put("models_compared", r.getModelsCompared());
        m.put("seed", r.getSeed());
        m.put("selection", r.getSelection());
        m.put("bca_percentiles", percentiles(r.getBcaPercentiles()));
        m.put("bootstrap_se", num(r.getStandardError()));
        MseReport.status(m, checked);
        return m;
    }

    private static Map<String, Object> credible(Interval iv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "credible");
        m.put("level", iv.level());
        m.put("lower", iv.lower());
        m.put("upper", iv.upper());
        return m;
    }

    /** A Bayesian result's status for a --compare cell: its label, then its warnings' messages. */
    static String statusText(org.prevalence.mse.PopulationEstimate r) {
        List<String> w = messages(r);
        return w.isEmpty() ? r.getStatus().label() : r.getStatus().label() + "; " + String.join("; ", w);
    }

    private static List<String> messages(org.prevalence.mse.PopulationEstimate r) {
        return r.getWarnings().stream().map(org.prevalence.core.Warning::message).toList();
    }

    /**
     * Bayesian model averaging over decomposable graphs ({@code bma-decomposable}): posterior summaries,
     * the grid and each graph's posterior.
     */
    static Map<String, Object> bma(BayesianModelAveraging.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "bma-decomposable");
        m.put("lists", r.getLists());
        m.put("observed", r.getObserved());
        m.put("estimate", r.getMedian());
        m.put("mean", r.getMean());
        m.put("sd", r.getStandardDeviation());
        m.put("mode", r.getMode());
        m.put("interval", credible(r.getCredibleInterval()));
        m.put("status", r.getStatus().label());
        m.put("warnings", messages(r));
        m.put("delta", r.getDelta());
        m.put("prior", r.getPrior());
        m.put("grid_max", r.getGridMax());
        m.put("tail_mass", r.getTailMass());
        List<Map<String, Object>> models = new ArrayList<>();
        for (BayesianModelAveraging.ModelPosterior p : r.getModels()) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("model", p.getModel());
            g.put("posterior", p.getProbability());
            g.put("mean", p.getConditionalMean());
            models.add(g);
        }
        m.put("models", models);
        return m;
    }

    /** The latent-class model ({@code latent-class}): posterior summaries and the chains' convergence diagnostics. */
    static Map<String, Object> latentClass(LatentClassMse.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "latent-class");
        m.put("lists", r.getListNames());
        m.put("observed", r.getObserved());
        m.put("estimate", r.getEstimate());
        m.put("mean", r.getMean());
        m.put("sd", r.getStandardDeviation());
        m.put("interval", credible(r.getCredibleInterval()));
        m.put("status", r.getStatus().label());
        m.put("warnings", messages(r));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rhat", num(r.getRhat()));
        d.put("ess_bulk", num(r.getEssBulk()));
        d.put("ess_tail", num(r.getEssTail()));
        d.put("chains", r.getChains());
        d.put("draws", r.getDraws());
        m.put("diagnostics", d);
        m.put("classes", r.getClasses());
        m.put("seed", r.getSeed());
        return m;
    }
}
