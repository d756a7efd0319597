package org.prevalence.regional;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Column access at the Tablesaw boundary, through the shared adapter {@link Columns}: each column
 * is resolved once by its exact name and copied to an array; missing or unreadable cells are
 * reported with the 1-based data row and the column named, never with the cell's value.
 */
final class TableColumns {
    private TableColumns() {
    }

    static String where(String column, int row) {
        return Columns.where(row, column);
    }

    /** The column of exactly that name (names are case-sensitive), or an error in the one wording. */
    static Column<?> column(Table t, String name) {
        return Columns.column(t, name);
    }

    static boolean has(Table t, String name) {
        return Columns.has(t, name);
    }

    /** Text cells (any column type), trimmed; missing cells are an error. */
    static String[] strings(Table t, String name) {
        Column<?> c = column(t, name);
        String[] out = new String[t.rowCount()];
        for (int r = 0; r < out.length; r++) {
            if (c.isMissing(r)) {
                throw PrevalenceException.invalidData(where(name, r), "%s: the value is missing", where(name, r));
            }
            out[r] = c.getString(r).trim();
            if (out[r].isEmpty()) {
                throw PrevalenceException.invalidData(where(name, r), "%s: the value is empty", where(name, r));
            }
        }
        return out;
    }

    /**
     * Numeric cells, read by role ({@link Columns#numbers}): a cell that is not a number is an
     * error naming the row; missing cells (declared missing-value tokens) give NaN if
     * {@code allowMissing}, else an error.
     */
    static double[] numbers(Table t, String name, boolean allowMissing) {
        double[] out = Columns.numbers(t, name);
        if (!allowMissing) {
            for (int r = 0; r < out.length; r++) {
                if (Double.isNaN(out[r])) {
                    throw PrevalenceException.invalidData(where(name, r), "%s: the value is missing", where(name, r));
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
                throw PrevalenceException.invalidData(where(name, r), "%s: the date is missing", where(name, r));
            }
            if (c.type() == ColumnType.LOCAL_DATE) {
                out[r] = ((LocalDate) c.get(r)).toEpochDay();
            } else {
                String s = c.getString(r).trim();
                try {
                    out[r] = LocalDate.parse(s).toEpochDay();
                } catch (DateTimeParseException e) {
                    throw PrevalenceException.invalidData(where(name, r),
                            "%s: the cell is not an ISO date (yyyy-mm-dd)", where(name, r));
                }
            }
        }
        return out;
    }

    static String list(List<String> names) {
        return String.join(", ", names);
    }
}
