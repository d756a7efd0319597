package org.prevalence.cli;

import java.util.ArrayList;
import java.util.List;
import org.prevalence.core.Format;
import org.prevalence.core.lists.ListOverlapTable;
import tech.tablesaw.api.Table;

/** Text summaries of input data (counts only; no estimation). */
final class Summaries {
    private Summaries() {
    }

    /** List sizes and the pairwise-overlap matrix of a list-overlap table. */
    static String overlaps(ListOverlapTable t) {
        List<String> names = t.listNames();
        long[][] ov = t.pairwiseOverlaps();
        List<String> headers = new ArrayList<>();
        headers.add("cases on both");
        headers.addAll(names);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<String> r = new ArrayList<>();
            r.add(names.get(i));
            for (int j = 0; j < names.size(); j++) {
                r.add(Format.count(ov[i][j]));
            }
            rows.add(r);
        }
        return "List sizes (diagonal) and pairwise overlaps:\n" + Output.table(headers, rows);
    }

    /** Rows, columns and the first rows of a survey sample. */
    static String survey(Table t) {
        return Output.fmt("%s, %s: %s%n%s%n", Format.count(t.rowCount(), "row", "rows"),
                Format.count(t.columnCount(), "column", "columns"),
                String.join(", ", t.columnNames()), t.first(5).print());
    }
}
