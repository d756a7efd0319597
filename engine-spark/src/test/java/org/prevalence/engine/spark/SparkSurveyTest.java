package org.prevalence.engine.spark;

import java.nio.file.Path;
import org.prevalence.core.engine.AggregationEngine;
import org.prevalence.core.engine.ConformanceData;
import org.prevalence.engine.duckdb.DuckDbFiles;
import org.prevalence.survey.EngineSurveyConformance;

/** The survey estimators on Spark local[1] (2 shuffle partitions) over Parquet against the in-JVM estimators. */
class SparkSurveyTest extends EngineSurveyConformance {
    @Override
    protected AggregationEngine open(ConformanceData data, Path dir) throws Exception {
        Path parquet = data.writeParquet(dir, DuckDbFiles::csvToParquet);
        return SparkEngine.withDefaults().withThreads(1).withShufflePartitions(2).open(parquet);
    }
}
