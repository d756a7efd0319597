package org.prevalence.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.prevalence.core.Format;

/**
 * Writes a command's output: aligned text tables, tidy CSV or JSON, to standard output or to the
 * {@code --output} file. Formatting only; the numbers come from library results.
 */
final class Output {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Output() {
    }

    /** A text table: headers and rows of already formatted cells; numeric-looking cells are right-aligned. */
    static String table(List<String> headers, List<List<String>> rows) {
        int[] w = new int[headers.size()];
        for (int j = 0; j < w.length; j++) {
            w[j] = headers.get(j).length();
            for (List<String> r : rows) {
                w[j] = Math.max(w[j], r.get(j).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, headers, w, rows, true);
        StringBuilder rule = new StringBuilder();
        for (int j = 0; j < w.length; j++) {
            rule.append(j == 0 ? "" : "  ").append("-".repeat(w[j]));
        }
        sb.append(rule).append(System.lineSeparator());
        for (List<String> r : rows) {
            appendRow(sb, r, w, rows, false);
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> cells, int[] w, List<List<String>> rows,
                                  boolean header) {
        StringBuilder line = new StringBuilder();
        for (int j = 0; j < w.length; j++) {
            boolean right = numericColumn(rows, j);
            String c = cells.get(j);
            String pad = " ".repeat(w[j] - c.length());
            line.append(j == 0 ? "" : "  ").append(right ? pad + c : c + pad);
        }
        sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }

    private static boolean numericColumn(List<List<String>> rows, int j) {
        boolean any = false;
        for (List<String> r : rows) {
            String c = r.get(j);
            if (c.isEmpty() || c.equals("-")) {
                continue;
            }
            if (!c.matches("-?[0-9][0-9,]*(\\.[0-9]+)?(e-?[0-9]+)?%?")) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** Tidy CSV with RFC 4180 quoting. */
    static String csv(List<String> headers, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(csvLine(headers));
        for (List<String> r : rows) {
            sb.append(csvLine(r));
        }
        return sb.toString();
    }

    private static String csvLine(List<String> cells) {
        List<String> q = new ArrayList<>();
        for (String c : cells) {
            q.add(c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return String.join(",", q) + "\n";
    }

    /** JSON text of a tree of maps, lists, numbers and strings. */
    static String json(Object tree) {
        try {
            return JSON.writeValueAsString(tree) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A number for a table cell. */
    static String num(double x) {
        return Double.isNaN(x) ? "-" : Format.number(x);
    }

    /** A number for a CSV cell: full precision, plain. */
    static String raw(double x) {
        return Double.isNaN(x) ? "NA" : Double.toString(x);
    }

    /** A count for a table cell. */
    static String count(long n) {
        return Format.count(n);
    }

    /** Writes the text to the --output file, or to the command's standard output. */
    static void write(CommonOptions common, PrintWriter out, String text) {
        if (common != null && common.output != null) {
            try {
                Files.writeString(common.output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            out.print(text);
            out.flush();
        }
    }

    static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
