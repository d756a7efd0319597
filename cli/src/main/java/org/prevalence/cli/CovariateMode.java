package org.prevalence.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import org.prevalence.core.io.CsvColumns;
import org.prevalence.core.io.CsvReader;
import org.prevalence.mse.covariate.Absence;
import org.prevalence.mse.covariate.CovariateBootstrap;
import org.prevalence.mse.covariate.CovariateFit;
import org.prevalence.mse.covariate.CovariateMse;
import org.prevalence.mse.covariate.CovariateTable;
import org.prevalence.mse.covariate.DomainEstimate;

/**
 * {@code prevalence mse --covariates/--year}: reads the file into a {@link CovariateTable}, runs
 * {@link CovariateMse}'s search (and {@link CovariateBootstrap} with {@code --interval bootstrap}) and hands
 * the results to {@link CovariateReport}. Computes nothing itself.
 */
final class CovariateMode {
    private CovariateMode() {
    }

    /**
     * What the HTML report of the covariate mode is made from.
     *
     * @param result the search
     * @param domains the domain estimates shown (the JSON's {@code estimates})
     * @param interval how their intervals were made, or {@code null} for none
     */
    record Run(CovariateMse.Result result, List<DomainEstimate> domains, String interval) {
    }

    static MseModes.Outcome run(MseCommand cmd) {
        CovariateOptions o = cmd.covariates;
        ListInput in = cmd.input;
        if (in.file == null || in.dataset != null) {
            throw PrevalenceException.invalidArgument("FILE", "The covariate mode reads a CSV file (not --dataset)");
        }
        if (in.lists == null) {
            throw PrevalenceException.invalidArgument("--lists", "The covariate mode needs --lists");
        }
        if (in.stratum != null || cmd.model != null || cmd.select != null || cmd.method != null) {
            throw PrevalenceException.invalidArgument("--covariates", "--covariates/--year choose models with --min "
                    + "and --max; --stratum, --model, --select and --method do not apply");
        }
        CsvReader reader = in.format.reader(cmd.common.threadCount());
        List<String> header = reader.header(in.file);
        List<String> covs = o.covariates == null ? List.of() : o.covariates;
        Map<String, String[]> cols = new LinkedHashMap<>();
        List<String> needed = new ArrayList<>(in.lists);
        needed.addAll(covs);
        if (o.year != null) {
            needed.add(o.year);
        }
        String count = in.count != null ? in.count : header.contains("Freq") ? "Freq"
                : header.contains("count") ? "count" : null;
        if (count != null) {
            needed.add(count);
        }
        for (String c : needed) {
            if (!header.contains(c)) {
                throw Columns.noColumn(in.file.getFileName().toString(), header, c, null);
            }
            reader = reader.withColumn(c, CsvReader.Kind.CATEGORY);
        }
        CsvColumns t = reader.read(in.file);
        for (String c : needed) {
            cols.put(c, t.strings(c));
        }
        CovariateTable.Builder b = CovariateTable.builder(in.lists).covariates(covs).year(o.year);
        if (o.absent != null) {
            for (String a : o.absent) {
                b.absent(Absence.parse(a));
            }
        }
        CovariateTable table = count == null ? b.fromCases(cols) : b.fromTable(cols, count);
        List<String> by = o.by == null ? List.of() : o.by;
        for (String v : by) {
            if (!table.covariates().contains(v)) {
                throw PrevalenceException.invalidArgument("--by", "--by names '%s', which is not a covariate or the "
                        + "year (%s)", v, String.join(", ", table.covariates()));
            }
        }
        CovariateMse.Result r = CovariateMse.withDefaults().withYearDegree(o.yearDegree).withMinModel(o.min)
                .withMaxModel(o.max).withThreads(cmd.common.threadCount()).search(table);
        CovariateFit selected = r.getSelected();
        List<DomainEstimate> domains;
        if (cmd.interval == MseCommand.IntervalMethod.BOOTSTRAP) {
            domains = CovariateBootstrap.withDefaults().withReplicates(cmd.replicates).withSeed(cmd.common.seed)
                    .withConfidenceLevel(cmd.common.level).withThreads(cmd.common.threadCount())
                    .estimate(selected, o.yearDegree).getDomains();
        } else {
            domains = selected.getDomains();
        }
        List<DomainEstimate> shown = new ArrayList<>();
        for (DomainEstimate d : domains) {
            if (by.containsAll(d.domain().keySet())) {
                shown.add(d);
            }
        }
        String interval = cmd.interval == MseCommand.IntervalMethod.BOOTSTRAP ? "parametric bootstrap (as mse boot_mse), "
                + org.prevalence.core.Format.count(cmd.replicates) + " replicates, percentile limits" : null;
        CovariateMse search = CovariateMse.withDefaults().withYearDegree(o.yearDegree).withMinModel(o.min)
                .withMaxModel(o.max).withThreads(cmd.common.threadCount());
        return new MseModes.Outcome(CovariateReport.of(in.name(), r, shown, cmd.sensitivity ? search.sensitivity(table) : null),
                () -> CovariateReport.chart(in.name(), shown), new Run(r, shown, interval));
    }
}
