/**
 * The input of multiple systems estimation: list-overlap tables (capture histories with counts).
 *
 * <ul>
 * <li>{@link org.prevalence.core.lists.ListOverlapTable}: for K = 2 to 15 lists, the number of cases
 *     seen on exactly each non-empty combination of lists, indexed by a bit mask (list {@code j} is
 *     bit {@code 1 << j}); built from histories with counts, from one 0/1 row per case, or from
 *     (case, list) sightings, and reduced by collapsing or dropping lists.</li>
 * <li>{@link org.prevalence.core.lists.StratifiedListTable}: one such table per stratum (region, year,
 *     form of exploitation), every stratum with the same lists.</li>
 * <li>{@link org.prevalence.core.lists.ListTables}: builds both from Tablesaw tables (a CSV file read
 *     by {@link org.prevalence.core.io.CsvInput}, or a table made in JShell), with errors that name the
 *     data row and the column.</li>
 * </ul>
 * Start with {@code ListOverlapTable}; the estimators in {@code org.prevalence.mse} (estimators module)
 * take it as their input.
 */
package org.prevalence.core.lists;
