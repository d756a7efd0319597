package org.prevalence.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prevalence.core.Interval;
import org.prevalence.mse.ListSensitivity;
import org.prevalence.mse.LogLinearMse;

/**
 * {@code prevalence mse --sensitivity}: the rows of {@link ListSensitivity#sensitivity} (each list omitted, then each
 * pair of lists merged) as the JSON key {@code sensitivity[{change, lists, table_lists, observed, model, terms,
 * estimate, lower, upper, status, reason}]} and a text table. Formats only.
 */
final class SensitivityReport {
    private SensitivityReport() {
    }

    /** @return the JSON rows; a row with no figure has estimate, lower and upper null and its reason */
    static List<Map<String, Object>> json(ListSensitivity.Result s) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ListSensitivity.Row r : s.getRows()) {
            LogLinearMse.Result f = r.getResult();
            boolean fig = f != null && MseJson.hasFigure(f);
            Interval iv = fig ? f.getConfidenceInterval() : null;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("change", r.getChange().label());
            m.put("lists", r.getChanged());
            m.put("table_lists", r.getLists());
            m.put("observed", r.getObserved());
            m.put("model", f == null ? null : f.getModelName());
            m.put("terms", f == null ? null : f.getTerms());
            m.put("estimate", fig ? f.getEstimate() : null);
            m.put("lower", iv == null ? null : iv.lower());
            m.put("upper", iv == null ? null : iv.upper());
            m.put("status", f == null ? "not-estimated" : f.getStatus().label());
            m.put("reason", f == null ? r.getReason() : fig ? null : MseJson.firstMessage(f.getWarnings()));
            out.add(m);
        }
        return out;
    }

    /** @return the text table of {@code --format table} */
    static String text(ListSensitivity.Result s) {
        ResultTable t = new ResultTable("change", "observed", "estimate", "lower", "upper", "model", "status");
        for (ListSensitivity.Row r : s.getRows()) {
            LogLinearMse.Result f = r.getResult();
            boolean fig = f != null && MseJson.hasFigure(f);
            Interval iv = fig ? f.getConfidenceInterval() : null;
            t.add(r.getLabel(), Output.count(r.getObserved()), fig ? Output.num(f.getEstimate()) : "-",
                    iv == null ? "-" : Output.num(iv.lower()), iv == null ? "-" : Output.num(iv.upper()),
                    f == null ? "-" : f.getModelName(), f == null ? "not estimated: " + r.getReason()
                            : f.getStatus().label());
        }
        return "\nList sensitivity (each list omitted, each pair of lists merged; the same model selection):\n"
                + t.text();
    }
}
