package org.prevalence.network.rds;

import java.util.Locale;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads an {@link RdsSample} and its outcomes out of a table, every column through
 * {@link Columns} (exact names, one error for a missing column). A missing recruiter cell (empty or
 * {@code NA}) marks a seed, as do {@code seed} and {@code 0}.
 */
public final class RdsTable {
    private RdsTable() {
    }

    /**
     * @param t the table, one row per respondent
     * @param id the id column
     * @param recruiter the recruiter column
     * @param degree the network degree column
     * @return the validated sample
     * @throws PrevalenceException for a missing column or a bad row (see {@link RdsSample})
     */
    public static RdsSample sample(Table t, String id, String recruiter, String degree) {
        Objects.requireNonNull(t, "table");
        String[] ids = cells(Columns.column(t, id));
        String[] rec = cells(Columns.column(t, recruiter));
        double[] deg = Columns.numbers(t, degree);
        return RdsSample.of(ids, rec, deg, null, null, new String[] {id, recruiter, degree, "coupons", "time"});
    }

    /**
     * An outcome column: its numbers, or with a level the 0/1 indicator of that level.
     * @param t the table
     * @param column the outcome column
     * @param level the level whose proportion is wanted, or {@code null} for a numeric outcome
     * @return the outcome, one value per row
     * @throws PrevalenceException for a missing column, a missing cell (naming the row), a level that
     *     no row has, or a numeric outcome that is not a number
     */
    public static double[] outcome(Table t, String column, String level) {
        Column<?> c = Columns.column(t, column);
        int n = c.size();
        double[] y = new double[n];
        if (level == null) {
            y = Columns.numbers(t, column);
        } else {
            boolean any = false;
            for (int r = 0; r < n; r++) {
                if (c.isMissing(r)) {
                    y[r] = Double.NaN;
                    continue;
                }
                y[r] = matches(c, r, level) ? 1 : 0;
                any |= y[r] == 1;
            }
            if (!any) {
                throw PrevalenceException.invalidData(String.format(Locale.ROOT, "column '%s'", column),
                        "no row of column '%s' has the level '%s'", column, level);
            }
        }
        for (int r = 0; r < n; r++) {
            if (Double.isNaN(y[r])) {
                throw PrevalenceException.invalidData(Columns.where(r, column),
                        "Row %d has no value in column '%s'; the RDS estimators need the outcome of every "
                                + "respondent", r + 1, column);
            }
        }
        return y;
    }

    private static boolean matches(Column<?> c, int r, String level) {
        if (c instanceof NumericColumn<?> nc) {
            try {
                return nc.getDouble(r) == Double.parseDouble(level);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return c.getString(r).strip().equals(level);
    }

    private static String[] cells(Column<?> c) {
        String[] out = new String[c.size()];
        for (int r = 0; r < out.length; r++) {
            if (c.isMissing(r)) {
                out[r] = "";
            } else if (c instanceof NumericColumn<?> nc) {
                double v = nc.getDouble(r);
                out[r] = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
            } else {
                out[r] = c.getString(r);
            }
        }
        return out;
    }
}
