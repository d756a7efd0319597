package org.prevalence.cli;

import java.nio.file.Path;
import org.knowm.xchart.internal.chartpart.Chart;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code --plot FILE} and {@code --plot-format} options shared by the estimating commands (a picocli mixin). */
final class PlotOptions {
    @Option(names = "--plot", paramLabel = "FILE",
            description = "Also draw the command's chart (see its description) to FILE.")
    Path file;

    @Option(names = "--plot-format", defaultValue = "png", description = "png or svg (default ${DEFAULT-VALUE}).")
    Plots.PlotFormat format = Plots.PlotFormat.png;

    /** @return whether a chart was asked for */
    boolean wanted() {
        return file != null;
    }

    /** Saves the chart and says where on the command's standard error. */
    void save(Chart<?, ?> chart, CommandSpec spec) {
        Path p = Plots.save(chart, file, format);
        spec.commandLine().getErr().println("plot written to " + p.toAbsolutePath());
    }
}
