package org.prevalence.mse.covariate;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a log-linear model on a {@link CovariateTable}, over every cell: R's {@code model.matrix}
 * with treatment contrasts. A list is one 0/1 column; a covariate with L levels is L - 1 dummies
 * (levels 2..L); the year, with a polynomial degree d, is d orthogonal polynomial columns of its level
 * index 1..K over the cells of the full table, as {@code mse} computes {@code poly(as.numeric(year), d)};
 * an interaction is the products of its two variables' columns, the first varying fastest.
 */
final class ModelDesign {
    private final CovariateTable table;
    private final double[][][] blocks; // per variable: columns over all cells
    private final String[][] names;
    private final int[] fitRows;
    private final int[] predictRows;
    private final java.util.concurrent.ConcurrentHashMap<Term, double[][]> fitColumns =
            new java.util.concurrent.ConcurrentHashMap<>();

    ModelDesign(CovariateTable table, int yearDegree) {
        this.table = table;
        int k = table.lists().size();
        List<String> vars = table.variables();
        int v = vars.size();
        int cells = table.cells();
        blocks = new double[v][][];
        names = new String[v][];
        for (int i = 0; i < k; i++) {
            double[] col = new double[cells];
            for (int c = 0; c < cells; c++) {
                col[c] = (c >> i) & 1;
            }
            blocks[i] = new double[][] {col};
            names[i] = new String[] {vars.get(i) + "1"};
        }
        for (int j = 0; j < v - k; j++) {
            List<String> lv = table.levels(j);
            if (j == table.yearIndex() && yearDegree > 0) {
                if (yearDegree >= lv.size()) {
                    throw org.prevalence.core.PrevalenceException.invalidArgument("year degree",
                            "The year polynomial's degree %d must be below the number of years %d", yearDegree,
                            lv.size());
                }
                double[] code = new double[cells];
                for (int c = 0; c < cells; c++) {
                    code[c] = table.level(c, j) + 1;
                }
                blocks[k + j] = OrthogonalPolynomial.of(code, yearDegree);
                names[k + j] = new String[yearDegree];
                for (int d = 0; d < yearDegree; d++) {
                    names[k + j][d] = vars.get(k + j) + (d + 1);
                }
            } else {
                blocks[k + j] = new double[lv.size() - 1][cells];
                names[k + j] = new String[lv.size() - 1];
                for (int l = 1; l < lv.size(); l++) {
                    for (int c = 0; c < cells; c++) {
                        blocks[k + j][l - 1][c] = table.level(c, j) == l ? 1 : 0;
                    }
                    names[k + j][l - 1] = vars.get(k + j) + lv.get(l);
                }
            }
        }
        List<Integer> fit = new ArrayList<>();
        List<Integer> pred = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            if (!table.isStructuralZero(c)) {
                pred.add(c);
                if (table.history(c) != 0) {
                    fit.add(c);
                }
            }
        }
        fitRows = fit.stream().mapToInt(Integer::intValue).toArray();
        predictRows = pred.stream().mapToInt(Integer::intValue).toArray();
    }

    CovariateTable table() {
        return table;
    }

    /** @return the cells in the likelihood: an observed history, not a structural zero */
    int[] fitRows() {
        return fitRows;
    }

    /** @return the cells summed into N: every cell that is not a structural zero */
    int[] predictRows() {
        return predictRows;
    }

    int width(Term t) {
        return t.isPair() ? blocks[t.first()].length * blocks[t.second()].length : blocks[t.first()].length;
    }

    /** @return the number of columns, intercept included */
    int width(List<Term> terms) {
        int p = 1;
        for (Term t : terms) {
            p += width(t);
        }
        return p;
    }

    /** Column names, R's: {@code (Intercept)}, {@code R11}, {@code X42}, {@code R11:Y1}. */
    String[] columnNames(List<Term> terms) {
        String[] out = new String[width(terms)];
        out[0] = "(Intercept)";
        int j = 1;
        for (Term t : terms) {
            if (t.isPair()) {
                for (String b : names[t.second()]) {
                    for (String a : names[t.first()]) {
                        out[j++] = a + ":" + b;
                    }
                }
            } else {
                for (String a : names[t.first()]) {
                    out[j++] = a;
                }
            }
        }
        return out;
    }

    /**
     * Writes the design over {@code rows} column-major into {@code x} (rows.length x p).
     */
    void fill(List<Term> terms, int[] rows, double[] x) {
        int n = rows.length;
        for (int i = 0; i < n; i++) {
            x[i] = 1;
        }
        int j = 1;
        for (Term t : terms) {
            if (t.isPair()) {
                for (double[] b : blocks[t.second()]) {
                    for (double[] a : blocks[t.first()]) {
                        int off = j++ * n;
                        for (int i = 0; i < n; i++) {
                            x[off + i] = a[rows[i]] * b[rows[i]];
                        }
                    }
                }
            } else {
                for (double[] a : blocks[t.first()]) {
                    int off = j++ * n;
                    for (int i = 0; i < n; i++) {
                        x[off + i] = a[rows[i]];
                    }
                }
            }
        }
    }

    /** @return the term's columns over {@link #fitRows()}, computed once and shared (read-only) */
    double[][] fitColumns(Term t) {
        return fitColumns.computeIfAbsent(t, term -> {
            int n = fitRows.length;
            int w = width(term);
            double[] x = new double[n * (w + 1)];
            fill(List.of(term), fitRows, x);
            double[][] out = new double[w][];
            for (int j = 0; j < w; j++) {
                out[j] = java.util.Arrays.copyOfRange(x, (j + 1) * n, (j + 2) * n);
            }
            return out;
        });
    }
}
