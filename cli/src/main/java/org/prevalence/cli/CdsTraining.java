package org.prevalence.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The training run of the launcher's class-data archive ({@code bin/prevalence} runs it once per jar build under
 * {@code -XX:ArchiveClassesAtExit}): the everyday commands in one JVM, output discarded, so that the archive holds
 * the classes each of them loads (picocli's model, the list and survey estimators, the readers, the table and JSON
 * writers). Not a user command.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    /**
     * @param args one argument: a folder for the small survey file it reads
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        Path survey = dir.resolve("train.csv");
        Files.writeString(survey, "s,p,w,y\nA,1,1.5,2\nA,2,2.5,3\nB,3,1,4\nB,4,2,5\n");
        String[][] runs = {
            {"mse", "--dataset", "uk2013_5lists", "--closed-models"},
            {"mse", "--dataset", "uk2013_5lists", "--select", "stepwise"},
            {"mse", "--dataset", "uk2013_5lists", "--select", "stepwise", "--format", "json"},
            {"mse", "--dataset", "uk2013_5lists", "--model", "main", "--format", "csv"},
            {"survey", survey.toString(), "--strata", "s", "--cluster", "p", "--weights", "w", "--mean", "y"},
            {"datasets"},
        };
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        for (String[] run : runs) {
            CommandLine cl = Prevalence.commandLine();
            cl.setOut(nowhere);
            cl.setErr(nowhere);
            cl.execute(run);
        }
    }
}
