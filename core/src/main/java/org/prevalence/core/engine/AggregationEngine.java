package org.prevalence.core.engine;

import java.util.Map;

/**
 * Where the data are aggregated: the in-JVM arrays ({@link MemoryEngine}), an embedded DuckDB over
 * Parquet or CSV files ({@code engine-duckdb}), or Spark ({@code engine-spark}). An engine is
 * opened over one data set (a table of named columns), answers any number of requests, and is
 * closed. Every engine gives the same figures as {@link MemoryEngine} to rounding (the
 * conformance test {@code AggregationEngineConformance} in the core test-jar checks 1e-9 relative).
 *
 * <p>Errors are {@link org.prevalence.core.PrevalenceException}s naming the column: a column the
 * data do not have ({@code INVALID_ARGUMENT}, listing the columns there are), a text column used
 * as a number or weight ({@code INVALID_DATA}).
 *
 * <p>Implementations are not required to be thread-safe; one caller uses an engine at a time.
 */
public interface AggregationEngine extends AutoCloseable {
    /** @return the engine's name as the CLI's {@code --engine} spells it: {@code memory}, {@code duckdb}, {@code spark} */
    String name();

    /** @return the number of rows of the data */
    long rows();

    /** @return the columns of the data and their types, in file order */
    Map<String, ColumnType> columns();

    /**
     * Weighted sums of terms by groups, for several weight columns at once (see {@link SumRequest}).
     * @param request the request
     * @return the sums of every group present
     * @throws org.prevalence.core.PrevalenceException naming the column if a column is absent, or a
     *     weight or term column is not numeric
     */
    GroupedSums sums(SumRequest request);

    /**
     * Row counts by groups (rows with a missing key left out).
     * @param request a request made by {@link SumRequest#counts(java.util.List)} (its weights and
     *     terms, if any, are ignored)
     * @return the counts, as groups with no sums
     */
    default GroupedSums counts(SumRequest request) {
        return sums(SumRequest.counts(request.groups()));
    }

    /**
     * One IRLS pass of a GLM (see {@link IrlsRequest}).
     * @param request the model and its coefficients
     * @return \( X^\top W X \), the score (or \( X^\top W z \)), the deviance and the group scores
     */
    IrlsStep irls(IrlsRequest request);

    /** Releases what the engine holds (connections, temporary files); no exception is checked. */
    @Override
    void close();
}
