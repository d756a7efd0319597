/**
 * Reading input data at the Tablesaw boundary, with one strict rule for numbers and errors that
 * name the file, the 1-based data row and the column, never the cell's value.
 *
 * <ul>
 * <li>{@link org.prevalence.core.io.CsvInput}: reads RFC 4180 CSV files into Tablesaw tables, with
 *     comment lines, missing-value tokens, decimal commas and other delimiters, and refuses malformed
 *     files.</li>
 * <li>{@link org.prevalence.core.io.Columns}: the one adapter for reading columns out of a Tablesaw
 *     table. It finds a column by its exact name (names that differ only in case are distinct),
 *     reports a missing column in one wording ({@code no column 'X' in 'file.csv'; its columns are
 *     [...]}), and reads numbers or counts because of the role the caller gives them (not the type
 *     a reader guessed), text and ISO dates. Every reader of the library (list tables, survey
 *     samples, the regional and forced-labour readers) goes through it.</li>
 * </ul>
 * Start with {@code CsvInput}, then {@code Columns}; a package-private class holds the plain-number
 * grammar both use.
 */
package org.prevalence.core.io;
