package org.prevalence.core.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import org.prevalence.core.io.CsvColumns;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Builds {@link ListOverlapTable}s and {@link StratifiedListTable}s from Tablesaw tables: the path
 * from a CSV file or from JShell. Each column is resolved once by its exact name (names that
 * differ only in case are distinct), its values are read by role through {@link Columns} (0/1
 * membership, whole counts in [0, 2^63), no missing value) and errors name the 1-based data row
 * and the column, never the cell's value.
 */
public final class ListTables {
    private ListTables() {
    }

    /**
     * Reads a table of histories with a count column (form a), or of cases (form b) when
     * {@code countColumn} is {@code null}.
     * @param t the table
     * @param listColumns the 0/1 list columns, or {@code null} for every column except the count
     * @param countColumn the count column, or {@code null} for one row per case
     * @return the list-overlap table
     */
    public static ListOverlapTable fromTable(Table t, List<String> listColumns, String countColumn) {
        List<String> lists = resolveLists(t, listColumns, countColumn, null);
        int[][] patterns = patterns(t, lists);
        if (countColumn == null) {
            return ListOverlapTable.fromCases(lists, patterns);
        }
        return ListOverlapTable.fromHistories(lists, patterns, counts(t, countColumn));
    }

    /**
     * Reads a stratified table: as {@link #fromTable}, split by a stratum column (strata in order
     * of first appearance).
     * @param t the table
     * @param listColumns the list columns, or {@code null} for every column except count and stratum
     * @param countColumn the count column, or {@code null} for one row per case
     * @param stratumColumn the stratum column
     * @return the stratified table
     */
    public static StratifiedListTable fromTable(Table t, List<String> listColumns, String countColumn,
                                                String stratumColumn) {
        List<String> lists = resolveLists(t, listColumns, countColumn, stratumColumn);
        int[][] patterns = patterns(t, lists);
        long[] counts = countColumn == null ? null : counts(t, countColumn);
        Column<?> s = column(t, stratumColumn);
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (s.isMissing(r)) {
                throw PrevalenceException.invalidData(where(r, stratumColumn),
                        "%s: missing stratum", where(r, stratumColumn));
            }
            rows.computeIfAbsent(s.getString(r), k -> new ArrayList<>()).add(r);
        }
        return strata(rows, lists, patterns, counts, countColumn != null);
    }

    private static StratifiedListTable strata(Map<String, List<Integer>> rows, List<String> lists, int[][] patterns,
                                              long[] counts, boolean histories) {
        Map<String, ListOverlapTable> strata = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
            List<Integer> idx = e.getValue();
            int[][] p = new int[idx.size()][];
            long[] c = new long[idx.size()];
            for (int i = 0; i < idx.size(); i++) {
                p[i] = patterns[idx.get(i)];
                c[i] = counts == null ? 1 : counts[idx.get(i)];
            }
            try {
                strata.put(e.getKey(), !histories ? ListOverlapTable.fromCases(lists, p)
                        : ListOverlapTable.fromHistories(lists, p, c));
            } catch (PrevalenceException ex) {
                throw new PrevalenceException(ex.what(), "stratum '" + e.getKey() + "'",
                        "Stratum '" + e.getKey() + "': " + ex.getMessage(), ex);
            }
        }
        return StratifiedListTable.of(strata);
    }

    /**
     * Reads columns read from a CSV file ({@link org.prevalence.core.io.CsvReader}, no table): as
     * {@link #fromTable(Table, List, String)}, with the same rules and messages. The list columns
     * are best read as NUMBER, the count column as a CATEGORY (counts beyond 2^53 stay exact).
     * @param c the columns
     * @param listColumns the 0/1 list columns, or {@code null} for every column read except the count
     * @param countColumn the count column, or {@code null} for one row per case
     * @return the list-overlap table
     */
    public static ListOverlapTable fromColumns(CsvColumns c, List<String> listColumns, String countColumn) {
        List<String> lists = resolveLists(c, listColumns, countColumn, null);
        int[][] patterns = patterns(c, lists);
        if (countColumn == null) {
            return ListOverlapTable.fromCases(lists, patterns);
        }
        return ListOverlapTable.fromHistories(lists, patterns, c.counts(countColumn));
    }

    /**
     * Reads a stratified table from columns read from a CSV file: as
     * {@link #fromTable(Table, List, String, String)}, with the same rules and messages.
     * @param c the columns (the stratum column read as a CATEGORY)
     * @param listColumns the list columns, or {@code null} for every column read except count and stratum
     * @param countColumn the count column, or {@code null} for one row per case
     * @param stratumColumn the stratum column
     * @return the stratified table
     */
    public static StratifiedListTable fromColumns(CsvColumns c, List<String> listColumns, String countColumn,
                                                  String stratumColumn) {
        List<String> lists = resolveLists(c, listColumns, countColumn, stratumColumn);
        int[][] patterns = patterns(c, lists);
        long[] counts = countColumn == null ? null : c.counts(countColumn);
        int[] codes = c.codes(stratumColumn);
        List<String> levels = c.levels(stratumColumn);
        List<List<Integer>> rows = new ArrayList<>();
        for (int k = 0; k < levels.size(); k++) {
            rows.add(new ArrayList<>());
        }
        for (int r = 0; r < codes.length; r++) {
            if (codes[r] < 0) {
                throw PrevalenceException.invalidData(where(r, stratumColumn),
                        "%s: missing stratum", where(r, stratumColumn));
            }
            rows.get(codes[r]).add(r);
        }
        Map<String, List<Integer>> byStratum = new LinkedHashMap<>();
        for (int k = 0; k < levels.size(); k++) {
            if (!rows.get(k).isEmpty()) {
                byStratum.put(levels.get(k), rows.get(k));
            }
        }
        return strata(byStratum, lists, patterns, counts, countColumn != null);
    }

    /**
     * Long form (c): one row per sighting (case id, list name).
     * @param t the table
     * @param caseColumn the case-id column
     * @param listColumn the list-name column
     * @return the list-overlap table, lists in order of first appearance
     */
    public static ListOverlapTable fromLongForm(Table t, String caseColumn, String listColumn) {
        Column<?> c = column(t, caseColumn);
        Column<?> l = column(t, listColumn);
        List<String> ids = new ArrayList<>(t.rowCount());
        List<String> lists = new ArrayList<>(t.rowCount());
        for (int r = 0; r < t.rowCount(); r++) {
            if (c.isMissing(r)) {
                throw PrevalenceException.invalidData(where(r, caseColumn), "%s: missing case id",
                        where(r, caseColumn));
            }
            if (l.isMissing(r)) {
                throw PrevalenceException.invalidData(where(r, listColumn), "%s: missing list name",
                        where(r, listColumn));
            }
            ids.add(c.getString(r));
            lists.add(l.getString(r));
        }
        return ListOverlapTable.fromLongForm(null, ids, lists);
    }

    private static List<String> resolveLists(Table t, List<String> listColumns, String countColumn,
                                             String stratumColumn) {
        if (t.rowCount() == 0) {
            throw PrevalenceException.invalidData(t.name(), "the table '%s' has columns but no data rows", t.name());
        }
        if (countColumn != null) {
            Columns.column(t, countColumn);
        }
        if (stratumColumn != null) {
            Columns.column(t, stratumColumn);
        }
        List<String> out = new ArrayList<>();
        if (listColumns != null) {
            for (String n : listColumns) {
                out.add(Columns.column(t, n).name());
            }
            return out;
        }
        for (String n : t.columnNames()) {
            if (!n.equals(countColumn) && !n.equals(stratumColumn)) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<String> resolveLists(CsvColumns c, List<String> listColumns, String countColumn,
                                             String stratumColumn) {
        List<String> read = c.columnNames();
        for (String n : new String[] {countColumn, stratumColumn}) {
            if (n != null && !read.contains(n)) {
                throw Columns.noColumn(c.name(), c.headerNames(), n, null);
            }
        }
        List<String> out = new ArrayList<>();
        for (String n : listColumns != null ? listColumns : read) {
            if (listColumns == null && (n.equals(countColumn) || n.equals(stratumColumn))) {
                continue;
            }
            if (!read.contains(n)) {
                throw Columns.noColumn(c.name(), c.headerNames(), n, null);
            }
            out.add(n);
        }
        return out;
    }

    private static int[][] patterns(CsvColumns c, List<String> lists) {
        return patterns(c.rows(), lists, c::numbers);
    }

    private static Column<?> column(Table t, String name) {
        return Columns.column(t, name);
    }

    private static String where(int r, String col) {
        return Columns.where(r, col);
    }

    private static int[][] patterns(Table t, List<String> lists) {
        return patterns(t.rowCount(), lists, name -> Columns.numbers(t, name));
    }

    /** 0/1 memberships of {@code n} rows for each list column, as {@code column} reads them (NaN = missing). */
    private static int[][] patterns(int n, List<String> lists, java.util.function.Function<String, double[]> column) {
        int k = lists.size();
        int[][] p = new int[n][k];
        for (int j = 0; j < k; j++) {
            String name = lists.get(j);
            double[] v = column.apply(name);
            for (int r = 0; r < n; r++) {
                if (Double.isNaN(v[r])) {
                    throw PrevalenceException.invalidData(where(r, name),
                            "%s: missing list membership; every row needs 0 or 1", where(r, name));
                }
                if (v[r] != 0 && v[r] != 1) {
                    throw PrevalenceException.invalidData(where(r, name),
                            "%s: list membership must be 0 or 1", where(r, name));
                }
                p[r][j] = (int) v[r];
            }
        }
        return p;
    }

    private static long[] counts(Table t, String name) {
        return Columns.counts(t, name);
    }
}
