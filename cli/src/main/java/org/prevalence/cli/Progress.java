package org.prevalence.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error for long work (bootstraps, Monte Carlo, exhaustive searches),
 * shown only when standard error is a terminal; otherwise every call does nothing. Never writes to
 * standard output, so JSON and CSV output stay clean.
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * @param task the task's name
     * @param total the number of steps
     * @return a progress bar, silent unless standard error is a terminal
     */
    static Progress start(String task, long total) {
        if (!stderrIsTerminal()) {
            return new Progress(null);
        }
        ProgressBar b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(200).continuousUpdate().build();
        return new Progress(b);
    }

    /** Advances by one step (thread-safe). */
    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    /** @return whether a bar is shown */
    boolean visible() {
        return bar != null;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /** Standard error is a terminal when /proc/self/fd/2 links to a tty (Linux); else when a console exists. */
    static boolean stderrIsTerminal() {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
            String t = target.toString();
            return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
