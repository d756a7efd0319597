package org.prevalence.mse;

import java.util.ArrayList;
import java.util.List;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * Fits log-linear models to one table of counts. Holds the counts, their superset sums
 * \( n^*_t = \sum_{c \supseteq t} y_c \) and a GLM workspace; not thread-safe (one per thread).
 */
final class MseEngine {
    final int k;
    final long[] counts;
    final long[] nstar;
    final long observed;
    final List<String> names;
    private final PoissonRegression glm;
    private PoissonRegression.Workspace ws;
    private final FastLp lp = new FastLp();
    private LogLinearIrls fast;

    MseEngine(List<String> names, long[] counts, PoissonRegression glm) {
        this.k = names.size();
        this.names = names;
        this.counts = counts;
        this.glm = glm;
        int cells = 1 << k;
        nstar = new long[cells];
        System.arraycopy(counts, 0, nstar, 0, cells);
        nstar[0] = 0;
        for (int j = 0; j < k; j++) {
            int bit = 1 << j;
            for (int m = 0; m < cells; m++) {
                if ((m & bit) == 0) {
                    nstar[m] += nstar[m | bit];
                }
            }
        }
        long obs = 0;
        for (int m = 1; m < cells; m++) {
            obs += counts[m];
        }
        nstar[0] = obs;
        observed = obs;
    }

    static MseEngine of(ListOverlapTable table, PoissonRegression glm) {
        return new MseEngine(table.listNames(), table.countsByMask(), glm);
    }

    /** Validates counts: every list must have a case. */
    void checkLists() {
        for (int j = 0; j < k; j++) {
            if (nstar[1 << j] == 0) {
                throw new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, "list '" + names.get(j) + "'",
                        String.format(java.util.Locale.ROOT, "List '%s' has no cases", names.get(j)),
                        new PrevalenceException.Remedy("drop it with ListOverlapTable.drop before estimating",
                                "leave it out of --lists"));
            }
        }
    }

    /** The terms of the model (interactions) with an empty overlap. */
    int[] emptyTerms(LogLinearModel m) {
        int c = 0;
        for (int i = 0; i < m.interactionCount(); i++) {
            if (nstar[m.interaction(i)] == 0) {
                c++;
            }
        }
        int[] out = new int[c];
        c = 0;
        for (int i = 0; i < m.interactionCount(); i++) {
            if (nstar[m.interaction(i)] == 0) {
                out[c++] = m.interaction(i);
            }
        }
        return out;
    }

    /** Cells (masks 1..2^K-1) that contain none of the empty terms. */
    int[] retainedCells(int[] empty) {
        int cells = 1 << k;
        int[] tmp = new int[cells - 1];
        int c = 0;
        outer:
        for (int m = 1; m < cells; m++) {
            for (int e : empty) {
                if ((m & e) == e) {
                    continue outer;
                }
            }
            tmp[c++] = m;
        }
        return java.util.Arrays.copyOf(tmp, c);
    }

    /** Design columns: 0 (intercept), main effects, then the non-empty interactions. */
    int[] columns(LogLinearModel m) {
        int ne = 0;
        for (int i = 0; i < m.interactionCount(); i++) {
            if (nstar[m.interaction(i)] > 0) {
                ne++;
            }
        }
        int[] cols = new int[1 + k + ne];
        for (int j = 0; j < k; j++) {
            cols[1 + j] = 1 << j;
        }
        int c = 1 + k;
        for (int i = 0; i < m.interactionCount(); i++) {
            if (nstar[m.interaction(i)] > 0) {
                cols[c++] = m.interaction(i);
            }
        }
        return cols;
    }

    LogLinearIrls fast() {
        if (fast == null) {
            fast = new LogLinearIrls(k, counts, 1e-8, 25);
        }
        return fast;
    }

    /** SparseMSE's check code: 1 MLE does not exist, 2 not identifiable, 3 both, 0 fine. */
    int checkCode(LogLinearModel m) {
        int[] cells = retainedCells(emptyTerms(m));
        int[] cols = columns(m);
        int code = fast().fullRank(cells, cols) ? 0 : 2;
        if (!(lpOptimum(cells, cols) > Existence.LP_ZERO)) {
            code |= 1;
        }
        return code;
    }

    /** The existence LP optimum by the fast simplex (all-positive cells short-cut first). */
    double lpOptimum(int[] cells, int[] cols) {
        long min = Long.MAX_VALUE;
        for (int c : cells) {
            min = Math.min(min, counts[c]);
        }
        if (min > 0) {
            return min;
        }
        return lp.solve(cells, cols, counts);
    }

    /** The full check with a message naming the terms. */
    Check check(LogLinearModel m) {
        int[] empty = emptyTerms(m);
        int[] cells = retainedCells(empty);
        int[] cols = columns(m);
        int[] aliased = Existence.aliasedColumns(cells, cols);
        // commons-math3 SimplexSolver for the reported check on small tables; the dense simplex (same
        // optimum, cross-checked in the tests) beyond 128 cells, where SimplexSolver becomes slow
        double lp = cells.length <= 128 ? Existence.lpOptimum(k, counts, cells, cols) : lpOptimum(cells, cols);
        int code = (aliased.length > 0 ? 2 : 0) | (lp > Existence.LP_ZERO ? 0 : 1);
        List<String> aliasedNames = new ArrayList<>();
        for (int a : aliased) {
            aliasedNames.add(cols[a] == 0 ? "(Intercept)" : LogLinearModel.maskName(cols[a], names));
        }
        List<String> zeroCells = new ArrayList<>();
        for (int c : cells) {
            if (counts[c] == 0) {
                zeroCells.add(ListOverlapTable.pattern(c, k));
            }
        }
        return new Check(code, aliasedNames, zeroCells, m);
    }

    /** The outcome of the existence/identifiability check. */
    final class Check {
        final int code;
        final List<String> aliased;
        final List<String> zeroCells;
        final LogLinearModel model;

        Check(int code, List<String> aliased, List<String> zeroCells, LogLinearModel model) {
            this.code = code;
            this.aliased = aliased;
            this.zeroCells = zeroCells;
            this.model = model;
        }

        String message() {
            String mname = model.generatingClass() + " (" + model.termNotation(names) + ")";
            if (model.interactionCount() == 0) {
                List<String> emptyPairs = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    for (int j = i + 1; j < k; j++) {
                        if (nstar[1 << i | 1 << j] == 0) {
                            emptyPairs.add(names.get(i) + ":" + names.get(j));
                        }
                    }
                }
                return String.format(java.util.Locale.ROOT,
                        "The main-effects model %s cannot be fitted (code %d): the lists do not overlap enough%s%s",
                        model.generatingClass(), code,
                        emptyPairs.isEmpty() ? "" : "; no case is on both lists of " + String.join(", ", emptyPairs),
                        zeroCells.isEmpty() ? "" : "; the empty histories are " + zeroCells);
            }
            StringBuilder sb = new StringBuilder();
            if ((code & 1) != 0) {
                sb.append(String.format(java.util.Locale.ROOT,
                        "The maximum likelihood estimate does not exist for model %s (code %d): no table with "
                                + "the observed margins of terms %s is positive in the zero cells %s. ",
                        mname, code, model.termNotation(names), zeroCells));
            }
            if ((code & 2) != 0) {
                sb.append(String.format(java.util.Locale.ROOT,
                        "Model %s is not identifiable (code %d): term(s) %s are aliased on the cells that can be "
                                + "non-zero. ", mname, code, aliased));
            }
            String m = sb.toString().strip();
            return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
        }

        String where() {
            if (!aliased.isEmpty()) {
                return "term '" + aliased.get(0) + "'";
            }
            int n = model.interactionCount();
            return n == 0 ? "model 'main'" : "term '" + LogLinearModel.maskName(model.interaction(n - 1), names) + "'";
        }

        PrevalenceException exception() {
            PrevalenceException.Remedy r = model.interactionCount() == 0
                    ? new PrevalenceException.Remedy("merge lists or leave out a list that overlaps no other",
                            "merge lists or leave out of --lists a list that overlaps no other")
                    : new PrevalenceException.Remedy(
                            "remove an interaction term, merge lists, or use ModelSelection.STEPWISE or BIC",
                            "remove an interaction term from --model, merge lists, or use --select stepwise or bic");
            return new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, where(), message(), r);
        }
    }

    /**
     * Checks and fits a model by the fast path (model searches).
     * @return the fast fitter holding the fit, or {@code null} if the model fails the checks or IRLS
     */
    LogLinearIrls fastFit(LogLinearModel m, boolean check) {
        int[] cells = retainedCells(emptyTerms(m));
        int[] cols = columns(m);
        LogLinearIrls f = fast();
        if (check && (!f.fullRank(cells, cols) || !(lpOptimum(cells, cols) > Existence.LP_ZERO))) {
            return null;
        }
        lastCells = cells;
        lastColumns = cols;
        return f.fit(cells, cols) ? f : null;
    }

    int[] lastCells;
    int[] lastColumns;

    /**
     * Fits a model (no check). Empty terms follow the extended-MLE convention.
     * @return the fit
     */
    ModelFit fit(LogLinearModel m) {
        int[] empty = emptyTerms(m);
        int[] cells = retainedCells(empty);
        int[] cols = columns(m);
        int n = cells.length;
        int p = cols.length;
        double[] x = new double[n * p];
        double[] y = new double[n];
        String[] cn = new String[p];
        for (int j = 0; j < p; j++) {
            cn[j] = cols[j] == 0 ? "(Intercept)" : LogLinearModel.maskName(cols[j], names);
            for (int i = 0; i < n; i++) {
                x[j * n + i] = (cells[i] & cols[j]) == cols[j] ? 1 : 0;
            }
        }
        for (int i = 0; i < n; i++) {
            y[i] = counts[cells[i]];
        }
        if (ws == null || !ws.fits(n, p)) {
            ws = new PoissonRegression.Workspace(n, p);
        }
        PoissonRegression.Fit f = glm.fit(x, n, p, cn, y, null, null, ws);
        return new ModelFit(m, empty, cells, cols, x, y, f, observed);
    }

    /** A fitted log-linear model and the quantities derived from it. */
    static final class ModelFit {
        final LogLinearModel model;
        final int[] empty;
        final int[] cells;
        final int[] columns;
        final double[] x;
        final double[] y;
        final PoissonRegression.Fit glm;
        final long observed;
        final double b0;
        final double se0;
        final int parameters;

        ModelFit(LogLinearModel model, int[] empty, int[] cells, int[] columns, double[] x, double[] y,
                PoissonRegression.Fit glm, long observed) {
            this.model = model;
            this.empty = empty;
            this.cells = cells;
            this.columns = columns;
            this.x = x;
            this.y = y;
            this.glm = glm;
            this.observed = observed;
            double[] c = glm.getCoefficients();
            this.b0 = c[0];
            this.se0 = glm.getStandardErrors()[0];
            this.parameters = model.parameterCount();
        }

        double unobserved() {
            return Math.exp(b0);
        }

        double estimate() {
            return observed + Math.exp(b0);
        }

        /** AIC counting every parameter, those at minus infinity included (SparseMSE: glm AIC + 2 per empty term). */
        double aic() {
            return 2.0 * parameters - 2 * glm.getLogLikelihood();
        }

        /** BIC as MultipleSystemsEstimation: parameters x log(observed cases) - 2 log-likelihood. */
        double bic() {
            return parameters * Math.log(observed) - 2 * glm.getLogLikelihood();
        }

        boolean fullRank() {
            return glm.getAliased().isEmpty();
        }
    }
}
