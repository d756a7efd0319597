package org.prevalence.cli;

import java.nio.file.Path;
import org.prevalence.core.bootstrap.Bootstrap;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by every estimating subcommand (a picocli mixin). */
public final class CommonOptions {
    /** Output formats. */
    public enum OutputFormat {
        /** aligned text tables with thousands separators */
        table,
        /** tidy CSV, one estimate a row */
        csv,
        /** JSON with stable, documented keys */
        json
    }

    @Option(names = "--format", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.table;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    Path output;

    @Option(names = "--seed", defaultValue = "" + Bootstrap.DEFAULT_SEED,
            description = "Seed of every random procedure (default: ${DEFAULT-VALUE}).")
    long seed = Bootstrap.DEFAULT_SEED;

    int threads;

    double level = 0.95;

    @Option(names = "--verbose", description = "On error, print the kind of problem and the stack trace.")
    boolean verbose;

    /**
     * {@code --output FILE}: refused before any work if FILE is a folder, its folder does not exist or it
     * cannot be written (see {@link OutputFiles#problem}).
     */
    @Option(names = "--output", paramLabel = "FILE", description = "Write the output to FILE instead of standard "
            + "output (written only when the command succeeds).")
    void output(Path file) {
        output = checkedFile(mixee, "--output", file);
    }

    /** {@code --threads N}: 0 (all cores) or more. */
    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "Threads for parallel work; 0 = all available cores (default). Results do not depend on it.")
    void threads(int n) {
        if (n < 0) {
            throw new ParameterException(mixee.commandLine(), "Invalid value for option '--threads': " + n
                    + " is negative; give 0 (all cores) or a number of threads");
        }
        threads = n;
    }

    /** {@code --level L}: strictly between 0 and 1. */
    @Option(names = "--level", defaultValue = "0.95", paramLabel = "LEVEL",
            description = "Confidence level, between 0 and 1 (default: ${DEFAULT-VALUE}).")
    void level(double l) {
        if (!(l > 0 && l < 1)) {
            throw new ParameterException(mixee.commandLine(), "Invalid value for option '--level': " + l
                    + " is not between 0 and 1; for example 0.95");
        }
        level = l;
    }

    /** @return the file, or a parameter error naming the option and the path if it cannot be written */
    static Path checkedFile(CommandSpec spec, String option, Path file) {
        if (file == null) {
            return null;
        }
        String problem = OutputFiles.problem(file);
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), "Cannot write " + option + " '" + file + "': " + problem);
        }
        return file;
    }

    /** @return the thread count to pass to the library's {@code withThreads}: the option (0 = all cores) */
    public int threadCount() {
        return threads;
    }
}
