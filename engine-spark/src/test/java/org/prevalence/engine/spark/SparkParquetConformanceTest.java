package org.prevalence.engine.spark;

import java.nio.file.Path;
import org.prevalence.core.engine.AggregationEngine;
import org.prevalence.core.engine.AggregationEngineConformance;
import org.prevalence.core.engine.ConformanceData;

/** The conformance test on Spark local[1] with 2 shuffle partitions, over Parquet written by DuckDB. */
class SparkParquetConformanceTest extends AggregationEngineConformance {
    @Override
    protected AggregationEngine open(ConformanceData data, Path dir) throws Exception {
        Path own = SparkTestData.directory("conformance-parquet", dir);
        Path csv = own.resolve("data.csv");
        data.writeCsv(csv);
        Path parquet = own.resolve("data.parquet");
        SparkTestData.csvToParquet(csv, parquet);
        return SparkEngine.withDefaults().withThreads(1).withShufflePartitions(2).open(parquet);
    }
}
