package org.prevalence.engine.spark;

import java.nio.file.Path;
import org.prevalence.core.engine.AggregationEngine;
import org.prevalence.core.engine.AggregationEngineConformance;
import org.prevalence.core.engine.ConformanceData;

/** The conformance test on Spark local[1] with 1 shuffle partition, over the CSV file (types inferred by Spark). */
class SparkCsvConformanceTest extends AggregationEngineConformance {
    @Override
    protected AggregationEngine open(ConformanceData data, Path dir) throws Exception {
        Path csv = dir.resolve("data.csv");
        data.writeCsv(csv);
        return SparkEngine.withDefaults().withThreads(1).withShufflePartitions(1).open(csv);
    }
}
