package org.prevalence.regional;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import org.prevalence.core.io.CsvColumns;
import org.prevalence.core.io.CsvInput;
import tech.tablesaw.api.Table;

/**
 * The named columns of one input, read by role: the one path under every regional reader, so
 * that a Tablesaw table ({@code fromTable}) and the columns of a CSV file read without a table
 * ({@code fromColumns}, {@link CsvColumns}) are validated by the same code, with the same
 * messages. A table's rows are named as {@code "Row 3"}; a file's as {@code "Row 3 (cases.csv,
 * line 4)"}, with the line of the file. Package-private.
 */
abstract class Cells {
    private final String name;
    private final int rows;

    Cells(String name, int rows) {
        this.name = name;
        this.rows = rows;
    }

    /** @return the table or file name */
    final String name() {
        return name;
    }

    /** @return the number of data rows */
    final int rows() {
        return rows;
    }

    /** @param column a name @return whether there is a column of exactly that name */
    abstract boolean has(String column);

    /** @return the column names, in table or file order */
    abstract List<String> columnNames();

    /** @return the trimmed text of every cell; an error naming the first missing cell */
    abstract String[] strings(String column);

    /**
     * @param column a column
     * @param strings its cells, as {@link #strings} gave them
     * @return a code per row, equal for rows with equal cells, in order of first appearance (the
     *     number of codes is {@code max + 1})
     */
    abstract int[] codes(String column, String[] strings);

    /** Codes the cells with a hash map: equal strings, equal codes, in order of first appearance. */
    static int[] codesOf(String[] strings) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        int[] out = new int[strings.length];
        for (int r = 0; r < strings.length; r++) {
            Integer k = seen.putIfAbsent(strings[r], seen.size());
            out[r] = k == null ? seen.size() - 1 : k;
        }
        return out;
    }

    /** @return the cells as numbers, NaN where missing; an error naming the first cell that is not a number */
    abstract double[] numbers(String column);

    /** @return the cells as numbers; an error naming the first missing cell or non-number */
    abstract double[] requiredNumbers(String column);

    /** @return the ISO dates as epoch days; an error naming the first missing or bad date */
    abstract long[] epochDays(String column);

    /** @return whether the column holds numbers (see {@link Columns#holdsNumbers}) */
    abstract boolean holdsNumbers(String column);

    /** @return the error for a column that is not there, with the fix */
    abstract PrevalenceException noColumn(String column, PrevalenceException.Remedy remedy);

    /**
     * @param r a 0-based data row
     * @return how messages name it: {@code "Row 3"}, with the file's line where there is one
     */
    abstract String row(int r);

    /**
     * @param in a CSV reader
     * @param header a file's header
     * @param numbers the columns a reader takes as numbers
     * @param categories the columns it takes as text
     * @return {@code in} reading those of them the header has (a reader refuses a missing one itself)
     */
    static CsvInput reading(CsvInput in, List<String> header, List<String> numbers, List<String> categories) {
        List<String> n = new ArrayList<>(numbers);
        List<String> c = new ArrayList<>(categories);
        n.removeIf(x -> !header.contains(x));
        c.removeIf(x -> !header.contains(x) || n.contains(x));
        return in.withNumbers(n.toArray(new String[0])).withCategories(c.toArray(new String[0]));
    }

    static Cells of(Table t) {
        return new TableCells(t);
    }

    static Cells of(CsvColumns c) {
        return new FileCells(c);
    }

    private static final class TableCells extends Cells {
        private final Table t;

        TableCells(Table t) {
            super(t.name(), t.rowCount());
            this.t = t;
        }

        @Override
        boolean has(String column) {
            return Columns.has(t, column);
        }

        @Override
        List<String> columnNames() {
            return t.columnNames();
        }

        @Override
        String[] strings(String column) {
            return Columns.strings(t, column);
        }

        @Override
        double[] numbers(String column) {
            return Columns.numbers(t, column);
        }

        @Override
        int[] codes(String column, String[] strings) {
            return codesOf(strings);
        }

        @Override
        double[] requiredNumbers(String column) {
            return Columns.requiredNumbers(t, column);
        }

        @Override
        long[] epochDays(String column) {
            return Columns.epochDays(t, column);
        }

        @Override
        boolean holdsNumbers(String column) {
            return Columns.holdsNumbers(Columns.column(t, column));
        }

        @Override
        PrevalenceException noColumn(String column, PrevalenceException.Remedy remedy) {
            return Columns.noColumn(t, column, remedy);
        }

        @Override
        String row(int r) {
            return "Row " + (r + 1);
        }
    }

    private static final class FileCells extends Cells {
        private final CsvColumns c;

        FileCells(CsvColumns c) {
            super(c.name(), c.rows());
            this.c = c;
        }

        @Override
        boolean has(String column) {
            return c.has(column);
        }

        @Override
        List<String> columnNames() {
            List<String> names = new ArrayList<>(c.headerNames());
            names.removeIf(x -> !c.has(x));
            return names;
        }

        private void need(String column) {
            if (!c.has(column)) {
                throw noColumn(column, null);
            }
        }

        @Override
        String[] strings(String column) {
            need(column);
            return c.strings(column);
        }

        @Override
        double[] numbers(String column) {
            need(column);
            return c.numbers(column);
        }

        /** From the file's dictionary codes: the levels' texts are coded once, then each row by its level. */
        @Override
        int[] codes(String column, String[] strings) {
            int[] levelCode = c.codes(column);
            int m = c.levels(column).size();
            int[] canon = new int[m];
            java.util.Arrays.fill(canon, -1);
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            int[] out = new int[levelCode.length];
            for (int r = 0; r < out.length; r++) {
                int k = levelCode[r];   // never -1: strings() has refused missing cells
                if (canon[k] < 0) {
                    Integer prev = seen.putIfAbsent(strings[r], seen.size());
                    canon[k] = prev == null ? seen.size() - 1 : prev;
                }
                out[r] = canon[k];
            }
            return out;
        }

        @Override
        double[] requiredNumbers(String column) {
            double[] v = numbers(column);
            for (int r = 0; r < v.length; r++) {
                if (Double.isNaN(v[r])) {
                    throw missing(column, r, "value");
                }
            }
            return v;
        }

        /** As {@link Columns#epochDays}: each distinct date is parsed once, the first bad row reported. */
        @Override
        long[] epochDays(String column) {
            need(column);
            int[] codes = c.codes(column);
            List<String> levels = c.levels(column);
            long[] day = new long[levels.size()];
            boolean[] known = new boolean[levels.size()];
            long[] out = new long[codes.length];
            for (int r = 0; r < codes.length; r++) {
                int k = codes[r];
                if (k < 0) {
                    throw missing(column, r, "date");
                }
                if (!known[k]) {
                    try {
                        day[k] = LocalDate.parse(levels.get(k).strip()).toEpochDay();
                    } catch (DateTimeParseException e) {
                        String where = Columns.where(r, column);
                        throw PrevalenceException.invalidData(where, "%s, %s: the cell is not an ISO date (yyyy-mm-dd)",
                                c.at(r), where);
                    }
                    known[k] = true;
                }
                out[r] = day[k];
            }
            return out;
        }

        private PrevalenceException missing(String column, int r, String what) {
            String where = Columns.where(r, column);
            return PrevalenceException.invalidData(where, "%s, %s: the %s is missing", c.at(r), where, what);
        }

        @Override
        boolean holdsNumbers(String column) {
            need(column);
            return c.holdsNumbers(column);
        }

        @Override
        PrevalenceException noColumn(String column, PrevalenceException.Remedy remedy) {
            return Columns.noColumn(c.name(), c.headerNames(), column, remedy);
        }

        @Override
        String row(int r) {
            return String.format(Locale.ROOT, "Row %d (%s)", r + 1, c.at(r));
        }
    }
}
