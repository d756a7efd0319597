package org.prevalence.cli.badinput;

import static org.prevalence.cli.badinput.BadInput.on;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad command lines and bad output paths: unknown commands and options, missing or malformed option values,
 * output files that name a folder or a missing folder, folders that are files, and runs that fail after they
 * have begun writing. Each is refused with exit 2, one line naming the option or the path (plus one line
 * pointing at --help for usage errors), nothing on standard output and no file left behind.
 */
class CliBadInputTest {
    private static final String UK = "uk2013_5lists";

    static List<BadInput.Case> cases() {
        return List.of(
                // usage errors: one line + "see 'prevalence <cmd> --help'"
                on("unknown subcommand").args("frobnicate").expect("unknown command", "frobnicate"),
                on("unknown subcommand, close to one").args("msee", "--dataset", UK).expect("msee"),
                on("unknown option on mse").args("mse", "--dataset", UK, "--formt", "json").expect("--formt"),
                on("unknown option on survey").args("survey", "--dataset", "apistrat", "--mean", "api00",
                        "--wieghts", "pw").expect("--wieghts"),
                on("unknown option on datasets").args("datasets", "--all").expect("--all"),
                on("misspelt --help").args("mse", "--hepl").expect("--hepl"),
                on("unexpected second input file").file("a.csv", "A,B,count\n1,0,3\n0,1,4\n1,1,2\n")
                        .args("mse", "{dir}/a.csv", "{dir}/b.csv").expect("b.csv"),
                on("missing value of --seed").args("mse", "--dataset", UK, "--seed").expect("--seed"),
                on("missing value of --output").args("mse", "--dataset", UK, "--output").expect("--output"),
                on("missing value of --plot").args("mse", "--dataset", UK, "--plot").expect("--plot"),
                on("missing value of --dir").args("demo", "--dir").expect("--dir"),
                on("bad --format").args("mse", "--dataset", UK, "--format", "xml").expect("--format", "xml"),
                on("bad --format on datasets").args("datasets", "--format", "yaml").expect("--format", "yaml"),
                on("bad --plot-format").args("mse", "--dataset", UK, "--plot", "{dir}/p.png", "--plot-format", "gif")
                        .expect("--plot-format", "gif"),
                on("bad --plot-format on demo").args("demo", "--dir", "{dir}/demo", "--plot-format", "bmp")
                        .expect("--plot-format", "bmp"),
                on("--format given twice").args("mse", "--dataset", UK, "--format", "csv", "--format", "json")
                        .expect("--format"),
                on("--threads not a number").args("mse", "--dataset", UK, "--threads", "abc").expect("--threads", "abc"),
                on("--threads negative").args("mse", "--dataset", UK, "--threads", "-1").expect("--threads"),
                on("--threads not a number on demo").args("demo", "--dir", "{dir}/demo", "--threads", "two")
                        .expect("--threads", "two"),
                on("--seed not a number").args("mse", "--dataset", UK, "--seed", "x1").expect("--seed", "x1"),
                on("--seed a fraction on demo").args("demo", "--dir", "{dir}/demo", "--seed", "1.5").expect("--seed"),
                on("--level not a number").args("mse", "--dataset", UK, "--level", "high").expect("--level", "high"),
                on("--level above 1").args("survey", "--dataset", "apistrat", "--mean", "api00", "--level", "1.5")
                        .expect("--level", "between 0 and 1"),
                on("--level 0").args("mse", "--dataset", UK, "--level", "0").expect("--level"),
                on("--replicates not a number").args("mse", "--dataset", UK, "--interval", "bootstrap",
                        "--replicates", "many").expect("--replicates", "many"),
                on("--threads not a number on regional").args("regional", "cases", "{dir}/c.csv", "--threads", "x")
                        .expect("--threads"),
                // output paths, checked before any work
                on("--output a folder").file("sub/keep.txt", "x").args("mse", "--dataset", UK, "--output", "{dir}/sub")
                        .expect("--output", "sub", "is a folder"),
                on("--output in a missing folder").args("mse", "--dataset", UK, "--output", "{dir}/missing/out.csv")
                        .expect("--output", "missing", "does not exist"),
                on("--output below a file").file("a.csv", "x\n").args("mse", "--dataset", UK, "--output",
                        "{dir}/a.csv/out.csv").expect("--output", "a.csv", "not a folder"),
                on("--output a folder on survey").file("sub/keep.txt", "x").args("survey", "--dataset", "apistrat",
                        "--mean", "api00", "--output", "{dir}/sub").expect("--output", "sub"),
                on("--output a folder on regional").file("sub/keep.txt", "x").args("regional", "cases",
                        "{dir}/c.csv", "--output", "{dir}/sub").expect("--output", "sub"),
                on("--output a folder on datasets").file("sub/keep.txt", "x").args("datasets", "--output", "{dir}/sub")
                        .expect("--output", "sub"),
                on("--plot a folder").file("sub/keep.txt", "x").args("mse", "--dataset", UK, "--plot", "{dir}/sub")
                        .expect("--plot", "sub", "is a folder"),
                on("--plot in a missing folder").args("mse", "--dataset", UK, "--plot", "{dir}/nowhere/p.png")
                        .expect("--plot", "nowhere", "does not exist"),
                on("--plot a folder on survey").file("sub/keep.txt", "x").args("survey", "--dataset", "apistrat",
                        "--mean", "api00", "--plot", "{dir}/sub").expect("--plot", "sub"),
                on("--plot a folder on regional surveys").file("sub/keep.txt", "x").args("regional", "surveys",
                        "{dir}/n.csv", "--plot", "{dir}/sub").expect("--plot", "sub"),
                on("datasets world names a file").file("w.txt", "x").args("datasets", "world", "{dir}/w.txt")
                        .expect("w.txt", "not a folder"),
                on("datasets world below a file").file("w.txt", "x").args("datasets", "world", "{dir}/w.txt/sub")
                        .expect("w.txt", "not a folder"),
                on("demo --dir names a file").file("d.txt", "x").args("demo", "--dir", "{dir}/d.txt")
                        .expect("--dir", "d.txt", "not a folder"),
                on("demo --dir below a file").file("d.txt", "x").args("demo", "--dir", "{dir}/d.txt/plots")
                        .expect("--dir", "d.txt"),
                // datasets
                on("datasets show unknown").args("datasets", "show", "nosuchdata").expect("nosuchdata"),
                on("datasets show without a name").args("datasets", "show").expect("show", "name"),
                on("datasets world without a folder").args("datasets", "world").expect("world", "folder"),
                on("datasets unknown action").args("datasets", "frob").expect("frob"),
                // failing after writing began: nothing is left behind
                on("plot target turns out a folder after --output was written").file("p.png/keep.txt", "x")
                        .args("mse", "--dataset", UK, "--output", "{dir}/out.txt", "--plot", "{dir}/p")
                        .expect("--plot", "p.png", "is a folder"),
                on("world file turns out a folder after four were written").file("w/truth.csv/keep.txt", "x")
                        .args("datasets", "world", "{dir}/w").expect("truth.csv", "is a folder"),
                on("demo plot turns out a folder after the first was written")
                        .file("d/uk2013-bootstrap.png/keep.txt", "x").args("demo", "--dir", "{dir}/d")
                        .expect("uk2013-bootstrap.png", "is a folder"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refused(BadInput.Case c, @TempDir Path dir) {
        BadInput.assertRefused(c, dir);
    }
}
