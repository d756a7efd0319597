package org.prevalence.mse;

import java.util.Arrays;

/**
 * A lean IRLS for the many refits of a bootstrap: the Poisson log-linear model on the retained cells
 * of a list-overlap table (those without an empty term), exploiting the structure of hierarchical
 * designs. With cells and parameters both given as list masks, \( x_{cj} = 1 \) iff
 * \( t_j \subseteq c \), so
 * \[ (X^\top W X)_{jk} = \sum_{c \supseteq t_j \cup t_k} w_c, \qquad
 *    \eta_c = \sum_{t_j \subseteq c} \beta_j, \]
 * which superset and subset sums over the \( 2^K \) masks give in \( O(2^K K) \); the normal equations
 * are solved by Cholesky. It iterates from the given start (a warm start from the fit to the original
 * data) or from R's \( \mu = y + 0.1 \) until \( |D^{(t)} - D^{(t-1)}| / (|D^{(t)}| + 0.1) &lt; 10^{-10} \),
 * a tighter version of {@code glm.fit}'s rule, so it reaches the same MLE as {@link PoissonRegression}
 * to about \( 10^{-9} \) relative. It reports failure (near-singular normal equations, no convergence in
 * 50 iterations, a non-finite deviance) instead of handling rank deficiency; the caller then falls back
 * to {@link MseEngine#fit}. Not thread-safe: one per thread.
 */
final class FastPoissonFit {
    static final double EPSILON = 1e-10;
    static final int MAX_ITERATIONS = 50;

    private final int k;
    private final int size;
    private final double[] s;
    private final double[] t;
    private final double[] e;
    private final double[] mu;
    private final double[] eta;
    private double[] a;
    private double[] b;
    private double[] beta;
    private double logLikelihood;
    private int iterations;

    /** @param k the number of lists (at most 15) */
    FastPoissonFit(int k) {
        this.k = k;
        this.size = 1 << k;
        s = new double[size];
        t = new double[size];
        e = new double[size];
        mu = new double[size];
        eta = new double[size];
        a = new double[0];
        b = new double[0];
        beta = new double[0];
    }

    /**
     * Fits the model.
     * @param counts counts by mask (length 2^K)
     * @param cells the retained cells (masks)
     * @param cols the parameters as masks, 0 = intercept first
     * @param start starting coefficients (same columns), or null for R's start
     * @param logFactorials log(y!) of each cell, by mask
     * @return true if it converged with a positive definite system
     */
    boolean fit(long[] counts, int[] cells, int[] cols, double[] start, double[] logFactorials) {
        int p = cols.length;
        if (a.length < p * p) {
            a = new double[p * p];
            b = new double[p];
            beta = new double[p];
        }
        if (start != null) {
            System.arraycopy(start, 0, beta, 0, p);
            linearPredictor(cells, cols, p);
        } else {
            for (int c : cells) {
                mu[c] = counts[c] + 0.1;
                eta[c] = Math.log(mu[c]);
            }
        }
        double devOld = deviance(counts, cells);
        for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
            Arrays.fill(s, 0.0);
            Arrays.fill(t, 0.0);
            for (int c : cells) {
                double w = mu[c];
                s[c] = w;
                t[c] = w * eta[c] + (counts[c] - w); // w * z with z = eta + (y - mu) / mu
            }
            supersetSums(s);
            supersetSums(t);
            for (int j = 0; j < p; j++) {
                for (int l = 0; l <= j; l++) {
                    a[j * p + l] = s[cols[j] | cols[l]];
                }
                b[j] = t[cols[j]];
            }
            if (!choleskySolve(p)) {
                return false;
            }
            linearPredictor(cells, cols, p);
            double dev = deviance(counts, cells);
            if (!Double.isFinite(dev)) {
                return false;
            }
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON) {
                iterations = iter;
                double ll = 0;
                for (int c : cells) {
                    long y = counts[c];
                    ll += (y > 0 ? y * eta[c] : 0) - mu[c] - logFactorials[c];
                }
                logLikelihood = ll;
                return true;
            }
            devOld = dev;
        }
        return false;
    }

    /** @return the coefficients of the last fit (a copy, length p) */
    double[] coefficients(int p) {
        return Arrays.copyOf(beta, p);
    }

    /** @return the intercept of the last fit */
    double intercept() {
        return beta[0];
    }

    /** @return the log-likelihood of the last fit (retained cells; the others have y = mu = 0) */
    double logLikelihood() {
        return logLikelihood;
    }

    /** @return the iterations of the last fit */
    int iterations() {
        return iterations;
    }

    private void linearPredictor(int[] cells, int[] cols, int p) {
        Arrays.fill(e, 0.0);
        for (int j = 0; j < p; j++) {
            e[cols[j]] += beta[j];
        }
        for (int bit = 1; bit < size; bit <<= 1) {
            for (int m = 0; m < size; m++) {
                if ((m & bit) != 0) {
                    e[m] += e[m ^ bit];
                }
            }
        }
        for (int c : cells) {
            eta[c] = e[c];
            mu[c] = Math.exp(e[c]);
        }
    }

    private void supersetSums(double[] x) {
        for (int bit = 1; bit < size; bit <<= 1) {
            for (int m = 0; m < size; m++) {
                if ((m & bit) == 0) {
                    x[m] += x[m | bit];
                }
            }
        }
    }

    private static double deviance(long[] counts, int[] cells, double[] mu) {
        double d = 0;
        for (int c : cells) {
            long y = counts[c];
            d += y > 0 ? y * Math.log(y / mu[c]) - (y - mu[c]) : mu[c];
        }
        return 2 * d;
    }

    private double deviance(long[] counts, int[] cells) {
        return deviance(counts, cells, mu);
    }

    /** In-place Cholesky of the lower triangle of a (p x p) and solve into beta; false if not positive definite. */
    private boolean choleskySolve(int p) {
        for (int j = 0; j < p; j++) {
            double d = a[j * p + j];
            double diag = d;
            for (int l = 0; l < j; l++) {
                d -= a[j * p + l] * a[j * p + l];
            }
            if (!(d > 1e-10 * diag) || !(diag > 0)) {
                return false;
            }
            double r = Math.sqrt(d);
            a[j * p + j] = r;
            for (int i = j + 1; i < p; i++) {
                double v = a[i * p + j];
                for (int l = 0; l < j; l++) {
                    v -= a[i * p + l] * a[j * p + l];
                }
                a[i * p + j] = v / r;
            }
        }
        for (int i = 0; i < p; i++) {
            double v = b[i];
            for (int l = 0; l < i; l++) {
                v -= a[i * p + l] * beta[l];
            }
            beta[i] = v / a[i * p + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double v = beta[i];
            for (int l = i + 1; l < p; l++) {
                v -= a[l * p + i] * beta[l];
            }
            beta[i] = v / a[i * p + i];
        }
        return true;
    }

    int lists() {
        return k;
    }
}
