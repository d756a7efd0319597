package org.prevalence.core.io;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.prevalence.core.PrevalenceException;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The one column adapter at the Tablesaw boundary: columns are found by their <em>exact</em> name
 * (Tablesaw matches names case-insensitively; R, and Prevalence, do not: {@code n_psu} and
 * {@code N_psu} are two columns), a missing column is reported in one wording, and a column is
 * read as numbers because of the role the caller gives it, not because of the type a reader
 * guessed.
 *
 * <p><b>Numbers by role.</b> {@link #numbers} reads a numeric or logical column as it is (missing =
 * NaN), and a text column cell by cell with the plain-number grammar of {@link CsvInput}: a cell
 * that is not a plain number is an error naming the 1-based data row and the column, never
 * echoing the cell (it may be personal data), with the fix: declare it a missing-value token, or
 * read decimal commas. A declared missing-value token is NaN, and the estimator's missing-value
 * rule applies. {@link #requiredNumbers} refuses missing cells, and {@link #counts} reads whole
 * numbers in [0, 2^63).
 *
 * <p><b>Text and dates.</b> {@link #strings} reads any column as trimmed text and
 * {@link #epochDays} reads ISO dates ({@code yyyy-mm-dd}); in both a missing cell is an error
 * naming the row and the column.
 *
 * <p>Every method is static and keeps no reference to the table.
 */
public final class Columns {
    private static final double TWO_63 = 0x1p63;

    private Columns() {
    }

    /**
     * @param row a 0-based row index
     * @param column a column name
     * @return {@code "row N, column 'X'"} with N the 1-based data row
     */
    public static String where(int row, String column) {
        return String.format(Locale.ROOT, "row %d, column '%s'", row + 1, column);
    }

    /**
     * @param t a table
     * @param name a column name
     * @return whether the table has a column of exactly that name
     */
    public static boolean has(Table t, String name) {
        return name != null && index(t, name) >= 0;
    }

    /**
     * @param t a table
     * @param name a column name, matched exactly (case-sensitively)
     * @return the column
     * @throws PrevalenceException if there is none, naming the columns there are (and the column
     *     that differs only in case, if any)
     */
    public static Column<?> column(Table t, String name) {
        int i = index(t, name);
        if (i < 0) {
            throw noColumn(t, name);
        }
        return t.column(i);
    }

    /**
     * The error for a column that is not in the table, in the one wording used everywhere.
     * @param t the table
     * @param name the column asked for
     * @return the exception (to be thrown by the caller)
     */
    public static PrevalenceException noColumn(Table t, String name) {
        return noColumn(t, name, null);
    }

    /**
     * The error for a column that is not in the table, in the one wording used everywhere, with a
     * fix to suggest (for example the option that names the column).
     * @param t the table
     * @param name the column asked for
     * @param remedy the fix, in Java and CLI terms (null for none)
     * @return the exception (to be thrown by the caller)
     */
    public static PrevalenceException noColumn(Table t, String name, PrevalenceException.Remedy remedy) {
        return noColumn(t.name(), t.columnNames(), name, remedy);
    }

    /**
     * The error for a column that is not among a file's columns (a header read by
     * {@link CsvReader#header}), in the one wording used everywhere.
     * @param tableName the file or table name (may be empty)
     * @param columns the column names there are
     * @param name the column asked for
     * @param remedy the fix, in Java and CLI terms (null for none)
     * @return the exception (to be thrown by the caller)
     */
    public static PrevalenceException noColumn(String tableName, List<String> columns, String name,
                                               PrevalenceException.Remedy remedy) {
        String near = null;
        for (String c : columns) {
            if (c.equalsIgnoreCase(name)) {
                near = c;
            }
        }
        String table = tableName == null || tableName.isEmpty() ? "the table" : "'" + tableName + "'";
        String message = String.format(Locale.ROOT, "no column '%s' in %s%s; its columns are %s", name, table,
                near == null ? "" : " (names are case-sensitive; there is '" + near + "')", columns);
        return remedy == null ? PrevalenceException.invalidData("column '" + name + "'", "%s", message)
                : new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, "column '" + name + "'", message, remedy);
    }

    private static int index(Table t, String name) {
        List<Column<?>> cols = t.columns();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The fix for a cell that is not a number, in Java and CLI terms.
     * @return the remedy
     */
    public static PrevalenceException.Remedy missingRemedy() {
        return new PrevalenceException.Remedy(
                "if it means missing, declare it with CsvInput.withMissingValues(...)",
                "if it means missing, declare it with --na (for example --na NA,n/a)");
    }

    /**
     * Reads a column in a numeric role (a mean variable, a covariate, a weight, a population).
     * @param t the table
     * @param name the column (exact name)
     * @return its values, NaN where missing
     * @throws PrevalenceException naming the first row whose cell is not a number
     */
    public static double[] numbers(Table t, String name) {
        return numbers(t.name(), column(t, name));
    }

    /**
     * @param table the table's name, for messages (may be empty)
     * @param c a column
     * @return its values as numbers, NaN where missing
     * @throws PrevalenceException naming the first row whose cell is not a number
     */
    public static double[] numbers(String table, Column<?> c) {
        int n = c.size();
        double[] out = new double[n];
        if (c instanceof NumericColumn<?> nc) {
            for (int r = 0; r < n; r++) {
                out[r] = nc.isMissing(r) ? Double.NaN : nc.getDouble(r);
            }
            return out;
        }
        if (c instanceof BooleanColumn b) {
            for (int r = 0; r < n; r++) {
                out[r] = b.isMissing(r) ? Double.NaN : b.get(r) ? 1 : 0;
            }
            return out;
        }
        for (int r = 0; r < n; r++) {
            if (c.isMissing(r)) {
                out[r] = Double.NaN;
                continue;
            }
            String s = c.getString(r).strip();
            double v = Numbers.parse(s, '.');
            if (!Double.isFinite(v)) {
                throw notANumber(table, c.name(), r, s);
            }
            out[r] = v;
        }
        return out;
    }

    /**
     * Reads a column in a numeric role where every cell must be present (a weight, a population).
     * @param t the table
     * @param name the column (exact name)
     * @return its values
     * @throws PrevalenceException naming the first row whose cell is missing or not a number
     */
    public static double[] requiredNumbers(Table t, String name) {
        double[] out = numbers(t, name);
        for (int r = 0; r < out.length; r++) {
            if (Double.isNaN(out[r])) {
                throw missing(t.name(), name, r, "value");
            }
        }
        return out;
    }

    /**
     * Reads a column as text (any column type), each cell trimmed.
     * @param t the table
     * @param name the column (exact name)
     * @return the cells
     * @throws PrevalenceException naming the first row whose cell is missing or empty
     */
    public static String[] strings(Table t, String name) {
        Column<?> c = column(t, name);
        String[] out = new String[c.size()];
        Arrays.setAll(out, r -> text(t.name(), c, r));
        return out;
    }

    private static String text(String table, Column<?> c, int r) {
        String s = c.isMissing(r) ? "" : c.getString(r).strip();
        if (s.isEmpty()) {
            throw missing(table, c.name(), r, "value");
        }
        return s;
    }

    /**
     * Reads a column of ISO dates: a date column, or text {@code yyyy-mm-dd}.
     * @param t the table
     * @param name the column (exact name)
     * @return the dates as epoch days ({@link LocalDate#toEpochDay()})
     * @throws PrevalenceException naming the first row whose date is missing or not an ISO date
     */
    public static long[] epochDays(Table t, String name) {
        Column<?> c = column(t, name);
        long[] out = new long[c.size()];
        Arrays.setAll(out, r -> epochDay(t.name(), c, r));
        return out;
    }

    private static long epochDay(String table, Column<?> c, int r) {
        if (c.isMissing(r)) {
            throw missing(table, c.name(), r, "date");
        }
        if (c.type() == ColumnType.LOCAL_DATE) {
            return ((LocalDate) c.get(r)).toEpochDay();
        }
        try {
            return LocalDate.parse(c.getString(r).strip()).toEpochDay();
        } catch (DateTimeParseException e) {
            throw PrevalenceException.invalidData(where(r, c.name()), "%s%s: the cell is not an ISO date (yyyy-mm-dd)",
                    prefix(table), where(r, c.name()));
        }
    }

    static PrevalenceException missing(String table, String name, int r, String what) {
        return PrevalenceException.invalidData(where(r, name), "%s%s: the %s is missing", prefix(table),
                where(r, name), what);
    }

    /**
     * Reads a column of counts: whole numbers in [0, 2^63), none missing.
     * @param t the table
     * @param name the column (exact name)
     * @return the counts
     * @throws PrevalenceException naming the row of the first missing, non-number, negative,
     *     fractional or too large count
     */
    public static long[] counts(Table t, String name) {
        Column<?> c = column(t, name);
        String table = t.name();
        long[] out = new long[c.size()];
        boolean text = !(c instanceof NumericColumn<?>) && !(c instanceof BooleanColumn);
        double[] v = text ? null : numbers(table, c);
        for (int r = 0; r < out.length; r++) {
            if (c.isMissing(r)) {
                throw PrevalenceException.invalidData(where(r, name), "%s%s: the count is missing", prefix(table),
                        where(r, name));
            }
            if (c instanceof LongColumn lc) {
                out[r] = checkCount(lc.getLong(r), table, name, r);
            } else if (c instanceof IntColumn ic) {
                out[r] = checkCount(ic.getInt(r), table, name, r);
            } else if (text) {
                String s = c.getString(r).strip();
                long x = Numbers.parseLong(s);
                if (x != Numbers.NOT_A_LONG) {
                    out[r] = checkCount((long) x, table, name, r);
                    continue;
                }
                double d = Numbers.parse(s, '.');
                if (!Double.isFinite(d)) {
                    throw notANumber(table, name, r, s);
                }
                out[r] = checkCount(d, table, name, r);
            } else {
                out[r] = checkCount(v[r], table, name, r);
            }
        }
        return out;
    }

    static long checkCount(long v, String table, String name, int r) {
        if (v < 0) {
            throw PrevalenceException.invalidData(where(r, name), "%s%s: a count must be >= 0, the cell is negative",
                    prefix(table), where(r, name));
        }
        return v;
    }

    static long checkCount(double v, String table, String name, int r) {
        if (v < 0) {
            throw PrevalenceException.invalidData(where(r, name), "%s%s: a count must be >= 0, the cell is negative",
                    prefix(table), where(r, name));
        }
        if (v >= TWO_63) {
            throw PrevalenceException.invalidData(where(r, name),
                    "%s%s: the count is 2^63 or more, beyond the largest count supported", prefix(table), where(r, name));
        }
        if (v != Math.rint(v)) {
            throw PrevalenceException.invalidData(where(r, name), "%s%s: a count must be a whole number",
                    prefix(table), where(r, name));
        }
        return (long) v;
    }

    private static String prefix(String table) {
        return table == null || table.isEmpty() ? "" : table + ", ";
    }

    /**
     * The error for a cell that is not a plain number, without the cell's value: a comma inside
     * a number, a number outside the double range, or any other text.
     * @param table the table name (may be empty)
     * @param column the column
     * @param row the 0-based row
     * @param cell the cell (used to choose the wording, never printed)
     * @return the exception (to be thrown by the caller)
     */
    public static PrevalenceException notANumber(String table, String column, int row, String cell) {
        String where = where(row, column);
        String s = cell == null ? "" : cell.strip();
        if (s.indexOf(',') >= 0 && !Double.isNaN(Numbers.parse(s.replace(",", ""), '.'))) {
            return new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, where,
                    prefix(table) + where + ": a comma inside a number (a decimal comma or a thousands separator); "
                            + "numbers must be plain, like 1234.5",
                    new PrevalenceException.Remedy("for decimal commas read with CsvInput.withDecimalComma(), and "
                            + "remove thousands separators",
                            "for decimal commas use --decimal , (and --delimiter ';' for a semicolon file), and "
                                    + "remove thousands separators"));
        }
        if (Double.isInfinite(Numbers.parse(s, '.'))) {
            return PrevalenceException.invalidData(where, "%s%s: the number is outside the range of a double "
                    + "(about 1.8e308)", prefix(table), where);
        }
        return new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, where,
                prefix(table) + where + " is not a number", missingRemedy());
    }

    /**
     * @param c a column
     * @return the 0-based index of the first non-missing cell that is not a plain number, or -1
     *     if there is none (numeric and logical columns give -1)
     */
    public static int firstNonNumber(Column<?> c) {
        if (c instanceof NumericColumn<?> || c instanceof BooleanColumn) {
            return -1;
        }
        for (int r = 0; r < c.size(); r++) {
            if (!c.isMissing(r) && !Double.isFinite(Numbers.parse(c.getString(r).strip(), '.'))) {
                return r;
            }
        }
        return -1;
    }

    /**
     * Whether a column holds numbers, possibly with stray text: a numeric column, or a text column
     * with at least one cell that looks like a number (a plain number, or one with a decimal comma
     * or thousands separators). Such a column asked for in a numeric role is numeric, and its
     * first bad cell an error; only a column with no number at all is categorical.
     * @param c a column
     * @return whether it is numeric or mixed
     */
    public static boolean holdsNumbers(Column<?> c) {
        if (c instanceof NumericColumn<?>) {
            return true;
        }
        if (c instanceof BooleanColumn) {
            return false;
        }
        for (int r = 0; r < c.size(); r++) {
            if (!c.isMissing(r) && !Double.isNaN(Numbers.parse(c.getString(r).strip().replace(",", ""), '.'))) {
                return true;
            }
        }
        return false;
    }
}
