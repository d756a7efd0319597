package org.prevalence.mse;

/**
 * A small dense two-phase simplex (Bland's rule) for the Fienberg-Rinaldo existence program
 * \( \max s \) subject to \( A v + s A\mathbf{1} = t,\ v \ge 0,\ s \ge 0 \) (that is \( u = v + s \)).
 * It gives the same optimum as commons-math3's {@code SimplexSolver} (checked in the tests on every
 * hierarchical model of the published tables) but reuses one tableau, for model searches that solve
 * thousands of these programs. Not thread-safe.
 */
final class FastLp {
    private static final double EPS = 1e-9;
    private double[] tab = new double[0];
    private int[] basis = new int[0];

    /**
     * @param cells the cells (masks) kept in the fit
     * @param cols the parameters: 0 for the intercept, then term masks
     * @param counts counts by mask
     * @return the optimum s
     */
    double solve(int[] cells, int[] cols, long[] counts) {
        int n = cells.length;
        int m = cols.length;
        int w = reset(n, m);
        double[] a = tab;
        for (int i = 0; i < m; i++) {
            int r = i * w;
            int term = cols[i];
            double t = 0;
            double ones = 0;
            for (int j = 0; j < n; j++) {
                if ((cells[j] & term) == term) {
                    a[r + j] = 1;
                    ones++;
                    t += counts[cells[j]];
                }
            }
            a[r + n] = ones;
            a[r + w - 1] = t;
        }
        return run(n, m);
    }

    /**
     * The same program for any design: \( \max s \) subject to \( X^T (v + s\mathbf{1}) = X^T y,\ v, s \ge 0 \).
     * @param x the design, column-major, {@code n} rows (cells) by {@code p} columns; one column must be the
     *     intercept (all ones), which bounds the program
     * @param n cells
     * @param p parameters
     * @param y counts by cell
     * @return the optimum s
     */
    double solve(double[] x, int n, int p, double[] y) {
        int w = reset(n, p);
        double[] a = tab;
        for (int i = 0; i < p; i++) {
            int r = i * w;
            double t = 0;
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double v = x[i * n + j];
                a[r + j] = v;
                sum += v;
                t += v * y[j];
            }
            a[r + n] = sum;
            a[r + w - 1] = t;
            if (t < 0) { // phase 1 starts from the artificials: a non-negative right-hand side
                for (int j = 0; j <= n; j++) {
                    a[r + j] = -a[r + j];
                }
                a[r + w - 1] = -t;
            }
        }
        return run(n, p);
    }

    /** Clears a tableau of m constraint rows over n + 1 structural, m artificial columns; returns its width. */
    private int reset(int n, int m) {
        int w = n + 1 + m + 1;
        int rows = m + 1;
        if (tab.length < rows * w) {
            tab = new double[rows * w];
        }
        if (basis.length < m) {
            basis = new int[m];
        }
        java.util.Arrays.fill(tab, 0, rows * w, 0.0);
        return w;
    }

    /** Both phases on the filled constraint rows (structural entries and right-hand side). */
    private double run(int n, int m) {
        int nv = n + 1;
        int w = nv + m + 1;
        double[] a = tab;
        int obj = m * w;
        for (int i = 0; i < m; i++) {
            int r = i * w;
            a[r + nv + i] = 1;
            basis[i] = nv + i;
            for (int j = 0; j < nv; j++) {
                a[obj + j] -= a[r + j];
            }
            a[obj + w - 1] -= a[r + w - 1];
        }
        // phase 1: minimise the sum of artificials
        iterate(a, m, w, nv);
        // drive basic artificials out where a structural column allows
        for (int i = 0; i < m; i++) {
            if (basis[i] >= nv) {
                int r = i * w;
                for (int j = 0; j < nv; j++) {
                    if (Math.abs(a[r + j]) > EPS) {
                        pivot(a, m, w, i, j);
                        break;
                    }
                }
            }
        }
        // phase 2: minimise -s; reduced costs d_j = c_j - c_B B^-1 A_j with c_s = -1
        java.util.Arrays.fill(a, obj, obj + w, 0.0);
        a[obj + n] = -1;
        for (int i = 0; i < m; i++) {
            if (basis[i] == n) {
                int r = i * w;
                for (int j = 0; j < w; j++) {
                    a[obj + j] += a[r + j];
                }
            }
        }
        iterate(a, m, w, nv);
        for (int i = 0; i < m; i++) {
            if (basis[i] == n) {
                return a[i * w + w - 1];
            }
        }
        return 0;
    }

    private void iterate(double[] a, int m, int w, int nv) {
        int obj = m * w;
        for (int guard = 0; guard < 100_000; guard++) {
            int enter = -1;
            for (int j = 0; j < nv; j++) {
                if (a[obj + j] < -EPS) {
                    enter = j;
                    break;
                }
            }
            if (enter < 0) {
                return;
            }
            int leave = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                double v = a[i * w + enter];
                if (v > EPS) {
                    double ratio = a[i * w + w - 1] / v;
                    if (ratio < best - EPS || (ratio <= best + EPS && leave >= 0 && basis[i] < basis[leave])) {
                        if (ratio < best - EPS || leave < 0) {
                            best = ratio;
                        }
                        leave = i;
                    }
                }
            }
            if (leave < 0) {
                return; // unbounded direction: cannot happen (the intercept row bounds everything)
            }
            pivot(a, m, w, leave, enter);
        }
    }

    private void pivot(double[] a, int m, int w, int row, int col) {
        int r = row * w;
        double p = a[r + col];
        for (int j = 0; j < w; j++) {
            a[r + j] /= p;
        }
        for (int i = 0; i <= m; i++) {
            if (i == row) {
                continue;
            }
            int ri = i * w;
            double f = a[ri + col];
            if (f != 0) {
                for (int j = 0; j < w; j++) {
                    a[ri + j] -= f * a[r + j];
                }
            }
        }
        basis[row] = col;
    }
}
