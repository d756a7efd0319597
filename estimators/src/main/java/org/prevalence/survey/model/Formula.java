package org.prevalence.survey.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.prevalence.core.PrevalenceException;

/**
 * A model formula as R writes it, the small subset survey models need:
 * {@code y ~ a + b + a:b}, {@code a*b} (= {@code a + b + a:b}), {@code 0 +} or {@code - 1} (no
 * intercept), and {@code offset(x)} or {@code offset(log(x))}. Names are column names
 * ({@code [A-Za-z0-9._]}, or any text in backquotes). Terms are kept as R's {@code terms()}: duplicates
 * dropped, ordered by their number of variables (main effects first, then two-way interactions ...),
 * in order of appearance within one order; the variables of an interaction are ordered by their
 * first appearance in the formula (so {@code b:a} after {@code a + b} is the term {@code a:b}).
 *
 * @param response the response column
 * @param terms the terms, each a list of variable names (an interaction has two or more)
 * @param intercept whether the model has an intercept
 * @param offsets the offset columns, each with whether its log is taken
 * @param text the formula as given
 */
public record Formula(String response, List<List<String>> terms, boolean intercept, List<Offset> offsets,
                      String text) {
    /**
     * An offset term.
     * @param column the column
     * @param log whether the offset is {@code log(column)}
     */
    public record Offset(String column, boolean log) {
    }

    /** Copies the lists. */
    public Formula {
        List<List<String>> t = new ArrayList<>();
        for (List<String> term : terms) {
            t.add(List.copyOf(term));
        }
        terms = Collections.unmodifiableList(t);
        offsets = List.copyOf(offsets);
    }

    /**
     * @param text e.g. {@code "fl ~ sector + sex + age"}
     * @return the parsed formula
     * @throws PrevalenceException naming the position of a syntax error
     */
    public static Formula parse(String text) {
        return new Parser(text).formula();
    }

    /** @return the term labels as R's {@code attr(terms(f), "term.labels")}, e.g. {@code "ell:stype"} */
    public List<String> termLabels() {
        List<String> out = new ArrayList<>();
        for (List<String> t : terms) {
            out.add(String.join(":", t));
        }
        return out;
    }

    /** @return every column the model reads: response, term variables, offsets (in order of appearance) */
    public List<String> columns() {
        Set<String> s = new LinkedHashSet<>();
        s.add(response);
        for (List<String> t : terms) {
            s.addAll(t);
        }
        for (Offset o : offsets) {
            s.add(o.column());
        }
        return List.copyOf(s);
    }

    /**
     * @param drop term labels to leave out (as {@link #termLabels()}, variables of an interaction in any order)
     * @param add terms to append (each a list of variables), or none
     * @return the formula with those terms removed and added, its text rebuilt as R prints it
     */
    public Formula update(List<String> drop, List<List<String>> add) {
        List<List<String>> t = new ArrayList<>();
        for (List<String> term : terms) {
            List<String> sorted = new ArrayList<>(term);
            Collections.sort(sorted);
            boolean keep = true;
            for (String d : drop) {
                List<String> dv = new ArrayList<>(List.of(d.trim().split("\\s*:\\s*")));
                Collections.sort(dv);
                keep &= !dv.equals(sorted);
            }
            if (keep) {
                t.add(term);
            }
        }
        t.addAll(add);
        StringBuilder sb = new StringBuilder(response).append(" ~ ");
        List<String> parts = new ArrayList<>();
        if (!intercept) {
            parts.add("0");
        }
        for (List<String> term : t) {
            parts.add(String.join(":", term));
        }
        for (Offset o : offsets) {
            parts.add(o.log() ? "offset(log(" + o.column() + "))" : "offset(" + o.column() + ")");
        }
        if (parts.isEmpty()) {
            parts.add("1");
        }
        sb.append(String.join(" + ", parts));
        return new Formula(response, t, intercept, offsets, sb.toString());
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String s;
        private int pos;
        private final List<String> order = new ArrayList<>();

        Parser(String s) {
            if (s == null || s.isBlank()) {
                throw PrevalenceException.invalidArgument("formula", "the model formula is empty; write e.g. \"y ~ a + b\"");
            }
            this.s = s;
        }

        private PrevalenceException error(String what) {
            return PrevalenceException.invalidArgument("formula", "formula \"%s\", at character %d: %s", s, pos + 1, what);
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private boolean eat(char c) {
            skip();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private String name() {
            skip();
            if (pos < s.length() && s.charAt(pos) == '`') {
                int end = s.indexOf('`', pos + 1);
                if (end < 0) {
                    throw error("unclosed backquote");
                }
                String n = s.substring(pos + 1, end);
                pos = end + 1;
                return n;
            }
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.'
                    || s.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error(pos < s.length() ? "unexpected '" + s.charAt(pos) + "'" : "a term is missing at the end");
            }
            return s.substring(start, pos);
        }

        private void see(String v) {
            if (!order.contains(v)) {
                order.add(v);
            }
        }

        Formula formula() {
            String response = name();
            see(response);
            if (!eat('~')) {
                throw error("expected '~' after the response");
            }
            boolean intercept = true;
            List<List<String>> raw = new ArrayList<>();
            List<Offset> offsets = new ArrayList<>();
            boolean minus = false;
            while (true) {
                String first = name();
                if (first.equals("0") || first.equals("1")) {
                    boolean one = first.equals("1");
                    intercept = minus ? !one && intercept : one;
                    if (minus && !one) {
                        throw error("'- 0' is not a model term");
                    }
                } else if (first.equals("offset") && peek('(')) {
                    if (minus) {
                        throw error("an offset cannot be removed");
                    }
                    eat('(');
                    String inner = name();
                    boolean log = false;
                    if (inner.equals("log") && peek('(')) {
                        eat('(');
                        inner = name();
                        log = true;
                        expect(')');
                    }
                    expect(')');
                    see(inner);
                    offsets.add(new Offset(inner, log));
                } else {
                    if (minus) {
                        throw error("only '- 1' (no intercept) can be subtracted");
                    }
                    if (peek('(')) {
                        throw error("function '" + first + "(' is not supported; compute the column beforehand");
                    }
                    // product := group ('*' group)*, group := name (':' name)*; ':' binds tighter (R)
                    List<List<String>> groups = new ArrayList<>();
                    List<String> group = new ArrayList<>(List.of(first));
                    see(first);
                    while (true) {
                        if (eat(':')) {
                            String v = name();
                            see(v);
                            group.add(v);
                        } else if (eat('*')) {
                            groups.add(group);
                            String v = name();
                            see(v);
                            group = new ArrayList<>(List.of(v));
                        } else {
                            break;
                        }
                    }
                    groups.add(group);
                    List<List<String>> product = new ArrayList<>();
                    for (int mask = 1; mask < (1 << groups.size()); mask++) { // a*b: a, b, a:b
                        List<String> t = new ArrayList<>();
                        for (int g = 0; g < groups.size(); g++) {
                            if ((mask & (1 << g)) != 0) {
                                t.addAll(groups.get(g));
                            }
                        }
                        product.add(t);
                    }
                    raw.addAll(product);
                }
                skip();
                if (pos >= s.length()) {
                    break;
                }
                if (eat('+')) {
                    minus = false;
                } else if (eat('-')) {
                    minus = true;
                } else {
                    throw error("expected '+', ':' or '*'");
                }
            }
            return new Formula(response, canonical(raw, response), intercept, offsets, s);
        }

        private boolean peek(char c) {
            skip();
            return pos < s.length() && s.charAt(pos) == c;
        }

        private void expect(char c) {
            if (!eat(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private List<List<String>> canonical(List<List<String>> raw, String response) {
            List<List<String>> sorted = new ArrayList<>();
            for (List<String> t : raw) {
                List<String> u = new ArrayList<>(new LinkedHashSet<>(t));
                if (u.contains(response)) {
                    throw PrevalenceException.invalidArgument("formula",
                            "formula \"%s\": the response '%s' is also a model term", s, response);
                }
                u.sort((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)));
                if (!sorted.contains(u)) {
                    sorted.add(u);
                }
            }
            List<List<String>> out = new ArrayList<>();
            int max = sorted.stream().mapToInt(List::size).max().orElse(0);
            for (int k = 1; k <= max; k++) {
                for (List<String> t : sorted) {
                    if (t.size() == k) {
                        out.add(t);
                    }
                }
            }
            if (out.isEmpty() && !sorted.isEmpty()) {
                throw error("no terms");
            }
            return out;
        }
    }

    /** @return the formula as text with its parsed terms, for messages */
    String describe() {
        return String.format(Locale.ROOT, "%s ~ %s%s", response, intercept ? "1 + " : "0 + ", String.join(" + ", termLabels()));
    }
}
