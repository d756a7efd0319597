package org.prevalence.linkage.records;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;

/**
 * The case records of one or more lists: for record {@code i}, its list, its own identifier (the
 * id column of its list), the file (source) and 1-based data row it came from, and the raw value of
 * each mapped field ({@code null} when missing).
 *
 * <p>{@link #where(int, int)} gives {@code "file 'police.csv', row 17, field 'dob'"}: the form every
 * error about a record uses, so messages never carry a personal value. {@link #pseudonym(int)} is a
 * stable id ({@code r000017}) that reveals nothing about the person.
 *
 * <p>This class is immutable.
 */
public final class CaseRecords {
    private final List<String> listNames;
    private final FieldMapping mapping;
    private final int[] list;
    private final String[] ids;
    private final String[] sources;
    private final int[] rows;
    private final String[][] values; // [field][record]

    CaseRecords(List<String> listNames, FieldMapping mapping, int[] list, String[] ids, String[] sources,
                int[] rows, String[][] values) {
        this.listNames = List.copyOf(listNames);
        this.mapping = mapping;
        this.list = list;
        this.ids = ids;
        this.sources = sources;
        this.rows = rows;
        this.values = values;
    }

    /**
     * Builds records from arrays (for generated data and tests); the arrays are copied.
     * @param listNames the list names
     * @param mapping the fields (the column names are kept for the reader's benefit only)
     * @param list the list index of each record
     * @param ids each record's own id
     * @param values the raw values, {@code values[field][record]}, {@code null} for missing
     * @return the records (source "generated", rows 1..n within each list)
     */
    public static CaseRecords of(List<String> listNames, FieldMapping mapping, int[] list, String[] ids,
                                 String[][] values) {
        int n = list.length;
        if (ids.length != n || values.length != mapping.fields().size()) {
            throw PrevalenceException.invalidArgument("records", "%d records but %d ids, %d fields but %d value arrays",
                    n, ids.length, mapping.fields().size(), values.length);
        }
        int[] rows = new int[n];
        int[] next = new int[listNames.size()];
        String[] sources = new String[n];
        String[][] v = new String[values.length][];
        for (int f = 0; f < values.length; f++) {
            if (values[f].length != n) {
                throw PrevalenceException.invalidArgument("records", "field %d has %d values for %d records",
                        f + 1, values[f].length, n);
            }
            v[f] = values[f].clone();
        }
        for (int i = 0; i < n; i++) {
            if (list[i] < 0 || list[i] >= listNames.size()) {
                throw PrevalenceException.invalidArgument("record " + (i + 1), "record %d has list index %d", i + 1, list[i]);
            }
            rows[i] = ++next[list[i]];
            sources[i] = listNames.get(list[i]);
        }
        return new CaseRecords(listNames, mapping, list.clone(), ids.clone(), sources, rows, v);
    }

    /** @return the number of records */
    public int size() {
        return list.length;
    }

    /** @return the list names, in order */
    public List<String> listNames() {
        return listNames;
    }

    /** @return the field mapping */
    public FieldMapping mapping() {
        return mapping;
    }

    /**
     * @param i a record index
     * @return its list index
     */
    public int list(int i) {
        return list[i];
    }

    /**
     * @param i a record index
     * @return the record's own id (the id column of its list)
     */
    public String id(int i) {
        return ids[i];
    }

    /**
     * @param i a record index
     * @return its 1-based data row in its source
     */
    public int row(int i) {
        return rows[i];
    }

    /**
     * @param i a record index
     * @return the file or table it came from
     */
    public String source(int i) {
        return sources[i];
    }

    /**
     * @param field a field index (in the mapping)
     * @param i a record index
     * @return the raw value, or {@code null} when missing
     */
    public String value(int field, int i) {
        return values[field][i];
    }

    /**
     * @param i a record index
     * @return a pseudonymous id such as {@code r000017} (the index, 1-based)
     */
    public String pseudonym(int i) {
        return String.format(Locale.ROOT, "r%06d", i + 1);
    }

    /**
     * @param i a record index
     * @param field a field index
     * @return {@code "file 'X', row N, field 'F'"}, never the value
     */
    public String where(int i, int field) {
        Objects.checkIndex(field, values.length);
        return String.format(Locale.ROOT, "file '%s', row %d, field '%s'", sources[i], rows[i],
                mapping.fields().get(field).field());
    }

    @Override
    public String toString() {
        int[] per = new int[listNames.size()];
        for (int l : list) {
            per[l]++;
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "CaseRecords[%d records", list.length));
        for (int j = 0; j < per.length; j++) {
            sb.append(j == 0 ? ": " : ", ").append(listNames.get(j)).append(' ').append(per[j]);
        }
        return sb.append("; ").append(mapping).append(']').toString();
    }
}
