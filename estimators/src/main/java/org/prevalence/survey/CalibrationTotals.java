package org.prevalence.survey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.survey.Factor;
import tech.tablesaw.api.Table;

/**
 * Population totals of the calibration variables of {@link Calibration}: the population size (R's
 * {@code (Intercept)}), level counts of categorical variables and totals of numeric variables. The
 * model is R's {@code ~ var1 + var2 + ...} with treatment coding: a categorical variable gives one
 * column per level but the first (named variable + level, e.g. {@code stypeH}); its first-level
 * count, if given, is checked against the population size.
 *
 * <p>CSV layout (read with {@link #fromTable}): columns {@code variable,level,total}, e.g.
 * <pre>
 * variable,level,total
 * (Intercept),,6194
 * stype,E,4421
 * stype,H,755
 * stype,M,1018
 * api99,,3914069
 * </pre>
 * {@code (Intercept)} (or {@code N}) is the population size; a row with a level is a categorical
 * variable's level count; a row without level is a numeric variable's total.
 *
 * <p>This class is immutable.
 */
public final class CalibrationTotals {
    private final Double populationSize;
    private final Map<String, Map<String, Double>> factors;
    private final Map<String, Double> numerics;
    private final List<String> order;

    private CalibrationTotals(Double populationSize, Map<String, Map<String, Double>> factors,
                              Map<String, Double> numerics, List<String> order) {
        this.populationSize = populationSize;
        this.factors = factors;
        this.numerics = numerics;
        this.order = order;
    }

    /** @return the calibration variables (factors and numeric), in the order given */
    public List<String> variables() {
        return order;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Totals from one-variable margins (R's {@code calibrate(design, list(~a, ~b), list(popA, popB))}):
     * the population size is the margins' common total.
     * @param margins one-variable population counts
     * @return the totals
     * @throws PrevalenceException if the margins' totals differ (inconsistent margins)
     */
    public static CalibrationTotals fromMargins(List<PopulationCounts> margins) {
        Builder b = builder();
        Double n = null;
        for (PopulationCounts p : margins) {
            if (p.columns().size() != 1) {
                throw PrevalenceException.invalidArgument("margin " + p.columns(),
                        "calibration margins must be one variable each; cross the variables into one column");
            }
            double t = p.total();
            if (n != null && Math.abs(t - n) > 1e-6 * Math.max(1, Math.abs(n))) {
                throw PrevalenceException.invalidData("margin " + p.columns(),
                        "the population margins are inconsistent: %s sums to %s, the first margin to %s",
                        p.columns(), Format.number(t), Format.number(n));
            }
            n = n == null ? t : n;
            Map<String, Double> lv = new LinkedHashMap<>();
            p.counts().forEach((k, v) -> lv.put(k.get(0), v));
            b.factor(p.columns().get(0), lv);
        }
        if (n != null) {
            b.populationSize(n);
        }
        return b.build();
    }

    /**
     * Reads a {@code variable,level,total} table (see the class doc).
     * @param t the table
     * @return the totals
     */
    public static CalibrationTotals fromTable(Table t) {
        tech.tablesaw.columns.Column<?> variable = org.prevalence.core.io.Columns.column(t, "variable");
        tech.tablesaw.columns.Column<?> levels = org.prevalence.core.io.Columns.column(t, "level");
        org.prevalence.core.io.Columns.column(t, "total");
        Builder b = builder();
        Map<String, Map<String, Double>> lv = new LinkedHashMap<>();
        double[] totals = org.prevalence.core.io.Columns.numbers(t, "total"); // numbers by role: a text cell names its row
        for (int i = 0; i < t.rowCount(); i++) {
            String var = variable.getUnformattedString(i).trim();
            String level = levels.isMissing(i) ? "" : levels.getUnformattedString(i).trim();
            double total = totals[i];
            if (!Double.isFinite(total)) {
                throw PrevalenceException.invalidData(String.format(Locale.ROOT, "row %d, column 'total'", i + 1),
                        "calibration totals table '%s', row %d: total is missing or not finite", t.name(), i + 1);
            }
            if (var.equals("(Intercept)") || var.equalsIgnoreCase("N")) {
                b.populationSize(total);
            } else if (level.isEmpty()) {
                b.numeric(var, total);
            } else {
                lv.computeIfAbsent(var, k -> new LinkedHashMap<>()).put(PopulationCounts.normalize(level), total);
            }
        }
        lv.forEach(b::factor);
        return b.build();
    }

    /** The model matrix and population totals of a design (package-private). */
    static final class Model {
        final List<String> names;
        final double[] rows;
        final int q;
        final double[] totals;

        Model(List<String> names, double[] rows, double[] totals) {
            this.names = names;
            this.rows = rows;
            this.q = names.size();
            this.totals = totals;
        }
    }

    /**
     * The model matrix of the design's calibration variables (intercept first; a categorical variable
     * gives one indicator per sampled level but the first, as R's treatment contrasts) and its population
     * totals, checked against the sample.
     */
    Model model(SurveyDesign d) {
        ModelColumns acc = new ModelColumns(d.rows());
        double size = populationSize == null ? Double.NaN : populationSize;
        for (String var : order) {
            Map<String, Double> lv = factors.get(var);
            if (lv != null) {
                size = factorColumns(d, var, lv, size, acc);
            } else {
                double[] col = d.numeric(var);
                for (int i = 0; i < col.length; i++) {
                    if (Double.isNaN(col[i])) {
                        throw missingValue(i, var);
                    }
                }
                acc.add(var, col, numerics.get(var));
            }
        }
        if (Double.isNaN(size)) {
            throw PrevalenceException.invalidArgument("(Intercept)",
                    "give the population size ((Intercept) row), or all level counts of a categorical variable");
        }
        double[] one = new double[d.rows()];
        java.util.Arrays.fill(one, 1.0);
        acc.names.add(0, "(Intercept)");
        acc.cols.add(0, one);
        acc.totals.add(0, size);
        return acc.model();
    }

    /** The model's columns as they are collected, with their names and population totals. */
    private static final class ModelColumns {
        final int n;
        final List<String> names = new ArrayList<>();
        final List<double[]> cols = new ArrayList<>();
        final List<Double> totals = new ArrayList<>();

        ModelColumns(int n) {
            this.n = n;
        }

        void add(String name, double[] col, double total) {
            names.add(name);
            cols.add(col);
            totals.add(total);
        }

        /** @return the row-major model matrix and the totals */
        Model model() {
            int q = names.size();
            double[] rows = new double[n * q];
            double[] t = new double[q];
            for (int j = 0; j < q; j++) {
                double[] c = cols.get(j);
                for (int i = 0; i < n; i++) {
                    rows[i * q + j] = c[i];
                }
                t[j] = totals.get(j);
            }
            return new Model(List.copyOf(names), rows, t);
        }
    }

    private static PrevalenceException missingValue(int row, String var) {
        return PrevalenceException.invalidData(String.format(Locale.ROOT, "row %d, column '%s'", row + 1, var),
                "row %d, column '%s': missing value in a calibration variable", row + 1, var);
    }

    /**
     * Adds the indicator columns of a categorical variable's sampled levels (all but the first).
     * @return the population size, set from the level counts when they are all given and none was
     */
    private static double factorColumns(SurveyDesign d, String var, Map<String, Double> lv, double size, ModelColumns acc) {
        int n = d.rows();
        List<String> fl = new ArrayList<>();
        int[] codes = Cells.codes(d, var, fl);
        Factor f = new Factor(codes, fl);
        for (int i = 0; i < n; i++) {
            if (codes[i] < 0) {
                throw missingValue(i, var);
            }
        }
        int[] firstRow = new int[f.levelCount()];
        List<String> levels = sampledLevels(f, codes, firstRow);
        for (var e : lv.entrySet()) {
            if (e.getValue() > 0 && !levels.contains(e.getKey())) {
                throw PrevalenceException.invalidData("variable '" + var + "'",
                        "population level %s=%s (total %s) has no row in the sample; merge it with another level",
                        var, e.getKey(), Format.number(e.getValue()));
            }
        }
        double out = checkedSize(var, lv, levels, f, firstRow, size);
        for (int k = 1; k < levels.size(); k++) {
            int code = f.levels().indexOf(levels.get(k));
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = codes[i] == code ? 1 : 0;
            }
            acc.add(var + levels.get(k), col, lv.get(levels.get(k)));
        }
        return out;
    }

    /** @return the levels with rows, in level order; firstRow is filled with each level's first row */
    private static List<String> sampledLevels(Factor f, int[] codes, int[] firstRow) {
        boolean[] present = new boolean[f.levelCount()];
        for (int i = codes.length - 1; i >= 0; i--) {
            present[codes[i]] = true;
            firstRow[codes[i]] = i;
        }
        List<String> levels = new ArrayList<>();
        for (int k = 0; k < f.levelCount(); k++) {
            if (present[k]) {
                levels.add(f.levels().get(k));
            }
        }
        return levels;
    }

    /**
     * Every sampled level but the first needs a total; when all have one, their sum is the population size
     * (or must equal the one given).
     */
    private static double checkedSize(String var, Map<String, Double> lv, List<String> levels, Factor f,
                                      int[] firstRow, double size) {
        double sum = 0;
        boolean all = true;
        for (int k = 0; k < levels.size(); k++) {
            Double v = lv.get(levels.get(k));
            if (v == null) {
                all = false;
                if (k > 0) {
                    int code = f.levels().indexOf(levels.get(k));
                    throw PrevalenceException.invalidData("variable '" + var + "'",
                            "the calibration totals have no total for %s=%s, which is in the sample (row %d); "
                                    + "add it to the population totals", var, levels.get(k), firstRow[code] + 1);
                }
            } else {
                sum += v;
            }
        }
        if (!all) {
            return size;
        }
        if (Double.isNaN(size)) {
            return sum;
        }
        if (Math.abs(sum - size) > 1e-6 * Math.max(1, Math.abs(size))) {
            throw PrevalenceException.invalidData("variable '" + var + "'",
                    "the population totals are inconsistent: the levels of '%s' sum to %s but the population "
                            + "size is %s", var, Format.number(sum), Format.number(size));
        }
        return size;
    }

    @Override
    public String toString() {
        return "CalibrationTotals[N=" + populationSize + ", factors " + factors + ", numeric " + numerics + "]";
    }

    /** Builds {@link CalibrationTotals}; variables keep the order they are added in. */
    public static final class Builder {
        private Double size;
        private final Map<String, Map<String, Double>> factors = new LinkedHashMap<>();
        private final Map<String, Double> numerics = new LinkedHashMap<>();
        private final List<String> order = new ArrayList<>();

        private Builder() {
        }

        /** @param n the population size (R's {@code (Intercept)}) @return this builder */
        public Builder populationSize(double n) {
            if (!(n > 0 && n < Double.POSITIVE_INFINITY)) {
                throw PrevalenceException.invalidArgument("(Intercept)", "population size must be finite and > 0, got %s", n);
            }
            size = n;
            return this;
        }

        /**
         * @param variable a categorical variable
         * @param levelCounts level -&gt; population count (all levels, or all but the first)
         * @return this builder
         */
        public Builder factor(String variable, Map<String, ? extends Number> levelCounts) {
            Map<String, Double> m = new LinkedHashMap<>();
            levelCounts.forEach((k, v) -> m.put(k, v.doubleValue()));
            add(variable);
            factors.put(variable, Collections.unmodifiableMap(m));
            return this;
        }

        /** @param variable a numeric variable @param total its population total @return this builder */
        public Builder numeric(String variable, double total) {
            add(variable);
            numerics.put(variable, total);
            return this;
        }

        private void add(String v) {
            Objects.requireNonNull(v, "variable");
            if (order.contains(v)) {
                throw PrevalenceException.invalidArgument("variable '" + v + "'", "variable '%s' given twice", v);
            }
            order.add(v);
        }

        /** @return the totals */
        public CalibrationTotals build() {
            return new CalibrationTotals(size, Map.copyOf(factors), Map.copyOf(numerics), List.copyOf(order));
        }
    }
}
