package org.prevalence.cli;

import java.io.PrintWriter;
import org.prevalence.core.PrevalenceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code prevalence} command line: estimates of hidden populations from lists of known cases
 * and from household surveys. Every subcommand parses its arguments, builds library objects, calls
 * the library and prints the result; no statistic is computed here.
 */
@Command(name = "prevalence", mixinStandardHelpOptions = true, version = "prevalence 0.1.0-SNAPSHOT",
        description = "Estimate how many people are in forced labour, from lists of known cases "
                + "(multiple systems estimation) and from household surveys (design-based estimation).",
        subcommands = {MseCommand.class, SurveyCommand.class, RegionalCommand.class, DatasetsCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error (run again with --verbose for the stack trace)",
            "2:bad input or an estimate that cannot be made (the message names the row, column or term)"})
public final class Prevalence implements Runnable {
    /** Exit code for a problem the user can fix. */
    public static final int EXIT_USER = 2;
    /** Exit code for an internal error. */
    public static final int EXIT_INTERNAL = 1;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * @return a command line with Prevalence's exception handling: a {@link PrevalenceException}
     *     prints its message alone and exits 2; any other exception exits 1
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Prevalence());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            boolean verbose = parseResult.hasMatchedOption("--verbose")
                    || (parseResult.subcommand() != null && anyVerbose(parseResult));
            if (ex instanceof PrevalenceException pe) {
                err.println("prevalence: " + pe.cliMessage());
                if (verbose) {
                    err.println("  kind: " + pe.what() + (pe.where().isEmpty() ? "" : ", where: " + pe.where()));
                    ex.printStackTrace(err);
                }
                err.flush();
                return EXIT_USER;
            }
            err.println("prevalence: internal error: " + ex);
            if (verbose) {
                ex.printStackTrace(err);
            } else {
                err.println("  (run again with --verbose for the stack trace)");
            }
            err.flush();
            return EXIT_INTERNAL;
        });
        return cl;
    }

    private static boolean anyVerbose(CommandLine.ParseResult pr) {
        for (CommandLine.ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the command line.
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
