/**
 * Reading input data, with one strict rule for numbers and errors that name the file, the 1-based
 * data row (and line) and the column, never the cell's value.
 *
 * <ul>
 * <li>{@link org.prevalence.core.io.CsvReader}: reads only the named columns of a CSV or
 *     {@code .csv.gz} file straight into primitive columns ({@link org.prevalence.core.io.CsvColumns}:
 *     doubles, or dictionary codes for categories), streaming in chunks that are parsed in parallel,
 *     with the same result and the same first error for every number of threads. The hot path of
 *     the command line.</li>
 * <li>{@link org.prevalence.core.io.CsvInput}: the Java entry point. Its rules (comment lines,
 *     missing-value tokens, decimal commas, a named or detected delimiter, gzip) and two paths:
 *     {@code columns(file)} reads the columns given a role ({@code withNumbers}, {@code withCategories})
 *     into {@code CsvColumns} through {@code CsvReader}, without a table; {@code read(file)} reads every
 *     column into a Tablesaw table, the interchange format and the reference {@code CsvReader} is
 *     tested against ({@code CsvColumns.toTable()} gives the same table).</li>
 * <li>{@link org.prevalence.core.io.Columns}: the one adapter for reading columns out of a Tablesaw
 *     table. It finds a column by its exact name (names that differ only in case are distinct),
 *     reports a missing column in one wording ({@code no column 'X' in 'file.csv'; its columns are
 *     [...]}), and reads numbers or counts because of the role the caller gives them (not the type
 *     a reader guessed), text and ISO dates. Every reader of a table (list tables, survey
 *     samples, the regional and forced-labour readers) goes through it; the readers of a file
 *     (list tables, survey samples, the regional readers, linkage's records) read
 *     {@code CsvColumns} with the same rules, and name the line of the file as well
 *     ({@link org.prevalence.core.io.CsvColumns#line}).</li>
 * <li>{@link org.prevalence.core.io.CsvFiles}: opens plain and gzip-compressed files.</li>
 * </ul>
 * Start with {@code CsvInput.columns} (or {@code CsvReader} directly), or {@code CsvInput.read} and
 * {@code Columns} for a table;
 * package-private classes hold the plain-number grammar (as strings and as bytes), the byte
 * dictionary and the record scanner.
 */
package org.prevalence.core.io;
