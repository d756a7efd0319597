package org.prevalence.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
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
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error (run again with --verbose for the stack trace)",
            "2:bad input or an estimate that cannot be made (the message names the row, column or term)"})
public final class Prevalence implements Runnable {
    /** Exit code for a problem the user can fix. */
    public static final int EXIT_USER = 2;
    /** Exit code for an internal error. */
    public static final int EXIT_INTERNAL = 1;

    /**
     * The subcommands, in the order {@code --help} lists them, then picocli's {@code help}. They are registered by
     * {@link #commandLine(String)}: only the one a run names (building a subcommand's model costs start-up time).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(MseCommand.class, SurveyCommand.class, RegionalCommand.class,
            DatasetsCommand.class, DemoCommand.class, LinkCommand.class, RdsCommand.class, NsumCommand.class,
            SimulateCommand.class, CompareCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * @return a command line with Prevalence's error handling. A usage error (unknown command or option,
     *     missing or malformed option value) prints one line {@code prevalence: <problem>} and one line
     *     {@code see 'prevalence <command> --help'}, and exits 2. A {@link PrevalenceException} or an I/O error
     *     (a file that cannot be read or written) prints one line naming the problem and exits 2. Any other
     *     exception is an internal error: exit 1, one line with the exception's type and place but not its
     *     message (which may quote input values; {@code --verbose} prints it with the stack trace). Files
     *     the command writes are staged ({@link OutputFiles}) and put in place only when it exits 0.
     */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * @param first the run's first argument, or {@code null}: if it names a subcommand, only that subcommand is
     *     registered (the run cannot reach another); otherwise all are, as {@link #commandLine()}
     * @return the command line, with the error handling of {@link #commandLine()}
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new Prevalence());
        boolean named = SUBCOMMANDS.stream().anyMatch(c -> c.getAnnotation(Command.class).name().equals(first));
        for (Class<?> c : SUBCOMMANDS) {
            if (!named || c.getAnnotation(Command.class).name().equals(first)) {
                cl.addSubcommand(c);
            }
        }
        cl.addSubcommand(CommandLine.HelpCommand.class);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Prevalence::usageError);
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parseResult -> {
            try (OutputFiles files = OutputFiles.begin()) {
                int code = run.execute(parseResult);
                if (code == 0) {
                    try {
                        files.commit();
                    } catch (PrevalenceException e) {
                        throw new CommandLine.ExecutionException(parseResult.commandSpec().commandLine(),
                                e.getMessage(), e);
                    }
                }
                return code;
            }
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            boolean verbose = parseResult != null && (parseResult.hasMatchedOption("--verbose")
                    || (parseResult.subcommand() != null && anyVerbose(parseResult)));
            Throwable io = ioCause(ex);
            if (ex instanceof PrevalenceException pe) {
                err.println("prevalence: " + oneLine(pe.cliMessage()));
                if (verbose) {
                    err.println("  kind: " + pe.what() + (pe.where().isEmpty() ? "" : ", where: " + pe.where()));
                    ex.printStackTrace(err);
                }
                err.flush();
                return EXIT_USER;
            }
            if (io != null) {
                err.println("prevalence: " + ioMessage(io));
                if (verbose) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return EXIT_USER;
            }
            StackTraceElement at = ex.getStackTrace().length == 0 ? null : ex.getStackTrace()[0];
            err.println("prevalence: internal error: " + ex.getClass().getName()
                    + (at == null ? "" : " at " + at.getClassName() + "." + at.getMethodName() + ":" + at.getLineNumber())
                    + (verbose ? "" : " (run again with --verbose for the details)"));
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return EXIT_INTERNAL;
        });
        return cl;
    }

    /** A usage error: one line naming the problem, one line pointing at the command's help; exit 2. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = ex.getMessage() == null ? "invalid command line" : ex.getMessage();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            boolean command = !first.startsWith("-") && !cmd.getSubcommands().isEmpty()
                    && cmd.getCommandSpec().positionalParameters().isEmpty();
            if (command) {
                message = "Unknown command '" + first + "'; the commands are "
                        + String.join(", ", cmd.getSubcommands().keySet().stream().filter(k -> !k.equals("help")).toList());
            } else if (first.startsWith("-")) {
                message = "Unknown option: '" + first + "'";
            } else {
                message = "Unexpected argument '" + first + "'";
            }
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += " (did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size())))
                        + "?)";
            }
        }
        err.println("prevalence: " + oneLine(message));
        err.println("see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return EXIT_USER;
    }

    /** @return the message on one line (picocli and wrapped exceptions sometimes span lines) */
    static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private static Throwable ioCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return t;
            }
        }
        return null;
    }

    /** The file and the system's reason, never the file's content. */
    private static String ioMessage(Throwable io) {
        if (io instanceof NoSuchFileException f) {
            return "Cannot read '" + f.getFile() + "': no such file";
        }
        if (io instanceof AccessDeniedException f) {
            return "Cannot open '" + f.getFile() + "': permission denied";
        }
        if (io instanceof FileSystemException f) {
            return "Cannot use '" + f.getFile() + "'" + (f.getReason() == null ? "" : ": " + f.getReason());
        }
        if (io instanceof FileNotFoundException) {
            return "Cannot open a file: " + io.getMessage();
        }
        return "Input/output error: " + io.getClass().getSimpleName();
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
        System.exit(commandLine(args.length > 0 ? args[0] : null).execute(args));
    }
}
