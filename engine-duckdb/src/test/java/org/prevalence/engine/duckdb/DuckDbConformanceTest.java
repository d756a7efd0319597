package org.prevalence.engine.duckdb;

import java.nio.file.Path;
import org.prevalence.core.engine.AggregationEngine;
import org.prevalence.core.engine.AggregationEngineConformance;
import org.prevalence.core.engine.ConformanceData;

/** The conformance test on the data written to Parquet by DuckDB at test time. */
class DuckDbConformanceTest extends AggregationEngineConformance {
    @Override
    protected AggregationEngine open(ConformanceData data, Path dir) throws Exception {
        Path parquet = data.writeParquet(dir, DuckDbFiles::csvToParquet);
        return DuckDbEngine.withDefaults().withThreads(2).withMemoryLimit("256MB").withTempDirectory(dir).open(parquet);
    }
}
