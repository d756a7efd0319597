package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of the README runs as written in {@code bin/prevalence-jshell}: JShell's DEFAULT imports,
 * the start-up script {@code notebooks/startup.jsh} and then every {@code ```java} block, in README order, are fed to a JShell
 * (with the test class path) line by line, as the JShell tool reads them: a line is evaluated as soon as the
 * text so far is a complete snippet (so a call continued on a line that starts with {@code .with...} breaks,
 * as it would in JShell). The test fails on any snippet JShell rejects or does not define (an undefined
 * variable or type) and on any exception.
 */
class ReadmeJavaSnippetsTest {
    /** The imports of JShell's DEFAULT start-up script, which bin/prevalence-jshell loads before its own. */
    private static final String DEFAULT_STARTUP = String.join("\n", "import java.io.*;", "import java.math.*;",
            "import java.net.*;", "import java.nio.file.*;", "import java.util.*;", "import java.util.concurrent.*;",
            "import java.util.function.*;", "import java.util.prefs.*;", "import java.util.regex.*;",
            "import java.util.stream.*;");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    /** The test class path as files (surefire may pass it in the manifest of a single booter jar). */
    static List<String> classPath() throws IOException {
        List<String> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.isBlank()) {
                continue;
            }
            out.add(e);
            if (e.endsWith(".jar") && Path.of(e).getFileName().toString().startsWith("surefirebooter")) {
                try (JarFile jar = new JarFile(e)) {
                    Manifest mf = jar.getManifest();
                    String cp = mf == null ? null : mf.getMainAttributes().getValue("Class-Path");
                    if (cp != null) {
                        for (String u : cp.trim().split("\\s+")) {
                            out.add(Path.of(URI.create(u)).toString());
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyReadmeJavaSnippetRunsInJShellAfterTheStartupScript() throws IOException {
        Path readme = ReadmeCliExamplesTest.readme();
        Path startup = readme.resolveSibling("notebooks").resolve("startup.jsh");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(text);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertTrue(blocks.size() >= 3, "the README's java blocks were found (" + blocks.size() + ")");
        List<String> failures = new ArrayList<>();
        int[] evaluated = {0};
        try (JShell js = JShell.builder().remoteVMOptions("-Djava.awt.headless=true").build()) {
            for (String entry : classPath()) {
                js.addToClasspath(entry);
            }
            run(js, "JShell's DEFAULT start-up", DEFAULT_STARTUP, failures, evaluated);
            run(js, "notebooks/startup.jsh", Files.readString(startup, StandardCharsets.UTF_8), failures, evaluated);
            for (int b = 0; b < blocks.size(); b++) {
                run(js, "README java block " + (b + 1), blocks.get(b), failures, evaluated);
            }
        }
        assertTrue(evaluated[0] >= 15, "snippets evaluated: " + evaluated[0]);
        assertTrue(failures.isEmpty(), failures.size() + " snippet(s) failed:\n" + String.join("\n", failures));
    }

    /** Feeds the text line by line, evaluating each complete snippet as the JShell tool does. */
    private static void run(JShell js, String where, String text, List<String> failures, int[] evaluated) {
        SourceCodeAnalysis sca = js.sourceCodeAnalysis();
        StringBuilder pending = new StringBuilder();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            pending.append(lines[i]).append('\n');
            while (pending.length() > 0) {
                SourceCodeAnalysis.CompletionInfo ci = sca.analyzeCompletion(pending.toString());
                if (ci.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    pending.setLength(0);
                    break;
                }
                if (!ci.completeness().isComplete()) {
                    break;
                }
                evaluated[0]++;
                check(js, where + ", line " + (i + 1), ci.source(), js.eval(ci.source()), failures);
                String rest = ci.remaining();
                pending.setLength(0);
                pending.append(rest);
                if (rest.isBlank()) {
                    pending.setLength(0);
                }
            }
        }
        if (!pending.toString().isBlank()) {
            failures.add(where + ": incomplete at the end: " + pending.toString().strip());
        }
    }

    private static void check(JShell js, String where, String source, List<SnippetEvent> events, List<String> failures) {
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue; // an update of an earlier snippet (a variable declared again), not this one
            }
            if (e.status() != Snippet.Status.VALID) {
                String diags = js.diagnostics(e.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
                String unresolved = e.snippet() instanceof jdk.jshell.DeclarationSnippet ds
                        ? js.unresolvedDependencies(ds).collect(Collectors.joining(", ")) : "";
                failures.add(where + ": " + e.status() + " " + source.strip() + (diags.isEmpty() ? "" : " -- " + diags)
                        + (unresolved.isEmpty() ? "" : " -- unresolved: " + unresolved));
            }
            if (e.exception() != null) {
                failures.add(where + ": exception " + e.exception() + " in " + source.strip());
            }
        }
    }
}
