package org.prevalence.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.engine.duckdb.PumsLike;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prevalence datasets pums DIR --rows N --format parquet|csv --seed S}: a seeded PUMS-like person file. */
@Command(name = "pums", mixinStandardHelpOptions = true,
        header = "Write a seeded, ACS-PUMS-shaped person file (synthetic) with 80 SDR replicate weights.",
        description = {"Writes DIR/pums.parquet (or pums.csv): STRATUM, PSU, the person weight PWGTP, 80 "
                + "successive-difference replicate weights PWGTP1..PWGTP80 (Fay and Train 1995, as the ACS), a 0/1 "
                + "employed, AGEP, SEX, AGEGRP, REGION and WAGP. The same seed gives the same file.",
            "Example:",
            "  prevalence datasets pums data --rows 1000000 --format parquet --seed 1",
            "  prevalence survey data/pums.parquet --weights PWGTP --replicate-type sdr --replicate-weights PWGTP "
                + "--mse --total employed --by REGION --engine duckdb"})
final class PumsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to write pums.parquet or pums.csv into.")
    Path dir;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "100000", description = "Persons (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--format", paramLabel = "parquet|csv", defaultValue = "parquet",
            description = "File format: parquet (default) or csv.")
    String format;

    @Option(names = "--seed", defaultValue = "" + Bootstrap.DEFAULT_SEED, description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "DuckDB threads for the final write (0 = all cores).")
    int threads;

    @Override
    public Integer call() {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("parquet") && !f.equals("csv")) {
            throw PrevalenceException.invalidArgument("--format", "--format is parquet or csv, got '%s'", format);
        }
        if (threads < 0) {
            throw PrevalenceException.invalidArgument("--threads", "--threads must be >= 0 (0 = all cores), got %d",
                    threads);
        }
        String problem = OutputFiles.folderProblem(dir);
        if (problem != null) {
            throw OutputFiles.cannot("the PUMS-like file to", dir, problem);
        }
        OutputFiles.folder(dir, "the PUMS-like file to");
        PumsLike p = PumsLike.of(rows, seed);
        Path file = dir.resolve("pums." + f);
        p.write(file, threads);
        spec.commandLine().getOut().println(p + " written to " + file.toAbsolutePath());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
