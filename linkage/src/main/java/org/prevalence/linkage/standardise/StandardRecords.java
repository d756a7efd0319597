package org.prevalence.linkage.standardise;

import org.prevalence.linkage.records.CaseRecords;
import org.prevalence.linkage.records.FieldType;

/**
 * Case records after standardisation: for each field, the folded text of every record (names also
 * without spaces) or, for a date field, its {@link PartialDate}; {@code null} is missing.
 *
 * <p>This class is immutable (its arrays are never handed out).
 */
public final class StandardRecords {
    private final CaseRecords records;
    private final String[][] text;
    private final PartialDate[][] dates;

    StandardRecords(CaseRecords records, String[][] text, PartialDate[][] dates) {
        this.records = records;
        this.text = text;
        this.dates = dates;
    }

    /** @return the records these came from */
    public CaseRecords records() {
        return records;
    }

    /** @return the number of records */
    public int size() {
        return records.size();
    }

    /** @return the number of fields */
    public int fieldCount() {
        return text.length;
    }

    /**
     * @param field a field index
     * @return its type
     */
    public FieldType type(int field) {
        return records.mapping().fields().get(field).type();
    }

    /**
     * @param field a field index
     * @return its name
     */
    public String fieldName(int field) {
        return records.mapping().fields().get(field).field();
    }

    /**
     * @param field a field index
     * @param i a record index
     * @return the standardised text ({@code toString()} of the date for a date field), or {@code null}
     */
    public String text(int field, int i) {
        return text[field][i];
    }

    /**
     * @param field a date field index
     * @param i a record index
     * @return the date, or {@code null} if missing (or the field is not a date)
     */
    public PartialDate date(int field, int i) {
        return dates[field] == null ? null : dates[field][i];
    }

    @Override
    public String toString() {
        return "StandardRecords[" + records.size() + " records, " + text.length + " fields]";
    }
}
