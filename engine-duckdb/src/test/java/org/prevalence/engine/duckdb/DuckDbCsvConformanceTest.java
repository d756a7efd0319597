package org.prevalence.engine.duckdb;

import java.nio.file.Path;
import org.prevalence.core.engine.AggregationEngine;
import org.prevalence.core.engine.AggregationEngineConformance;
import org.prevalence.core.engine.ConformanceData;

/** The conformance test with DuckDB reading the CSV file directly. */
class DuckDbCsvConformanceTest extends AggregationEngineConformance {
    @Override
    protected AggregationEngine open(ConformanceData data, Path dir) throws Exception {
        Path csv = dir.resolve("data.csv");
        data.writeCsv(csv);
        return DuckDbEngine.withDefaults().withThreads(1).withTempDirectory(dir).open(csv);
    }
}
