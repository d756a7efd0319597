/**
 * Case records as linkage reads them: one record per row of a list, its list, its own identifier,
 * its 1-based data row, and the raw text of each mapped field.
 *
 * <p>{@link org.prevalence.linkage.records.FieldMapping} says which column holds which field and
 * how the field is compared ({@link org.prevalence.linkage.records.FieldType});
 * {@link org.prevalence.linkage.records.RecordReader} reads Tablesaw tables, or CSV files without a
 * table (only the mapped and id columns, each cell as written, through
 * {@code org.prevalence.core.io.CsvInput.columns}), into immutable
 * {@link org.prevalence.linkage.records.CaseRecords}. Records are known to the rest of the module by
 * their index and a pseudonymous id; error messages name the file, the row and the field, never a
 * personal value.
 */
package org.prevalence.linkage.records;
