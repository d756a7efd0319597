package org.prevalence.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --report FILE} option of the estimating commands (a picocli mixin): a self-contained HTML report
 * (inline CSS and SVG, no script, no network) of the analysis, written beside the command's usual output. FILE is
 * refused before any work as {@code --output} is, and written only when the command succeeds.
 */
final class ReportOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    Path file;

    /** {@code --report FILE}, checked as {@code --output} is. */
    @Option(names = "--report", paramLabel = "FILE", description = "Also write a self-contained HTML report of the "
            + "analysis to FILE (inline CSS and SVG, no network; printable), with the same figures as --format json.")
    void file(Path f) {
        file = CommonOptions.checkedFile(mixee, "--report", f);
    }

    /** @return whether a report was asked for */
    boolean wanted() {
        return file != null;
    }

    /** Writes the report (made only now) and says where on the command's standard error. */
    void write(CommandSpec spec, Supplier<String> html) {
        byte[] bytes = html.get().getBytes(StandardCharsets.UTF_8);
        Path p = OutputFiles.write(file, "--report", out -> out.write(bytes));
        spec.commandLine().getErr().println("report written to " + p.toAbsolutePath());
    }

    /** @return the command line as typed, for the report's "how this was computed" section */
    static String commandLine(CommandSpec spec) {
        List<String> parts = new ArrayList<>();
        parts.add(spec.root().name()); // the original arguments start with the subcommand's name
        for (String a : spec.commandLine().getParseResult().originalArgs()) {
            parts.add(a.isEmpty() || a.chars().anyMatch(c -> " \"'[]*?$".indexOf(c) >= 0)
                    ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return String.join(" ", parts);
    }
}
