package org.prevalence.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import org.prevalence.core.io.CsvColumns;
import org.prevalence.core.io.CsvReader;
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
        return Datasets.table(Datasets.get(dataset));
    }

    /** @return whether the input is a bundled dataset (read as a table) rather than a file */
    private boolean isDataset() {
        if ((file == null) == (dataset == null)) {
            throw PrevalenceException.invalidArgument("FILE",
                    "Give either a CSV file or --dataset NAME (one of them, not both)");
        }
        return dataset != null;
    }

    private String countColumn(List<String> columns) {
        if (count != null) {
            return count;
        }
        if (columns.contains("count")) {
            return "count";
        }
        // the default count column: 'count' in any case, if exactly one column is so named
        List<String> named = columns.stream().filter(c -> c.equalsIgnoreCase("count")).toList();
        return named.size() == 1 ? named.get(0) : null;
    }

    /**
     * Reads only the columns the options need, straight into arrays ({@link CsvReader}, no table):
     * the header first, to resolve the default list and count columns and to report a missing
     * column in the wording of the table path.
     */
    private CsvColumns columns(CsvReader r, List<String> header, String countColumn, String stratumColumn) {
        String name = file.getFileName().toString();
        for (String c : new String[] {countColumn, stratumColumn}) {
            if (c != null && !header.contains(c)) {
                throw Columns.noColumn(name, header, c, null);
            }
        }
        List<String> names = lists != null ? lists : header;
        for (String c : names) {
            if (!header.contains(c)) {
                throw Columns.noColumn(name, header, c, null);
            }
            if (lists != null || !c.equals(countColumn) && !c.equals(stratumColumn)) {
                r = r.withColumn(c, CsvReader.Kind.NUMBER);
            }
        }
        if (countColumn != null) {
            r = r.withColumn(countColumn, CsvReader.Kind.CATEGORY);
        }
        if (stratumColumn != null) {
            r = r.withColumn(stratumColumn, CsvReader.Kind.CATEGORY);
        }
        return r.read(file);
    }

    /**
     * @param threads the parsing threads (0 = all cores; the result does not depend on it)
     * @return the list-overlap table (an error if --stratum was given)
     */
    ListOverlapTable read(int threads) {
        if (isDataset()) {
            Table t = table();
            return ListTables.fromTable(t, lists, countColumn(t.columnNames()));
        }
        CsvReader r = format.reader(threads);
        List<String> header = r.header(file);
        String countColumn = countColumn(header);
        CsvColumns c = columns(r, header, countColumn, null);
        return ListTables.fromColumns(c, lists != null ? lists : listColumns(c, countColumn, null), countColumn);
    }

    /**
     * @param threads the parsing threads (0 = all cores)
     * @return the stratified table (requires --stratum)
     */
    StratifiedListTable readStratified(int threads) {
        if (isDataset()) {
            Table t = table();
            return ListTables.fromTable(t, lists, countColumn(t.columnNames()), stratum);
        }
        CsvReader r = format.reader(threads);
        List<String> header = r.header(file);
        String countColumn = countColumn(header);
        CsvColumns c = columns(r, header, countColumn, stratum);
        return ListTables.fromColumns(c, lists != null ? lists : listColumns(c, countColumn, stratum), countColumn,
                stratum);
    }

    /** The default list columns: every column of the header except the count and stratum columns. */
    private static List<String> listColumns(CsvColumns c, String countColumn, String stratumColumn) {
        return c.headerNames().stream().filter(n -> !n.equals(countColumn) && !n.equals(stratumColumn)).toList();
    }

    static List<String> split(String s) {
        return Arrays.asList(s.split(","));
    }
}
