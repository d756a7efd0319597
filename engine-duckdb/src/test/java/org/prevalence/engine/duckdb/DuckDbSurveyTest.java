package org.prevalence.engine.duckdb;

import java.nio.file.Path;
import org.prevalence.core.engine.AggregationEngine;
import org.prevalence.core.engine.ConformanceData;
import org.prevalence.survey.EngineSurveyConformance;

/** The survey estimators on DuckDB over Parquet against the in-JVM estimators on the same data. */
class DuckDbSurveyTest extends EngineSurveyConformance {
    @Override
    protected AggregationEngine open(ConformanceData data, Path dir) throws Exception {
        Path parquet = data.writeParquet(dir, DuckDbFiles::csvToParquet);
        return DuckDbEngine.withDefaults().withThreads(2).withMemoryLimit("256MB").withTempDirectory(dir).open(parquet);
    }
}
