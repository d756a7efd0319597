package org.prevalence.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by every estimating subcommand (a picocli mixin). */
public final class CommonOptions {
    /** Output formats. */
    public enum OutputFormat {
        /** aligned text tables with thousands separators */
        table,
        /** tidy CSV, one estimate a row */
        csv,
        /** JSON with the keys fixed by the issues */
        json
    }

    @Option(names = "--format", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.table;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the output to FILE instead of standard output.")
    Path output;

    @Option(names = "--seed", defaultValue = "1234", description = "Seed of every random procedure (default: ${DEFAULT-VALUE}).")
    long seed = 1234;

    @Option(names = "--threads", defaultValue = "0",
            description = "Threads for parallel work; 0 = all available cores (default). Results do not depend on it.")
    int threads;

    @Option(names = "--level", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double level = 0.95;

    @Option(names = "--verbose", description = "On error, print the kind of problem and the stack trace.")
    boolean verbose;

    /** @return the thread count to use: the option, or the number of available processors */
    public int threadCount() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
