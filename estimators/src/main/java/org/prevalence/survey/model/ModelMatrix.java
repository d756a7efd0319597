package org.prevalence.survey.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.survey.Factor;
import org.prevalence.survey.InfluenceVariance;
import org.prevalence.survey.MissingValues;
import org.prevalence.survey.SurveyDesign;

/**
 * The model matrix of a {@link Formula} on a design, as R's {@code model.matrix} with treatment
 * contrasts (package-private). A text variable is a factor of its sorted levels (unused levels
 * dropped, as {@code model.frame(drop.unused.levels=TRUE)}); its first level is the reference. A
 * factor in a term is coded by contrasts (levels 2..L) when the term without it is already in the
 * model (the intercept counting as the empty term), else by indicators of every level (R's rule, so
 * {@code y ~ 0 + f} has one column per level). Within an interaction, the first variable varies
 * fastest, and columns are named as R: {@code stypeH}, {@code ell:stypeM}.
 */
final class ModelMatrix {
    final String[] names;
    /** term index of each column (-1 for the intercept), as R's {@code assign} minus 1 */
    final int[] assign;
    /** [column][row] over all design rows (0 on rows not used) */
    final double[][] x;
    final double[] y;
    /** the summed offsets [row], or null for a model without offsets */
    final double[] offset;
    final boolean[] used;
    final int usedCount;
    final long dropped;
    /** What each column multiplies: per column, its variables and, for a factor, the level (null for a numeric variable). */
    final Column[] spec;
    /** The levels of each factor variable in the rows used (the reference first). */
    final java.util.Map<String, List<String>> levels;

    /**
     * One column of the matrix as a product over its variables: a numeric variable's value, or the
     * indicator that a factor takes the level; the intercept has no variables (package-private).
     * @param variables the variable names
     * @param levels per variable, the level (factor) or null (numeric)
     */
    record Column(List<String> variables, List<String> levels) {
    }

    private ModelMatrix(String[] names, int[] assign, double[][] x, double[] y, double[] offset, boolean[] used,
                        int usedCount, long dropped, Column[] spec, java.util.Map<String, List<String>> levels) {
        this.spec = spec;
        this.levels = levels;
        this.names = names;
        this.assign = assign;
        this.x = x;
        this.y = y;
        this.offset = offset;
        this.used = used;
        this.usedCount = usedCount;
        this.dropped = dropped;
    }

    /** One variable as the matrix needs it: numeric values, or factor codes with the used levels. */
    private static final class Var {
        final String name;
        final double[] values;
        final int[] codes;
        final List<String> levels;

        Var(String name, double[] values, int[] codes, List<String> levels) {
            this.name = name;
            this.values = values;
            this.codes = codes;
            this.levels = levels;
        }

        boolean missing(int i) {
            return codes != null ? codes[i] < 0 : Double.isNaN(values[i]);
        }
    }

    static ModelMatrix of(SurveyDesign d, Formula f, GlmFamily family, MissingValues mv) {
        InfluenceVariance iv = InfluenceVariance.of(d);
        int n = d.rows();
        List<String> columns = f.columns();
        List<Var> vars = new ArrayList<>();
        for (String c : columns) {
            if (!iv.isNumeric(c) && !iv.isCategorical(c)) {
                throw PrevalenceException.invalidArgument("column '" + c + "'",
                        "the formula \"%s\" names column '%s', which is not in the data", f.text(), c);
            }
            if (iv.isCategorical(c)) {
                Factor fa = d.factor(c);
                vars.add(new Var(c, null, fa.codes(), fa.levels()));
            } else {
                vars.add(new Var(c, iv.numericShared(c), null, null)); // shared, never written
            }
        }
        boolean[] used = new boolean[n];
        java.util.Arrays.fill(used, true);
        for (Var v : vars) { // column by column (a fused pass over primitive arrays)
            if (v.codes != null) {
                int[] c = v.codes;
                for (int i = 0; i < n; i++) {
                    used[i] &= c[i] >= 0;
                }
            } else {
                double[] x = v.values;
                for (int i = 0; i < n; i++) {
                    used[i] &= !Double.isNaN(x[i]);
                }
            }
        }
        int usedCount = 0;
        for (int i = 0; i < n; i++) {
            if (used[i]) {
                usedCount++;
            } else if (mv == MissingValues.FAIL) {
                for (Var v : vars) {
                    if (v.missing(i)) {
                        throw PrevalenceException.invalidData("row " + (i + 1) + ", column '" + v.name + "'",
                                "row %d, column '%s': missing value (drop such rows with MissingValues.DROP, as R's "
                                        + "na.action=na.omit)", i + 1, v.name);
                    }
                }
            }
        }
        long dropped = n - usedCount;
        if (usedCount == 0) {
            throw PrevalenceException.notEstimable("rows", "no row has values of all of %s", columns);
        }
        // recode factors to the levels present in the used rows
        for (int k = 0; k < vars.size(); k++) {
            Var v = vars.get(k);
            if (v.codes == null) {
                continue;
            }
            int[] count = new int[v.levels.size()];
            for (int i = 0; i < n; i++) {
                if (used[i]) {
                    count[v.codes[i]]++;
                }
            }
            int[] map = new int[count.length];
            List<String> lv = new ArrayList<>();
            for (int l = 0; l < count.length; l++) {
                map[l] = count[l] > 0 ? lv.size() : -1;
                if (count[l] > 0) {
                    lv.add(v.levels.get(l));
                }
            }
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                codes[i] = used[i] ? map[v.codes[i]] : -1;
            }
            vars.set(k, new Var(v.name, null, codes, lv));
        }
        double[] y = response(vars.get(0), family, used, f);
        double[] offset = f.offsets().isEmpty() ? null : new double[n];
        for (Formula.Offset o : f.offsets()) {
            Var v = vars.get(columns.indexOf(o.column()));
            if (v.codes != null) {
                throw PrevalenceException.invalidArgument("column '" + o.column() + "'",
                        "the offset column '%s' is not numeric", o.column());
            }
            for (int i = 0; i < n; i++) {
                if (used[i]) {
                    double val = o.log() ? Math.log(v.values[i]) : v.values[i];
                    if (!Double.isFinite(val)) {
                        throw PrevalenceException.invalidData("row " + (i + 1) + ", column '" + o.column() + "'",
                                "row %d, column '%s': the offset %s is not finite", i + 1, o.column(),
                                o.log() ? "log(" + o.column() + ")" : o.column());
                    }
                    offset[i] += val;
                }
            }
        }
        List<String> names = new ArrayList<>();
        List<Integer> assign = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        List<Column> spec = new ArrayList<>();
        if (f.intercept()) {
            spec.add(new Column(List.of(), List.of()));
            names.add("(Intercept)");
            assign.add(-1);
            double[] one = new double[n];
            for (int i = 0; i < n; i++) {
                one[i] = used[i] ? 1 : 0;
            }
            cols.add(one);
        }
        Set<List<String>> seen = new HashSet<>();
        boolean emptySeen = f.intercept();
        for (int t = 0; t < f.terms().size(); t++) {
            List<String> term = f.terms().get(t);
            List<Var> tv = new ArrayList<>();
            boolean[] contrast = new boolean[term.size()];
            boolean anyFull = false;
            for (int j = 0; j < term.size(); j++) {
                Var v = vars.get(columns.indexOf(term.get(j)));
                tv.add(v);
                if (v.codes != null) {
                    if (v.levels.size() < 2) {
                        throw PrevalenceException.notEstimable("term '" + String.join(":", term) + "'",
                                "the factor '%s' has only one level ('%s') in the rows used; a factor term needs two or "
                                        + "more levels", v.name, v.levels.get(0));
                    }
                    List<String> without = new ArrayList<>(term);
                    without.remove(j);
                    contrast[j] = without.isEmpty() ? emptySeen : seen.contains(without);
                    anyFull |= !contrast[j] && without.isEmpty();
                }
            }
            seen.add(term);
            if (anyFull) {
                emptySeen = true; // indicators of every level span the intercept
            }
            // columns: first variable fastest
            int[] sizes = new int[tv.size()];
            int total = 1;
            for (int j = 0; j < tv.size(); j++) {
                Var v = tv.get(j);
                sizes[j] = v.codes == null ? 1 : v.levels.size() - (contrast[j] ? 1 : 0);
                total *= sizes[j];
            }
            for (int c = 0; c < total; c++) {
                int rem = c;
                int[] pick = new int[tv.size()];
                StringBuilder name = new StringBuilder();
                List<String> cv = new ArrayList<>();
                List<String> cl = new ArrayList<>();
                for (int j = 0; j < tv.size(); j++) {
                    pick[j] = rem % sizes[j];
                    rem /= sizes[j];
                    Var v = tv.get(j);
                    if (j > 0) {
                        name.append(':');
                    }
                    name.append(v.name);
                    cv.add(v.name);
                    if (v.codes != null) {
                        pick[j] += contrast[j] ? 1 : 0;
                        name.append(v.levels.get(pick[j]));
                        cl.add(v.levels.get(pick[j]));
                    } else {
                        cl.add(null);
                    }
                }
                spec.add(new Column(List.copyOf(cv), java.util.Collections.unmodifiableList(cl)));
                if (dropped == 0 && tv.size() == 1 && tv.get(0).codes == null) {
                    names.add(name.toString()); // a numeric main effect on every row: the design's (shared) values
                    assign.add(t);
                    cols.add(tv.get(0).values);
                    continue;
                }
                double[] col = new double[n];
                for (int i = 0; i < n; i++) {
                    if (!used[i]) {
                        continue;
                    }
                    double val = 1;
                    for (int j = 0; j < tv.size(); j++) {
                        Var v = tv.get(j);
                        val *= v.codes == null ? v.values[i] : v.codes[i] == pick[j] ? 1 : 0;
                    }
                    col[i] = val;
                }
                names.add(name.toString());
                assign.add(t);
                cols.add(col);
            }
        }
        if (cols.isEmpty()) {
            throw PrevalenceException.invalidArgument("formula", "the formula \"%s\" has no terms and no intercept", f.text());
        }
        java.util.Map<String, List<String>> lv = new java.util.LinkedHashMap<>();
        for (Var v : vars) {
            if (v.codes != null) {
                lv.put(v.name, List.copyOf(v.levels));
            }
        }
        int[] as = assign.stream().mapToInt(Integer::intValue).toArray();
        return new ModelMatrix(names.toArray(new String[0]), as, cols.toArray(new double[0][]), y, offset, used,
                usedCount, dropped, spec.toArray(new Column[0]),
                java.util.Collections.unmodifiableMap(lv));
    }

    /**
     * The model matrix of other rows (R's {@code model.matrix(delete.response(terms), newdata, xlev)}):
     * [row][column], with the factor levels of the fit; optionally one factor set to a level on every
     * row (for predictive margins).
     * @param spec the fitted columns
     * @param levels the fitted factor levels
     * @param data the new rows
     * @param setVariable a factor set to {@code setLevel} on every row, or null
     * @param setLevel its level
     * @return the rows
     * @throws PrevalenceException naming the column of a missing variable, or the row and column of a
     *     missing value or of a level the model was not fitted with
     */
    static double[][] rows(Column[] spec, java.util.Map<String, List<String>> levels, SurveyDesign data,
                           String setVariable, String setLevel) {
        InfluenceVariance iv = InfluenceVariance.of(data);
        int n = data.rows();
        java.util.Map<String, double[]> num = new java.util.HashMap<>();
        java.util.Map<String, int[]> code = new java.util.HashMap<>(); // code in the model's levels
        for (Column c : spec) {
            for (int j = 0; j < c.variables().size(); j++) {
                String v = c.variables().get(j);
                boolean factor = c.levels().get(j) != null;
                if (v.equals(setVariable) || num.containsKey(v) || code.containsKey(v)) {
                    continue;
                }
                if (!factor) {
                    if (!iv.isNumeric(v)) {
                        throw PrevalenceException.invalidArgument("column '" + v + "'",
                                "the new data have no numeric column '%s', which the model uses", v);
                    }
                    double[] x = data.numeric(v);
                    for (int i = 0; i < n; i++) {
                        if (!Double.isFinite(x[i])) {
                            throw PrevalenceException.invalidData("row " + (i + 1) + ", column '" + v + "'",
                                    "row %d, column '%s' of the new data: missing or not finite", i + 1, v);
                        }
                    }
                    num.put(v, x);
                } else {
                    if (!iv.isCategorical(v)) {
                        throw PrevalenceException.invalidArgument("column '" + v + "'",
                                "the new data have no text column '%s', which the model uses as a factor", v);
                    }
                    Factor f = data.factor(v);
                    List<String> fitted = levels.get(v);
                    int[] map = new int[f.levelCount()];
                    for (int l = 0; l < map.length; l++) {
                        map[l] = fitted.indexOf(f.levels().get(l));
                    }
                    int[] cc = new int[n];
                    for (int i = 0; i < n; i++) {
                        int k = f.codes()[i];
                        if (k < 0) {
                            throw PrevalenceException.invalidData("row " + (i + 1) + ", column '" + v + "'",
                                    "row %d, column '%s' of the new data: missing value", i + 1, v);
                        }
                        if (map[k] < 0) {
                            throw PrevalenceException.invalidData("row " + (i + 1) + ", column '" + v + "'",
                                    "row %d, column '%s' of the new data: a level the model was not fitted with "
                                            + "(its levels: %d)", i + 1, v, fitted.size());
                        }
                        cc[i] = map[k];
                    }
                    code.put(v, cc);
                }
            }
        }
        double[][] out = new double[n][spec.length];
        for (int j = 0; j < spec.length; j++) {
            Column c = spec[j];
            int m = c.variables().size();
            String[] vars = c.variables().toArray(new String[0]);
            int[] want = new int[m];
            for (int k = 0; k < m; k++) {
                String lv = c.levels().get(k);
                want[k] = lv == null || vars[k].equals(setVariable) ? -1 : levels.get(vars[k]).indexOf(lv);
            }
            for (int i = 0; i < n; i++) {
                double val = 1;
                for (int k = 0; k < m; k++) {
                    if (vars[k].equals(setVariable)) {
                        val *= c.levels().get(k).equals(setLevel) ? 1 : 0;
                    } else if (c.levels().get(k) == null) {
                        val *= num.get(vars[k])[i];
                    } else {
                        val *= code.get(vars[k])[i] == want[k] ? 1 : 0;
                    }
                }
                out[i][j] = val;
            }
        }
        return out;
    }

    private static double[] response(Var v, GlmFamily family, boolean[] used, Formula f) {
        int n = used.length;
        double[] y = new double[n];
        if (v.codes != null) {
            if (!family.isBinomial()) {
                throw PrevalenceException.invalidArgument("column '" + v.name + "'",
                        "the response '%s' is categorical; a %s model needs a numeric response (a two-level factor "
                                + "needs the binomial family)", v.name, family.label());
            }
            if (v.levels.size() != 2) {
                throw PrevalenceException.invalidData("column '" + v.name + "'",
                        "the response '%s' has %d level(s) %s in the rows used; a binomial response needs two levels "
                                + "(the first, '%s', is failure) or 0/1 values", v.name, v.levels.size(), v.levels,
                        v.levels.get(0));
            }
            for (int i = 0; i < n; i++) {
                y[i] = used[i] ? v.codes[i] : 0; // R: the first level is failure, the other success
            }
            return y;
        }
        for (int i = 0; i < n; i++) {
            if (!used[i]) {
                continue;
            }
            double yi = v.values[i];
            if (!Double.isFinite(yi)) {
                throw PrevalenceException.invalidData("row " + (i + 1) + ", column '" + v.name + "'",
                        "row %d, column '%s': the response is not finite", i + 1, v.name);
            }
            if (family.isBinomial() && (yi < 0 || yi > 1)) {
                throw PrevalenceException.invalidData("row " + (i + 1) + ", column '" + v.name + "'",
                        "row %d, column '%s': a binomial response must be in [0, 1]", i + 1, v.name);
            }
            if (family.isPoisson() && yi < 0) {
                throw PrevalenceException.invalidData("row " + (i + 1) + ", column '" + v.name + "'",
                        "row %d, column '%s': a poisson response must not be negative", i + 1, v.name);
            }
            y[i] = yi;
        }
        return y;
    }
}
