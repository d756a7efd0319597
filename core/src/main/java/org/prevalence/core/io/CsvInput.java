package org.prevalence.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipException;
import org.prevalence.core.PrevalenceException;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.IntColumnType;
import tech.tablesaw.columns.numbers.LongColumnType;
import tech.tablesaw.columns.Column;

/**
 * Reads CSV files, with one strict rule for numbers and errors that name the file, the data row
 * and the column: straight into primitive columns ({@link #columns}, the fast path, no table), or
 * into a Tablesaw table ({@link #read}).
 *
 * <p><b>Primitive columns.</b> Name each column's role, then read: only those columns are parsed,
 * streaming (a gzip-compressed {@code .csv.gz} is decompressed as it is read), on
 * {@link #withThreads} threads with the same result for every thread count, by {@link CsvReader}.
 * Numbers come as {@code double[]} ({@link CsvColumns#numbers}, NaN where missing), whole numbers
 * as {@code int[]} or {@code long[]} ({@link CsvColumns#ints}, {@link CsvColumns#counts}),
 * categories as dictionary codes and their levels ({@link CsvColumns#codes},
 * {@link CsvColumns#levels}). A Tablesaw table remains available as an interchange format
 * ({@link CsvColumns#toTable()}, or {@link #read} for every column):
 * <pre>{@code
 * CsvColumns c = CsvInput.withDefaults()
 *         .withDetectedDelimiter().withDecimalComma().withMissingValues("NA", ".")
 *         .withNumbers("w", "y").withCategories("stratum", "psu")
 *         .withThreads(0)                                  // all cores; same result as 1
 *         .columns(Path.of("sample.csv.gz"));
 * double[] w = c.numbers("w");                             // NaN where missing
 * int[] psu = c.codes("psu");                              // -1 where missing
 * List<String> strata = c.levels("stratum");               // in order of first appearance
 * Table t = c.toTable();                                   // only if a Table is wanted
 * }</pre>
 *
 * <p><b>Format.</b> RFC 4180: cells separated by the delimiter (a comma unless
 * {@link #withDelimiter} names another), cells quoted with {@code "} may hold delimiters, line
 * breaks and doubled quotes; CRLF and LF line ends; a UTF-8 byte-order mark is skipped. The first
 * record is the header. After it, lines that start with {@code #} are comments (provenance notes)
 * and blank lines are ignored; neither is a row. <b>Rows are data rows</b>: "row 1" is the first
 * record after the header, comment lines not counted.
 *
 * <p><b>Missing values.</b> A cell equal to one of the missing-value tokens (by default the empty
 * cell and {@code NA}, as R's {@code read.csv}; {@link #withMissingValues} replaces the set, and
 * the empty cell is always missing) is missing in every column type.
 *
 * <p><b>Column types.</b> A column given a type in {@link #withType} is parsed as that type, and a
 * cell that does not parse is an error naming the row and the column. Any other column is numeric
 * only if every non-missing cell is a <em>plain number</em>: an optional sign, digits, an optional
 * fraction after the decimal mark ({@code .} unless {@link #withDecimalComma()}), an optional
 * exponent, finite in double precision. No thousands separators. Whole numbers give an INTEGER (or
 * LONG) column, others a DOUBLE column; a column of {@code TRUE}/{@code FALSE} is BOOLEAN (R's
 * logical); every other column is text (STRING). A text column is not an error here: the code that
 * knows the column's role ({@link Columns}) refuses a text column demanded as numbers, naming the
 * first row that is not a number.
 *
 * <p><b>Refused files</b> ({@link PrevalenceException}, never echoing a cell): a missing or empty
 * file, a header without data rows, an empty or repeated column name (names that differ only in
 * case are distinct columns, as in R), a row with more or fewer cells than the header, a quote that
 * is never closed, text after a closing quote, and a header that has no comma but a semicolon or
 * tab ("the file looks semicolon-separated").
 *
 * <p>This class is immutable.
 */
public final class CsvInput {
    /** The default missing-value tokens: the empty cell and {@code NA}. */
    public static final Set<String> DEFAULT_MISSING = Set.of("", "NA");
    private static final CsvInput DEFAULT = new CsvInput(Map.of(), Map.of(), ',', false, false, '.', DEFAULT_MISSING,
            1);

    private final Map<String, ColumnType> types;
    private final Map<String, CsvReader.Kind> roles;
    private final char delimiter;
    private final boolean delimiterNamed;
    private final boolean detect;
    private final char decimal;
    private final Set<String> missing;
    private final int threads;

    private CsvInput(Map<String, ColumnType> types, Map<String, CsvReader.Kind> roles, char delimiter,
                     boolean delimiterNamed, boolean detect, char decimal, Set<String> missing, int threads) {
        this.types = types;
        this.roles = roles;
        this.delimiter = delimiter;
        this.delimiterNamed = delimiterNamed;
        this.detect = detect;
        this.decimal = decimal;
        this.missing = missing;
        this.threads = threads;
    }

    /**
     * @return a reader with the defaults: comma-separated, decimal point, missing values {@code ""}
     *     and {@code NA}, column types detected by the strict rule of the class description; for
     *     {@link #columns}: no roles named (every column read as a category), one thread
     */
    public static CsvInput withDefaults() {
        return DEFAULT;
    }

    /**
     * @param column a column name (matched exactly as written in the header)
     * @param type its type: STRING, INTEGER, LONG, DOUBLE or BOOLEAN
     * @return a reader that parses that column as {@code type}
     */
    public CsvInput withType(String column, ColumnType type) {
        Objects.requireNonNull(type, "type");
        if (type != ColumnType.STRING && type != ColumnType.INTEGER && type != ColumnType.LONG
                && type != ColumnType.DOUBLE && type != ColumnType.BOOLEAN) {
            throw PrevalenceException.invalidArgument("type", "column type %s is not supported; use STRING, INTEGER, "
                    + "LONG, DOUBLE or BOOLEAN", type.name());
        }
        Map<String, ColumnType> m = new LinkedHashMap<>(types);
        m.put(Objects.requireNonNull(column, "column"), type);
        return new CsvInput(Map.copyOf(m), roles, delimiter, delimiterNamed, detect, decimal, missing, threads);
    }

    /**
     * @param v the cell delimiter: {@code ','}, {@code ';'}, {@code '\t'} or {@code '|'}
     * @return a reader with that delimiter (and no delimiter sniffing)
     */
    public CsvInput withDelimiter(char v) {
        if (v != ',' && v != ';' && v != '\t' && v != '|') {
            throw PrevalenceException.invalidArgument("delimiter",
                    "the delimiter must be a comma, a semicolon, a tab or '|'");
        }
        return new CsvInput(types, roles, v, true, false, decimal, missing, threads);
    }

    /**
     * Reads numbers with a decimal comma ({@code 12,5} is 12.5), as European spreadsheet exports
     * write them; a point inside a number is then an error (it is not read as a thousands
     * separator). Such files are usually semicolon-separated ({@link #withDelimiter}); with
     * the comma delimiter, numbers with a decimal comma must be quoted.
     * @return a reader with a decimal comma
     */
    public CsvInput withDecimalComma() {
        return new CsvInput(types, roles, delimiter, delimiterNamed, detect, ',', missing, threads);
    }

    /**
     * @param tokens the cells that mean "missing" (replaces the default {@code ""} and {@code NA};
     *     the empty cell is always missing); matched exactly, after trimming the spaces around an
     *     unquoted cell
     * @return a reader with those missing-value tokens
     */
    public CsvInput withMissingValues(String... tokens) {
        Set<String> s = new LinkedHashSet<>();
        s.add("");
        for (String t : tokens) {
            s.add(Objects.requireNonNull(t, "token").strip());
        }
        return new CsvInput(types, roles, delimiter, delimiterNamed, detect, decimal, Set.copyOf(s), threads);
    }

    /**
     * Detects the delimiter from the header line instead of assuming the comma: of the comma, the
     * semicolon, the tab and {@code '|'}, the one found most often outside quotes (the comma if
     * none is, the first of that list on a tie). Replaces {@link #withDelimiter}.
     * @return a reader that detects the delimiter
     */
    public CsvInput withDetectedDelimiter() {
        return new CsvInput(types, roles, ',', false, true, decimal, missing, threads);
    }

    /**
     * Names columns to read in a numeric role (weights, outcomes, list memberships, counts) for
     * {@link #columns}: one double per row, NaN where missing.
     * @param columns column names (exact, as in the header)
     * @return a reader that also reads them as numbers
     */
    public CsvInput withNumbers(String... columns) {
        return withRoles(CsvReader.Kind.NUMBER, columns);
    }

    /**
     * Names columns to read in a categorical role (strata, cluster ids, domains, countries) for
     * {@link #columns}: dictionary codes per row and the distinct values. A category column can
     * also be read as numbers, counts or text ({@link CsvColumns#numbers}, {@link CsvColumns#counts},
     * {@link CsvColumns#strings}); a column named as both is a category.
     * @param columns column names (exact, as in the header)
     * @return a reader that also reads them as categories
     */
    public CsvInput withCategories(String... columns) {
        return withRoles(CsvReader.Kind.CATEGORY, columns);
    }

    private CsvInput withRoles(CsvReader.Kind kind, String... columns) {
        Map<String, CsvReader.Kind> m = new LinkedHashMap<>(roles);
        for (String c : columns) {
            m.merge(Objects.requireNonNull(c, "column"), kind,
                    (a, b) -> a == CsvReader.Kind.CATEGORY ? a : b);
        }
        return new CsvInput(types, Collections.unmodifiableMap(m), delimiter, delimiterNamed, detect, decimal,
                missing, threads);
    }

    /**
     * @param v the parsing threads of {@link #columns}, &gt;= 1, or 0 for all cores (the result,
     *     and the first error, do not depend on it)
     * @return a reader with that many threads
     */
    public CsvInput withThreads(int v) {
        if (v < 0) {
            throw PrevalenceException.invalidArgument("threads", "threads must be >= 0 (0 = all cores), got %d", v);
        }
        return new CsvInput(types, roles, delimiter, delimiterNamed, detect, decimal, missing, v);
    }

    /** @return the missing-value tokens */
    public Set<String> missingValues() {
        return missing;
    }

    /**
     * The streaming column reader with this reader's rules (delimiter, decimal mark, missing-value
     * tokens, threads) and roles: the columns named by {@link #withNumbers} and
     * {@link #withCategories}, or, if none is named, every column as a category.
     * @return the reader
     */
    public CsvReader reader() {
        CsvReader r = CsvReader.withDefaults().withThreads(threads).withMissingValues(missing.toArray(new String[0]));
        r = decimal == ',' ? r.withDecimalComma() : r;
        r = detect ? r.withDetectedDelimiter() : delimiterNamed ? r.withDelimiter(delimiter) : r;
        for (Map.Entry<String, CsvReader.Kind> e : roles.entrySet()) {
            r = r.withColumn(e.getKey(), e.getValue());
        }
        return roles.isEmpty() ? r.withEveryColumn(CsvReader.Kind.CATEGORY) : r;
    }

    /**
     * Reads the columns named by {@link #withNumbers} and {@link #withCategories} (every column,
     * as categories, if none is named) straight into primitive columns, streaming the file and
     * parsing it on {@link #withThreads} threads, without a table: the fast path
     * ({@link CsvReader}). The rules are those of this class; a gzip-compressed file
     * ({@code .csv.gz}) is decompressed as it is read; a named column not in the header is an
     * error naming it and the columns there are. Column types given with {@link #withType}
     * apply to {@link #read} only.
     * @param file a {@code .csv} or {@code .csv.gz} file
     * @return the columns ({@link CsvColumns#toTable()} makes a Tablesaw table of them)
     * @throws PrevalenceException if the file cannot be read or is malformed, naming the file,
     *     the data row, the line and the column
     */
    public CsvColumns columns(Path file) {
        return reader().read(file);
    }

    /**
     * As {@link #columns(Path)}, from a stream.
     * @param in the stream (read to its end, not closed; gzip is not detected here)
     * @param name the name used in messages
     * @return the columns
     */
    public CsvColumns columns(InputStream in, String name) {
        return reader().read(in, name);
    }

    /**
     * @param file a {@code .csv} or {@code .csv.gz} file
     * @return the column names of its header, in file order (only the header is read)
     */
    public List<String> header(Path file) {
        return reader().header(file);
    }

    /**
     * Reads a CSV file (or a gzip-compressed one, {@code .csv.gz}) into a table of every column.
     * @param file the file
     * @return the table, named after the file
     * @throws PrevalenceException if the file cannot be read or is malformed (see the class description)
     */
    public Table read(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw PrevalenceException.invalidArgument(file.toString(), "%s: no such file", file);
        }
        String text;
        try (InputStream in = CsvFiles.open(file)) {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (EOFException | ZipException e) {
            String name = file.getFileName().toString();
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, name,
                    String.format(Locale.ROOT, "%s: the gzip file is truncated or corrupt (%s); compress it again or "
                            + "download it again", name, e.getClass().getSimpleName()), e);
        } catch (IOException e) {
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, file.toString(),
                    file.getFileName() + ": cannot read the file (" + e.getClass().getSimpleName()
                            + "); is it UTF-8 text?", e);
        }
        return read(text, file.getFileName().toString());
    }

    /**
     * Reads CSV from a resource stream (for bundled datasets).
     * @param in the stream (read fully, not closed)
     * @param name the name used in error messages and as the table name
     * @return the table
     */
    public Table read(InputStream in, String name) {
        try {
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, name,
                    name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads CSV text.
     * @param text the whole CSV, header first
     * @param name the name used in error messages and as the table name
     * @return the table
     */
    public Table read(String text, String name) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        char d = delimiter;
        if (detect) {
            byte[] first = text.substring(0, Math.min(text.length(), 1 << 16)).getBytes(StandardCharsets.UTF_8);
            d = (char) CsvScan.detectDelimiter(first, 0, first.length);
        }
        Tokenizer tk = new Tokenizer(text, d, name);
        List<String> header = tk.next();
        if (header == null || header.size() == 1 && header.get(0).isBlank() && !tk.lastQuoted) {
            throw PrevalenceException.invalidData(name, "%s: the file is empty (a header line is needed)", name);
        }
        if (header.size() == 1 && !delimiterNamed && !detect) {
            sniff(header.get(0), name);
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < header.size(); j++) {
            String h = header.get(j).strip();
            header.set(j, h);
            if (h.isEmpty()) {
                throw PrevalenceException.invalidData(String.format(Locale.ROOT, "%s, header, column %d", name, j + 1),
                        "%s: column %d of the header has no name; name every column", name, j + 1);
            }
            if (!seen.add(h)) {
                throw PrevalenceException.invalidData("column '" + h + "'",
                        "%s: the header names column '%s' twice; column names must be distinct", name, h);
            }
        }
        int k = header.size();
        List<String[]> rows = new ArrayList<>();
        List<String> rec;
        while ((rec = tk.next()) != null) {
            int row = rows.size() + 1;
            if (rec.size() != k) {
                throw PrevalenceException.invalidData(String.format(Locale.ROOT, "%s, row %d", name, row),
                        "%s, row %d: %d cells, but the header has %d columns", name, row, rec.size(), k);
            }
            rows.add(rec.toArray(new String[0]));
        }
        if (rows.isEmpty()) {
            throw PrevalenceException.invalidData(name, "%s: the file has a header but no data rows", name);
        }
        Table t = Table.create(name);
        for (int j = 0; j < k; j++) {
            // internalAddWithoutValidation: Tablesaw refuses names that differ only in case, R does not
            t.internalAddWithoutValidation(column(header.get(j), j, rows, name));
        }
        return t;
    }

    private static void sniff(String header, String name) {
        String looks = header.indexOf(';') >= 0 ? "semicolon" : header.indexOf('\t') >= 0 ? "tab" : null;
        if (looks != null) {
            String java = looks.equals("tab") ? "'\\t'" : "';'";
            String cli = looks.equals("tab") ? "tab" : "';'";
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, name,
                    String.format(Locale.ROOT, "%s: the header has no comma; the file looks %s-separated", name, looks),
                    new PrevalenceException.Remedy("use withDelimiter(" + java + ")", "use --delimiter " + cli));
        }
    }

    private Column<?> column(String col, int j, List<String[]> rows, String name) {
        int n = rows.size();
        ColumnType type = types.get(col);
        String[] cells = new String[n];
        boolean[] na = new boolean[n];
        String[] tokens = missing.toArray(new String[0]);
        for (int r = 0; r < n; r++) {
            String c = rows.get(r)[j];
            cells[r] = c;
            na[r] = isMissing(c, tokens);
        }
        if (decimal == ',' && type != ColumnType.STRING) {
            for (int r = 0; r < n; r++) {
                if (!na[r] && cells[r].indexOf('.') >= 0 && !Double.isNaN(Numbers.parse(cells[r], '.'))) {
                    String where = String.format(Locale.ROOT, "row %d, column '%s'", r + 1, col);
                    throw PrevalenceException.invalidData(where, "%s, %s: a point inside a number, but the decimal "
                            + "mark is a comma; a point is not read as a thousands separator", name, where);
                }
            }
        }
        if (type == null) {
            return detected(col, cells, na);
        }
        if (type == ColumnType.STRING) {
            return text(col, cells, na);
        }
        if (type == ColumnType.BOOLEAN) {
            BooleanColumn b = BooleanColumn.create(col);
            for (int r = 0; r < n; r++) {
                if (na[r]) {
                    b.appendMissing();
                } else if (isTrue(cells[r])) {
                    b.append(true);
                } else if (isFalse(cells[r])) {
                    b.append(false);
                } else {
                    throw badCell(name, r, col, "TRUE or FALSE");
                }
            }
            return b;
        }
        if (type == ColumnType.INTEGER || type == ColumnType.LONG) {
            long[] v = new long[n];
            for (int r = 0; r < n; r++) {
                if (!na[r]) {
                    long x = Numbers.parseLong(cells[r]);
                    if (x == Numbers.NOT_A_LONG || type == ColumnType.INTEGER && ((int) x != x || x == Integer.MIN_VALUE)) {
                        throw badCell(name, r, col, type == ColumnType.INTEGER ? "a whole number below 2^31"
                                : "a whole number below 2^63");
                    }
                    v[r] = x;
                }
            }
            return type == ColumnType.INTEGER ? ints(col, v, na) : longs(col, v, na);
        }
        double[] v = new double[n];
        for (int r = 0; r < n; r++) {
            if (na[r]) {
                v[r] = Double.NaN;
            } else {
                v[r] = Numbers.parse(cells[r], decimal);
                if (!Double.isFinite(v[r])) {
                    throw badCell(name, r, col, "a plain number");
                }
            }
        }
        return DoubleColumn.create(col, v);
    }

    private static boolean isMissing(String c, String[] tokens) {
        for (String t : tokens) {
            if (t.length() == c.length() && t.equals(c)) {
                return true;
            }
        }
        return false;
    }

    private static StringColumn text(String col, String[] cells, boolean[] na) {
        StringColumn s = StringColumn.create(col);
        for (int r = 0; r < cells.length; r++) {
            if (na[r]) {
                s.appendMissing();
            } else {
                s.append(cells[r]);
            }
        }
        return s;
    }

    private static IntColumn ints(String col, long[] v, boolean[] na) {
        int[] x = new int[v.length];
        for (int r = 0; r < v.length; r++) {
            x[r] = na[r] ? IntColumnType.missingValueIndicator() : (int) v[r];
        }
        return IntColumn.create(col, x);
    }

    private static LongColumn longs(String col, long[] v, boolean[] na) {
        long[] x = v.clone();
        for (int r = 0; r < v.length; r++) {
            if (na[r]) {
                x[r] = LongColumnType.missingValueIndicator();
            }
        }
        return LongColumn.create(col, x);
    }

    private PrevalenceException badCell(String name, int r, String col, String what) {
        String where = String.format(Locale.ROOT, "row %d, column '%s'", r + 1, col);
        return new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, where,
                String.format(Locale.ROOT, "%s, %s: the cell is not %s", name, where, what),
                Columns.missingRemedy());
    }

    /**
     * The column with its detected type (see the class description), each cell parsed once: whole
     * numbers give INTEGER (or LONG), other plain numbers DOUBLE, TRUE/FALSE BOOLEAN, anything
     * else (or no value at all) STRING.
     */
    private Column<?> detected(String col, String[] cells, boolean[] na) {
        int n = cells.length;
        long[] lv = new long[n];
        double[] dv = null;
        boolean any = false;
        boolean whole = true;
        boolean fitsInt = true;
        boolean numbers = true;
        boolean logical = true;
        for (int r = 0; r < n; r++) {
            if (na[r]) {
                continue;
            }
            any = true;
            String c = cells[r];
            if (numbers) {
                long x = whole ? Numbers.parseLong(c) : Numbers.NOT_A_LONG;
                if (x != Numbers.NOT_A_LONG) {
                    lv[r] = x;
                    fitsInt &= (int) x == x && x != Integer.MIN_VALUE;
                    if (dv != null) {
                        dv[r] = x;
                    }
                } else {
                    double d = Numbers.parse(c, decimal);
                    if (Double.isFinite(d)) {
                        if (whole) {
                            whole = false;
                            dv = new double[n];
                            for (int q = 0; q < r; q++) {
                                dv[q] = lv[q];
                            }
                        }
                        dv[r] = d;
                    } else {
                        numbers = false;
                    }
                }
            }
            if (logical) {
                logical = isTrue(c) || isFalse(c);
            }
            if (!numbers && !logical) {
                return text(col, cells, na);
            }
        }
        if (!any) {
            return text(col, cells, na);
        }
        if (numbers) {
            if (whole) {
                return fitsInt ? ints(col, lv, na) : longs(col, lv, na);
            }
            for (int r = 0; r < n; r++) {
                if (na[r]) {
                    dv[r] = Double.NaN;
                }
            }
            return DoubleColumn.create(col, dv);
        }
        BooleanColumn b = BooleanColumn.create(col);
        for (int r = 0; r < n; r++) {
            if (na[r]) {
                b.appendMissing();
            } else {
                b.append(isTrue(cells[r]));
            }
        }
        return b;
    }

    static boolean isTrueCell(String c) {
        return isTrue(c);
    }

    static boolean isFalseCell(String c) {
        return isFalse(c);
    }

    private static boolean isTrue(String c) {
        return c.equals("TRUE") || c.equals("true") || c.equals("True");
    }

    private static boolean isFalse(String c) {
        return c.equals("FALSE") || c.equals("false") || c.equals("False");
    }

    /**
     * A streaming RFC-4180 tokenizer over the whole text: one pass, one reusable cell buffer.
     * Comment and blank lines between records are skipped.
     */
    private static final class Tokenizer {
        private final char[] s;
        private final int len;
        private final char d;
        private final String name;
        private final StringBuilder cell = new StringBuilder(32);
        private int pos;
        private int records;
        boolean lastQuoted;

        Tokenizer(String text, char d, String name) {
            this.s = text.toCharArray();
            this.len = s.length;
            this.d = d;
            this.name = name;
            this.pos = len > 0 && s[0] == '\uFEFF' ? 1 : 0;
        }

        /** @return the next record's cells, or null at the end */
        List<String> next() {
            if (records > 0) {
                skipCommentsAndBlankLines();
            }
            if (pos >= len) {
                return null;
            }
            records++;
            List<String> out = new ArrayList<>();
            final char[] s = this.s;
            while (true) {
                boolean quoted = false;
                if (pos < len && s[pos] == '"') {
                    quoted = true;
                    cell.setLength(0);
                    pos++;
                    while (true) {
                        if (pos >= len) {
                            throw PrevalenceException.invalidData(where(),
                                    "%s, %s: a quoted cell is never closed (unterminated quote)", name, rowText());
                        }
                        char c = s[pos++];
                        if (c == '"') {
                            if (pos < len && s[pos] == '"') {
                                cell.append('"');
                                pos++;
                            } else {
                                break;
                            }
                        } else {
                            cell.append(c);
                        }
                    }
                    int p = pos;
                    while (p < len && (s[p] == ' ' || s[p] == '\t' && d != '\t')) {
                        p++;
                    }
                    if (p < len && s[p] != d && s[p] != '\n' && s[p] != '\r') {
                        throw PrevalenceException.invalidData(where(),
                                "%s, %s, cell %d: text after the closing quote of a quoted cell", name, rowText(),
                                out.size() + 1);
                    }
                    pos = p;
                    out.add(cell.toString());
                } else {
                    int start = pos;
                    int p = pos;
                    while (p < len) {
                        char c = s[p];
                        if (c == d || c == '\n' || c == '\r') {
                            break;
                        }
                        p++;
                    }
                    pos = p;
                    int end = p;
                    while (start < end && s[start] <= ' ') {
                        start++;
                    }
                    while (end > start && s[end - 1] <= ' ') {
                        end--;
                    }
                    out.add(new String(s, start, end - start));
                }
                lastQuoted = quoted;
                if (pos >= len) {
                    return out;
                }
                char c = s[pos++];
                if (c == d) {
                    continue;
                }
                if (c == '\r' && pos < len && s[pos] == '\n') {
                    pos++;
                }
                return out;
            }
        }

        private String rowText() {
            return records == 1 ? "header" : "row " + (records - 1);
        }

        private String where() {
            return String.format(Locale.ROOT, "%s, %s", name, rowText());
        }

        private void skipCommentsAndBlankLines() {
            while (pos < len) {
                char c = s[pos];
                if (c == '#' || c == '\n' || c == '\r' || isBlankLine()) {
                    while (pos < len && s[pos] != '\n') {
                        pos++;
                    }
                    pos++;
                } else {
                    return;
                }
            }
        }

        private boolean isBlankLine() {
            int p = pos;
            while (p < len && (s[p] == ' ' || s[p] == '\t' && d != '\t')) {
                p++;
            }
            return p >= len || s[p] == '\n' || s[p] == '\r';
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CsvInput[delimiter=%s, decimal=%s, missing=%s, types=%s, roles=%s, threads=%d]",
                detect ? "detected" : delimiter == '\t' ? "tab" : "'" + delimiter + "'", "'" + decimal + "'",
                Arrays.toString(missing.stream().sorted().toArray()), types, roles, threads);
    }
}
