package org.prevalence.mse;

/**
 * Householder QR decomposition with LINPACK {@code dqrdc2}'s limited column pivoting, as used by R's
 * {@code lm.fit} and {@code glm.fit}: columns are processed left to right, and a column whose norm,
 * after projecting out the columns already accepted, falls below {@code tol} times its original norm
 * is moved to the end and counted as aliased. The matrix is stored column-major in a caller-owned
 * array and decomposed in place; nothing is allocated.
 */
final class PivotedQr {
    private PivotedQr() {
    }

    /**
     * Decomposes {@code a} (n x p, column j at offset j*n) in place.
     * @param a the matrix, overwritten by R (upper triangle) and the Householder vectors
     * @param n rows
     * @param p columns
     * @param tol the relative tolerance for a negligible column
     * @param qraux work array of length p: on return, the Householder scalars
     * @param norm0 work array of length p: original column norms
     * @param norm work array of length p: running column norms
     * @param pivot array of length p: on return, the original index of each column position
     * @return the rank (columns 0..rank-1 of the pivoted matrix are the accepted ones)
     */
    static int decompose(double[] a, int n, int p, double tol, double[] qraux, double[] norm0,
            double[] norm, int[] pivot) {
        for (int j = 0; j < p; j++) {
            double s = norm2(a, j * n, n);
            qraux[j] = s;
            norm[j] = s;
            norm0[j] = s == 0 ? 1.0 : s;
            pivot[j] = j;
        }
        int lup = Math.min(n, p);
        int k = p; // columns k..p-1 have been moved to the end (aliased)
        for (int l = 0; l < lup; l++) {
            while (l < k && qraux[l] < norm0[l] * tol) {
                rotateToEnd(a, n, p, l, qraux, norm0, norm, pivot);
                k--;
            }
            if (l == n - 1 || l >= k) {
                if (l >= k) {
                    break;
                }
                continue;
            }
            int col = l * n;
            double nrmxl = norm2(a, col + l, n - l);
            if (nrmxl == 0) {
                continue;
            }
            if (a[col + l] != 0) {
                nrmxl = Math.copySign(nrmxl, a[col + l]);
            }
            double inv = 1.0 / nrmxl;
            for (int i = l; i < n; i++) {
                a[col + i] *= inv;
            }
            a[col + l] += 1.0;
            for (int j = l + 1; j < p; j++) {
                int cj = j * n;
                double dot = 0;
                for (int i = l; i < n; i++) {
                    dot += a[col + i] * a[cj + i];
                }
                double t = -dot / a[col + l];
                for (int i = l; i < n; i++) {
                    a[cj + i] += t * a[col + i];
                }
                if (qraux[j] != 0) {
                    double r = Math.abs(a[cj + l]) / qraux[j];
                    double tt = Math.max(1.0 - r * r, 0.0);
                    if (Math.abs(tt) < 1e-6) {
                        qraux[j] = norm2(a, cj + l + 1, n - l - 1);
                        norm[j] = qraux[j];
                    } else {
                        qraux[j] *= Math.sqrt(tt);
                    }
                }
            }
            qraux[l] = a[col + l];
            a[col + l] = -nrmxl;
        }
        return Math.min(k, n);
    }

    private static void rotateToEnd(double[] a, int n, int p, int l, double[] qraux, double[] norm0,
            double[] norm, int[] pivot) {
        // Move column l to position p-1, shifting l+1..p-1 left by one (as dqrdc2 does).
        for (int i = 0; i < n; i++) {
            double t = a[l * n + i];
            for (int j = l + 1; j < p; j++) {
                a[(j - 1) * n + i] = a[j * n + i];
            }
            a[(p - 1) * n + i] = t;
        }
        int ip = pivot[l];
        double q = qraux[l];
        double w0 = norm0[l];
        double w1 = norm[l];
        for (int j = l + 1; j < p; j++) {
            pivot[j - 1] = pivot[j];
            qraux[j - 1] = qraux[j];
            norm0[j - 1] = norm0[j];
            norm[j - 1] = norm[j];
        }
        pivot[p - 1] = ip;
        qraux[p - 1] = q;
        norm0[p - 1] = w0;
        norm[p - 1] = w1;
    }

    /** Computes Q'y in place for the first {@code k} Householder reflections. */
    static void qty(double[] a, int n, int k, double[] qraux, double[] y) {
        for (int l = 0; l < Math.min(k, n - 1); l++) {
            if (qraux[l] == 0) {
                continue;
            }
            int col = l * n;
            double diag = a[col + l];
            a[col + l] = qraux[l];
            double dot = 0;
            for (int i = l; i < n; i++) {
                dot += a[col + i] * y[i];
            }
            double t = -dot / a[col + l];
            for (int i = l; i < n; i++) {
                y[i] += t * a[col + i];
            }
            a[col + l] = diag;
        }
    }

    /** Solves R b = y for the leading k x k triangle; b may alias y. */
    static void backSolve(double[] a, int n, int k, double[] y, double[] b) {
        for (int i = k - 1; i >= 0; i--) {
            double s = y[i];
            for (int j = i + 1; j < k; j++) {
                s -= a[j * n + i] * b[j];
            }
            b[i] = s / a[i * n + i];
        }
    }

    /**
     * (R'R)^{-1} for the leading k x k triangle, written into {@code out} (k x k, row-major).
     * Allocates a k x k scratch array; call once per fit, not per iteration.
     */
    static void inverseCrossProduct(double[] a, int n, int k, double[] out) {
        double[] rinv = new double[k * k]; // row-major upper triangle of R^{-1}
        for (int c = 0; c < k; c++) {
            for (int i = c; i >= 0; i--) {
                double s = i == c ? 1.0 : 0.0;
                for (int j = i + 1; j <= c; j++) {
                    s -= a[j * n + i] * rinv[j * k + c];
                }
                rinv[i * k + c] = s / a[i * n + i];
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double s = 0;
                for (int m = j; m < k; m++) {
                    s += rinv[i * k + m] * rinv[j * k + m];
                }
                out[i * k + j] = s;
                out[j * k + i] = s;
            }
        }
    }

    static double norm2(double[] a, int from, int len) {
        double scale = 0;
        double ssq = 1;
        for (int i = from; i < from + len; i++) {
            double v = a[i];
            if (v != 0) {
                double av = Math.abs(v);
                if (scale < av) {
                    double r = scale / av;
                    ssq = 1 + ssq * r * r;
                    scale = av;
                } else {
                    double r = av / scale;
                    ssq += r * r;
                }
            }
        }
        return scale * Math.sqrt(ssq);
    }
}
