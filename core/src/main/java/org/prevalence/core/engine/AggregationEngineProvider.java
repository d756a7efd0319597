package org.prevalence.core.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * A service ({@link java.util.ServiceLoader}) that opens an {@link AggregationEngine} by name: how
 * the CLI finds an engine module that is not in the default build (the opt-in {@code engine-spark}
 * registers one in {@code META-INF/services/org.prevalence.core.engine.AggregationEngineProvider}).
 */
public interface AggregationEngineProvider {
    /** @return the engine's name, as {@code --engine} spells it (e.g. {@code spark}) */
    String name();

    /**
     * @param file the data file (Parquet or CSV)
     * @param options engine settings by name: {@code threads} (0 = all cores), {@code memory} (e.g.
     *     {@code 1GB}), and any the engine documents (e.g. {@code master})
     * @return the opened engine (the caller closes it)
     */
    AggregationEngine open(Path file, Map<String, String> options);
}
