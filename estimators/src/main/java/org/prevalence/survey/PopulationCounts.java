package org.prevalence.survey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Known population counts of the cells of one or more categorical variables (a post-stratification
 * table or a raking margin), as R's {@code population} data frame with a {@code Freq} column.
 *
 * <p>CSV layout (read with {@link #fromTable}): one column per variable, named as in the sample, plus
 * a count column named {@code Freq} (R's name; another name with {@code fromTable(table, column)}), one row per cell, e.g.
 * <pre>
 * stype,Freq
 * E,4421
 * H,755
 * M,1018
 * </pre>
 * For crossed variables (post-stratification on {@code COL1,COL2}) every combination present in the
 * sample needs a row. Levels are matched as text; a whole number written {@code 1.0} matches level
 * {@code 1}.
 *
 * <p>This class is immutable.
 */
public final class PopulationCounts {
    private final List<String> columns;
    private final Map<List<String>, Double> counts;

    private PopulationCounts(List<String> columns, Map<List<String>, Double> counts) {
        this.columns = columns;
        this.counts = counts;
    }

    /**
     * Counts of the levels of one variable.
     * @param column the variable
     * @param counts level -&gt; population count (finite, &gt;= 0)
     * @return the table
     */
    public static PopulationCounts of(String column, Map<String, ? extends Number> counts) {
        Map<List<String>, Number> m = new LinkedHashMap<>();
        counts.forEach((k, v) -> m.put(List.of(k), v));
        return of(List.of(column), m);
    }

    /**
     * Counts of the cells of crossed variables.
     * @param columns the variables
     * @param counts cell (one level per variable, in column order) -&gt; population count
     * @return the table
     */
    public static PopulationCounts of(List<String> columns, Map<List<String>, ? extends Number> counts) {
        List<String> cols = List.copyOf(columns);
        if (cols.isEmpty()) {
            throw PrevalenceException.invalidArgument("population", "population counts need at least one variable");
        }
        Map<List<String>, Double> m = new LinkedHashMap<>();
        for (Map.Entry<List<String>, ? extends Number> e : counts.entrySet()) {
            List<String> key = List.copyOf(e.getKey());
            if (key.size() != cols.size()) {
                throw PrevalenceException.invalidArgument("population",
                        "population cell %s has %d levels for %d variables %s", key, key.size(), cols.size(), cols);
            }
            double v = e.getValue().doubleValue();
            if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                throw PrevalenceException.invalidData("population cell " + key,
                        "population count of cell %s of %s is %s; counts must be finite and >= 0", key, cols, v);
            }
            m.put(key, v);
        }
        return new PopulationCounts(cols, Collections.unmodifiableMap(m));
    }

    /**
     * Reads a table with the variables and a {@code Freq} column (R's name for the counts).
     * @param table the table (e.g. read by {@code CsvInput})
     * @return the counts
     */
    public static PopulationCounts fromTable(Table table) {
        return fromTable(table, "Freq");
    }

    /**
     * Reads a table with the variables and a count column of the given exact name; every other
     * column is a variable.
     * @param table the table (e.g. read by {@code CsvInput})
     * @param countColumn the count column's name
     * @return the counts
     */
    public static PopulationCounts fromTable(Table table, String countColumn) {
        String freq = null;
        List<String> cols = new ArrayList<>();
        for (String n : table.columnNames()) {
            if (n.equals(countColumn)) {
                freq = n;
            } else {
                cols.add(n);
            }
        }
        if (freq == null) {
            throw org.prevalence.core.io.Columns.noColumn(table, countColumn, new PrevalenceException.Remedy(
                    "name the count column with fromTable(table, column)", "name the count column with --margin-count COL"));
        }
        double[] counts = org.prevalence.core.io.Columns.numbers(table, freq);
        Map<List<String>, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < table.rowCount(); i++) {
            List<String> key = new ArrayList<>();
            for (String c : cols) {
                Column<?> col = org.prevalence.core.io.Columns.column(table, c);
                if (col.isMissing(i)) {
                    throw PrevalenceException.invalidData(String.format(Locale.ROOT, "row %d, column '%s'", i + 1, c),
                            "population table '%s', row %d, column '%s': missing level", table.name(), i + 1, c);
                }
                key.add(normalize(col.getUnformattedString(i)));
            }
            double v = counts[i];
            if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                throw PrevalenceException.invalidData(String.format(Locale.ROOT, "row %d, column '%s'", i + 1, freq),
                        "population table '%s', row %d, column '%s': the count must be a finite number >= 0",
                        table.name(), i + 1, freq);
            }
            if (m.put(key, v) != null) {
                throw PrevalenceException.invalidData(String.format(Locale.ROOT, "row %d", i + 1),
                        "population table '%s', row %d: cell %s appears twice", table.name(), i + 1, key);
            }
        }
        return of(cols, m);
    }

    static String normalize(String s) {
        try {
            double x = Double.parseDouble(s);
            if (x == Math.rint(x) && Math.abs(x) < 1e15 && s.matches("-?[0-9]+\\.0*")) {
                return Long.toString((long) x);
            }
        } catch (NumberFormatException e) {
            // a text level
        }
        return s;
    }

    /** @return the variables */
    public List<String> columns() {
        return columns;
    }

    /** @return cell -&gt; count, in input order */
    public Map<List<String>, Double> counts() {
        return counts;
    }

    /** @return the sum of the counts */
    public double total() {
        double s = 0;
        for (double v : counts.values()) {
            s += v;
        }
        return s;
    }

    @Override
    public String toString() {
        return "PopulationCounts" + columns + counts;
    }

    static PopulationCounts requireNonNull(PopulationCounts p) {
        return Objects.requireNonNull(p, "population");
    }
}
