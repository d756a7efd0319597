package org.prevalence.regional;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.prevalence.core.PrevalenceException;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Column access at the Tablesaw boundary: each column is resolved once and copied to an array;
 * missing or unreadable cells are reported with the 1-based data row and the column named.
 */
final class TableColumns {
    private TableColumns() {
    }

    static String where(String column, int row) {
        return String.format(Locale.ROOT, "row %d, column '%s'", row + 1, column);
    }

    static Column<?> column(Table t, String name) {
        if (!t.containsColumn(name)) {
            throw PrevalenceException.invalidData("column '" + name + "'",
                    "Table '%s' has no column '%s'; its columns are %s (rename the column or name it in the options)",
                    t.name(), name, t.columnNames());
        }
        return t.column(name);
    }

    static boolean has(Table t, String name) {
        return name != null && t.containsColumn(name);
    }

    /** Text cells (any column type), trimmed; missing cells are an error. */
    static String[] strings(Table t, String name) {
        Column<?> c = column(t, name);
        String[] out = new String[t.rowCount()];
        for (int r = 0; r < out.length; r++) {
            if (c.isMissing(r)) {
                throw PrevalenceException.invalidData(where(name, r), "Row %d, column '%s': the value is missing",
                        r + 1, name);
            }
            out[r] = c.getString(r).trim();
            if (out[r].isEmpty()) {
                throw PrevalenceException.invalidData(where(name, r), "Row %d, column '%s': the value is empty",
                        r + 1, name);
            }
        }
        return out;
    }

    /** Numeric cells; missing cells give NaN if {@code allowMissing}, else an error. */
    static double[] numbers(Table t, String name, boolean allowMissing) {
        Column<?> c = column(t, name);
        double[] out = new double[t.rowCount()];
        if (c instanceof NumberColumn<?, ?> nc) {
            for (int r = 0; r < out.length; r++) {
                out[r] = nc.isMissing(r) ? Double.NaN : nc.getDouble(r);
            }
        } else {
            for (int r = 0; r < out.length; r++) {
                if (c.isMissing(r) || c.getString(r).isBlank()) {
                    out[r] = Double.NaN;
                    continue;
                }
                try {
                    out[r] = Double.parseDouble(c.getString(r).trim());
                } catch (NumberFormatException e) {
                    throw PrevalenceException.invalidData(where(name, r),
                            "Row %d, column '%s': cannot read '%s' as a number", r + 1, name, c.getString(r));
                }
            }
        }
        if (!allowMissing) {
            for (int r = 0; r < out.length; r++) {
                if (Double.isNaN(out[r])) {
                    throw PrevalenceException.invalidData(where(name, r),
                            "Row %d, column '%s': the value is missing", r + 1, name);
                }
            }
        }
        return out;
    }

    /** ISO dates (a LOCAL_DATE column or text {@code yyyy-mm-dd}) as epoch days. */
    static long[] epochDays(Table t, String name) {
        Column<?> c = column(t, name);
        long[] out = new long[t.rowCount()];
        for (int r = 0; r < out.length; r++) {
            if (c.isMissing(r)) {
                throw PrevalenceException.invalidData(where(name, r), "Row %d, column '%s': the date is missing",
                        r + 1, name);
            }
            if (c.type() == ColumnType.LOCAL_DATE) {
                out[r] = ((LocalDate) c.get(r)).toEpochDay();
            } else {
                String s = c.getString(r).trim();
                try {
                    out[r] = LocalDate.parse(s).toEpochDay();
                } catch (DateTimeParseException e) {
                    throw PrevalenceException.invalidData(where(name, r),
                            "Row %d, column '%s': cannot read '%s' as an ISO date (yyyy-mm-dd)", r + 1, name, s);
                }
            }
        }
        return out;
    }

    static String list(List<String> names) {
        return String.join(", ", names);
    }
}
