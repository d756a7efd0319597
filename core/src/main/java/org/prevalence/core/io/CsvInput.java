package org.prevalence.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.AddCellToColumnException;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads CSV files into Tablesaw tables, with explicit column types for the columns that matter
 * and errors that name the file, the line and the column.
 *
 * <p>Columns given a type in {@link #withType} are parsed as that type; the other columns have
 * their type detected by Tablesaw. Empty cells and {@code NA} are missing values. Lines after the
 * header that start with {@code #} are comments (provenance notes) and are skipped; error messages
 * still give the line's number in the file. A cell that
 * cannot be parsed, a row with the wrong number of cells, or a file that cannot be read gives a
 * {@link PrevalenceException} whose message reads like
 * {@code "counts.csv, line 7, column 'count': cannot read 'x' as INTEGER"}.
 *
 * <p>This class is immutable.
 */
public final class CsvInput {
    private static final CsvInput DEFAULT = new CsvInput(Map.of());

    private final Map<String, ColumnType> types;

    private CsvInput(Map<String, ColumnType> types) {
        this.types = types;
    }

    /**
     * @return a reader that detects every column's type, reads empty cells and {@code NA} as missing
     */
    public static CsvInput withDefaults() {
        return DEFAULT;
    }

    /**
     * @param column a column name (matched as written in the header)
     * @param type its type
     * @return a reader that parses that column as {@code type}
     */
    public CsvInput withType(String column, ColumnType type) {
        Map<String, ColumnType> m = new LinkedHashMap<>(types);
        m.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(type, "type"));
        return new CsvInput(Map.copyOf(m));
    }

    /**
     * Reads a CSV file.
     * @param file the file
     * @return the table, named after the file
     * @throws PrevalenceException if the file cannot be read or a cell cannot be parsed
     */
    public Table read(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw PrevalenceException.invalidArgument(file.toString(), "%s: no such file", file);
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return read(text, file.getFileName().toString());
        } catch (IOException e) {
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, file.toString(),
                    file + ": cannot read the file: " + e.getMessage(), e);
        }
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
        if (text.isBlank()) {
            throw PrevalenceException.invalidData(name, "%s: the file is empty (a header line is needed)", name);
        }
        String[] lines = text.split("\r?\n", -1);
        StringBuilder data = new StringBuilder(text.length());
        int[] fileLine = new int[lines.length + 1]; // data row (1-based) -> file line (1-based)
        int rows = 0;
        data.append(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].startsWith("#") || lines[i].isEmpty()) {
                continue;
            }
            fileLine[++rows] = i + 1;
            data.append(lines[i]).append('\n');
        }
        checkShape(lines, name);
        Reader reader = new StringReader(data.toString());
        CsvReadOptions.Builder b = CsvReadOptions.builder(reader).tableName(name)
                .missingValueIndicator("", "NA");
        if (!types.isEmpty()) {
            b = b.columnTypesPartial(types);
        }
        try {
            return Table.read().usingOptions(b.build());
        } catch (AddCellToColumnException e) {
            long row = e.getRowNumber(); // Tablesaw counts data rows from 1
            long line = row >= 1 && row <= rows ? fileLine[(int) row] : row + 1;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            e.dumpRow(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String cause = e.getCause() == null ? "" : e.getCause().getMessage();
            String col = e.getColumnName();
            ColumnType t = types.get(col);
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_DATA,
                    String.format(java.util.Locale.ROOT, "%s, line %d, column '%s'", name, line, col),
                    String.format(java.util.Locale.ROOT, "%s, line %d, column '%s': cannot read the value%s (%s)",
                            name, line, col, t == null ? "" : " as " + t.name(), cause), e);
        } catch (PrevalenceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, name,
                    name + ": malformed CSV: " + e.getMessage(), e);
        }
    }

    /** Checks that every line has as many cells as the header (quoted fields with commas allowed). */
    private static void checkShape(String[] lines, String name) {
        int expected = cells(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty() || lines[i].startsWith("#")) {
                continue;
            }
            int n = cells(lines[i]);
            if (n != expected) {
                throw PrevalenceException.invalidData(
                        String.format(java.util.Locale.ROOT, "%s, line %d", name, i + 1),
                        "%s, line %d: %d cells, but the header has %d columns", name, i + 1, n, expected);
            }
        }
    }

    private static int cells(String line) {
        int n = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                n++;
            }
        }
        return n;
    }
}
