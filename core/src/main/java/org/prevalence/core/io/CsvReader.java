package org.prevalence.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.ParallelLoop;

/**
 * Reads only the columns a caller names from a CSV (or gzip-compressed CSV) file, straight into
 * primitive columns ({@link CsvColumns}), streaming the file in chunks and parsing each chunk's
 * ranges in parallel. The format and the rules are those of {@link CsvInput} (RFC 4180 quotes,
 * quoted line breaks, CRLF, a UTF-8 byte-order mark, comment and blank lines, declared
 * missing-value tokens, the decimal option, refusing a header without a comma that looks
 * semicolon- or tab-separated); the values are the ones {@code CsvInput} and {@link Columns} give.
 *
 * <p><b>Column kinds.</b> A {@link Kind#NUMBER} column keeps one double per row (a weight, a
 * mean variable); a {@link Kind#CATEGORY} column keeps dictionary codes (strata, cluster ids,
 * domains). Both are detected as {@code CsvInput} detects types, so either can also be read in
 * the other role.
 *
 * <p><b>Determinism.</b> Chunks are cut at record boundaries (line feeds outside quoted cells),
 * so the result, and the first error, are the same for every number of threads. Errors name the
 * file, the 1-based data row, the line of the file and the column, never the cell's value: a row
 * with more or fewer cells than the header, a quote never closed, text after a closing quote, an
 * unknown column, a truncated gzip file.
 *
 * <p>This class is immutable.
 */
public final class CsvReader {
    /** What a column is read as. */
    public enum Kind {
        /** One double per row (NaN where missing); for numbers read by role. */
        NUMBER,
        /** Dictionary codes per row (-1 where missing) and the distinct values. */
        CATEGORY
    }

    private static final int CHUNK = 8 << 20;
    private static final CsvReader DEFAULT = new CsvReader(Map.of(), null, ',', false, false, '.',
            CsvInput.DEFAULT_MISSING, 1, CHUNK);

    private final Map<String, Kind> columns;
    /** The kind of every header column not named, or null to read only the named ones. */
    private final Kind every;
    private final char delimiter;
    private final boolean delimiterNamed;
    private final boolean detect;
    private final char decimal;
    private final Set<String> missing;
    private final int threads;
    private final int chunk;

    private CsvReader(Map<String, Kind> columns, Kind every, char delimiter, boolean delimiterNamed, boolean detect,
                      char decimal, Set<String> missing, int threads, int chunk) {
        this.columns = columns;
        this.every = every;
        this.delimiter = delimiter;
        this.delimiterNamed = delimiterNamed;
        this.detect = detect;
        this.decimal = decimal;
        this.missing = missing;
        this.threads = threads;
        this.chunk = chunk;
    }

    /**
     * @return a reader with the defaults: no columns yet, comma-separated (a header without comma
     *     that has a semicolon or tab is refused), decimal point, missing values {@code ""} and
     *     {@code NA}, one thread, 8 MB chunks
     */
    public static CsvReader withDefaults() {
        return DEFAULT;
    }

    /**
     * @param column a column name (exact, as in the header)
     * @param kind how to keep it; a column named twice keeps CATEGORY if either asks for it
     * @return a reader that also reads that column
     */
    public CsvReader withColumn(String column, Kind kind) {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        Map<String, Kind> m = new LinkedHashMap<>(columns);
        m.merge(column, kind, (a, b) -> a == Kind.CATEGORY || b == Kind.CATEGORY ? Kind.CATEGORY : Kind.NUMBER);
        return new CsvReader(m, every, delimiter, delimiterNamed, detect, decimal, missing, threads, chunk);
    }

    /** @param v the delimiter: ',', ';', tab or '|' @return a reader with it (no sniffing) */
    public CsvReader withDelimiter(char v) {
        if (v != ',' && v != ';' && v != '\t' && v != '|') {
            throw PrevalenceException.invalidArgument("delimiter",
                    "the delimiter must be a comma, a semicolon, a tab or '|'");
        }
        return new CsvReader(columns, every, v, true, false, decimal, missing, threads, chunk);
    }

    /**
     * Detects the delimiter from the header line: of the comma, the semicolon, the tab and
     * {@code '|'}, the one that occurs most often outside quotes (the comma if none does, and on
     * a tie the first of that list). Without this (and without {@link #withDelimiter}) the
     * delimiter is the comma, and a header without comma that has a semicolon or tab is refused.
     * @return a reader that detects the delimiter
     */
    public CsvReader withDetectedDelimiter() {
        return new CsvReader(columns, every, ',', false, true, decimal, missing, threads, chunk);
    }

    /**
     * Reads every column of the header: those named by {@link #withColumn} as named, the others
     * as {@code kind} (in header order after the named ones).
     * @param kind how to keep the columns not named
     * @return a reader of every column
     */
    public CsvReader withEveryColumn(Kind kind) {
        return new CsvReader(columns, Objects.requireNonNull(kind, "kind"), delimiter, delimiterNamed, detect, decimal,
                missing, threads, chunk);
    }

    /** @return a reader of numbers with a decimal comma (see {@link CsvInput#withDecimalComma()}) */
    public CsvReader withDecimalComma() {
        return new CsvReader(columns, every, delimiter, delimiterNamed, detect, ',', missing, threads, chunk);
    }

    /**
     * @param tokens the missing-value tokens (the empty cell always is one), as
     *     {@link CsvInput#withMissingValues}
     * @return a reader with them
     */
    public CsvReader withMissingValues(String... tokens) {
        Set<String> s = new LinkedHashSet<>();
        s.add("");
        for (String t : tokens) {
            s.add(Objects.requireNonNull(t, "token").strip());
        }
        return new CsvReader(columns, every, delimiter, delimiterNamed, detect, decimal, Set.copyOf(s), threads, chunk);
    }

    /**
     * @param v threads, &gt;= 1, or 0 for all cores (the result does not depend on it)
     * @return a reader with them
     */
    public CsvReader withThreads(int v) {
        if (v < 0) {
            throw PrevalenceException.invalidArgument("threads", "threads must be >= 0 (0 = all cores), got %d", v);
        }
        return new CsvReader(columns, every, delimiter, delimiterNamed, detect, decimal, missing, v, chunk);
    }

    /**
     * @param bytes the chunk size, &gt;= 64 (small chunks are for tests of the chunk boundaries)
     * @return a reader with that chunk size
     */
    public CsvReader withChunkSize(int bytes) {
        if (bytes < 64) {
            throw PrevalenceException.invalidArgument("chunk", "the chunk size must be >= 64 bytes, got %d", bytes);
        }
        return new CsvReader(columns, every, delimiter, delimiterNamed, detect, decimal, missing, threads, bytes);
    }

    /** Missing tokens as bytes and the decimal mark, shared read-only by the parsing threads. */
    static final class Config {
        final byte decimal;
        private final byte[][] tokens;

        Config(char decimal, Set<String> missing) {
            this.decimal = (byte) decimal;
            List<byte[]> t = new ArrayList<>();
            for (String s : missing) {
                if (!s.isEmpty()) {
                    t.add(s.getBytes(StandardCharsets.UTF_8));
                }
            }
            this.tokens = t.toArray(new byte[0][]);
        }

        boolean missing(byte[] b, int cs, int ce) {
            int n = ce - cs;
            if (n == 0) {
                return true;
            }
            for (byte[] t : tokens) {
                if (t.length == n && Arrays.equals(t, 0, n, b, cs, ce)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Reads the named columns of a file ({@code .csv}, or gzip-compressed).
     * @param file the file
     * @return the columns
     * @throws PrevalenceException if the file cannot be read or is malformed, or a named column
     *     is not in its header
     */
    public CsvColumns read(Path file) {
        return opened(file, this::read);
    }

    /** Opens a plain or gzip file, hands the stream and the file's name to {@code use}, and closes it. */
    private static <T> T opened(Path file, java.util.function.BiFunction<InputStream, String, T> use) {
        Objects.requireNonNull(file, "file");
        CsvFiles.check(file);
        try (InputStream in = CsvFiles.open(file)) {
            return use.apply(in, file.getFileName().toString());
        } catch (IOException e) {
            throw CsvFiles.cannotRead(file, e);
        }
    }

    /**
     * Reads the named columns from a stream.
     * @param in the stream (read to its end, not closed)
     * @param name the name used in messages
     * @return the columns
     */
    public CsvColumns read(InputStream in, String name) {
        if (columns.isEmpty() && every == null) {
            throw PrevalenceException.invalidArgument("columns", "name the columns to read with withColumn(...), or "
                    + "read them all with withEveryColumn(...)");
        }
        return new Run(in, name, ParallelLoop.effectiveThreads(threads), chunk).run();
    }

    /**
     * Reads only the header of a file (the first record), with this reader's delimiter rules.
     * @param file a {@code .csv} or {@code .csv.gz} file
     * @return the column names, in file order
     * @throws PrevalenceException if the file cannot be read, is empty or its header is malformed
     */
    public List<String> header(Path file) {
        return opened(file, this::header);
    }

    /**
     * @param in a stream (read as far as the end of the header, not closed)
     * @param name the name used in messages
     * @return the column names of its header, in file order
     */
    public List<String> header(InputStream in, String name) {
        return new Run(in, name, 1, 1 << 16).headerNames();
    }

    /** One read: the buffer, the header, the parts parsed so far. */
    private final class Run {
        private final InputStream in;
        private final String name;
        /** The parsing threads (the chunk's pieces run on {@link ParallelLoop}). */
        private final int workers;
        private byte d = (byte) delimiter;
        private final Config config = new Config(decimal, missing);
        private byte[] buf;
        private int len;
        private boolean eof;
        private long linesBefore;

        Run(InputStream in, String name, int workers, int size) {
            this.in = in;
            this.name = name;
            this.workers = workers;
            this.buf = new byte[size];
        }

        /** Reads as far as the end of the header. */
        List<String> headerNames() {
            fill();
            return header().names;
        }

        /** The header (after a byte-order mark), the buffer grown until it holds all of it. */
        private Header header() {
            int start = len >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF ? 3 : 0;
            Header h;
            while (true) {
                if (detect) {
                    d = CsvScan.detectDelimiter(buf, start, len);
                }
                if ((h = header(start)) != null) {
                    return h;
                }
                grow();
            }
        }

        private void fill() {
            try {
                while (len < buf.length && !eof) {
                    int r = in.read(buf, len, buf.length - len);
                    if (r < 0) {
                        eof = true;
                    } else {
                        len += r;
                    }
                }
            } catch (EOFException | java.util.zip.ZipException e) {
                long line = linesBefore + CsvScan.lines(buf, 0, len) + 1;
                throw new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, name + ", line " + line,
                        String.format(Locale.ROOT, "%s, line %d: the gzip file is truncated or corrupt (%s); "
                                + "compress it again or download it again", name, line, e.getClass().getSimpleName()), e);
            } catch (IOException e) {
                throw new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, name,
                        String.format(Locale.ROOT, "%s: cannot read (%s)", name, e.getClass().getSimpleName()), e);
            }
        }

        private void grow() {
            buf = Arrays.copyOf(buf, buf.length * 2);
            fill();
        }

        CsvColumns run() {
            fill();
            Header h = header();
            int k = h.names.size();
            List<String> wanted = new ArrayList<>(columns.keySet());
            Map<String, Kind> kinds = new LinkedHashMap<>(columns);
            if (every != null) {
                for (String c : h.names) {
                    if (kinds.putIfAbsent(c, every) == null) {
                        wanted.add(c);
                    }
                }
            }
            int[] slot = new int[k];
            Arrays.fill(slot, -1);
            boolean[] category = new boolean[wanted.size()];
            for (int s = 0; s < wanted.size(); s++) {
                String c = wanted.get(s);
                int j = h.names.indexOf(c);
                if (j < 0) {
                    throw noColumn(c, h.names);
                }
                slot[j] = s;
                category[s] = kinds.get(c) == Kind.CATEGORY;
            }
            CsvColumns.Builder out = new CsvColumns.Builder(name, wanted, h.names, category, config);
            int pos = h.end;
            long rowsBefore = 0;
            while (true) {
                int pieces = workers == 1 ? 1 : (int) Math.max(1, Math.min(workers, (len - pos) / (256 << 10)));
                int[] cuts = CsvScan.boundaries(buf, pos, len, d, pieces);
                int last = cuts[cuts.length - 1];
                if (eof) {
                    if (last < len) {
                        cuts[cuts.length - 1] = len;
                    }
                    last = len;
                } else if (last == pos) {
                    if (pos > 0) {
                        shift(pos);
                        pos = 0;
                    }
                    grow();
                    continue;
                }
                CsvScan.Part[] parts = parse(pos, cuts, k, slot, category);
                for (CsvScan.Part p : parts) {
                    if (p.error != CsvScan.NONE) {
                        throw structural(p, rowsBefore);
                    }
                    out.add(p, rowsBefore, linesBefore);
                    rowsBefore += p.rows;
                }
                if (eof) {
                    break;
                }
                shift(last);
                pos = 0;
                fill();
            }
            if (rowsBefore == 0) {
                throw PrevalenceException.invalidData(name, "%s: the file has a header but no data rows", name);
            }
            return out.build();
        }

        /** Drops the bytes before {@code from}, keeping the line count. */
        private void shift(int from) {
            linesBefore += CsvScan.lines(buf, 0, from);
            System.arraycopy(buf, from, buf, 0, len - from);
            len -= from;
        }

        private CsvScan.Part[] parse(int pos, int[] cuts, int k, int[] slot, boolean[] category) {
            CsvScan.Part[] parts = new CsvScan.Part[cuts.length];
            final byte[] b = buf;
            int[] from = new int[cuts.length];
            from[0] = pos;
            System.arraycopy(cuts, 0, from, 1, cuts.length - 1);
            if (cuts.length == 1) {
                parts[0] = finish(b, CsvScan.parse(b, pos, cuts[0], d, k, slot, category, config));
                return parts;
            }
            // each piece's failure is kept by index and the first piece's rethrown, whatever the schedule
            RuntimeException[] failed = new RuntimeException[cuts.length];
            ParallelLoop.run(cuts.length, workers, i -> {
                try {
                    parts[i] = finish(b, CsvScan.parse(b, from[i], cuts[i], d, k, slot, category, config));
                } catch (RuntimeException x) {
                    failed[i] = x;
                }
            });
            for (RuntimeException x : failed) {
                if (x != null) {
                    throw x;
                }
            }
            return parts;
        }

        /** Lines (within the buffer) of the offsets a part recorded, while the buffer still holds them. */
        private static CsvScan.Part finish(byte[] b, CsvScan.Part p) {
            p.errorLine = CsvScan.lines(b, 0, p.errorOffset);
            p.startLine = CsvScan.lines(b, 0, p.start);
            for (CsvScan.NumberPart n : p.numbers) {
                if (n != null) {
                    if (n.firstBadText >= 0) {
                        n.badTextLine = CsvScan.lines(b, 0, n.badTextOffset);
                    }
                    if (n.firstPoint >= 0) {
                        n.pointLine = CsvScan.lines(b, 0, n.pointOffset);
                    }
                }
            }
            for (CsvScan.CategoryPart c : p.categories) {
                if (c != null) {
                    c.lines(p);
                }
            }
            return p;
        }

        private PrevalenceException structural(CsvScan.Part p, long rowsBefore) {
            long row = rowsBefore + p.rows + 1;
            long line = linesBefore + p.errorLine + 1;
            String where = String.format(Locale.ROOT, "%s, row %d", name, row);
            String at = String.format(Locale.ROOT, "%s, row %d (line %d)", name, row, line);
            return switch (p.error) {
                case CsvScan.RAGGED -> PrevalenceException.invalidData(where, "%s: %d cells, but the header has %d columns",
                        at, p.errorCells, k());
                case CsvScan.UNTERMINATED -> PrevalenceException.invalidData(where,
                        "%s: a quoted cell is never closed (unterminated quote)", at);
                default -> PrevalenceException.invalidData(where,
                        "%s, cell %d: text after the closing quote of a quoted cell", at, p.errorCells);
            };
        }

        private int headerColumns;

        private int k() {
            return headerColumns;
        }

        /** The header record, or null if the buffer does not hold all of it yet. */
        private Header header(int start) {
            List<String> cells = new ArrayList<>();
            int p = start;
            boolean lastQuoted = false;
            if (p >= len) {
                if (!eof) {
                    return null;
                }
                throw PrevalenceException.invalidData(name, "%s: the file is empty (a header line is needed)", name);
            }
            StringBuilder cell = new StringBuilder();
            while (true) {
                lastQuoted = false;
                if (p < len && buf[p] == '"') {
                    lastQuoted = true;
                    p++;
                    int qs = p;
                    cell.setLength(0);
                    while (true) {
                        if (p >= len) {
                            if (!eof) {
                                return null;
                            }
                            throw PrevalenceException.invalidData(name + ", header",
                                    "%s, header (line 1): a quoted cell is never closed (unterminated quote)", name);
                        }
                        if (buf[p++] == '"') {
                            if (p < len && buf[p] == '"') {
                                p++;
                            } else {
                                break;
                            }
                        }
                    }
                    String raw = new String(buf, qs, p - 1 - qs, StandardCharsets.UTF_8);
                    cells.add(raw.replace("\"\"", "\""));
                    int q = p;
                    while (q < len && (buf[q] == ' ' || buf[q] == '\t' && d != '\t')) {
                        q++;
                    }
                    if (q < len && buf[q] != d && buf[q] != '\n' && buf[q] != '\r') {
                        throw PrevalenceException.invalidData(name + ", header",
                                "%s, header (line 1), cell %d: text after the closing quote of a quoted cell", name,
                                cells.size());
                    }
                    p = q;
                } else {
                    int s0 = p;
                    while (p < len && buf[p] != d && buf[p] != '\n' && buf[p] != '\r') {
                        p++;
                    }
                    int cs = s0;
                    int ce = p;
                    while (cs < ce && (buf[cs] & 0xff) <= ' ') {
                        cs++;
                    }
                    while (ce > cs && (buf[ce - 1] & 0xff) <= ' ') {
                        ce--;
                    }
                    cells.add(new String(buf, cs, ce - cs, StandardCharsets.UTF_8));
                }
                if (p >= len) {
                    if (!eof) {
                        return null;
                    }
                    break;
                }
                byte c = buf[p++];
                if (c == d) {
                    continue;
                }
                if (c == '\r') {
                    if (p >= len && !eof) {
                        return null;
                    }
                    if (p < len && buf[p] == '\n') {
                        p++;
                    }
                }
                break;
            }
            if (cells.size() == 1 && cells.get(0).isBlank() && !lastQuoted) {
                throw PrevalenceException.invalidData(name, "%s: the file is empty (a header line is needed)", name);
            }
            if (cells.size() == 1 && !delimiterNamed && !detect) {
                String hd = cells.get(0);
                String looks = hd.indexOf(';') >= 0 ? "semicolon" : hd.indexOf('\t') >= 0 ? "tab" : null;
                if (looks != null) {
                    String java = looks.equals("tab") ? "'\\t'" : "';'";
                    String cli = looks.equals("tab") ? "tab" : "';'";
                    throw new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, name,
                            String.format(Locale.ROOT, "%s: the header has no comma; the file looks %s-separated", name,
                                    looks),
                            new PrevalenceException.Remedy("use withDelimiter(" + java + ")", "use --delimiter " + cli));
                }
            }
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < cells.size(); j++) {
                String hname = cells.get(j).strip();
                cells.set(j, hname);
                if (hname.isEmpty()) {
                    throw PrevalenceException.invalidData(String.format(Locale.ROOT, "%s, header, column %d", name, j + 1),
                            "%s: column %d of the header has no name; name every column", name, j + 1);
                }
                if (!seen.add(hname)) {
                    throw PrevalenceException.invalidData("column '" + hname + "'",
                            "%s: the header names column '%s' twice; column names must be distinct", name, hname);
                }
            }
            headerColumns = cells.size();
            return new Header(List.copyOf(cells), p);
        }

        private PrevalenceException noColumn(String c, List<String> names) {
            String near = null;
            for (String n : names) {
                if (n.equalsIgnoreCase(c)) {
                    near = n;
                }
            }
            return PrevalenceException.invalidData("column '" + c + "'",
                    "no column '%s' in '%s' (header, line 1)%s; its columns are %s", c, name,
                    near == null ? "" : " (names are case-sensitive; there is '" + near + "')", names);
        }
    }

    /** The header's column names and the position after it. */
    private record Header(List<String> names, int end) {
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CsvReader[columns=%s%s, delimiter=%s, decimal='%s', missing=%s, threads=%d]",
                columns, every == null ? "" : ", every other column as " + every,
                detect ? "detected" : delimiter == '\t' ? "tab" : "'" + delimiter + "'", decimal,
                Arrays.toString(missing.stream().sorted().toArray()), threads);
    }
}
