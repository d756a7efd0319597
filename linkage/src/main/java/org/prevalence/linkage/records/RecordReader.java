package org.prevalence.linkage.records;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import org.prevalence.core.io.CsvColumns;
import org.prevalence.core.io.CsvInput;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads lists of case records: one table (or CSV file) per list, the same field mapping for each,
 * and an id column. Every mapped column is read as text (CSV cells are never parsed as numbers, so
 * a date or an id keeps its leading zeros). A CSV file is read without a table: only the mapped
 * columns and the id column, through {@link CsvInput#columns}; a table and a file go through
 * the same checks.
 *
 * <p>Refused input ({@link PrevalenceException}, naming the file and the column or row, never a
 * value): a field mapped to a column the file does not have, an id column that is missing, an
 * empty list, a missing id.
 *
 * <p>This class is immutable.
 */
public final class RecordReader {
    private static final RecordReader DEFAULT = new RecordReader(FieldMapping.withDefaults(), null, CsvInput.withDefaults());
    private final FieldMapping mapping;
    private final String idColumn;
    private final CsvInput csv;

    private RecordReader(FieldMapping mapping, String idColumn, CsvInput csv) {
        this.mapping = mapping;
        this.idColumn = idColumn;
        this.csv = csv;
    }

    /** @return a reader with no fields, no id column (records are numbered by row) and the default CSV reader */
    public static RecordReader withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the field mapping
     * @return a reader with that mapping
     */
    public RecordReader with(FieldMapping v) {
        return new RecordReader(Objects.requireNonNull(v, "mapping"), idColumn, csv);
    }

    /**
     * @param v the CSV reader used by {@link #readFiles}
     * @return a reader using it
     */
    public RecordReader with(CsvInput v) {
        return new RecordReader(mapping, idColumn, Objects.requireNonNull(v, "csv"));
    }

    /**
     * @param v the id column of every list, or {@code null} to use the row number
     * @return a reader with it
     */
    public RecordReader withIdColumn(String v) {
        return new RecordReader(mapping, v, csv);
    }

    /**
     * Reads CSV files, one per list, named after the file (without {@code .csv}): only the mapped
     * columns and the id column, each cell as written (no table; {@link CsvColumns#texts}).
     * @param files the files
     * @return the records
     */
    public CaseRecords readFiles(List<Path> files) {
        List<String> names = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (Path p : files) {
            String file = p.getFileName().toString();
            names.add(file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file);
            List<String> header = csv.header(p);
            List<String> wanted = new ArrayList<>();
            for (FieldMapping.Field f : mapping.fields()) {
                wanted.add(f.column());
            }
            if (idColumn != null) {
                wanted.add(idColumn);
            }
            // a column the file lacks is not asked for: read() then names it, with the field it is mapped to
            wanted.removeIf(c -> !header.contains(c));
            CsvColumns c = csv.withCategories(new java.util.LinkedHashSet<>(wanted).toArray(new String[0])).columns(p);
            sources.add(new FileSource(file, header, c));
        }
        return read(names, sources, true);
    }

    /**
     * Reads tables, one per list.
     * @param listNames the list names
     * @param tables the tables, in the same order; each table's name is used as the source in messages
     * @return the records
     * @throws PrevalenceException if a mapped column or the id column is missing, a list is empty, or an id is missing
     */
    public CaseRecords read(List<String> listNames, List<Table> tables) {
        List<Source> sources = new ArrayList<>();
        for (int j = 0; j < tables.size() && j < listNames.size(); j++) {
            sources.add(new TableSource(tables.get(j), listNames.get(j)));
        }
        return read(listNames, sources, tables.size() == listNames.size());
    }

    /** One list's cells: from a table or from a file's columns. */
    private interface Source {
        String name();

        int rows();

        List<String> columnNames();

        boolean has(String column);

        /** @return the cells, trimmed, null where missing or blank */
        String[] texts(String column);
    }

    private record TableSource(Table t, String listName) implements Source {
        @Override
        public String name() {
            return t.name() == null || t.name().isEmpty() ? listName : t.name();
        }

        @Override
        public int rows() {
            return t.rowCount();
        }

        @Override
        public List<String> columnNames() {
            return t.columnNames();
        }

        @Override
        public boolean has(String column) {
            return Columns.has(t, column);
        }

        @Override
        public String[] texts(String column) {
            Column<?> c = Columns.column(t, column);
            String[] out = new String[c.size()];
            for (int r = 0; r < out.length; r++) {
                out[r] = c.isMissing(r) ? null : blankIsNull(c.getString(r));
            }
            return out;
        }
    }

    private record FileSource(String name, List<String> columnNames, CsvColumns c) implements Source {
        @Override
        public int rows() {
            return c.rows();
        }

        @Override
        public boolean has(String column) {
            return c.has(column);
        }

        @Override
        public String[] texts(String column) {
            String[] out = c.texts(column);
            for (int r = 0; r < out.length; r++) {
                out[r] = out[r] == null ? null : blankIsNull(out[r]);
            }
            return out;
        }
    }

    private static String blankIsNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private CaseRecords read(List<String> listNames, List<Source> lists, boolean sameSize) {
        if (!sameSize) {
            throw PrevalenceException.invalidArgument("lists", "%d list names but %d tables", listNames.size(), lists.size());
        }
        if (lists.isEmpty()) {
            throw PrevalenceException.invalidArgument("lists", "no list to link; give at least one list");
        }
        if (mapping.fields().isEmpty()) {
            throw PrevalenceException.invalidArgument("fields", "no field is mapped; map at least one field (name=column)");
        }
        int n = 0;
        for (int j = 0; j < lists.size(); j++) {
            Source t = lists.get(j);
            String src = t.name();
            if (t.rows() == 0) {
                throw PrevalenceException.invalidData("file '" + src + "'", "list '%s' (file '%s') has no records",
                        listNames.get(j), src);
            }
            for (FieldMapping.Field f : mapping.fields()) {
                if (!t.has(f.column())) {
                    PrevalenceException e = Columns.noColumn(src, t.columnNames(), f.column(), null);
                    throw PrevalenceException.invalidData("file '" + src + "', field '" + f.field() + "'",
                            "field '%s' is mapped to column '%s', which file '%s' does not have: %s",
                            f.field(), f.column(), src, e.getMessage());
                }
            }
            if (idColumn != null && !t.has(idColumn)) {
                throw PrevalenceException.invalidData("file '" + src + "', column '" + idColumn + "'",
                        "the id column '%s' is not in file '%s'; its columns are %s", idColumn, src, t.columnNames());
            }
            n += t.rows();
        }
        int nf = mapping.fields().size();
        int[] list = new int[n];
        String[] ids = new String[n];
        String[] sources = new String[n];
        int[] rows = new int[n];
        String[][] values = new String[nf][n];
        int i = 0;
        for (int j = 0; j < lists.size(); j++) {
            Source t = lists.get(j);
            String src = t.name();
            String[][] cols = new String[nf][];
            for (int f = 0; f < nf; f++) {
                cols[f] = t.texts(mapping.fields().get(f).column());
            }
            String[] idc = idColumn == null ? null : t.texts(idColumn);
            for (int r = 0; r < t.rows(); r++, i++) {
                list[i] = j;
                rows[i] = r + 1;
                sources[i] = src;
                if (idc == null) {
                    ids[i] = Integer.toString(r + 1);
                } else {
                    String id = idc[r];
                    if (id == null) {
                        throw PrevalenceException.invalidData("file '" + src + "', row " + (r + 1) + ", column '" + idColumn + "'",
                                "file '%s', row %d: the id column '%s' is empty", src, r + 1, idColumn);
                    }
                    ids[i] = id;
                }
                for (int f = 0; f < nf; f++) {
                    values[f][i] = cols[f][r];
                }
            }
        }
        return new CaseRecords(listNames, mapping, list, ids, sources, rows, values);
    }

    @Override
    public String toString() {
        return "RecordReader[" + mapping + ", id " + (idColumn == null ? "row number" : "'" + idColumn + "'") + "]";
    }
}
