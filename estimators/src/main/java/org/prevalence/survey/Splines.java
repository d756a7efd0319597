package org.prevalence.survey;

import java.util.Arrays;

/**
 * Interpolation as R's {@code spline(method="fmm")}, {@code seq(from, to, length.out)} and
 * {@code approx()} (package-private; used to reproduce R's profile-likelihood intervals).
 * The cubic spline is that of Forsythe, Malcolm and Moler (1977), Computer Methods for
 * Mathematical Computations, Prentice-Hall: end conditions match the third derivatives of the
 * cubics through the first and last four points.
 */
final class Splines {
    private Splines() {
    }

    /** n equally spaced points from a to b, computed from both ends as R's seq.int. */
    static double[] seq(double a, double b, int n) {
        double[] u = new double[n];
        u[0] = a;
        if (n > 1) {
            u[n - 1] = b;
        }
        if (n > 2) {
            double by = (b - a) / (n - 1);
            for (int i = 1; i < n - 1; i++) {
                u[i] = i < n / 2 ? a + i * by : b - (n - 1 - i) * by;
            }
        }
        return u;
    }

    /** Evaluates at u the FMM cubic spline through (x, y), x strictly increasing. */
    static double[] fmm(double[] x, double[] y, double[] u) {
        int n = x.length;
        double[] b = new double[n];
        double[] c = new double[n];
        double[] d = new double[n];
        if (n < 3) {
            b[0] = (y[1] - y[0]) / (x[1] - x[0]);
            b[1] = b[0];
        } else {
            int nm1 = n - 1;
            d[0] = x[1] - x[0];
            c[1] = (y[1] - y[0]) / d[0];
            for (int i = 1; i < nm1; i++) {
                d[i] = x[i + 1] - x[i];
                b[i] = 2 * (d[i - 1] + d[i]);
                c[i + 1] = (y[i + 1] - y[i]) / d[i];
                c[i] = c[i + 1] - c[i];
            }
            b[0] = -d[0];
            b[nm1] = -d[n - 2];
            c[0] = 0;
            c[nm1] = 0;
            if (n > 3) {
                c[0] = c[2] / (x[3] - x[1]) - c[1] / (x[2] - x[0]);
                c[nm1] = c[n - 2] / (x[nm1] - x[n - 3]) - c[n - 3] / (x[n - 2] - x[n - 4]);
                c[0] = c[0] * d[0] * d[0] / (x[3] - x[0]);
                c[nm1] = -c[nm1] * d[n - 2] * d[n - 2] / (x[nm1] - x[n - 4]);
            }
            for (int i = 1; i <= nm1; i++) {
                double t = d[i - 1] / b[i - 1];
                b[i] = b[i] - t * d[i - 1];
                c[i] = c[i] - t * c[i - 1];
            }
            c[nm1] = c[nm1] / b[nm1];
            for (int i = n - 2; i >= 0; i--) {
                c[i] = (c[i] - d[i] * c[i + 1]) / b[i];
            }
            b[nm1] = (y[nm1] - y[n - 2]) / d[n - 2] + d[n - 2] * (c[n - 2] + 2 * c[nm1]);
            for (int i = 0; i < nm1; i++) {
                b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2 * c[i]);
                d[i] = (c[i + 1] - c[i]) / d[i];
                c[i] = 3 * c[i];
            }
            c[nm1] = 3 * c[nm1];
            d[nm1] = d[n - 2];
        }
        double[] v = new double[u.length];
        int i = 0;
        for (int l = 0; l < u.length; l++) {
            double ul = u[l];
            if (ul < x[i] || (i < n - 1 && x[i + 1] < ul)) {
                i = 0;
                int j = n;
                do {
                    int k = (i + j) / 2;
                    if (ul < x[k]) {
                        j = k;
                    } else {
                        i = k;
                    }
                } while (j > i + 1);
            }
            double dx = ul - x[i];
            v[l] = y[i] + dx * (b[i] + dx * (c[i] + dx * d[i]));
        }
        return v;
    }

    /**
     * Linear interpolation of y at x = v after sorting the pairs by x (ties averaged), NaN outside
     * the range (R's approx with rule = 1).
     */
    static double approx(double[] xs, double[] ys, double v) {
        int n = xs.length;
        Integer[] o = new Integer[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        Arrays.sort(o, (a, b) -> Double.compare(xs[a], xs[b]));
        double[] x = new double[n];
        double[] y = new double[n];
        int m = 0;
        for (int k = 0; k < n; ) {
            int j = k;
            double sy = 0;
            while (j < n && xs[o[j]] == xs[o[k]]) {
                sy += ys[o[j]];
                j++;
            }
            x[m] = xs[o[k]];
            y[m] = sy / (j - k);
            m++;
            k = j;
        }
        if (m == 0 || v < x[0] || v > x[m - 1]) {
            return Double.NaN;
        }
        int i = 0;
        int j = m - 1;
        while (i < j - 1) {
            int ij = (i + j) / 2;
            if (v < x[ij]) {
                j = ij;
            } else {
                i = ij;
            }
        }
        if (v == x[j]) {
            return y[j];
        }
        if (v == x[i]) {
            return y[i];
        }
        return y[i] + (y[j] - y[i]) * ((v - x[i]) / (x[j] - x[i]));
    }
}
