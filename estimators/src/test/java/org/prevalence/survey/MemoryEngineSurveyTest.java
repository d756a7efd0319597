package org.prevalence.survey;

import java.nio.file.Path;
import org.prevalence.core.engine.AggregationEngine;
import org.prevalence.core.engine.ConformanceData;

/** {@link EngineSurvey} on the in-JVM engine against the estimators on a {@link SurveyDesign}. */
class MemoryEngineSurveyTest extends EngineSurveyConformance {
    @Override
    protected AggregationEngine open(ConformanceData data, Path dir) {
        return data.memoryEngine();
    }
}
