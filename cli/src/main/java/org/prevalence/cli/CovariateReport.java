package org.prevalence.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prevalence.core.Interval;
import org.prevalence.mse.covariate.CovariateFit;
import org.prevalence.mse.covariate.CovariateMse;
import org.prevalence.mse.covariate.DomainEstimate;

/**
 * The report of the covariate mode: the search path, the selected model and the estimates by domain, in
 * table, CSV (the domain estimates) and JSON ({@code path}, {@code selected}, {@code estimates}, with the
 * list family's leading keys). Formats only.
 */
final class CovariateReport {
    private CovariateReport() {
    }

    static Report of(String input, CovariateMse.Result r, List<DomainEstimate> domains) {
        return of(input, r, domains, null);
    }

    /** @param sensitivity the list sensitivity rows (JSON {@code sensitivity}), or null for none */
    static Report of(String input, CovariateMse.Result r, List<DomainEstimate> domains,
            List<CovariateMse.Sensitivity> sensitivity) {
        CovariateFit sel = r.getSelected();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("input", input);
        json.put("method", r.getMethod());
        json.put("lists", r.getLists());
        json.put("covariates", sel.getTable().covariates());
        json.put("observed", r.getObserved());
        json.put("estimate", MseJson.num(r.getEstimate()));
        json.put("model", r.getModelName());
        MseJson.status(json, r);
        List<Map<String, Object>> path = new ArrayList<>();
        ResultTable pathTable = new ResultTable("", "step", "df", "deviance", "AIC", "AICc", "BIC", "N", "status");
        for (int i = 0; i < r.getPath().size(); i++) {
            CovariateMse.PathStep s = r.getPath().get(i);
            CovariateFit f = s.fit();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", f.getModelName());
            m.put("step", s.step());
            m.put("df", f.getResidualDf());
            m.put("deviance", MseJson.num(f.getDeviance()));
            m.put("aic", MseJson.num(f.getAic()));
            m.put("aicc", MseJson.num(f.getAicc()));
            m.put("bic", MseJson.num(f.getBic()));
            m.put("estimate", MseJson.num(f.getEstimate()));
            m.put("status", f.getStatus().label());
            path.add(m);
            pathTable.add(i == r.getSelectedIndex() ? "*" : "", s.step().isEmpty() ? "(min)" : s.step(),
                    f.getResidualDf(), f.getDeviance(), f.getAic(), f.getAicc(), f.getBic(), f.getEstimate(),
                    f.getStatus().label());
        }
        json.put("path", path);
        json.put("selected", r.getSelectedIndex());
        List<Map<String, Object>> est = new ArrayList<>();
        ResultTable csv = new ResultTable("domain", "observed", "estimate", "lower", "upper");
        for (DomainEstimate d : domains) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("domain", d.domain());
            m.put("observed", d.observed());
            m.put("estimate", MseJson.num(d.estimate()));
            Interval iv = d.interval();
            m.put("lower", iv == null ? null : MseJson.num(iv.lower()));
            m.put("upper", iv == null ? null : MseJson.num(iv.upper()));
            est.add(m);
            csv.add(label(d), d.observed(), d.estimate(), iv == null ? null : iv.lower(), iv == null ? null
                    : iv.upper());
        }
        json.put("estimates", est);
        ResultTable sens = new ResultTable("change", "observed", "estimate", "model");
        if (sensitivity != null) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CovariateMse.Sensitivity s : sensitivity) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("change", s.change());
                m.put("model", s.result().getModelName());
                m.put("observed", s.result().getObserved());
                m.put("estimate", MseJson.num(s.result().getEstimate()));
                m.put("status", s.result().getStatus().label());
                rows.add(m);
                sens.add(s.change(), s.result().getObserved(), s.result().getEstimate(), s.result().getModelName());
            }
            json.put("sensitivity", rows);
        }
        StringBuilder text = new StringBuilder();
        text.append("Multiple systems estimation with covariates (").append(input).append("), ")
                .append(r.getObserved()).append(" cases\n\nSearch path (* = least BIC):\n").append(pathTable.text())
                .append("\nSelected model: ").append(r.getModelName()).append("\n\nEstimates:\n").append(csv.text());
        if (sensitivity != null) {
            text.append("\nList sensitivity:\n").append(sens.text());
        }
        if (!r.getWarnings().isEmpty()) {
            text.append("\nWarning: ").append(r.getWarnings().get(0).message()).append('\n');
        }
        return new Report(text.toString(), json, csv);
    }

    /**
     * The chart of {@code --plot} in the covariate mode (issue 18): every domain's estimate with its interval bar (a
     * dot alone without --interval bootstrap), the whole population first, then each level (years in order), then
     * each pair of levels.
     */
    static org.knowm.xchart.XYChart chart(String input, List<DomainEstimate> domains) {
        int n = domains.size();
        List<String> labels = new ArrayList<>();
        double[] est = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            DomainEstimate d = domains.get(i);
            labels.add(label(d));
            est[i] = d.estimate();
            lo[i] = d.interval() == null ? d.estimate() : d.interval().lower();
            hi[i] = d.interval() == null ? d.estimate() : d.interval().upper();
        }
        return Plots.intervals(input + ": estimates by domain", "estimated population N", labels, est, lo, hi, null,
                null, null, null);
    }

    private static String label(DomainEstimate d) {
        if (d.domain().isEmpty()) {
            return "all";
        }
        List<String> parts = new ArrayList<>();
        d.domain().forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(" ", parts);
    }
}
