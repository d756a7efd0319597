package org.prevalence.core.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prevalence.core.PrevalenceException;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.IntColumnType;
import tech.tablesaw.columns.numbers.LongColumnType;

/**
 * The columns {@link CsvReader} read from one file, as primitive arrays: a
 * {@link CsvReader.Kind#NUMBER} column as one double per row, a {@link CsvReader.Kind#CATEGORY}
 * column as dictionary codes. Each column also has the type {@link CsvInput} would have detected
 * ({@link #type}), so that it is read in a role exactly as {@link Columns} reads a Tablesaw column:
 * {@link #numbers} gives what {@code Columns.numbers} gives, and {@link #codes}/{@link #levels} the
 * values as a Tablesaw column prints them ({@code 7} for a whole-number column, {@code 7.0} for a
 * decimal one, {@code true}/{@code false} for a logical one, the text otherwise).
 *
 * <p>This class is immutable; getters return copies.
 */
public final class CsvColumns {
    /** The type a column would have been given by {@link CsvInput}'s detection. */
    public enum Type {
        /** Every non-missing cell is a plain number (an INTEGER, LONG or DOUBLE column). */
        NUMBER,
        /** Every non-missing cell is TRUE or FALSE (a BOOLEAN column). */
        LOGICAL,
        /** Anything else, or no value at all (a STRING column). */
        TEXT
    }

    private final String name;
    private final int rows;
    private final List<String> header;
    private final Map<String, Col> columns;
    private final Lines lines;

    private CsvColumns(String name, int rows, List<String> header, Map<String, Col> columns, Lines lines) {
        this.name = name;
        this.rows = rows;
        this.header = header;
        this.columns = columns;
        this.lines = lines;
    }

    /**
     * The line of the file each data row starts on: per part of the read, its first row and the
     * line of that row if every row took one line, and the rows after which that stops being so
     * (comment or blank lines, line breaks inside quoted cells).
     */
    private static final class Lines {
        final long[] firstRow;
        final long[] firstLine;    // 0-based line of the part's first row, one line a row
        final int[][] jumpRow;
        final int[][] jumpExtra;

        Lines(long[] firstRow, long[] firstLine, int[][] jumpRow, int[][] jumpExtra) {
            this.firstRow = firstRow;
            this.firstLine = firstLine;
            this.jumpRow = jumpRow;
            this.jumpExtra = jumpExtra;
        }

        long line(int row) {
            int i = Arrays.binarySearch(firstRow, row);
            if (i < 0) {
                i = -i - 2;
            }
            int local = (int) (row - firstRow[i]);
            int j = Arrays.binarySearch(jumpRow[i], local);
            if (j < 0) {
                j = -j - 2;
            }
            int extra = j < 0 ? 0 : jumpExtra[i][j];
            return firstLine[i] + local + extra + 1;
        }
    }

    /** One column: values or codes, its type and the first cell that is not a number by role. */
    private static final class Col {
        CsvReader.Kind kind;
        Type type;
        double[] values;          // NUMBER kind
        int[] codes;              // CATEGORY kind, canonical codes
        List<String> levels;      // CATEGORY kind, canonical labels
        double[] levelValues;     // CATEGORY kind, by-role value of each level (NaN if not a number)
        String[] written;         // CATEGORY kind, the distinct cells as written (null: as the levels)
        int[] writtenCodes;       // CATEGORY kind, the code of each row into written (-1 = missing)
        boolean holdsNumbers;
        long badRow = -1;         // 0-based row of the first cell that is not a number by role
        long badLine;
        String badCell;
    }

    /** @return the file name used in messages */
    public String name() {
        return name;
    }

    /** @return the number of data rows */
    public int rows() {
        return rows;
    }

    /**
     * @param row a 0-based data row
     * @return the 1-based line of the file that row starts on (the header and comment lines
     *     counted), for messages
     */
    public long line(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT, "row %d of %d", row, rows));
        }
        return lines.line(row);
    }

    /**
     * @param row a 0-based data row
     * @return {@code "FILE, line L"}: the prefix of a message about that row
     */
    public String at(int row) {
        return String.format(Locale.ROOT, "%s, line %d", name, line(row));
    }

    /** @return the columns read, in the order they were named */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** @return every column name of the header, in file order */
    public List<String> headerNames() {
        return header;
    }

    /** @param column a name @return whether that column was read */
    public boolean has(String column) {
        return columns.containsKey(column);
    }

    private Col col(String column) {
        Col c = columns.get(column);
        if (c == null) {
            throw PrevalenceException.invalidData("column '" + column + "'",
                    "no column '%s' was read from '%s'; %s", column, name,
                    header.contains(column) ? "it is in the header: ask the reader for it"
                            : "its columns are " + header);
        }
        return c;
    }

    /** @param column a column read @return how it was kept */
    public CsvReader.Kind kind(String column) {
        return col(column).kind;
    }

    /** @param column a column read @return its detected type */
    public Type type(String column) {
        return col(column).type;
    }

    /**
     * A column in a numeric role, as {@link Columns#numbers}: numbers as they are, TRUE/FALSE as
     * 1/0, and in a text column every cell that is a plain number; missing cells are NaN.
     * @param column a column read
     * @return its values (a copy)
     * @throws PrevalenceException naming the file, line, row and column of the first cell that is
     *     not a number
     */
    public double[] numbers(String column) {
        Col c = col(column);
        PrevalenceException e = notNumbers(column);
        if (e != null) {
            throw e;
        }
        if (c.kind == CsvReader.Kind.NUMBER) {
            return c.values.clone();
        }
        double[] out = new double[rows];
        double[] lv = c.levelValues;
        int[] codes = c.codes;
        for (int i = 0; i < rows; i++) {
            int k = codes[i];
            out[i] = k < 0 ? Double.NaN : lv[k];
        }
        return out;
    }

    /**
     * @param column a column read
     * @return the error {@link #numbers} throws for it, or null if it reads as numbers
     */
    public PrevalenceException notNumbers(String column) {
        Col c = col(column);
        if (c.type != Type.TEXT || c.badRow < 0) {
            return null;
        }
        return Columns.notANumber(String.format(Locale.ROOT, "%s, line %d", name, c.badLine), column,
                (int) c.badRow, c.badCell);
    }

    /**
     * @param column a column read
     * @return whether a text column has at least one cell that looks like a number (see
     *     {@link Columns#holdsNumbers}); true for a number column
     */
    public boolean holdsNumbers(String column) {
        Col c = col(column);
        return c.type == Type.NUMBER || c.type == Type.TEXT && c.holdsNumbers;
    }

    /**
     * @param column a CATEGORY column
     * @return the level code of every row (a copy), in order of first appearance, -1 where missing
     */
    public int[] codes(String column) {
        return category(column).codes.clone();
    }

    /**
     * @param column a CATEGORY column
     * @return the levels in code order, written as the Tablesaw column of the detected type
     *     prints them
     */
    public List<String> levels(String column) {
        return category(column).levels;
    }

    /**
     * A column as text, as {@link Columns#strings} reads a table column: each cell trimmed, written
     * as the column of its detected type prints it.
     * @param column a CATEGORY column
     * @return the cells (a new array; equal cells share one string)
     * @throws PrevalenceException naming the file, row and column of the first missing or empty cell
     */
    public String[] strings(String column) {
        Col c = category(column);
        String[] text = new String[c.levels.size()];
        if (c.type == Type.NUMBER) {
            // each level as the Tablesaw column of the detected type prints it (a DOUBLE column prints 53.0 as 53)
            int[] identity = new int[text.length];
            Arrays.setAll(identity, k -> k);
            Column<?> printed = categoryColumn(column, c, identity, text.length);
            for (int k = 0; k < text.length; k++) {
                text[k] = printed.getString(k).strip();
            }
        } else {
            // a text or logical column prints its labels as they are
            for (int k = 0; k < text.length; k++) {
                text[k] = c.levels.get(k).strip();
            }
        }
        String[] out = new String[rows];
        int[] codes = c.codes;
        for (int r = 0; r < rows; r++) {
            int k = codes[r];
            if (k < 0 || text[k].isEmpty()) {
                throw Columns.missing(at(r), column, r, "value");
            }
            out[r] = text[k];
        }
        return out;
    }

    /**
     * A column as it is written in the file, whatever its detected type: each cell as text
     * (trimmed, quotes removed), so that {@code 007} stays {@code 007} and {@code TRUE} stays
     * {@code TRUE}, as a Tablesaw column read as STRING gives it.
     * @param column a CATEGORY column
     * @return the cells (a new array; equal cells share one string), {@code null} where missing
     */
    public String[] texts(String column) {
        Col c = category(column);
        String[] out = new String[rows];
        String[] text = c.written != null ? c.written : c.levels.toArray(new String[0]);
        int[] codes = c.written != null ? c.writtenCodes : c.codes;
        for (int r = 0; r < rows; r++) {
            int k = codes[r];
            out[r] = k < 0 ? null : text[k];
        }
        return out;
    }

    /**
     * A column of counts, as {@link Columns#counts}: whole numbers in [0, 2^63), none missing.
     * @param column a column read (a CATEGORY column keeps counts beyond 2^53 exact)
     * @return the counts
     * @throws PrevalenceException naming the file, row and column of the first missing, non-number,
     *     negative, fractional or too large count
     */
    public long[] counts(String column) {
        Col c = col(column);
        long[] out = new long[rows];
        if (c.kind == CsvReader.Kind.NUMBER) {
            double[] v = numbers(column);
            for (int r = 0; r < rows; r++) {
                if (Double.isNaN(v[r])) {
                    throw countMissing(column, r);
                }
                out[r] = Columns.checkCount(v[r], at(r), column, r);
            }
            return out;
        }
        int m = c.levels.size();
        long[] value = new long[m];
        boolean[] known = new boolean[m];
        int[] codes = c.codes;
        for (int r = 0; r < rows; r++) {
            int k = codes[r];
            if (k < 0) {
                throw countMissing(column, r);
            }
            if (!known[k]) {
                // the first row of each level is where its error (if any) is first met
                value[k] = count(c, c.levels.get(k), column, r);
                known[k] = true;
            }
            out[r] = value[k];
        }
        return out;
    }

    private long count(Col c, String label, String column, int r) {
        if (c.type == Type.LOGICAL) {
            return label.equals("true") ? 1 : 0;
        }
        String s = label.strip();
        long x = Numbers.parseLong(s);
        if (x != Numbers.NOT_A_LONG) {
            return Columns.checkCount(x, at(r), column, r);
        }
        double d = Numbers.parse(s, '.');
        if (!Double.isFinite(d)) {
            throw Columns.notANumber(at(r), column, r, s);
        }
        return Columns.checkCount(d, at(r), column, r);
    }

    private PrevalenceException countMissing(String column, int r) {
        String where = Columns.where(r, column);
        return PrevalenceException.invalidData(where, "%s, %s: the count is missing", at(r), where);
    }

    /**
     * A column of whole numbers by role (codes, years, ages), none missing.
     * @param column a column read
     * @return its values
     * @throws PrevalenceException naming the file, row and column of the first cell that is
     *     missing, not a number, or not a whole number in the range of an int
     */
    public int[] ints(String column) {
        double[] v = numbers(column);
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            if (Double.isNaN(v[r])) {
                throw Columns.missing(at(r), column, r, "value");
            }
            if (v[r] != Math.rint(v[r]) || Math.abs(v[r]) > Integer.MAX_VALUE) {
                String where = Columns.where(r, column);
                throw PrevalenceException.invalidData(where, "%s, %s: the cell is not a whole number between -2^31 "
                        + "and 2^31", at(r), where);
            }
            out[r] = (int) v[r];
        }
        return out;
    }

    /**
     * The columns read as a Tablesaw table (an interchange format, for code that takes tables),
     * in header order, named after the file. A CATEGORY column becomes the column
     * {@link CsvInput#read} would give: INTEGER (or LONG) if every value is a whole number, DOUBLE
     * if they are numbers, BOOLEAN for TRUE/FALSE, STRING otherwise. A NUMBER column becomes a
     * DOUBLE (or, for TRUE/FALSE, a BOOLEAN) column; a text column read as NUMBER is refused
     * (read it as a CATEGORY).
     * @return a new table
     */
    public Table toTable() {
        Table t = Table.create(name);
        for (String h : header) {
            Col c = columns.get(h);
            if (c != null) {
                // internalAddWithoutValidation: Tablesaw refuses names that differ only in case, R does not
                t.internalAddWithoutValidation(c.kind == CsvReader.Kind.NUMBER ? numberColumn(h, c)
                        : categoryColumn(h, c, c.codes, rows));
            }
        }
        return t;
    }

    private Column<?> numberColumn(String h, Col c) {
        if (c.type == Type.NUMBER) {
            return DoubleColumn.create(h, c.values.clone());
        }
        if (c.type == Type.LOGICAL) {
            BooleanColumn b = BooleanColumn.create(h);
            for (double v : c.values) {
                if (Double.isNaN(v)) {
                    b.appendMissing();
                } else {
                    b.append(v != 0);
                }
            }
            return b;
        }
        throw PrevalenceException.invalidArgument("column '" + h + "'", "column '%s' is text but was read as "
                + "NUMBER; read it as a CATEGORY column to make a table of it", h);
    }

    /** The column of the detected type whose row r holds level {@code codes[r]} (missing if -1). */
    private static Column<?> categoryColumn(String h, Col c, int[] codes, int rows) {
        int m = c.levels.size();
        if (c.type == Type.NUMBER) {
            long[] lv = new long[m];
            boolean whole = true;
            boolean fitsInt = true;
            for (int k = 0; k < m && whole; k++) {
                long x = Numbers.parseLong(c.levels.get(k));
                whole = x != Numbers.NOT_A_LONG;
                lv[k] = x;
                fitsInt &= (int) x == x && x != Integer.MIN_VALUE;
            }
            if (whole && fitsInt) {
                int[] v = new int[rows];
                for (int r = 0; r < rows; r++) {
                    v[r] = codes[r] < 0 ? IntColumnType.missingValueIndicator() : (int) lv[codes[r]];
                }
                return IntColumn.create(h, v);
            }
            if (whole) {
                long[] v = new long[rows];
                for (int r = 0; r < rows; r++) {
                    v[r] = codes[r] < 0 ? LongColumnType.missingValueIndicator() : lv[codes[r]];
                }
                return LongColumn.create(h, v);
            }
            double[] v = new double[rows];
            for (int r = 0; r < rows; r++) {
                v[r] = codes[r] < 0 ? Double.NaN : c.levelValues[codes[r]];
            }
            return DoubleColumn.create(h, v);
        }
        if (c.type == Type.LOGICAL) {
            BooleanColumn b = BooleanColumn.create(h);
            for (int r = 0; r < rows; r++) {
                if (codes[r] < 0) {
                    b.appendMissing();
                } else {
                    b.append(c.levels.get(codes[r]).equals("true"));
                }
            }
            return b;
        }
        StringColumn s = StringColumn.create(h);
        for (int r = 0; r < rows; r++) {
            if (codes[r] < 0) {
                s.appendMissing();
            } else {
                s.append(c.levels.get(codes[r]));
            }
        }
        return s;
    }

    private Col category(String column) {
        Col c = col(column);
        if (c.kind != CsvReader.Kind.CATEGORY) {
            throw PrevalenceException.invalidArgument("column '" + column + "'",
                    "column '%s' was read as numbers; read it as a CATEGORY column for its levels", column);
        }
        return c;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CsvColumns[%s, %d rows, columns %s]", name, rows, columns.keySet());
    }

    /** Gathers the parts of a read in file order, then assembles the columns. Package-private. */
    static final class Builder {
        private final String name;
        private final List<String> wanted;
        private final List<String> header;
        private final boolean[] category;
        private final CsvReader.Config config;
        private final List<CsvScan.Part> parts = new ArrayList<>();
        private final List<long[]> offsets = new ArrayList<>();   // rowsBefore, linesBefore per part
        private final ByteDictionary[] dicts;
        private final List<Long> firstRows = new ArrayList<>();
        private final List<Long> firstLines = new ArrayList<>();
        private final List<int[]> jumpRows = new ArrayList<>();
        private final List<int[]> jumpExtras = new ArrayList<>();
        private long rows;

        Builder(String name, List<String> wanted, List<String> header, boolean[] category, CsvReader.Config config) {
            this.name = name;
            this.wanted = wanted;
            this.header = header;
            this.category = category;
            this.config = config;
            this.dicts = new ByteDictionary[wanted.size()];
            for (int s = 0; s < dicts.length; s++) {
                if (category[s]) {
                    dicts[s] = new ByteDictionary();
                }
            }
        }

        /** Adds a part (in file order), recoding its categories to the file's dictionaries. */
        void add(CsvScan.Part p, long rowsBefore, long linesBefore) {
            if (p.rows > 0) {
                firstRows.add(rowsBefore);
                firstLines.add(linesBefore + p.startLine);
                jumpRows.add(Arrays.copyOf(p.jumpRow, p.jumps));
                jumpExtras.add(Arrays.copyOf(p.jumpExtra, p.jumps));
            }
            for (int s = 0; s < dicts.length; s++) {
                CsvScan.CategoryPart cp = p.categories[s];
                if (cp != null) {
                    int[] map = new int[cp.dict.size()];
                    for (int c = 0; c < map.length; c++) {
                        map[c] = dicts[s].code(cp.dict, c);
                    }
                    int[] codes = cp.codes;
                    for (int i = 0; i < p.rows; i++) {
                        int c = codes[i];
                        codes[i] = c < 0 ? -1 : map[c];
                    }
                    CsvScan.CategoryPart recoded = new CsvScan.CategoryPart(codes);
                    recoded.sus = cp.sus;
                    recoded.susRow = cp.susRow;
                    recoded.susLine = cp.susLine;
                    recoded.susCode = new int[cp.sus];
                    for (int q = 0; q < cp.sus; q++) {
                        recoded.susCode[q] = map[cp.susCode[q]];
                    }
                    p.categories[s] = recoded;
                }
            }
            parts.add(p);
            offsets.add(new long[] {rowsBefore, linesBefore});
            rows = rowsBefore + p.rows;
            if (rows > Integer.MAX_VALUE - 16) {
                throw PrevalenceException.invalidData(name, "%s: more than %d data rows are not supported", name,
                        Integer.MAX_VALUE - 16);
            }
        }

        CsvColumns build() {
            int n = (int) rows;
            Map<String, Col> cols = new LinkedHashMap<>();
            List<Integer> order = new ArrayList<>();
            for (int s = 0; s < wanted.size(); s++) {
                order.add(s);
            }
            order.sort((a, b) -> Integer.compare(header.indexOf(wanted.get(a)), header.indexOf(wanted.get(b))));
            Col[] built = new Col[wanted.size()];
            for (int s : order) {
                built[s] = category[s] ? category(s, n) : number(s, n);
            }
            for (int s = 0; s < wanted.size(); s++) {
                cols.put(wanted.get(s), built[s]);
            }
            int m = firstRows.size();
            long[] fr = new long[m];
            long[] fl = new long[m];
            for (int i = 0; i < m; i++) {
                fr[i] = firstRows.get(i);
                fl[i] = firstLines.get(i);
            }
            Lines lines = new Lines(fr, fl, jumpRows.toArray(new int[0][]), jumpExtras.toArray(new int[0][]));
            return new CsvColumns(name, n, header, Collections.unmodifiableMap(cols), lines);
        }

        private PrevalenceException point(String column, long row, long line) {
            String where = String.format(Locale.ROOT, "row %d, column '%s'", row + 1, column);
            return PrevalenceException.invalidData(where, "%s, line %d, %s: a point inside a number, but the decimal "
                    + "mark is a comma; a point is not read as a thousands separator", name, line, where);
        }

        private Col number(int s, int n) {
            Col c = new Col();
            c.kind = CsvReader.Kind.NUMBER;
            double[] v = new double[n];
            boolean anyValue = false;
            boolean notNumber = false;
            boolean notLogical = false;
            boolean numberLike = false;
            int at = 0;
            for (int i = 0; i < parts.size(); i++) {
                CsvScan.Part p = parts.get(i);
                CsvScan.NumberPart np = p.numbers[s];
                long[] off = offsets.get(i);
                if (np.firstPoint >= 0 && config.decimal == ',') {
                    throw point(wanted.get(s), off[0] + np.firstPoint, off[1] + np.pointLine + 1);
                }
                System.arraycopy(np.v, 0, v, at, p.rows);
                at += p.rows;
                p.numbers[s] = null;
                anyValue |= np.anyValue;
                notNumber |= np.firstNotNumber >= 0;
                notLogical |= np.anyNotLogical;
                numberLike |= np.anyNumberLike;
                if (np.firstBadText >= 0 && c.badRow < 0) {
                    c.badRow = off[0] + np.firstBadText;
                    c.badLine = off[1] + np.badTextLine + 1;
                    c.badCell = np.badText;
                }
            }
            c.values = v;
            c.type = !notNumber ? (anyValue ? Type.NUMBER : Type.TEXT) : !notLogical ? Type.LOGICAL : Type.TEXT;
            c.holdsNumbers = numberLike;
            return c;
        }

        private Col category(int s, int n) {
            Col c = new Col();
            c.kind = CsvReader.Kind.CATEGORY;
            ByteDictionary dict = dicts[s];
            int m = dict.size();
            String[] entries = new String[m];
            for (int e = 0; e < m; e++) {
                entries[e] = dict.string(e);
            }
            // the type CsvInput would detect: a function of the distinct values
            boolean numbers = m > 0;
            boolean whole = true;
            boolean logical = m > 0;
            long[] lv = new long[m];
            double[] dv = new double[m];
            for (int e = 0; e < m; e++) {
                String x = entries[e];
                long l = Numbers.parseLong(x);
                if (l != Numbers.NOT_A_LONG) {
                    lv[e] = l;
                    dv[e] = l;
                } else {
                    double d = Numbers.parse(x, (char) config.decimal);
                    if (Double.isFinite(d)) {
                        whole = false;
                        dv[e] = d;
                    } else {
                        numbers = false;
                    }
                }
                logical &= CsvInput.isTrueCell(x) || CsvInput.isFalseCell(x);
            }
            c.type = numbers ? Type.NUMBER : logical ? Type.LOGICAL : Type.TEXT;
            String[] label = new String[m];
            double[] value = new double[m];
            int firstBad = -1;
            boolean[] bad = new boolean[m];
            boolean[] pointy = new boolean[m];
            boolean anyPoint = false;
            for (int e = 0; e < m; e++) {
                String x = entries[e];
                if (config.decimal == ',' && x.indexOf('.') >= 0 && !Double.isNaN(Numbers.parse(x, '.'))) {
                    pointy[e] = true;
                    anyPoint = true;
                }
                switch (c.type) {
                    case NUMBER -> {
                        label[e] = whole ? Long.toString(lv[e]) : Double.toString(dv[e]);
                        value[e] = dv[e];
                    }
                    case LOGICAL -> {
                        boolean t = CsvInput.isTrueCell(x);
                        label[e] = t ? "true" : "false";
                        value[e] = t ? 1 : 0;
                    }
                    default -> {
                        label[e] = x;
                        String st = x.strip();
                        value[e] = Numbers.parse(st, '.');
                        if (!Double.isFinite(value[e])) {
                            bad[e] = true;
                            firstBad = e;
                            value[e] = Double.NaN;
                        }
                        // once one cell looks like a number the column holds numbers: no more parsing for it
                        if (!c.holdsNumbers && (Double.isFinite(value[e])
                                || !Double.isNaN(Numbers.parse(st.replace(",", ""), '.')))) {
                            c.holdsNumbers = true;
                        }
                    }
                }
            }
            // canonical codes: labels that coincide ("7" and "07" in a number column) are one level; a text
            // column's labels are its dictionary's distinct entries, so its codes are already canonical
            List<String> levels;
            int[] map = new int[m];
            double[] levelValues;
            if (c.type == Type.TEXT) {
                levels = Arrays.asList(label);
                Arrays.setAll(map, e -> e);
                levelValues = value;
            } else {
                Map<String, Integer> canon = new HashMap<>();
                levels = new ArrayList<>();
                levelValues = new double[m];
                for (int e = 0; e < m; e++) {
                    Integer k = canon.get(label[e]);
                    if (k == null) {
                        k = levels.size();
                        canon.put(label[e], k);
                        levels.add(label[e]);
                        levelValues[k] = value[e];
                    }
                    map[e] = k;
                }
            }
            // a level written otherwise than as its label ("07" as 7, "TRUE" as true): keep the cells as written
            boolean rewritten = false;
            for (int e = 0; e < m && !rewritten; e++) {
                rewritten = map[e] != e || !label[e].equals(entries[e]);
            }
            int[] writtenCodes = rewritten ? new int[n] : null;
            int[] codes = new int[n];
            int at = 0;
            boolean findBad = firstBad >= 0 || anyPoint;
            for (int i = 0; i < parts.size(); i++) {
                CsvScan.Part p = parts.get(i);
                CsvScan.CategoryPart cp = p.categories[s];
                int[] pc = cp.codes;
                long[] off = offsets.get(i);
                for (int r = 0; r < p.rows; r++) {
                    int e = pc[r];
                    codes[at + r] = e < 0 ? -1 : map[e];
                }
                if (writtenCodes != null) {
                    System.arraycopy(pc, 0, writtenCodes, at, p.rows);
                }
                for (int q = 0; findBad && q < cp.sus; q++) {
                    int e = cp.susCode[q];
                    long line = off[1] + cp.susLine[q] + 1;
                    if (pointy[e]) {
                        throw point(wanted.get(s), off[0] + cp.susRow[q], line);
                    }
                    if (bad[e] && c.badRow < 0 && c.type == Type.TEXT) {
                        c.badRow = off[0] + cp.susRow[q];
                        c.badLine = line;
                        c.badCell = entries[e];
                        findBad = anyPoint;
                    }
                }
                at += p.rows;
                p.categories[s] = null;
            }
            c.codes = codes;
            if (rewritten) {
                c.written = entries;
                c.writtenCodes = writtenCodes;
            }
            c.levels = List.copyOf(levels);
            c.levelValues = Arrays.copyOf(levelValues, levels.size());
            return c;
        }

    }
}
