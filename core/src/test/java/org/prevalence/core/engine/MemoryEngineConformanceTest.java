package org.prevalence.core.engine;

import java.nio.file.Path;

/** The in-JVM engine against itself: checks the conformance class runs (and the reference is deterministic). */
class MemoryEngineConformanceTest extends AggregationEngineConformance {
    @Override
    protected AggregationEngine open(ConformanceData data, Path dir) {
        return data.memoryEngine();
    }
}
