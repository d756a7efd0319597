package org.prevalence.engine.spark;

import java.nio.file.Path;
import org.prevalence.core.engine.AggregationEngine;
import org.prevalence.core.engine.AggregationEngineConformance;
import org.prevalence.core.engine.ConformanceData;
import org.prevalence.engine.duckdb.DuckDbFiles;

/** The conformance test on Spark local[1] with 2 shuffle partitions, over Parquet written by DuckDB at test time. */
class SparkParquetConformanceTest extends AggregationEngineConformance {
    @Override
    protected AggregationEngine open(ConformanceData data, Path dir) throws Exception {
        Path parquet = data.writeParquet(dir, DuckDbFiles::csvToParquet);
        return SparkEngine.withDefaults().withThreads(1).withShufflePartitions(2).open(parquet);
    }
}
