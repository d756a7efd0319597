package org.prevalence.linkage.records;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import org.prevalence.core.io.CsvInput;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads lists of case records: one table (or CSV file) per list, the same field mapping for each,
 * and an id column. Every mapped column is read as text (CSV cells are never parsed as numbers, so
 * a date or an id keeps its leading zeros).
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
     * Reads CSV files, one per list, named after the file (without {@code .csv}).
     * @param files the files
     * @return the records
     */
    public CaseRecords readFiles(List<Path> files) {
        List<String> names = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        CsvInput in = csv;
        for (FieldMapping.Field f : mapping.fields()) {
            in = in.withType(f.column(), ColumnType.STRING);
        }
        if (idColumn != null) {
            in = in.withType(idColumn, ColumnType.STRING);
        }
        for (Path p : files) {
            String file = p.getFileName().toString();
            names.add(file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file);
            Table t = in.read(p); // withType on a column the file lacks is harmless; read() names it
            tables.add(t.setName(file));
        }
        return read(names, tables);
    }

    /**
     * Reads tables, one per list.
     * @param listNames the list names
     * @param tables the tables, in the same order; each table's name is used as the source in messages
     * @return the records
     * @throws PrevalenceException if a mapped column or the id column is missing, a list is empty, or an id is missing
     */
    public CaseRecords read(List<String> listNames, List<Table> tables) {
        if (listNames.size() != tables.size()) {
            throw PrevalenceException.invalidArgument("lists", "%d list names but %d tables", listNames.size(), tables.size());
        }
        if (tables.isEmpty()) {
            throw PrevalenceException.invalidArgument("lists", "no list to link; give at least one list");
        }
        if (mapping.fields().isEmpty()) {
            throw PrevalenceException.invalidArgument("fields", "no field is mapped; map at least one field (name=column)");
        }
        int n = 0;
        for (int j = 0; j < tables.size(); j++) {
            Table t = tables.get(j);
            String src = source(t, listNames.get(j));
            if (t.rowCount() == 0) {
                throw PrevalenceException.invalidData("file '" + src + "'", "list '%s' (file '%s') has no records",
                        listNames.get(j), src);
            }
            for (FieldMapping.Field f : mapping.fields()) {
                if (!Columns.has(t, f.column())) {
                    PrevalenceException e = Columns.noColumn(t.copy().setName(src), f.column());
                    throw PrevalenceException.invalidData("file '" + src + "', field '" + f.field() + "'",
                            "field '%s' is mapped to column '%s', which file '%s' does not have: %s",
                            f.field(), f.column(), src, e.getMessage());
                }
            }
            if (idColumn != null && !Columns.has(t, idColumn)) {
                throw PrevalenceException.invalidData("file '" + src + "', column '" + idColumn + "'",
                        "the id column '%s' is not in file '%s'; its columns are %s", idColumn, src, t.columnNames());
            }
            n += t.rowCount();
        }
        int nf = mapping.fields().size();
        int[] list = new int[n];
        String[] ids = new String[n];
        String[] sources = new String[n];
        int[] rows = new int[n];
        String[][] values = new String[nf][n];
        int i = 0;
        for (int j = 0; j < tables.size(); j++) {
            Table t = tables.get(j);
            String src = source(t, listNames.get(j));
            Column<?>[] cols = new Column<?>[nf];
            for (int f = 0; f < nf; f++) {
                cols[f] = Columns.column(t, mapping.fields().get(f).column());
            }
            Column<?> idc = idColumn == null ? null : Columns.column(t, idColumn);
            for (int r = 0; r < t.rowCount(); r++, i++) {
                list[i] = j;
                rows[i] = r + 1;
                sources[i] = src;
                if (idc == null) {
                    ids[i] = Integer.toString(r + 1);
                } else {
                    String id = text(idc, r);
                    if (id == null) {
                        throw PrevalenceException.invalidData("file '" + src + "', row " + (r + 1) + ", column '" + idColumn + "'",
                                "file '%s', row %d: the id column '%s' is empty", src, r + 1, idColumn);
                    }
                    ids[i] = id;
                }
                for (int f = 0; f < nf; f++) {
                    values[f][i] = text(cols[f], r);
                }
            }
        }
        return new CaseRecords(listNames, mapping, list, ids, sources, rows, values);
    }

    private static String source(Table t, String listName) {
        return t.name() == null || t.name().isEmpty() ? listName : t.name();
    }

    private static String text(Column<?> c, int r) {
        if (c.isMissing(r)) {
            return null;
        }
        String s = c.getString(r);
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "RecordReader[" + mapping + ", id " + (idColumn == null ? "row number" : "'" + idColumn + "'") + "]";
    }
}
