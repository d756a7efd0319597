package org.prevalence.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.PopulationEstimate;

/** Maps MSE results onto the stable JSON keys of {@code --format json}, and onto text and CSV. */
final class MseReport {
    private MseReport() {
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

    /** @return the warnings as JSON objects {kind, message} (kind as {@code Warning.toString} writes it) */
    static List<Map<String, Object>> warnings(List<Warning> ws) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Warning w : ws) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", w.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
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
        Status st = r.getStatus();
        m.put("status", st.label());
        m.put("warnings", warnings(r.getWarnings()));
        if (!st.hasFigure() && st != Status.DEGENERATE) {
            m.put("estimate", null);
            m.put("unobserved", null);
            if (m.containsKey("se")) {
                m.put("se", null);
            }
            m.put("interval", null);
            m.put("reason", r.getWarnings().isEmpty() ? null : r.getWarnings().get(0).message());
        }
    }

    /**
     * The JSON keys of a log-linear result (method, lists, observed, estimate, model, fit, interval,
     * coefficients), with the result's own status and warnings.
     */
    static Map<String, Object> json(LogLinearMse.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", r.getMethod());
        m.put("lists", r.getLists());
        m.put("observed", r.getObserved());
        m.put("estimate", r.getEstimate());
        m.put("unobserved", r.getUnobserved());
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

    @SuppressWarnings("unchecked")
    static String text(String input, Map<String, Object> m) {
        List<List<String>> rows = new ArrayList<>();
        List<String> lists = (List<String>) m.get("lists");
        rows.add(List.of("input", input + " (" + lists.size() + " lists: " + String.join(", ", lists) + ")"));
        rows.add(List.of("method", String.valueOf(m.get("method"))));
        if (m.containsKey("model")) {
            List<String> terms = (List<String>) m.get("terms");
            rows.add(List.of("model", m.get("model") + (terms == null ? "" : terms.isEmpty() ? " (main effects)"
                    : "  " + String.join(", ", terms))));
        }
        rows.add(List.of("observed", Format.count(((Number) m.get("observed")).longValue())));
        rows.add(List.of("unobserved", m.get("unobserved") instanceof Number u ? MseExtras.cell(u.doubleValue())
                : "not estimated"));
        rows.add(List.of("estimate", m.get("estimate") instanceof Number e ? MseExtras.cell(e.doubleValue())
                : "not estimated"));
        Map<String, Object> iv = (Map<String, Object>) m.get("interval");
        if (iv != null) {
            rows.add(List.of(Format.percent((Double) iv.get("level")) + "% interval (" + iv.get("method") + ")",
                    MseExtras.cell((Double) iv.get("lower")) + " to " + MseExtras.cell((Double) iv.get("upper"))));
        }
        if (m.containsKey("se") && m.get("se") instanceof Double se) {
            rows.add(List.of("standard error", MseExtras.cell(se)));
        }
        if (m.containsKey("deviance")) {
            rows.add(List.of("deviance (df)", MseExtras.cell((Double) m.get("deviance")) + " (" + m.get("df") + ")"));
            rows.add(List.of("AIC / BIC", MseExtras.cell((Double) m.get("aic")) + " / " + MseExtras.cell((Double) m.get("bic"))));
        }
        for (String k : List.of("replicates", "failed", "ntop")) {
            if (m.containsKey(k)) {
                rows.add(List.of(k, String.valueOf(m.get(k))));
            }
        }
        if (m.get("empty_terms") instanceof List<?> e && !e.isEmpty()) {
            rows.add(List.of("empty overlaps", e + " (extended MLE: parameter -Inf)"));
        }
        if (m.get("selection") != null) {
            rows.add(List.of("bootstrapped selection", String.valueOf(m.get("selection"))));
        }
        if (m.get("bca_percentiles") instanceof List<?> pc && pc.size() == 2) {
            rows.add(List.of("BCa percentiles", String.format(java.util.Locale.ROOT, "%.5f and %.5f of the replicates",
                    ((Number) pc.get(0)).doubleValue(), ((Number) pc.get(1)).doubleValue())));
        }
        if (m.containsKey("status")) {
            rows.add(List.of("status", String.valueOf(m.get("status"))));
            if (m.get("warnings") instanceof List<?> ws) {
                for (Object o : ws) {
                    Map<String, Object> w = (Map<String, Object>) o;
                    rows.add(List.of("  " + w.get("kind"), String.valueOf(w.get("message"))));
                }
            }
        }
        return "Multiple systems estimation\n" + Output.table(List.of("quantity", "value"), rows);
    }

    @SuppressWarnings("unchecked")
    static String csv(List<Map<String, Object>> results) {
        List<String> headers = List.of("stratum", "method", "model", "observed", "estimate", "unobserved", "lower",
                "upper", "level", "interval_method", "deviance", "df", "aic", "bic", "status", "reason");
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> m : results) {
            Map<String, Object> iv = (Map<String, Object>) m.get("interval");
            List<String> r = new ArrayList<>();
            r.add(str(m.get("stratum")));
            r.add(str(m.get("method")));
            r.add(str(m.get("model")));
            r.add(str(m.get("observed")));
            r.add(str(m.get("estimate")));
            r.add(str(m.get("unobserved")));
            r.add(iv == null ? "" : str(iv.get("lower")));
            r.add(iv == null ? "" : str(iv.get("upper")));
            r.add(iv == null ? "" : str(iv.get("level")));
            r.add(iv == null ? "" : str(iv.get("method")));
            r.add(str(m.get("deviance")));
            r.add(str(m.get("df")));
            r.add(str(m.get("aic")));
            r.add(str(m.get("bic")));
            r.add(str(m.get("status")));
            r.add(reason(m));
            rows.add(r);
        }
        return Output.csv(headers, rows);
    }

    /** The reason of a result without a figure, else its first warning's message, else empty. */
    @SuppressWarnings("unchecked")
    private static String reason(Map<String, Object> m) {
        if (m.get("reason") != null) {
            return String.valueOf(m.get("reason"));
        }
        if (m.get("warnings") instanceof List<?> ws && !ws.isEmpty()) {
            return String.valueOf(((Map<String, Object>) ws.get(0)).get("message"));
        }
        return "";
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
