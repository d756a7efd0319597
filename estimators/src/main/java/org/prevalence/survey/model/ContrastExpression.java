package org.prevalence.survey.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.prevalence.core.PrevalenceException;

/**
 * A smooth function of named estimates written as R writes it, for nonlinear contrasts by the delta
 * method (R's {@code svycontrast(stat, quote(log(a) - log(b)))}): numbers, names (letters, digits,
 * {@code .} and {@code _}, or any text in backquotes, e.g. {@code `(Intercept)`}), {@code + - * / ^},
 * unary minus, parentheses and the functions {@code log}, {@code exp}, {@code sqrt}. Precedence as R:
 * {@code ^} (right-associative) binds tighter than unary minus, which binds tighter than {@code * /},
 * then {@code + -}. The value and its gradient are computed together by the derivative rules of each
 * operation (sum, product, quotient \( (u/v)' = (u'v - uv')/v^2 \), power
 * \( (u^c)' = c u^{c-1} u' \), and in general \( (u^v)' = u^v(v' \log u + v u'/u) \),
 * \( \log' = u'/u \), \( \exp' = e^u u' \), \( \sqrt{u}' = u'/(2\sqrt u) \)), the exact derivatives R's
 * {@code deriv()} forms symbolically. This class is immutable.
 */
public final class ContrastExpression {
    private final Node root;
    private final String text;
    private final List<String> names;

    private ContrastExpression(Node root, String text, List<String> names) {
        this.root = root;
        this.text = text;
        this.names = names;
    }

    /**
     * @param text e.g. {@code "stypeH/stypeM"}, {@code "log(a) - log(b)"}
     * @return the parsed expression
     * @throws PrevalenceException naming the position of a syntax error
     */
    public static ContrastExpression parse(String text) {
        Parser p = new Parser(text);
        Node n = p.expr();
        p.skip();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return new ContrastExpression(n, text, List.copyOf(p.names));
    }

    /** @return the names the expression uses, in order of first appearance */
    public List<String> names() {
        return names;
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * @param names the names of the estimates
     * @param values their values
     * @return {value, d/d values[0], d/d values[1], ...}
     * @throws PrevalenceException naming a name not among {@code names}
     */
    double[] evaluate(List<String> names, double[] values) {
        for (String n : this.names) {
            if (!names.contains(n)) {
                throw PrevalenceException.invalidArgument("coefficient '" + n + "'", "the contrast %s names '%s', which "
                        + "is not among the estimates %s", text, n, names);
            }
        }
        Dual d = root.eval(names, values);
        double[] out = new double[values.length + 1];
        out[0] = d.v;
        System.arraycopy(d.g, 0, out, 1, values.length);
        return out;
    }

    /** A value with its gradient. */
    private static final class Dual {
        final double v;
        final double[] g;

        Dual(double v, double[] g) {
            this.v = v;
            this.g = g;
        }

        static Dual of(double v, Dual u, double du) { // f(u) with f'(u) = du
            double[] g = new double[u.g.length];
            for (int k = 0; k < g.length; k++) {
                g[k] = du * u.g[k];
            }
            return new Dual(v, g);
        }

        static Dual of(double v, Dual a, double da, Dual b, double db) { // f(a, b) with partials da, db
            double[] g = new double[a.g.length];
            for (int k = 0; k < g.length; k++) {
                g[k] = da * a.g[k] + db * b.g[k];
            }
            return new Dual(v, g);
        }
    }

    private interface Node {
        Dual eval(List<String> names, double[] values);

        default boolean constant() {
            return false;
        }
    }

    private static final class Parser {
        final String s;
        int pos;
        final Set<String> names = new LinkedHashSet<>();

        Parser(String s) {
            this.s = s;
        }

        PrevalenceException error(String what) {
            return PrevalenceException.invalidArgument("contrast", "the expression \"%s\": %s at position %d", s, what,
                    pos + 1);
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(char c) {
            skip();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        Node expr() {
            Node left = term();
            while (true) {
                if (eat('+')) {
                    Node a = left;
                    Node b = term();
                    left = (nm, x) -> {
                        Dual u = a.eval(nm, x);
                        Dual v = b.eval(nm, x);
                        return Dual.of(u.v + v.v, u, 1, v, 1);
                    };
                } else if (eat('-')) {
                    Node a = left;
                    Node b = term();
                    left = (nm, x) -> {
                        Dual u = a.eval(nm, x);
                        Dual v = b.eval(nm, x);
                        return Dual.of(u.v - v.v, u, 1, v, -1);
                    };
                } else {
                    return left;
                }
            }
        }

        Node term() {
            Node left = unary();
            while (true) {
                if (eat('*')) {
                    Node a = left;
                    Node b = unary();
                    left = (nm, x) -> {
                        Dual u = a.eval(nm, x);
                        Dual v = b.eval(nm, x);
                        return Dual.of(u.v * v.v, u, v.v, v, u.v);
                    };
                } else if (eat('/')) {
                    Node a = left;
                    Node b = unary();
                    left = (nm, x) -> {
                        Dual u = a.eval(nm, x);
                        Dual v = b.eval(nm, x);
                        return Dual.of(u.v / v.v, u, 1 / v.v, v, -u.v / (v.v * v.v));
                    };
                } else {
                    return left;
                }
            }
        }

        Node unary() {
            if (eat('-')) {
                Node a = unary();
                return (nm, x) -> {
                    Dual u = a.eval(nm, x);
                    return Dual.of(-u.v, u, -1);
                };
            }
            if (eat('+')) {
                return unary();
            }
            return power();
        }

        Node power() {
            Node base = primary();
            if (!eat('^')) {
                return base;
            }
            Node e = unary(); // right-associative; a^-1 allowed
            if (e.constant()) {
                return (nm, x) -> {
                    Dual u = base.eval(nm, x);
                    double c = e.eval(nm, x).v;
                    return Dual.of(Math.pow(u.v, c), u, c * Math.pow(u.v, c - 1));
                };
            }
            return (nm, x) -> {
                Dual u = base.eval(nm, x);
                Dual v = e.eval(nm, x);
                double val = Math.pow(u.v, v.v);
                return Dual.of(val, u, v.v * Math.pow(u.v, v.v - 1), v, val * Math.log(u.v));
            };
        }

        Node primary() {
            skip();
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node n = expr();
                if (!eat(')')) {
                    throw error("missing ')'");
                }
                return n;
            }
            if (Character.isDigit(c) || (c == '.' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1)))) {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                    pos++;
                    if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                        pos++;
                    }
                    while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                        pos++;
                    }
                }
                double v;
                try {
                    v = Double.parseDouble(s.substring(start, pos));
                } catch (NumberFormatException e) {
                    throw error("bad number '" + s.substring(start, pos) + "'");
                }
                return new Node() {
                    @Override
                    public Dual eval(List<String> nm, double[] x) {
                        return new Dual(v, new double[x.length]);
                    }

                    @Override
                    public boolean constant() {
                        return true;
                    }
                };
            }
            String name;
            boolean quoted = c == '`';
            if (quoted) {
                int e = s.indexOf('`', pos + 1);
                if (e < 0) {
                    throw error("unclosed backquote");
                }
                name = s.substring(pos + 1, e);
                pos = e + 1;
            } else if (Character.isLetter(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.'
                        || s.charAt(pos) == '_')) {
                    pos++;
                }
                name = s.substring(start, pos);
            } else {
                throw error("unexpected '" + c + "'");
            }
            if (!quoted && eat('(')) {
                Node a = expr();
                if (!eat(')')) {
                    throw error("missing ')'");
                }
                switch (name.toLowerCase(Locale.ROOT)) {
                    case "log":
                        return (nm, x) -> {
                            Dual u = a.eval(nm, x);
                            return Dual.of(Math.log(u.v), u, 1 / u.v);
                        };
                    case "exp":
                        return (nm, x) -> {
                            Dual u = a.eval(nm, x);
                            double e = Math.exp(u.v);
                            return Dual.of(e, u, e);
                        };
                    case "sqrt":
                        return (nm, x) -> {
                            Dual u = a.eval(nm, x);
                            double r = Math.sqrt(u.v);
                            return Dual.of(r, u, 0.5 / r);
                        };
                    default:
                        throw error("unknown function '" + name + "' (use log, exp, sqrt)");
                }
            }
            names.add(name);
            String n = name;
            return (nm, x) -> {
                double[] g = new double[x.length];
                int k = nm.indexOf(n);
                g[k] = 1;
                return new Dual(x[k], g);
            };
        }
    }
}
