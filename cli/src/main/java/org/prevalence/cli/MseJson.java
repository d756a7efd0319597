package org.prevalence.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prevalence.core.Interval;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;
import org.prevalence.mse.BicBootstrap;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.MseBootstrap;
import org.prevalence.mse.PopulationEstimate;
import org.prevalence.mse.bayes.BayesianModelAveraging;
import org.prevalence.mse.bayes.LatentClassMse;
import org.prevalence.mse.closed.ChaoLowerBound;
import org.prevalence.mse.closed.ClosedPopulationModels;

/**
 * The stable keys of {@code prevalence mse --format json}, one tree per list-family result, written from the
 * typed results. Figures that do not exist (NaN) are JSON null.
 */
final class MseJson {
    private MseJson() {
    }

    /** @return x, or {@code null} if it is NaN or infinite */
    static Double num(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /** @return whether a result has figures to show: a figure, or a degenerate one kept for the reader */
    static boolean hasFigure(PopulationEstimate r) {
        return r.getStatus().hasFigure() || r.getStatus() == Status.DEGENERATE;
    }

    /** @return a warning kind as {@code Warning.toString} writes it, e.g. {@code monte-carlo} */
    static String kind(Warning w) {
        return w.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the first warning's message (the reason of a result without a figure), or {@code null} */
    static String firstMessage(List<Warning> ws) {
        return ws.isEmpty() ? null : ws.get(0).message();
    }

    /** BCa percentiles to 6 decimals as plain decimals (JSON writes a small double in E-notation). */
    static List<BigDecimal> percentiles(double[] p) {
        return List.of(BigDecimal.valueOf(p[0]).setScale(6, RoundingMode.HALF_EVEN),
                BigDecimal.valueOf(p[1]).setScale(6, RoundingMode.HALF_EVEN));
    }

    static Map<String, Object> interval(Interval iv) {
        if (iv == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", iv.label());
        m.put("level", iv.level());
        m.put("lower", iv.lower());
        m.put("upper", iv.upper());
        return m;
    }

    /** A Bayesian interval: method {@code credible}. */
    private static Map<String, Object> credible(Interval iv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "credible");
        m.put("level", iv.level());
        m.put("lower", iv.lower());
        m.put("upper", iv.upper());
        return m;
    }

    /** @return the warnings as JSON objects {kind, message} */
    static List<Map<String, Object>> warnings(List<Warning> ws) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Warning w : ws) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", kind(w));
            m.put("message", w.message());
            out.add(m);
        }
        return out;
    }

    /**
     * Adds {@code status} and {@code warnings} from the result; a result without a figure (unbounded, not
     * estimated) has {@code estimate}, {@code unobserved}, {@code se} and {@code interval} null and its reason
     * in {@code reason}.
     */
    static void status(Map<String, Object> m, PopulationEstimate r) {
        m.put("status", r.getStatus().label());
        m.put("warnings", warnings(r.getWarnings()));
        if (!hasFigure(r)) {
            m.put("estimate", null);
            m.put("unobserved", null);
            if (m.containsKey("se")) {
                m.put("se", null);
            }
            m.put("interval", null);
            m.put("reason", firstMessage(r.getWarnings()));
        }
    }

    /** @return the keys every list-family estimate starts with: method, lists, observed, estimate, unobserved */
    private static Map<String, Object> population(PopulationEstimate r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", r.getMethod());
        m.put("lists", r.getLists());
        m.put("observed", r.getObserved());
        m.put("estimate", r.getEstimate());
        m.put("unobserved", r.getUnobserved());
        return m;
    }

    /** A log-linear fit: method, lists, observed, estimate, model, fit, interval, coefficients, status. */
    static Map<String, Object> logLinear(LogLinearMse.Result r) {
        Map<String, Object> m = population(r);
        m.put("model", r.getModelName());
        m.put("terms", r.getTerms());
        m.put("deviance", r.getDeviance());
        m.put("df", r.getDf());
        m.put("aic", r.getAic());
        m.put("bic", r.getBic());
        m.put("interval", interval(r.getConfidenceInterval()));
        m.put("se_log_unobserved", r.getInterceptStandardError());
        m.put("se", r.getStandardError());
        m.put("check_code", r.getCheckCode());
        m.put("empty_terms", r.getEmptyTerms());
        m.put("models_compared", r.getModelsCompared());
        Map<String, Object> co = new LinkedHashMap<>();
        r.getCoefficients().forEach((k, v) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("estimate", Double.isInfinite(v[0]) ? (Object) "-Inf" : (Object) v[0]);
            c.put("se", Double.isNaN(v[1]) ? null : v[1]);
            co.put(k, c);
        });
        m.put("coefficients", co);
        status(m, r);
        return m;
    }

    /** A two-list estimator (Chapman, Lincoln-Petersen), the status from {@code checked}. */
    static Map<String, Object> twoList(PopulationEstimate r, PopulationEstimate checked) {
        Map<String, Object> m = population(r);
        m.put("se", r.getStandardError());
        m.put("interval", interval(r.getConfidenceInterval()));
        status(m, checked);
        return m;
    }

    /** One row of the closed-model table: model, estimate, se, deviance, df, aic, bic, status, reason, warnings. */
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
        m.put("reason", firstMessage(r.getWarnings()));
        m.put("warnings", warnings(r.getWarnings()));
        return m;
    }

    /** One closed model fitted alone, with its optional profile interval; the status from {@code checked}. */
    static Map<String, Object> closedSingle(ClosedPopulationModels.Result r, PopulationEstimate checked) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", r.getLabel());
        m.put("lists", r.getLists());
        m.put("observed", r.getObserved());
        m.putAll(closedRow(r));
        m.put("method", r.getLabel());
        m.put("unobserved", r.isEstimable() ? r.getUnobserved() : null);
        m.put("interval", r.getInterval().map(MseJson::interval).orElse(null));
        if (r.getInterval().isPresent()) {
            m.put("multinomial_estimate", r.getMultinomialEstimate());
        } else if (r.getIntervalMessage() != null && !r.getIntervalMessage().isEmpty()) {
            m.put("interval_message", r.getIntervalMessage());
        }
        status(m, checked);
        return m;
    }

    /** Chao's lower bound: f1, f2 beside the population keys; the status from {@code checked}. */
    static Map<String, Object> chaoBound(ChaoLowerBound.Result r, PopulationEstimate checked) {
        Map<String, Object> m = population(r);
        m.put("se", num(r.getStandardError()));
        m.put("interval", interval(r.getConfidenceInterval()));
        m.put("f1", r.getF1());
        m.put("f2", r.getF2());
        status(m, checked);
        return m;
    }

    /** The stepwise bootstrap: the log-linear keys with interval.method "bca", replicates, failed. */
    static Map<String, Object> bootstrap(MseBootstrap.Result r, PopulationEstimate checked) {
        Map<String, Object> m = logLinear(r.getFit());
        m.put("method", r.getMethod());
        m.put("estimate", r.getEstimate());
        m.put("interval", interval(r.getConfidenceInterval()));
        m.put("selection", r.getSelection());
        m.put("bca_percentiles", percentiles(r.getBcaPercentiles()));
        m.put("bootstrap_se", num(r.getStandardError()));
        m.put("replicates", r.getRequested());
        m.put("failed", r.getFailed());
        m.put("seed", r.getSeed());
        m.put("acceleration", r.getAcceleration());
        m.put("bias_correction", r.getBiasCorrection());
        status(m, checked);
        return m;
    }

    /** The BIC bootstrap: estimate, model, interval (bca), replicates, failed, ntop. */
    static Map<String, Object> bicBootstrap(BicBootstrap.Result r, PopulationEstimate checked) {
        Map<String, Object> m = population(r);
        m.put("model", r.getModelName());
        m.put("bic", r.getBic());
        m.put("interval", interval(r.getConfidenceInterval()));
        m.put("replicates", r.getRequested());
        m.put("failed", r.getFailed());
        m.put("ntop", r.getNtop());
        m.put("models_compared", r.getModelsCompared());
        m.put("seed", r.getSeed());
        m.put("selection", r.getSelection());
        m.put("bca_percentiles", percentiles(r.getBcaPercentiles()));
        m.put("bootstrap_se", num(r.getStandardError()));
        status(m, checked);
        return m;
    }

    private static List<String> messages(PopulationEstimate r) {
        return r.getWarnings().stream().map(Warning::message).toList();
    }

    /** Bayesian model averaging over decomposable graphs: posterior summaries, the grid, each graph's posterior. */
    static Map<String, Object> bma(BayesianModelAveraging.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        // the JSON name of model averaging over decomposable graphs (the library's method is "bma")
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

    /** The latent-class model: posterior summaries and the chains' convergence diagnostics. */
    static Map<String, Object> latentClass(LatentClassMse.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", r.getMethod());
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
