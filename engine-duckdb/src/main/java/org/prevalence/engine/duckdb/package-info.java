/**
 * The DuckDB aggregation engine ({@link org.prevalence.engine.duckdb.DuckDbEngine}): an embedded,
 * in-process DuckDB reads a Parquet or CSV file where it lies (out of core, spilling to a
 * temporary directory within its memory limit) and answers the requests of
 * {@link org.prevalence.core.engine.AggregationEngine} as SQL {@code GROUP BY} queries. Extension
 * auto-install and auto-load are off: Parquet and CSV readers are built into the driver, nothing
 * is downloaded.
 */
package org.prevalence.engine.duckdb;
