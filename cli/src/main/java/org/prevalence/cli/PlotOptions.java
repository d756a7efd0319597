package org.prevalence.cli;

import java.nio.file.Path;
import org.knowm.xchart.internal.chartpart.Chart;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --plot FILE}, {@code --plot-format} and {@code --plot-log} options shared by the estimating
 * commands (a picocli mixin). FILE is refused before any work if it is a folder or its folder does not
 * exist; the plot is written only when the command succeeds.
 */
final class PlotOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    Path file;

    /** {@code --plot FILE}, checked as {@code --output} is. */
    @Option(names = "--plot", paramLabel = "FILE",
            description = "Also draw the command's chart (see its description) to FILE (written only when the command "
                    + "succeeds).")
    void file(Path f) {
        file = CommonOptions.checkedFile(mixee, "--plot", f);
    }

    @Option(names = "--plot-log", description = "Plot counts and estimates on a logarithmic axis, so that small "
            + "values (rare histories, small regions) stay visible beside large ones.")
    boolean log;

    @Option(names = "--plot-format", defaultValue = "png", description = "png or svg (default ${DEFAULT-VALUE}).")
    Plots.PlotFormat format = Plots.PlotFormat.png;

    /** @return whether a chart was asked for */
    boolean wanted() {
        return file != null;
    }

    /** Saves the chart and says where on the command's standard error. */
    void save(Chart<?, ?> chart, CommandSpec spec) {
        Path p = Plots.save(log ? Plots.logScale(chart) : chart, file, format);
        spec.commandLine().getErr().println("plot written to " + p.toAbsolutePath());
    }
}
