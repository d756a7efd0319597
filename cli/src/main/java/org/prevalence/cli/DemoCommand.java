package org.prevalence.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.datasets.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code prevalence demo}: the main job on bundled data, needing no argument and no network. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Run Prevalence on the bundled datasets and print a short report.",
        description = "Loads every bundled dataset and reports what it holds: list sizes and overlaps of the "
                + "published list-overlap tables, and the size and weights of the bundled survey samples.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        StringBuilder sb = new StringBuilder();
        sb.append("Prevalence demo: the bundled data\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (Datasets.Dataset d : Datasets.all()) {
            if (d.kind() != Datasets.Kind.LISTS) {
                continue;
            }
            ListOverlapTable t = Datasets.listTable(d.name());
            long[] sizes = t.marginalCounts();
            List<String> s = new ArrayList<>();
            for (int j = 0; j < sizes.length; j++) {
                s.add(t.listNames().get(j) + " " + Output.count(sizes[j]));
            }
            rows.add(List.of(d.name(), Integer.toString(t.listCount()), Output.count(t.observedTotal()),
                    Integer.toString(t.observedHistories().length), String.join(", ", s)));
        }
        sb.append("Published list-overlap tables (multiple systems estimation input):\n");
        sb.append(Output.table(List.of("dataset", "lists", "cases", "histories", "list sizes"), rows));
        sb.append("\nUK 2013, 5 lists:\n").append(Summaries.overlaps(Datasets.listTable("uk2013_5lists")));
        List<List<String>> srows = new ArrayList<>();
        for (Datasets.Dataset d : Datasets.all()) {
            if (d.kind() != Datasets.Kind.SURVEY) {
                continue;
            }
            Table t = Datasets.table(d);
            double w = t.numberColumn("pw").sum();
            srows.add(List.of(d.name(), Output.count(t.rowCount()), Output.num(w), d.title()));
        }
        sb.append("\nSurvey samples (design-based estimation input):\n");
        sb.append(Output.table(List.of("dataset", "rows", "sum of weights pw", "design"), srows));
        Output.write(common, spec.commandLine().getOut(), sb.toString());
        return 0;
    }
}
