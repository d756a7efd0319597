package org.prevalence.core.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prevalence.core.PrevalenceException;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Builds {@link ListOverlapTable}s and {@link StratifiedListTable}s from Tablesaw tables: the path
 * from a CSV file or from JShell. Each column is resolved once, its values are checked (0/1
 * membership, whole non-negative counts, no missing value) and errors name the 1-based data row
 * and the column.
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
                        "Row %d, column '%s': missing stratum", r + 1, stratumColumn);
            }
            rows.computeIfAbsent(s.getString(r), k -> new ArrayList<>()).add(r);
        }
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
                strata.put(e.getKey(), countColumn == null ? ListOverlapTable.fromCases(lists, p)
                        : ListOverlapTable.fromHistories(lists, p, c));
            } catch (PrevalenceException ex) {
                throw new PrevalenceException(ex.what(), "stratum '" + e.getKey() + "'",
                        "Stratum '" + e.getKey() + "': " + ex.getMessage(), ex);
            }
        }
        return StratifiedListTable.of(strata);
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
                throw PrevalenceException.invalidData(where(r, caseColumn), "Row %d, column '%s': missing case id",
                        r + 1, caseColumn);
            }
            if (l.isMissing(r)) {
                throw PrevalenceException.invalidData(where(r, listColumn), "Row %d, column '%s': missing list name",
                        r + 1, listColumn);
            }
            ids.add(c.getString(r));
            lists.add(l.getString(r));
        }
        return ListOverlapTable.fromLongForm(null, ids, lists);
    }

    private static List<String> resolveLists(Table t, List<String> listColumns, String countColumn,
                                             String stratumColumn) {
        if (countColumn != null) {
            column(t, countColumn);
        }
        if (listColumns != null) {
            List<String> out = new ArrayList<>();
            for (String n : listColumns) {
                out.add(column(t, n).name());
            }
            return out;
        }
        List<String> out = new ArrayList<>();
        for (String n : t.columnNames()) {
            if (!n.equalsIgnoreCase(countColumn == null ? "" : countColumn)
                    && !n.equalsIgnoreCase(stratumColumn == null ? "" : stratumColumn)) {
                out.add(n);
            }
        }
        return out;
    }

    private static Column<?> column(Table t, String name) {
        if (!t.containsColumn(name)) {
            throw PrevalenceException.invalidData("column '" + name + "'",
                    "No column '%s'; the columns are %s", name, t.columnNames());
        }
        return t.column(name);
    }

    private static String where(int r, String col) {
        return "row " + (r + 1) + ", column '" + col + "'";
    }

    private static int[][] patterns(Table t, List<String> lists) {
        int n = t.rowCount();
        int[][] p = new int[n][lists.size()];
        for (int j = 0; j < lists.size(); j++) {
            String name = lists.get(j);
            Column<?> col = column(t, name);
            for (int r = 0; r < n; r++) {
                double v = wholeNumber(col, r, name);
                if (v != 0 && v != 1) {
                    throw PrevalenceException.invalidData(where(r, name),
                            "Row %d, column '%s': list membership must be 0 or 1, got %s", r + 1, name,
                            col.getString(r));
                }
                p[r][j] = (int) v;
            }
        }
        return p;
    }

    private static long[] counts(Table t, String name) {
        Column<?> col = column(t, name);
        long[] c = new long[t.rowCount()];
        for (int r = 0; r < c.length; r++) {
            double v = wholeNumber(col, r, name);
            if (v < 0) {
                throw PrevalenceException.invalidData(where(r, name), "Row %d, column '%s': negative count %s",
                        r + 1, name, col.getString(r));
            }
            c[r] = (long) v;
        }
        return c;
    }

    private static double wholeNumber(Column<?> col, int r, String name) {
        if (col.isMissing(r)) {
            throw PrevalenceException.invalidData(where(r, name), "Row %d, column '%s': missing value", r + 1, name);
        }
        double v;
        Object o = col.get(r);
        if (o instanceof Number num) {
            v = num.doubleValue();
        } else if (o instanceof Boolean b) {
            v = b ? 1 : 0;
        } else {
            try {
                v = Double.parseDouble(col.getString(r).trim());
            } catch (NumberFormatException e) {
                throw PrevalenceException.invalidData(where(r, name), "Row %d, column '%s': '%s' is not a number",
                        r + 1, name, col.getString(r));
            }
        }
        if (v != Math.rint(v) || Double.isInfinite(v)) {
            throw PrevalenceException.invalidData(where(r, name), "Row %d, column '%s': %s is not a whole number",
                    r + 1, name, col.getString(r));
        }
        return v;
    }
}
