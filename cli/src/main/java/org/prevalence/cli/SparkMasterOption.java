package org.prevalence.cli;

import picocli.CommandLine.Option;

/**
 * {@code survey --master URL} (a picocli mixin): the Spark master of {@code --engine spark}, e.g.
 * {@code spark://HOST:7077}, {@code k8s://https://HOST:6443}, {@code yarn} or {@code local[4]}. It is handed
 * to the engine as the system property {@code spark.master}, as {@code spark-submit} does; the engine
 * checks that a cluster master answers within seconds before it starts a session.
 */
final class SparkMasterOption {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master for --engine spark (spark://HOST:PORT, k8s://https://HOST:PORT, yarn, "
                    + "local[N]); default local[--threads].")
    void master(String url) {
        System.setProperty("spark.master", url);
    }
}
