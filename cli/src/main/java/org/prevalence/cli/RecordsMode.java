package org.prevalence.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.linkage.Linkage;
import org.prevalence.linkage.LinkageSampler;
import org.prevalence.linkage.cluster.ClusterMethod;
import org.prevalence.mse.LinkageAveraging;
import org.prevalence.mse.LinkageCorrection;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.PopulationEstimate;

/**
 * The mode of {@code prevalence mse --records}: link the records, estimate N on the linked table (the naive
 * estimate) and, as asked, by linkage averaging and by the linkage-error correction; the report is the naive
 * log-linear report with the linkage summary and the estimates side by side. It takes the configured library
 * objects {@link MseCommand} built, calls the library and formats; it computes nothing.
 */
final class RecordsMode {
    private RecordsMode() {
    }

    /** One estimate of the side-by-side table: how the linkage error was handled, and the result. */
    private record Row(String linkage, PopulationEstimate estimate) {
    }

    /**
     * @param input the input's name for the report
     * @param r the link
     * @param methods the linkage-uncertainty methods
     * @param e the configured log-linear estimator
     * @param sampler the configured sampler of clusterings
     * @param averaging the configured combination
     * @param givenRates the correction's rates from {@code --linkage-rates}, or {@code null} for the model's
     * @return the report
     */
    static MseModes.Outcome run(String input, Linkage.Result r, Set<RecordsOptions.Uncertainty> methods, LogLinearMse e,
                                LinkageSampler sampler, LinkageAveraging averaging, LinkageSampler.ErrorRates givenRates) {
        ListOverlapTable table = r.table().orElseThrow(() -> PrevalenceException.invalidArgument("--records",
                "--records needs 2 to 15 list files, got %d", r.records().listNames().size()));
        LogLinearMse.Result naive = e.estimate(table);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("none", naive));
        LinkageSampler.ErrorRates rates = null;
        if (methods.contains(RecordsOptions.Uncertainty.AVERAGING)) {
            rows.add(new Row("averaging", averaging.estimate(sampler.tables(r), e::estimate)));
        }
        if (methods.contains(RecordsOptions.Uncertainty.CORRECTION)) {
            if (givenRates != null) {
                rates = givenRates;
                rows.add(new Row("correction", LinkageCorrection.withDefaults().estimate(table, rates.alpha(), rates.beta(),
                        e::estimate)));
            } else {
                // the model's rates are estimates: their error is carried into the interval by the sampler's rate draws
                LinkageSampler.RateModel model = LinkageSampler.rateModel(r);
                rates = model.point();
                List<LinkageSampler.ErrorRates> draws = sampler.rateDraws(model);
                rows.add(new Row("correction", LinkageCorrection.withDefaults().estimate(table, rates.alpha(), rates.beta(),
                        draws.stream().mapToDouble(LinkageSampler.ErrorRates::alpha).toArray(),
                        draws.stream().mapToDouble(LinkageSampler.ErrorRates::beta).toArray(), e::estimate)));
            }
        }
        ResultTable csv = new ResultTable("linkage", "method", "model", "observed", "estimate", "lower", "upper", "level",
                "interval_method", "status");
        List<Map<String, Object>> estimates = new ArrayList<>();
        for (Row row : rows) {
            PopulationEstimate p = row.estimate();
            boolean f = MseJson.hasFigure(p);
            Interval iv = f ? p.getConfidenceInterval() : null;
            csv.add(row.linkage(), p.getMethod(), p.getModelName(), p.getObserved(), f ? p.getEstimate() : null,
                    iv == null ? null : iv.lower(), iv == null ? null : iv.upper(), iv == null ? null : iv.level(),
                    iv == null ? null : iv.label(), p.getStatus().label());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("linkage", row.linkage());
            m.put("method", p.getMethod());
            m.put("observed", p.getObserved());
            m.put("estimate", f ? p.getEstimate() : null);
            m.put("lower", iv == null ? null : iv.lower());
            m.put("upper", iv == null ? null : iv.upper());
            m.put("status", p.getStatus().label());
            m.put("warnings", MseJson.warnings(p.getWarnings()));
            estimates.add(m);
        }
        Map<String, Object> linkage = new LinkedHashMap<>();
        linkage.put("records", r.records().size());
        linkage.put("lists", r.records().listNames());
        linkage.put("blocking", LinkCommand.blockingJson(r));
        linkage.put("candidate_pairs", r.pairCount());
        linkage.put("parameters", LinkCommand.parametersJson(r));
        linkage.put("lambda", r.parameters().lambda());
        Map<String, Object> clusters = new LinkedHashMap<>();
        clusters.put("connected_components", r.clusters(ClusterMethod.CONNECTED_COMPONENTS).count());
        clusters.put("average_linkage", r.clusters(ClusterMethod.AVERAGE_LINKAGE).count());
        linkage.put("clusters", clusters);
        if (rates != null) {
            linkage.put("alpha", rates.alpha());
            linkage.put("beta", rates.beta());
            linkage.put("rates_from", givenRates != null ? "--linkage-rates" : "model");
        }
        Map<String, Object> json = MseJson.logLinear(naive);
        json.put("linkage", linkage);
        json.put("estimates", estimates);
        StringBuilder text = new StringBuilder(Reports.logLinear(input, naive).render(CommonOptions.OutputFormat.table));
        text.append(Output.fmt("%nRecord linkage: %s records on %d lists, %s candidate pairs, %d average-linkage clusters "
                        + "(%d connected components)%n", Output.count(r.records().size()), r.records().listNames().size(),
                Output.count(r.pairCount()), r.clusters(ClusterMethod.AVERAGE_LINKAGE).count(),
                r.clusters(ClusterMethod.CONNECTED_COMPONENTS).count()));
        if (rates != null) {
            text.append(Output.fmt("Correction: link rate alpha %.4f, false-link rate beta %.4f (%s)%n", rates.alpha(),
                    rates.beta(), givenRates != null ? "--linkage-rates" : "from the model"));
        }
        text.append("\nThe estimate with the linkage error carried into N:\n");
        text.append(csv.text(List.of("linkage", "method", "model", "observed", "estimate", "lower", "upper", "level",
                "interval", "status"), Reports::cell));
        List<org.prevalence.cli.html.LinkageHtml.Estimate> shown = new ArrayList<>();
        for (Row row : rows) {
            shown.add(new org.prevalence.cli.html.LinkageHtml.Estimate(row.linkage(), row.estimate()));
        }
        return new MseModes.Outcome(new Report(text.toString(), json, csv), null, new org.prevalence.cli.html.LinkageHtml
                .Run(r, table, naive, shown, rates == null ? null : rates.alpha(), rates == null ? null : rates.beta(),
                rates == null ? null : givenRates != null ? "--linkage-rates" : "model"));
    }
}
