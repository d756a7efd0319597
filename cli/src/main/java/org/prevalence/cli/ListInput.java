package org.prevalence.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.core.lists.ListTables;
import org.prevalence.core.lists.StratifiedListTable;
import org.prevalence.datasets.Datasets;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

/** Input options of list-based commands: a CSV file or a bundled dataset (a picocli mixin). */
final class ListInput {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.csv",
            description = "List-overlap CSV: one 0/1 column per list and a count column (one row per history), "
                    + "or one row per case without a count column.")
    Path file;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Use a bundled list-overlap table instead of a file "
            + "(see 'prevalence datasets').")
    String dataset;

    @Option(names = "--lists", split = ",", paramLabel = "A,B,..",
            description = "The list columns (default: every column except the count and stratum columns).")
    List<String> lists;

    @Option(names = "--count", paramLabel = "COL",
            description = "The count column (default: 'count' if present, otherwise one row per case).")
    String count;

    @Option(names = "--stratum", paramLabel = "COL", description = "Estimate each stratum of this column separately.")
    String stratum;

    @Mixin
    InputFormatOptions format = new InputFormatOptions();

    /** @return a short name of the input for reports */
    String name() {
        return dataset != null ? dataset : file == null ? "?" : file.getFileName().toString();
    }

    private Table table() {
        if ((file == null) == (dataset == null)) {
            throw PrevalenceException.invalidArgument("FILE",
                    "Give either a CSV file or --dataset NAME (one of them, not both)");
        }
        return dataset != null ? Datasets.table(Datasets.get(dataset)) : format.csv().read(file);
    }

    private String countColumn(Table t) {
        if (count != null) {
            return count;
        }
        if (t.columnNames().contains("count")) {
            return "count";
        }
        // the default count column: 'count' in any case, if exactly one column is so named
        List<String> named = t.columnNames().stream().filter(c -> c.equalsIgnoreCase("count")).toList();
        return named.size() == 1 ? named.get(0) : null;
    }

    /** @return the list-overlap table (an error if --stratum was given) */
    ListOverlapTable read() {
        Table t = table();
        return ListTables.fromTable(t, lists, countColumn(t));
    }

    /** @return the stratified table (requires --stratum) */
    StratifiedListTable readStratified() {
        Table t = table();
        return ListTables.fromTable(t, lists, countColumn(t), stratum);
    }

    static List<String> split(String s) {
        return Arrays.asList(s.split(","));
    }
}
