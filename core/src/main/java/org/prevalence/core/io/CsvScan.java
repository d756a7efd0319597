package org.prevalence.core.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The byte-level RFC 4180 scanner under {@link CsvReader}: finds record boundaries (a line feed
 * outside a quoted cell) so that a buffer can be cut into ranges parsed in parallel, and parses
 * one range into column parts. Its rules are those of {@link CsvInput}'s tokenizer: a quote opens
 * a quoted cell only as the cell's first character, {@code ""} inside it is a quote, unquoted
 * cells are trimmed, comment ({@code #}) and blank lines between records are skipped, CRLF and LF
 * end records. A range never starts inside a record, so every range is parsed exactly as the
 * sequential scan would parse it, and the first error of the file is the first error of the
 * first range that has one. Package-private.
 */
final class CsvScan {
    /** Structural errors of a range. */
    static final int NONE = 0;
    static final int RAGGED = 1;
    static final int UNTERMINATED = 2;
    static final int AFTER_QUOTE = 3;

    private CsvScan() {
    }

    /**
     * The old tokenizer's skipping of comment and blank lines between records.
     * @return the position of the next record (or {@code >= end})
     */
    /**
     * The delimiter of a header line: of ',', ';', tab and '|' the one found most often outside
     * quotes in the first record (the comma if none is, the first of that list on a tie).
     */
    static byte detectDelimiter(byte[] b, int from, int to) {
        int[] n = new int[4];
        boolean quoted = false;
        for (int p = from; p < to; p++) {
            byte c = b[p];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    break;
                }
                int i = c == ',' ? 0 : c == ';' ? 1 : c == '\t' ? 2 : c == '|' ? 3 : -1;
                if (i >= 0) {
                    n[i]++;
                }
            }
        }
        int best = 0;
        for (int i = 1; i < 4; i++) {
            if (n[i] > n[best]) {
                best = i;
            }
        }
        return (byte) ",;\t|".charAt(best);
    }

    static int skipBetween(byte[] b, int pos, int end, byte d) {
        while (pos < end) {
            byte c = b[pos];
            if (c == '#' || c == '\n' || c == '\r' || blankLine(b, pos, end, d)) {
                while (pos < end && b[pos] != '\n') {
                    pos++;
                }
                pos++;
            } else {
                return pos;
            }
        }
        return pos;
    }

    private static boolean blankLine(byte[] b, int p, int end, byte d) {
        while (p < end && (b[p] == ' ' || b[p] == '\t' && d != '\t')) {
            p++;
        }
        return p >= end || b[p] == '\n' || b[p] == '\r';
    }

    private static boolean hasQuote(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '"') {
                return true;
            }
        }
        return false;
    }

    /**
     * Record boundaries after {@code from} (a record start): the position after a line feed that
     * is outside any quoted cell, the first at or after each of the wanted cut points, and the
     * last one before {@code to}. Without a quote in the buffer every line feed is a boundary (the
     * fast path); otherwise the records are walked with the tokenizer's own rules.
     * @param b the buffer
     * @param from a record start
     * @param to the end of the bytes held
     * @param pieces how many ranges are wanted
     * @return boundaries, ascending, the last being the end of the last complete record (may equal
     *     from if no record is complete); at most {@code pieces} entries
     */
    static int[] boundaries(byte[] b, int from, int to, byte d, int pieces) {
        int last;
        boolean quotes = hasQuote(b, from, to);
        if (!quotes) {
            last = from;
            for (int i = to - 1; i >= from; i--) {
                if (b[i] == '\n') {
                    last = i + 1;
                    break;
                }
            }
            List<Integer> cuts = new ArrayList<>();
            int prev = from;
            for (int k = 1; k < pieces; k++) {
                int target = from + (int) ((long) (last - from) * k / pieces);
                if (target <= prev) {
                    continue;
                }
                int p = target;
                while (p < last && b[p - 1] != '\n') {
                    p++;
                }
                if (p > prev && p < last) {
                    cuts.add(p);
                    prev = p;
                }
            }
            cuts.add(last);
            return cuts.stream().mapToInt(Integer::intValue).toArray();
        }
        // walk records: every boundary (after '\n', not inside a quoted cell), keeping the wanted ones
        int[] targets = new int[pieces];
        for (int k = 1; k < pieces; k++) {
            targets[k - 1] = from + (int) ((long) (to - from) * k / pieces);
        }
        targets[pieces - 1] = Integer.MAX_VALUE;
        int[] out = new int[pieces];
        int found = 0;
        int t = 0;
        last = from;
        int p = from;
        while (p < to) {
            int e = recordEnd(b, p, to, d);
            if (e < 0) {
                break;
            }
            last = e;
            p = e;
            while (t < pieces - 1 && e >= targets[t]) {
                if (found == 0 || out[found - 1] < e) {
                    out[found++] = e;
                }
                t++;
            }
        }
        if (found > 0 && out[found - 1] == last) {
            found--;
        }
        out[found++] = last;
        return Arrays.copyOf(out, found);
    }

    /**
     * @return the position after the line feed that ends the text (comment/blank lines or one
     *     record) starting at p, or -1 if the buffer ends first
     */
    private static int recordEnd(byte[] b, int p, int to, byte d) {
        record:
        while (true) {
            byte c0 = b[p];
            if (c0 == '#' || c0 == '\n' || c0 == '\r' || blankLine(b, p, to, d)) {
                while (p < to && b[p] != '\n') {
                    p++;
                }
                return p < to ? p + 1 : -1;
            }
            while (true) {
                if (b[p] == '"') {
                    p++;
                    while (true) {
                        if (p >= to) {
                            return -1;
                        }
                        if (b[p++] == '"') {
                            if (p < to && b[p] == '"') {
                                p++;
                            } else {
                                break;
                            }
                        }
                    }
                }
                while (p < to) {
                    byte c = b[p];
                    if (c == d || c == '\n' || c == '\r') {
                        break;
                    }
                    p++;
                }
                if (p >= to) {
                    return -1;
                }
                byte c = b[p++];
                if (c == d) {
                    if (p >= to) {
                        return -1;
                    }
                    continue;
                }
                if (c == '\r') {
                    if (p >= to) {
                        return -1;
                    }
                    if (b[p] == '\n') {
                        return p + 1;
                    }
                    continue record; // a lone CR ends the record; the next one starts here
                }
                return p;
            }
        }
    }

    /** The parsed part of one range: its rows, its column parts and its first structural error. */
    static final class Part {
        final int start;
        final int end;
        int rows;
        int error = NONE;
        int errorOffset;
        int errorCells;
        int errorLine;
        /** Line (within the buffer, 0-based) of the part's first byte; set once parsed. */
        int startLine;
        /**
         * Where a row does not start on the line after the previous row's start (comment or blank
         * lines before it, or line breaks inside quoted cells of the rows before): local row
         * {@code jumpRow[i]} and every later row start {@code jumpExtra[i]} lines further down than
         * one line a row. Usually empty.
         */
        int[] jumpRow = new int[0];
        int[] jumpExtra = new int[0];
        int jumps;
        final NumberPart[] numbers;
        final CategoryPart[] categories;

        Part(int start, int end, int wanted) {
            this.start = start;
            this.end = end;
            this.numbers = new NumberPart[wanted];
            this.categories = new CategoryPart[wanted];
        }

        /**
         * @param row a local row of this part
         * @return the 0-based line (within the buffer) it starts on, from {@link #startLine} and the jumps
         */
        int lineOf(int row) {
            int j = Arrays.binarySearch(jumpRow, 0, jumps, row);
            if (j < 0) {
                j = -j - 2;
            }
            return startLine + row + (j < 0 ? 0 : jumpExtra[j]);
        }

        void jump(int row, int extra) {
            if (jumps == jumpRow.length) {
                jumpRow = Arrays.copyOf(jumpRow, jumps * 2 + 4);
                jumpExtra = Arrays.copyOf(jumpExtra, jumps * 2 + 4);
            }
            jumpRow[jumps] = row;
            jumpExtra[jumps] = extra;
            jumps++;
        }
    }

    /**
     * Parses one range into a part.
     * @param b the buffer
     * @param start a record start
     * @param end a record boundary, or the end of the file
     * @param d the delimiter
     * @param k the number of header columns
     * @param slot for each header column, its wanted index or -1
     * @param category for each wanted index, whether it is a category column
     * @param config missing tokens and decimal mark
     * @return the part
     */
    static Part parse(byte[] b, int start, int end, byte d, int k, int[] slot, boolean[] category,
                      CsvReader.Config config) {
        int wanted = category.length;
        Part part = new Part(start, end, wanted);
        // every record but the last ends with a line feed: their count bounds the rows (no regrowth)
        int capacity = lines(b, start, end) + 1;
        for (int s = 0; s < wanted; s++) {
            if (category[s]) {
                part.categories[s] = new CategoryPart(capacity, config);
            } else {
                part.numbers[s] = new NumberPart(capacity, config);
            }
        }
        NumberPart[] nums = part.numbers;
        CategoryPart[] cats = part.categories;
        byte[] scratch = new byte[64];
        int rows = 0;
        int p = start;
        int extra = 0;          // line feeds so far that do not end a record
        int recorded = 0;
        while (true) {
            int before = p;
            p = skipBetween(b, p, end, d);
            if (p >= end) {
                break;
            }
            if (p != before) {
                extra += lines(b, before, p);
            }
            if (extra != recorded) {
                part.jump(rows, extra);
                recorded = extra;
            }
            int recStart = p;
            int j = 0;
            while (true) {
                byte[] src = b;
                int cs;
                int ce;
                boolean quoted = false;
                if (p < end && b[p] == '"') {
                    quoted = true;
                    p++;
                    int qs = p;
                    boolean escaped = false;
                    while (true) {
                        if (p >= end) {
                            part.error = UNTERMINATED;
                            part.errorOffset = recStart;
                            part.rows = rows;
                            return part;
                        }
                        byte qc = b[p++];
                        if (qc == '"') {
                            if (p < end && b[p] == '"') {
                                escaped = true;
                                p++;
                            } else {
                                break;
                            }
                        } else if (qc == '\n') {
                            extra++;
                        }
                    }
                    int qe = p - 1;
                    if (escaped) {
                        if (scratch.length < qe - qs) {
                            scratch = new byte[Math.max(qe - qs, scratch.length * 2)];
                        }
                        int n = 0;
                        for (int i = qs; i < qe; i++) {
                            scratch[n++] = b[i];
                            if (b[i] == '"') {
                                i++;
                            }
                        }
                        src = scratch;
                        cs = 0;
                        ce = n;
                    } else {
                        cs = qs;
                        ce = qe;
                    }
                    int q = p;
                    while (q < end && (b[q] == ' ' || b[q] == '\t' && d != '\t')) {
                        q++;
                    }
                    if (q < end && b[q] != d && b[q] != '\n' && b[q] != '\r') {
                        part.error = AFTER_QUOTE;
                        part.errorOffset = recStart;
                        part.errorCells = j + 1;
                        part.rows = rows;
                        return part;
                    }
                    p = q;
                } else {
                    int s0 = p;
                    while (p < end) {
                        byte c = b[p];
                        if (c == d || c == '\n' || c == '\r') {
                            break;
                        }
                        p++;
                    }
                    cs = s0;
                    ce = p;
                    while (cs < ce && (b[cs] & 0xff) <= ' ') {
                        cs++;
                    }
                    while (ce > cs && (b[ce - 1] & 0xff) <= ' ') {
                        ce--;
                    }
                }
                if (j < k) {
                    int s = slot[j];
                    if (s >= 0) {
                        if (cats[s] != null) {
                            cats[s].add(src, cs, ce, rows, recStart);
                        } else {
                            nums[s].add(src, cs, ce, rows, recStart);
                        }
                    }
                }
                j++;
                if (p >= end) {
                    break;
                }
                byte c = b[p++];
                if (c == d) {
                    continue;
                }
                if (c == '\r' && p < end && b[p] == '\n') {
                    p++;
                }
                break;
            }
            if (j != k) {
                part.error = RAGGED;
                part.errorOffset = recStart;
                part.errorCells = j;
                part.rows = rows;
                return part;
            }
            rows++;
        }
        part.rows = rows;
        for (int s = 0; s < wanted; s++) {
            if (cats[s] != null) {
                cats[s].trim(rows);
            } else {
                nums[s].trim(rows);
            }
        }
        return part;
    }

    /** @return the number of line feeds in [from, to) */
    static int lines(byte[] b, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** A number column's values in one range, with the facts its type and its first bad cell need. */
    static final class NumberPart {
        double[] v;
        private final CsvReader.Config config;
        /** First row (local) whose cell is not a plain number under the decimal mark, or -1. */
        int firstNotNumber = -1;
        /** First row (local) whose stripped cell is not a plain number with a decimal point, or -1. */
        int firstBadText = -1;
        String badText;
        int badTextOffset;
        int badTextLine;
        /** First row (local) with a point inside a number while the decimal mark is a comma, or -1. */
        int firstPoint = -1;
        int pointOffset;
        int pointLine;
        boolean anyValue;
        boolean anyNotLogical;
        boolean anyNumberLike;

        NumberPart(int capacity, CsvReader.Config config) {
            this.v = new double[capacity];
            this.config = config;
        }

        void add(byte[] b, int cs, int ce, int row, int recStart) {
            if (row == v.length) {
                v = Arrays.copyOf(v, v.length + (v.length >> 1) + 16);
            }
            if (config.missing(b, cs, ce)) {
                v[row] = Double.NaN;
                return;
            }
            anyValue = true;
            byte dec = config.decimal;
            double x = ByteNumbers.parse(b, cs, ce, dec);
            if (dec == ',') {
                for (int i = cs; i < ce; i++) {
                    if (b[i] == '.') {
                        if (firstPoint < 0 && !Double.isNaN(ByteNumbers.parse(b, cs, ce, (byte) '.'))) {
                            firstPoint = row;
                            pointOffset = recStart;
                        }
                        break;
                    }
                }
            }
            if (x - x == 0) {
                v[row] = x;
                anyNotLogical = true;
                anyNumberLike = true;
                if (dec == ',' && firstBadText < 0) {
                    for (int i = cs; i < ce; i++) {
                        if (b[i] == ',') {
                            firstBadText = row;
                            badText = new String(b, cs, ce - cs, java.nio.charset.StandardCharsets.UTF_8);
                            badTextOffset = recStart;
                            break;
                        }
                    }
                }
                return;
            }
            String cell = new String(b, cs, ce - cs, java.nio.charset.StandardCharsets.UTF_8);
            if (firstNotNumber < 0) {
                firstNotNumber = row;
            }
            boolean t = CsvInput.isTrueCell(cell);
            boolean logical = t || CsvInput.isFalseCell(cell);
            anyNotLogical |= !logical;
            String stripped = cell.strip();
            double alt = Numbers.parse(stripped, '.');
            if (!anyNumberLike && !Double.isNaN(Numbers.parse(stripped.replace(",", ""), '.'))) {
                anyNumberLike = true;
            }
            if (!(alt - alt == 0) && firstBadText < 0) {
                firstBadText = row;
                badText = cell;
                badTextOffset = recStart;
            }
            v[row] = alt - alt == 0 ? alt : logical ? (t ? 1 : 0) : Double.NaN;
        }

        void trim(int rows) {
            if (v.length > rows + (rows >> 3) + 16) {
                v = Arrays.copyOf(v, rows);
            }
        }
    }

    /** A category column's dictionary codes in one range (-1 = missing). */
    static final class CategoryPart {
        int[] codes;
        final ByteDictionary dict = new ByteDictionary();
        private final CsvReader.Config config;
        /** First rows of the entries that may not be numbers (local row, code, then line). */
        int[] susRow = new int[0];
        int[] susCode = new int[0];
        int[] susLine = new int[0];
        int sus;

        CategoryPart(int[] recoded) {
            codes = recoded;
            config = null;
        }

        CategoryPart(int capacity, CsvReader.Config config) {
            codes = new int[capacity];
            this.config = config;
        }

        void add(byte[] b, int cs, int ce, int row, int recStart) {
            if (row == codes.length) {
                codes = Arrays.copyOf(codes, codes.length + (codes.length >> 1) + 16);
            }
            if (config.missing(b, cs, ce)) {
                codes[row] = -1;
                return;
            }
            int before = dict.size();
            int c = dict.code(b, cs, ce);
            codes[row] = c;
            if (c == before && suspicious(b, cs, ce)) {
                if (sus == susRow.length) {
                    int m = sus * 2 + 4;
                    susRow = Arrays.copyOf(susRow, m);
                    susCode = Arrays.copyOf(susCode, m);
                }
                susRow[sus] = row;
                susCode[sus] = c;
                sus++;
            }
        }

        private boolean suspicious(byte[] b, int cs, int ce) {
            double x = ByteNumbers.parse(b, cs, ce, (byte) '.');
            if (!(x - x == 0)) {
                return true;
            }
            if (config.decimal == ',') {
                for (int i = cs; i < ce; i++) {
                    if (b[i] == '.') {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Lines (within the buffer) of the suspicious entries' first rows, from their rows (no pass over the bytes). */
        void lines(Part part) {
            susLine = new int[sus];
            for (int i = 0; i < sus; i++) {
                susLine[i] = part.lineOf(susRow[i]);
            }
        }

        void trim(int rows) {
            if (codes.length > rows + (rows >> 3) + 16) {
                codes = Arrays.copyOf(codes, rows);
            }
        }
    }
}
