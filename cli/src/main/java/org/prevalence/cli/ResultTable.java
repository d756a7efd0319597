package org.prevalence.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Columns and rows of typed cells (numbers, strings, {@code null} for none), rendered as an aligned text
 * table, as CSV or as JSON rows. Rendering only: every cell is a figure taken from a library result.
 */
final class ResultTable {
    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    /** @param columns the column names (the CSV header and the JSON keys) */
    ResultTable(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    /** @param columns the column names */
    ResultTable(String... columns) {
        this(Arrays.asList(columns));
    }

    /**
     * @param cells one cell per column, {@code null} where there is none
     * @return this table
     */
    ResultTable add(Object... cells) {
        return add(Arrays.asList(cells));
    }

    /**
     * @param cells one cell per column, {@code null} where there is none
     * @return this table
     */
    ResultTable add(List<?> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of " + columns.size()
                    + " columns");
        }
        rows.add(new ArrayList<>(cells));
        return this;
    }

    /** @return whether the table has no row */
    boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * @param headers the printed headers, one per column
     * @param cell how a cell is printed
     * @return an aligned text table ({@link Output#table})
     */
    String text(List<String> headers, Function<Object, String> cell) {
        List<List<String>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            List<String> s = new ArrayList<>();
            for (Object c : r) {
                s.add(cell.apply(c));
            }
            out.add(s);
        }
        return Output.table(headers, out);
    }

    /** @return an aligned text table with the column names as headers, cells as {@link String#valueOf} */
    String text() {
        return text(columns, c -> c == null ? "" : String.valueOf(c));
    }

    /** @return tidy CSV: the column names, then one line a row; an empty cell for {@code null} */
    String csv() {
        List<List<String>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            List<String> s = new ArrayList<>();
            for (Object c : r) {
                s.add(c == null ? "" : String.valueOf(c));
            }
            out.add(s);
        }
        return Output.csv(columns, out);
    }

    /** @return the rows as JSON objects, the column names as keys */
    List<Map<String, Object>> json() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int j = 0; j < columns.size(); j++) {
                m.put(columns.get(j), r.get(j));
            }
            out.add(m);
        }
        return out;
    }
}
