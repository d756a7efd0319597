package org.prevalence.engine.spark;

import java.nio.file.Path;
import java.util.Map;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.engine.AggregationEngine;
import org.prevalence.core.engine.AggregationEngineProvider;

/**
 * The {@code spark} engine for {@code prevalence survey --engine spark} (registered in
 * {@code META-INF/services}; the CLI finds it on the class path, with no compile-time dependency).
 * Options: {@code master} (a Spark master URL; without it the system property {@code spark.master},
 * which {@code --master} and {@code spark-submit} set; without either {@code local[threads]}),
 * {@code threads} (0 = every core), {@code shuffle-partitions} (0 = the threads). {@code memory} is
 * not used: the driver's memory is the JVM's heap ({@code -Xmx}).
 */
public final class SparkEngineProvider implements AggregationEngineProvider {
    /** @return {@code "spark"} */
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public AggregationEngine open(Path file, Map<String, String> options) {
        String master = options.get("master");
        if (master == null || master.isBlank()) {
            master = System.getProperty("spark.master");
        }
        return SparkEngine.withDefaults().withMaster(master == null || master.isBlank() ? null : master)
                .withThreads(integer(options, "threads")).withShufflePartitions(integer(options, "shuffle-partitions"))
                .open(file);
    }

    private static int integer(Map<String, String> options, String key) {
        String v = options.get(key);
        if (v == null) {
            return 0;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw PrevalenceException.invalidArgument(key, "%s must be a whole number, got '%s'", key, v);
        }
    }
}
