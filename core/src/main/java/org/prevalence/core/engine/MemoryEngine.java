package org.prevalence.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;

/**
 * The in-JVM aggregation engine over primitive arrays (the columns the CLI reads today): one pass
 * over the rows per request, in row order, single-threaded (so every figure is the same on every
 * run). Columns are given to {@link #builder(int)}: numbers ({@code double[]}, NaN missing),
 * logicals (0/1, NaN missing) and text (codes into levels, -1 missing). The arrays are kept, not
 * copied: the caller must not change them while the engine is used.
 *
 * <p>This class is immutable (given unchanged arrays) and thread-safe.
 */
public final class MemoryEngine implements AggregationEngine {
    private final int rows;
    private final Map<String, ColumnType> types;
    private final Map<String, double[]> numbers;
    private final Map<String, int[]> codes;
    private final Map<String, List<String>> levels;

    private MemoryEngine(Builder b) {
        this.rows = b.rows;
        this.types = Collections.unmodifiableMap(new LinkedHashMap<>(b.types));
        this.numbers = Map.copyOf(b.numbers);
        this.codes = Map.copyOf(b.codes);
        this.levels = Map.copyOf(b.levels);
    }

    /**
     * @param rows the number of rows of every column
     * @return a builder
     */
    public static Builder builder(int rows) {
        if (rows < 0) {
            throw PrevalenceException.invalidArgument("rows", "rows must be >= 0, got %d", rows);
        }
        return new Builder(rows);
    }

    /** Collects the columns of a {@link MemoryEngine}. */
    public static final class Builder {
        private final int rows;
        private final Map<String, ColumnType> types = new LinkedHashMap<>();
        private final Map<String, double[]> numbers = new HashMap<>();
        private final Map<String, int[]> codes = new HashMap<>();
        private final Map<String, List<String>> levels = new HashMap<>();

        private Builder(int rows) {
            this.rows = rows;
        }

        private void name(String name, int length) {
            Objects.requireNonNull(name, "name");
            if (types.containsKey(name)) {
                throw PrevalenceException.invalidArgument("column '" + name + "'", "column '%s' is given twice", name);
            }
            if (length != rows) {
                throw PrevalenceException.invalidArgument("column '" + name + "'",
                        "column '%s' has %d values for %d rows", name, length, rows);
            }
        }

        /**
         * @param name the column name
         * @param values its values, NaN missing (kept, not copied)
         * @return this builder
         */
        public Builder numeric(String name, double[] values) {
            name(name, values.length);
            types.put(name, ColumnType.NUMBER);
            numbers.put(name, values);
            return this;
        }

        /**
         * @param name the column name
         * @param values 0/1, NaN missing (kept, not copied)
         * @return this builder
         */
        public Builder logical(String name, double[] values) {
            name(name, values.length);
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i]) && values[i] != 0 && values[i] != 1) {
                    throw PrevalenceException.invalidData("column '" + name + "'",
                            "row %d, column '%s': a logical value must be 0 or 1, got %s", i + 1, name, values[i]);
                }
            }
            types.put(name, ColumnType.LOGICAL);
            numbers.put(name, values);
            return this;
        }

        /**
         * @param name the column name
         * @param rowCodes per row, an index into {@code levelNames} or -1 for missing (kept, not copied)
         * @param levelNames the level texts
         * @return this builder
         */
        public Builder text(String name, int[] rowCodes, List<String> levelNames) {
            name(name, rowCodes.length);
            List<String> lv = List.copyOf(levelNames);
            for (int i = 0; i < rowCodes.length; i++) {
                if (rowCodes[i] < -1 || rowCodes[i] >= lv.size()) {
                    throw PrevalenceException.invalidArgument("column '" + name + "'",
                            "row %d, column '%s': code %d is not a level index", i + 1, name, rowCodes[i]);
                }
            }
            types.put(name, ColumnType.TEXT);
            codes.put(name, rowCodes);
            levels.put(name, lv);
            return this;
        }

        /** @return the engine */
        public MemoryEngine build() {
            return new MemoryEngine(this);
        }
    }

    /** @return {@code "memory"} */
    @Override
    public String name() {
        return "memory";
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public Map<String, ColumnType> columns() {
        return types;
    }

    @Override
    public void close() {
        // nothing held
    }

    private double[] numeric(String name, String role) {
        ColumnType t = EngineErrors.requireColumn(name, types);
        if (t == ColumnType.TEXT) {
            throw EngineErrors.notNumeric(name, role);
        }
        return numbers.get(name);
    }

    /** Per-row group codes of the group columns (missing = -1) and each column's key labels. */
    private final class Keyer {
        final int[][] code;
        final List<List<String>> label = new ArrayList<>();

        Keyer(List<String> groups) {
            code = new int[groups.size()][];
            for (int g = 0; g < groups.size(); g++) {
                String name = groups.get(g);
                ColumnType t = EngineErrors.requireColumn(name, types);
                if (t == ColumnType.TEXT) {
                    int[] c = codes.get(name);
                    List<String> lv = levels.get(name);
                    int[] out = new int[rows];
                    for (int i = 0; i < rows; i++) {
                        out[i] = c[i] < 0 || lv.get(c[i]).isEmpty() ? -1 : c[i];
                    }
                    code[g] = out;
                    label.add(lv);
                } else {
                    double[] v = numbers.get(name);
                    Map<String, Integer> seen = new HashMap<>();
                    List<String> lv = new ArrayList<>();
                    int[] out = new int[rows];
                    for (int i = 0; i < rows; i++) {
                        if (Double.isNaN(v[i])) {
                            out[i] = -1;
                            continue;
                        }
                        String s = t == ColumnType.LOGICAL ? (v[i] == 1 ? "true" : "false") : Keys.label(v[i]);
                        Integer k = seen.get(s);
                        if (k == null) {
                            k = lv.size();
                            seen.put(s, k);
                            lv.add(s);
                        }
                        out[i] = k;
                    }
                    code[g] = out;
                    label.add(lv);
                }
            }
        }

        /** @return the row's group key, or null when a key is missing */
        List<Integer> key(int i) {
            List<Integer> k = new ArrayList<>(code.length);
            for (int[] c : code) {
                if (c[i] < 0) {
                    return null;
                }
                k.add(c[i]);
            }
            return k;
        }

        List<String> labels(List<Integer> key) {
            List<String> s = new ArrayList<>(key.size());
            for (int g = 0; g < key.size(); g++) {
                s.add(label.get(g).get(key.get(g)));
            }
            return s;
        }
    }

    @Override
    public GroupedSums sums(SumRequest request) {
        Objects.requireNonNull(request, "request");
        Keyer keyer = new Keyer(request.groups());
        int nw = request.weights().size();
        int nt = request.terms().size();
        double[][] w = new double[nw][];
        for (int r = 0; r < nw; r++) {
            w[r] = numeric(request.weights().get(r), "weight");
        }
        double[][][] t = new double[nt][][];
        for (int j = 0; j < nt; j++) {
            List<String> cols = request.terms().get(j).columns();
            t[j] = new double[cols.size()][];
            for (int c = 0; c < cols.size(); c++) {
                t[j][c] = numeric(cols.get(c), "term");
            }
        }
        double[][] miss = new double[request.missingColumns().size()][];
        for (int c = 0; c < miss.length; c++) {
            miss[c] = numeric(request.missingColumns().get(c), "term");
        }
        int cells = nw == 0 ? nt : nw * nt;
        Map<List<Integer>, double[]> acc = new LinkedHashMap<>();
        Map<List<Integer>, long[]> cnt = new HashMap<>();
        double[] tv = new double[nt];
        for (int i = 0; i < rows; i++) {
            List<Integer> key = keyer.key(i);
            if (key == null) {
                continue;
            }
            double[] a = acc.computeIfAbsent(key, k -> new double[cells]);
            long[] n = cnt.computeIfAbsent(key, k -> new long[2]);
            boolean complete = true;
            for (double[] m : miss) {
                if (Double.isNaN(m[i])) {
                    complete = false;
                    break;
                }
            }
            if (!complete) {
                n[1]++;
                continue;
            }
            n[0]++;
            for (int j = 0; j < nt; j++) {
                double p = 1;
                for (double[] col : t[j]) {
                    p *= col[i];
                }
                tv[j] = p;
            }
            if (nw == 0) {
                for (int j = 0; j < nt; j++) {
                    a[j] += tv[j];
                }
            } else {
                for (int r = 0; r < nw; r++) {
                    double wr = w[r][i];
                    int base = r * nt;
                    for (int j = 0; j < nt; j++) {
                        a[base + j] += wr * tv[j];
                    }
                }
            }
        }
        List<GroupedSums.Group> groups = new ArrayList<>(acc.size());
        for (Map.Entry<List<Integer>, double[]> e : acc.entrySet()) {
            long[] n = cnt.get(e.getKey());
            groups.add(new GroupedSums.Group(keyer.labels(e.getKey()), n[0], n[1], e.getValue()));
        }
        List<GroupedSums.WeightCheck> checks = new ArrayList<>(nw);
        for (int r = 0; r < nw; r++) {
            double min = Double.NaN;
            double max = Double.NaN;
            long missing = 0;
            for (double x : w[r]) {
                if (Double.isNaN(x)) {
                    missing++;
                } else {
                    min = Double.isNaN(min) ? x : Math.min(min, x);
                    max = Double.isNaN(max) ? x : Math.max(max, x);
                }
            }
            checks.add(new GroupedSums.WeightCheck(request.weights().get(r), min, max, missing));
        }
        return new GroupedSums(request, groups, checks);
    }

    @Override
    public IrlsStep irls(IrlsRequest request) {
        Objects.requireNonNull(request, "request");
        int p = request.parameters();
        int q = request.covariates().size();
        double[][] x = new double[q][];
        for (int j = 0; j < q; j++) {
            x[j] = numeric(request.covariates().get(j), "covariate");
        }
        double[] y = numeric(request.response(), "response");
        double[] off = request.offset() == null ? null : numeric(request.offset(), "offset");
        double[] w = request.weight() == null ? null : numeric(request.weight(), "weight");
        Keyer keyer = new Keyer(request.scoreGroups());
        double[] beta = request.beta();
        GlmKind kind = request.kind();
        double[][] a = new double[p][p];
        double[] u = new double[p];
        double dev = 0;
        long used = 0;
        long missing = 0;
        Map<List<Integer>, double[]> scores = new LinkedHashMap<>();
        double[] xi = new double[p];
        int c0 = request.intercept() ? 1 : 0;
        for (int i = 0; i < rows; i++) {
            boolean ok = !Double.isNaN(y[i]) && (off == null || !Double.isNaN(off[i])) && (w == null || !Double.isNaN(w[i]));
            for (int j = 0; j < q && ok; j++) {
                ok = !Double.isNaN(x[j][i]);
            }
            if (!ok) {
                missing++;
                continue;
            }
            used++;
            if (c0 == 1) {
                xi[0] = 1;
            }
            for (int j = 0; j < q; j++) {
                xi[c0 + j] = x[j][i];
            }
            double o = off == null ? 0 : off[i];
            double wi = w == null ? 1 : w[i];
            double eta;
            double mu;
            if (beta == null) {
                mu = kind.start(y[i]);
                eta = kind.link(mu);
            } else {
                eta = o;
                for (int j = 0; j < p; j++) {
                    eta += xi[j] * beta[j];
                }
                mu = kind.mean(eta);
            }
            double d = kind.derivative(eta, mu);
            double v = kind.variance(mu);
            double wt = wi * d * d / v;
            // start pass: W z with z = eta - o + (y - mu)/mu'; else the score w mu' (y - mu)/V
            double r = beta == null ? wt * (eta - o + (y[i] - mu) / d) : wi * d * (y[i] - mu) / v;
            for (int j = 0; j < p; j++) {
                double wx = wt * xi[j];
                for (int l = j; l < p; l++) {
                    a[j][l] += wx * xi[l];
                }
                u[j] += r * xi[j];
            }
            dev += wi * kind.unitDeviance(y[i], mu);
            if (!request.scoreGroups().isEmpty()) {
                List<Integer> key = keyer.key(i);
                if (key != null) {
                    double[] s = scores.computeIfAbsent(key, k -> new double[p]);
                    for (int j = 0; j < p; j++) {
                        s[j] += r * xi[j];
                    }
                }
            }
        }
        for (int j = 0; j < p; j++) {
            for (int l = 0; l < j; l++) {
                a[j][l] = a[l][j];
            }
        }
        Map<List<String>, double[]> g = new LinkedHashMap<>();
        scores.forEach((k, s) -> g.put(keyer.labels(k), s));
        return new IrlsStep(a, u, dev, used, missing, g);
    }

    @Override
    public String toString() {
        return "MemoryEngine[" + rows + " rows, " + types.size() + " columns]";
    }
}
