/**
 * Aggregation engines: the small aggregates the survey and model estimators need, computed where
 * the data are. An {@link org.prevalence.core.engine.AggregationEngine} answers three kinds of
 * request and nothing else:
 * <ul>
 * <li>{@link org.prevalence.core.engine.SumRequest}: weighted sums of products of columns, by
 *     groups (domains; domains x strata x PSUs for linearization), for one or many weight columns
 *     at once (the main weight and every replicate weight), with row counts, missing-value counts
 *     and weight-column checks ({@link org.prevalence.core.engine.GroupedSums});</li>
 * <li>grouped counts (a {@code SumRequest} without weights or terms);</li>
 * <li>{@link org.prevalence.core.engine.IrlsRequest}: one iteratively reweighted least-squares
 *     step of a GLM at given coefficients, \( X^\top W X \) and \( X^\top W z \), with per-group
 *     score sums for the sandwich variance ({@link org.prevalence.core.engine.IrlsStep}).</li>
 * </ul>
 * Everything statistical (estimates, linearization and replicate variances, intervals) is finished
 * in Java from these aggregates, so every engine gives the same figures as the in-JVM one to
 * rounding. {@link org.prevalence.core.engine.MemoryEngine} is the in-JVM engine over primitive
 * arrays; {@code engine-duckdb} (embedded DuckDB over Parquet or CSV files, out of core) and
 * {@code engine-spark} ({@code Dataset} aggregations) are the others.
 */
package org.prevalence.core.engine;
