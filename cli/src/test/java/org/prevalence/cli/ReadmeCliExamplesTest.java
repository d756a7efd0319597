package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command line of the README runs: each {@code bin/prevalence ...} line of its {@code ```sh} blocks is
 * run in-process ({@link Prevalence#commandLine()}), in README order, in one fresh folder, and must exit 0.
 * Examples that write files ({@code datasets show NAME --format csv > FILE}, {@code datasets world DIR},
 * {@code printf '...' > FILE}) create the inputs of later ones, so a README example can only name a file that
 * ships with the project or that an earlier example writes.
 *
 * <p>How a line is run (in place of a shell): words are split as a shell does for plain, {@code "..."} and
 * {@code '...'} words; an unquoted {@code #} starts a comment; {@code > FILE} sends standard output to FILE;
 * a word that is a relative path (it contains {@code /} or ends in {@code .csv}, {@code .png}, {@code .svg} or
 * {@code .json}) is taken relative to the folder, as the shell's working directory; {@code demo} without
 * {@code --dir} gets {@code --dir} in the folder (its default is ./prevalence-demo). {@code printf} lines write
 * their text with {@code \n} as a new line. {@code mvn} lines are skipped; any other line fails the test.
 */
class ReadmeCliExamplesTest {
    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    /** @return the README at the project root (tests run in the cli module's folder) */
    static Path readme() {
        Path p = Path.of("..", "README.md");
        if (!Files.exists(p)) {
            p = Path.of("README.md");
        }
        assertTrue(Files.exists(p), "README.md not found from " + Path.of("").toAbsolutePath());
        return p;
    }

    /** @return the command lines of the README's sh blocks, in order */
    static List<String> shLines() throws IOException {
        String text = Files.readString(readme(), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        Matcher m = SH_BLOCK.matcher(text);
        while (m.find()) {
            for (String line : m.group(1).split("\\R")) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    /** Shell-like words of a line, up to an unquoted '#' comment. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"' || ch == '\'') {
                int end = line.indexOf(ch, i + 1);
                assertTrue(end > 0, "unclosed quote in README line: " + line);
                w.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (Character.isWhitespace(ch)) {
                if (inWord) {
                    out.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else if (ch == '#' && !inWord) {
                break;
            } else {
                w.append(ch);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(w.toString());
        }
        return out;
    }

    private String path(String word) {
        boolean isPath = !word.startsWith("-") && !word.startsWith("[")
                && (word.contains("/") || word.matches(".*\\.(csv|png|svg|json)"));
        return isPath && !Path.of(word).isAbsolute() ? dir.resolve(word).toString() : word;
    }

    @Test
    void everyReadmeCommandLineRunsOnShippedOrEarlierWrittenFiles() throws IOException {
        List<String> lines = shLines();
        List<String> failures = new ArrayList<>();
        int run = 0;
        for (String line : lines) {
            List<String> w = words(line);
            if (w.isEmpty() || w.get(0).equals("mvn")) {
                continue;
            }
            int redirect = w.indexOf(">");
            Path stdout = null;
            if (redirect >= 0) {
                assertEquals(redirect + 2, w.size(), "'> FILE' ends the line: " + line);
                stdout = Path.of(path(w.get(redirect + 1)));
                w = new ArrayList<>(w.subList(0, redirect));
            }
            if (w.get(0).equals("printf")) {
                assertEquals(2, w.size(), "printf 'TEXT' > FILE: " + line);
                assertTrue(stdout != null, "printf writes a file: " + line);
                Files.writeString(stdout, w.get(1).replace("\\n", "\n"), StandardCharsets.UTF_8);
                continue;
            }
            if (!w.get(0).equals("bin/prevalence")) {
                fail("README sh line that is neither bin/prevalence, printf nor mvn: " + line);
            }
            List<String> args = new ArrayList<>();
            for (String a : w.subList(1, w.size())) {
                args.add(path(a));
            }
            if (!args.isEmpty() && args.get(0).equals("demo") && !args.contains("--dir")) {
                args.add("--dir");
                args.add(dir.resolve("prevalence-demo").toString());
            }
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            run++;
            if (r.code() != 0) {
                failures.add(line + "\n    exit " + r.code() + ": " + r.err().strip());
            } else if (stdout != null) {
                Files.writeString(stdout, r.out(), StandardCharsets.UTF_8);
            }
        }
        assertTrue(run >= 15, "the README's command lines were found (" + run + ")");
        assertTrue(failures.isEmpty(), failures.size() + " README command line(s) failed:\n" + String.join("\n", failures));
    }

    @Test
    void wordsSplitLikeAShell() {
        assertEquals(List.of("bin/prevalence", "mse", "--model", "[12,3]", "x y"),
                words("bin/prevalence mse --model \"[12,3]\" 'x y'   # a comment"));
        assertEquals(List.of("printf", "a,b\\n1,2\\n", ">", "f.csv"), words("printf 'a,b\\n1,2\\n' > f.csv"));
    }
}
