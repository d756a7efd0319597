package org.prevalence.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.prevalence.cli.Prevalence;
import picocli.CommandLine;

/**
 * The harness of the bad-input suite: one {@link Case} is a command line run on files written into a
 * fresh directory; {@link #assertRefused} checks the promise the CLI makes for bad input: exit code 2,
 * one line on standard error that starts with {@code prevalence: } and names the problem (every
 * expected word appears in it, case-insensitively), nothing on standard output, no stack trace, no
 * file written beside the inputs, and no secret (a personal value planted in the input) echoed.
 *
 * <p>In the arguments, {@code {dir}} stands for the case's directory.
 */
public final class BadInput {
    private BadInput() {
    }

    /** Output and exit code of one run. */
    public record Run(int code, String out, String err) {
    }

    /**
     * One bad-input case.
     *
     * @param name    what is wrong, for the test report
     * @param files   input files to write (name to content)
     * @param args    the command line ({@code {dir}} is replaced by the case's directory)
     * @param words   words the error line must contain (case-insensitive)
     * @param secrets values that must appear nowhere in the output (personal fields)
     */
    public record Case(String name, Map<String, String> files, List<String> args, List<String> words,
                       List<String> secrets) {
        @Override
        public String toString() {
            return name;
        }

        /** @return a copy with the given secrets (personal values that must not be echoed) */
        public Case secrets(String... s) {
            return new Case(name, files, args, words, List.of(s));
        }
    }

    /** A builder-style start: {@code on("name").file("a.csv", text).args("mse", "{dir}/a.csv").expect("row 3")}. */
    public static Builder on(String name) {
        return new Builder(name);
    }

    /** Collects one case. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> files = new LinkedHashMap<>();
        private List<String> args = List.of();

        Builder(String name) {
            this.name = name;
        }

        /** Adds an input file. */
        public Builder file(String fileName, String content) {
            files.put(fileName, content);
            return this;
        }

        /** Sets the command line. */
        public Builder args(String... a) {
            args = List.of(a);
            return this;
        }

        /** @return the case, whose error line must contain every word */
        public Case expect(String... words) {
            return new Case(name, Map.copyOf(files), args, List.of(words), List.of());
        }
    }

    /** Runs the command line in-process. */
    public static Run run(List<String> args) {
        CommandLine cl = Prevalence.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * Writes the case's files into {@code dir}, runs it and checks the promise.
     *
     * @param c   the case
     * @param dir an empty directory
     * @return the run, for further checks
     */
    public static Run assertRefused(Case c, Path dir) {
        try {
            for (Map.Entry<String, String> f : c.files().entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
            Set<String> before = listing(dir);
            List<String> args = new ArrayList<>();
            for (String a : c.args()) {
                args.add(a.replace("{dir}", dir.toString()));
            }
            Run r = run(args);
            String all = r.out() + r.err();
            assertEquals(2, r.code(), c.name() + ": exit code; stderr: " + r.err() + " stdout: " + r.out());
            assertTrue(r.err().startsWith("prevalence: "), c.name() + ": stderr starts with 'prevalence: ': " + r.err());
            long lines = r.err().strip().lines().filter(l -> !l.isBlank()).count();
            assertTrue(lines <= 2, c.name() + ": at most two lines on stderr (the message, and 'see --help'): " + r.err());
            String first = r.err().lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
            for (String w : c.words()) {
                assertTrue(first.contains(w.toLowerCase(Locale.ROOT)),
                        c.name() + ": the error names '" + w + "': " + r.err());
            }
            assertFalse(all.contains("\tat ") || all.contains("Exception:") || all.contains("internal error"),
                    c.name() + ": no stack trace or internal error: " + all);
            assertTrue(r.out().isBlank(), c.name() + ": nothing on standard output: " + r.out());
            for (String s : c.secrets()) {
                assertFalse(all.contains(s), c.name() + ": the personal value '" + s + "' is not echoed: " + all);
            }
            assertEquals(before, listing(dir), c.name() + ": no file written or removed");
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            Set<String> names = new TreeSet<>();
            s.forEach(p -> names.add(dir.relativize(p) + (Files.isDirectory(p) ? "/" : "") + ":" + p.toFile().length()));
            return names;
        }
    }
}
