package org.prevalence.cli.html;

import java.util.ArrayList;
import java.util.List;
import org.prevalence.core.Format;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;

/**
 * One self-contained HTML page: inline CSS, inline SVG, no script and no network. Numbers are written one way,
 * with {@link Format#number} for a single figure and {@link Format#column} for a table column (thousands
 * separators, the same decimals in every cell of a column). A figure that {@code --format json} also writes
 * carries its JSON path in {@code data-json} so a test can read it back. Rendering only: no arithmetic on results.
 */
public final class Html {
    private static final String CSS = String.join("\n",
            "*{box-sizing:border-box}",
            "body{font:15px/1.45 -apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1b1b1b;margin:0;"
                    + "background:#fff}",
            "main{max-width:1100px;margin:0 auto;padding:24px 32px}",
            "h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:28px 0 8px;border-bottom:2px solid #d9d9d9;"
                    + "padding-bottom:4px}h3{font-size:16px;margin:18px 0 6px}",
            "p.sub{color:#555;margin:0 0 16px}",
            "table{border-collapse:collapse;width:100%;margin:8px 0 12px;font-size:14px}",
            "th,td{border-bottom:1px solid #e3e3e3;padding:4px 8px;text-align:left;vertical-align:top;"
                    + "overflow-wrap:anywhere}",
            "th{background:#f3f5f8;font-weight:600;overflow-wrap:normal}",
            "td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}th.n{text-align:right}"
                    + "td.w{white-space:nowrap}",
            "tr.sel td{background:#fff7dd;font-weight:600}",
            ".headline{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0 16px}",
            ".fig{border:1px solid #d9d9d9;border-radius:6px;padding:10px 14px;min-width:180px}",
            ".fig .v{font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}.fig .k{color:#555;font-size:13px}",
            "svg{display:block;width:100%;height:auto;max-width:100%}",
            "figure{margin:8px 0 16px}figcaption{color:#555;font-size:13px}",
            ".ok{color:#17663a}.warning{color:#8a5a00}.bad{color:#a4161a}",
            "ul.warn li{margin:4px 0}code,pre{font-family:ui-monospace,Consolas,monospace;font-size:13px}",
            "pre{background:#f6f8fa;padding:8px 10px;white-space:pre-wrap;overflow-wrap:anywhere}",
            "footer{color:#666;font-size:12px;margin-top:32px}",
            "@media print{main{max-width:none;padding:0}figure,table,.headline{break-inside:avoid}"
                    + "h2{break-after:avoid}}");

    private final StringBuilder body = new StringBuilder();
    private final String title;

    /** @param title the page title (escaped) */
    public Html(String title) {
        this.title = title;
    }

    /** @return text with {@code & < > " '} escaped */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** @return a single figure as the reports write it: {@link Format#number}, "-" for none */
    public static String num(Double x) {
        return x == null || !Double.isFinite(x) ? "-" : Format.number(x);
    }

    /** @return a count with thousands separators */
    public static String count(long n) {
        return Format.count(n);
    }

    /** @return a column of figures in one style ({@link Format#column}), "-" for none */
    public static List<String> column(List<Double> xs) {
        List<Double> finite = new ArrayList<>();
        for (Double x : xs) {
            if (x != null && Double.isFinite(x)) {
                finite.add(x);
            }
        }
        double[] a = finite.stream().mapToDouble(Double::doubleValue).toArray();
        List<String> f = Format.column(a);
        List<String> out = new ArrayList<>();
        int j = 0;
        for (Double x : xs) {
            out.add(x != null && Double.isFinite(x) ? f.get(j++) : "-");
        }
        return out;
    }

    /** @return the CSS class of a status */
    public static String statusClass(Status s) {
        return switch (s) {
            case OK -> "ok";
            case WARNING, PRIOR_DRIVEN, DEGENERATE -> "warning";
            default -> "bad";
        };
    }

    /** Appends raw HTML (already escaped). */
    public Html raw(String html) {
        body.append(html).append('\n');
        return this;
    }

    /** Appends a heading. */
    public Html h(int level, String text) {
        return raw("<h" + level + ">" + esc(text) + "</h" + level + ">");
    }

    /** Appends a paragraph of text. */
    public Html p(String text) {
        return raw("<p>" + esc(text) + "</p>");
    }

    /** Appends a figure box of the headline: a value (with its JSON path, or {@code null}) and its label. */
    public static String fig(String label, String value, String jsonPath) {
        return "<div class=\"fig\"><div class=\"v\"" + (jsonPath == null ? "" : " data-json=\"" + esc(jsonPath) + "\"")
                + ">" + esc(value) + "</div><div class=\"k\">" + esc(label) + "</div></div>";
    }

    /** Appends an SVG figure with its caption. */
    public Html figure(String svg, String caption) {
        return raw("<figure>" + svg + "<figcaption>" + esc(caption) + "</figcaption></figure>");
    }

    /** Appends a list of warnings, each with its kind and reason; "none" if there is none. */
    public Html warnings(List<Warning> ws, String none) {
        if (ws.isEmpty()) {
            return raw("<p class=\"ok\">" + esc(none) + "</p>");
        }
        StringBuilder b = new StringBuilder("<ul class=\"warn\">");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Warning w : ws) {
            if (!seen.add(w.kind() + "\u0000" + w.message())) {
                continue; // the same warning from several methods is listed once
            }
            b.append("<li><b>").append(esc(w.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')))
                    .append("</b>: ").append(esc(w.message())).append("</li>");
        }
        return raw(b.append("</ul>").toString());
    }

    /** @return the whole page */
    public String page(String subtitle) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + "</title><style>" + CSS + "</style></head><body><main>\n"
                + "<h1>" + esc(title) + "</h1><p class=\"sub\">" + esc(subtitle) + "</p>\n" + body
                + "<footer>Written by " + esc(version()) + ". Self-contained: inline CSS and SVG, no script, "
                + "no network.</footer>\n</main></body></html>\n";
    }

    /** @return the body so far (for a page that joins several reports) */
    public String body() {
        return body.toString();
    }

    /** @return the CLI's version string, as {@code prevalence --version} prints it */
    public static String version() {
        picocli.CommandLine.Command c = org.prevalence.cli.Prevalence.class.getAnnotation(picocli.CommandLine.Command.class);
        return c == null || c.version().length == 0 ? "prevalence" : c.version()[0];
    }

    /** A table: headers, then rows of cells; a numeric column's cells are right-aligned. */
    public static final class Table {
        private final List<String> headers;
        private final boolean[] numeric;
        private final boolean[] nowrap;
        private final List<String> rows = new ArrayList<>();

        /**
         * @param headers the headers; a header starting with {@code #} is a numeric column, one starting with
         *     {@code !} a column that does not wrap (the mark is dropped)
         */
        public Table(String... headers) {
            this.headers = new ArrayList<>();
            this.numeric = new boolean[headers.length];
            this.nowrap = new boolean[headers.length];
            for (int j = 0; j < headers.length; j++) {
                numeric[j] = headers[j].startsWith("#");
                nowrap[j] = headers[j].startsWith("!");
                this.headers.add(numeric[j] || nowrap[j] ? headers[j].substring(1) : headers[j]);
            }
        }

        /**
         * @param cssClass the row's class, or {@code null}
         * @param cells the cells as {@link Cell}s or plain strings
         * @return this table
         */
        public Table row(String cssClass, Object... cells) {
            StringBuilder b = new StringBuilder("<tr" + (cssClass == null ? "" : " class=\"" + cssClass + "\"") + ">");
            for (int j = 0; j < cells.length; j++) {
                Cell c = cells[j] instanceof Cell x ? x : Cell.of(String.valueOf(cells[j] == null ? "-" : cells[j]),
                        null);
                b.append("<td").append(numeric[j] ? " class=\"n\"" : nowrap[j] ? " class=\"w\"" : "");
                if (c.value() != null) {
                    b.append(' ').append(c.attr()).append("=\"").append(esc(c.value())).append('"');
                }
                if (c.css() != null) {
                    b.append(" style=\"").append(c.css()).append('"');
                }
                b.append('>').append(esc(c.text())).append("</td>");
            }
            rows.add(b.append("</tr>").toString());
            return this;
        }

        /** @return the table's HTML */
        public String html() {
            StringBuilder b = new StringBuilder("<table><thead><tr>");
            for (int j = 0; j < headers.size(); j++) {
                b.append(numeric[j] ? "<th class=\"n\">" : "<th>").append(esc(headers.get(j))).append("</th>");
            }
            b.append("</tr></thead><tbody>");
            rows.forEach(b::append);
            return b.append("</tbody></table>").toString();
        }
    }

    /**
     * A cell: its text, an attribute naming where the figure it shows is in the JSON ({@code data-json} for the
     * command's own JSON, {@code data-compare} for {@code --compare}'s; {@code null} value for none), an inline
     * style (or {@code null}).
     */
    public record Cell(String text, String attr, String value, String css) {
        /** @return a cell showing a figure found at a path of the command's JSON ({@code null}: none) */
        public static Cell of(String text, String json) {
            return new Cell(text, "data-json", json, null);
        }

        /** @return a plain cell with an inline style */
        public static Cell styled(String text, String css) {
            return new Cell(text, "data-json", null, css);
        }
    }
}
