package org.prevalence.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.prevalence.core.Format;

/**
 * Writes a command's output: aligned text tables, tidy CSV or JSON, to standard output or to the
 * {@code --output} file. Formatting only; the numbers come from library results.
 *
 * <p>No format uses E-notation: CSV and JSON numbers are the shortest decimal that reads back as the
 * same double ({@link Double#toString}), written out in plain digits ({@link BigDecimal#toPlainString});
 * a JSON number that is not finite is {@code null}; CSV writes {@code NA}, {@code Inf}, {@code -Inf}.
 */
final class Output {
    /** The JSON writer, made on first use (a holder class), so that a table or CSV run loads no Jackson class. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .registerModule(new SimpleModule("plain-numbers")
                        .addSerializer(Double.class, new PlainDouble())
                        .addSerializer(double.class, new PlainDouble())
                        .addSerializer(Float.class, new PlainFloat())
                        .addSerializer(float.class, new PlainFloat()));
    }

    /** Jackson: a double in plain digits, {@code null} when not finite. */
    private static final class PlainDouble extends JsonSerializer<Double> {
        @Override
        public void serialize(Double x, JsonGenerator g, SerializerProvider p) throws IOException {
            if (x == null || !Double.isFinite(x)) {
                g.writeNull();
            } else {
                g.writeNumber(plain(x));
            }
        }
    }

    /** Jackson: a float in plain digits, {@code null} when not finite. */
    private static final class PlainFloat extends JsonSerializer<Float> {
        @Override
        public void serialize(Float x, JsonGenerator g, SerializerProvider p) throws IOException {
            if (x == null || !Float.isFinite(x)) {
                g.writeNull();
            } else {
                g.writeNumber(new BigDecimal(Float.toString(x)).toPlainString());
            }
        }
    }

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
            return Json.MAPPER.writeValueAsString(tree) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * A number for a table cell: {@link Format#number} (thousands separators, 7 significant digits), except
     * that values below 1e-4 or from 1e15 on, which it writes in E-notation, are written in plain digits.
     */
    static String num(double x) {
        if (Double.isNaN(x)) {
            return "-";
        }
        double ax = Math.abs(x);
        if (Double.isFinite(x) && x != 0 && ax < 1e-4) {
            return new BigDecimal(x).round(new MathContext(7)).stripTrailingZeros().toPlainString();
        }
        if (Double.isFinite(x) && ax >= 1e15) {
            return new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
                    .format(new BigDecimal(x).round(new MathContext(7)));
        }
        return Format.number(x);
    }

    /** A number for a CSV cell: full precision (the shortest text that reads back as the same double), plain digits. */
    static String raw(double x) {
        if (Double.isNaN(x)) {
            return "NA";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        return plain(x);
    }

    /** @return x in plain digits: {@code BigDecimal.valueOf(x).toPlainString()} ("10000000.0" rather than "1.0E7") */
    static String plain(double x) {
        String s = BigDecimal.valueOf(x).toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    /** A count for a table cell. */
    static String count(long n) {
        return Format.count(n);
    }

    /** Writes the text to the --output file, or to the command's standard output. */
    static void write(CommonOptions common, PrintWriter out, String text) {
        if (common != null && common.output != null) {
            OutputFiles.write(common.output, "--output", out2 -> out2.write(text.getBytes(StandardCharsets.UTF_8)));
        } else {
            out.print(text);
            out.flush();
        }
    }

    static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
