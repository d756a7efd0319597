package org.prevalence.engine.spark;

import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.prevalence.core.PrevalenceException;

/**
 * Makes the Spark session of the engine (package-private): the master checked first
 * ({@link SparkMaster#probe(int)}, so an unreachable cluster is an error within seconds, not a minute of
 * retries), the web UI and the console progress bar off, few shuffle partitions (the aggregates are
 * small: one row per domain or PSU), the session time zone UTC, and on a local master the driver bound
 * to 127.0.0.1 (nothing listens on another interface). Spark's INFO logging is replaced by
 * {@code log4j2-spark.properties} (errors only) unless {@code log4j2.configurationFile} is set.
 */
final class SparkSessions {
    /** TCP connect timeout per endpoint of a cluster master. */
    static final int PROBE_TIMEOUT_MILLIS = 3000;

    private SparkSessions() {
    }

    /**
     * @param master the master (checked here)
     * @param shufflePartitions {@code spark.sql.shuffle.partitions}, or 0 to keep Spark's setting
     * @return a new session, or the running one with these SQL settings
     */
    static SparkSession open(SparkMaster master, int shufflePartitions) {
        if (shufflePartitions < 0) {
            throw PrevalenceException.invalidArgument("shuffle partitions",
                    "shuffle partitions must be >= 0, got %d", shufflePartitions);
        }
        master.probe(PROBE_TIMEOUT_MILLIS);
        quietLogging();
        SparkSession.Builder b = SparkSession.builder()
                .master(master.url())
                .appName("prevalence")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.caseSensitive", "true");
        if (shufflePartitions > 0) {
            b.config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions));
        }
        if (master.isLocal()) {
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        try {
            return b.getOrCreate();
        } catch (RuntimeException e) {
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_ARGUMENT, "--master",
                    String.format(Locale.ROOT, "Spark could not start on master %s: %s", master, rootMessage(e)), e);
        }
    }

    private static void quietLogging() {
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("log4j.configurationFile") == null) {
            java.net.URL cfg = SparkSessions.class.getResource("log4j2-spark.properties");
            if (cfg != null) {
                System.setProperty("log4j2.configurationFile", cfg.toString());
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
