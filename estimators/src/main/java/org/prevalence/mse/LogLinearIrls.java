package org.prevalence.mse;

import org.apache.commons.math3.special.Gamma;

/**
 * Fast IRLS for log-linear models on the cells of a list-overlap table, for model searches (BIC over
 * thousands of models, stepwise selection inside a bootstrap). Same rules as {@link PoissonRegression}
 * and R's {@code glm.fit} (start \( \mu = y + 0.1 \), relative deviance change below \( \epsilon \),
 * step halving), but the weighted normal equations are built from the 0/1 "cell contains term"
 * structure: \( (X^\top W X)_{ab} = \sum_{c \supseteq a \cup b} w_c \) and
 * \( (X^\top W z)_a = \sum_{c \supseteq a} w_c z_c \) are read from superset sums computed in
 * \( O(K 2^K) \), and \( \eta_c = \sum_{t \subseteq c} \beta_t \) from a subset sum; the system is
 * solved by Cholesky. Everything lives in preallocated arrays; an iteration allocates nothing.
 * Converged values agree with the QR path to about 1e-9 relative (checked in the tests). Not thread-safe.
 */
final class LogLinearIrls {
    private final int k;
    private final int cells;
    private final double[] y;
    private final double lgammaSum; // sum over all cells of log(y!)
    private final double[] lgy;
    private final double[] mu;
    private final double[] eta;
    private final double[] w;
    private final double[] wz;
    private final double[] sumW;
    private final double[] sumWz;
    private final double[] coefByMask;
    private final double[] a;
    private final double[] b;
    private final double[] beta;
    private final double[] betaOld;
    private final boolean[] active;
    private final int maxP;
    private final double epsilon;
    private final int maxIterations;
    /** Results of the last fit. */
    double loglik;
    double deviance;
    double b0;
    int iterations;

    LogLinearIrls(int k, long[] counts, double epsilon, int maxIterations) {
        this.k = k;
        this.cells = 1 << k;
        this.epsilon = epsilon;
        this.maxIterations = maxIterations;
        y = new double[cells];
        lgy = new double[cells];
        double s = 0;
        for (int c = 1; c < cells; c++) {
            y[c] = counts[c];
            lgy[c] = Gamma.logGamma(y[c] + 1);
            s += lgy[c];
        }
        lgammaSum = s;
        mu = new double[cells];
        eta = new double[cells];
        w = new double[cells];
        wz = new double[cells];
        sumW = new double[cells];
        sumWz = new double[cells];
        coefByMask = new double[cells];
        active = new boolean[cells];
        maxP = Math.min(cells, 1 + k + k * (k - 1) / 2 + 128);
        a = new double[maxP * maxP];
        b = new double[maxP];
        beta = new double[maxP];
        betaOld = new double[maxP];
    }

    /** @return the fitted mean of a cell after {@link #fit} (0 for cells left out) */
    double fitted(int cell) {
        return active[cell] ? mu[cell] : 0;
    }

    /**
     * @param retained the cells in the fit
     * @param cols 0 for the intercept, then term masks
     * @return false if the normal equations are singular (not identifiable) or IRLS does not converge
     */
    boolean fit(int[] retained, int[] cols) {
        int p = cols.length;
        if (p > maxP) {
            return false;
        }
        java.util.Arrays.fill(active, false);
        for (int c : retained) {
            active[c] = true;
        }
        for (int c : retained) {
            mu[c] = y[c] + 0.1;
            eta[c] = Math.log(mu[c]);
        }
        double devOld = dev(retained);
        boolean haveOld = false;
        for (int iter = 1; iter <= maxIterations; iter++) {
            java.util.Arrays.fill(w, 0.0);
            java.util.Arrays.fill(wz, 0.0);
            for (int c : retained) {
                w[c] = mu[c];
                wz[c] = mu[c] * eta[c] + (y[c] - mu[c]);
            }
            supersetSums(w, sumW);
            supersetSums(wz, sumWz);
            for (int i = 0; i < p; i++) {
                for (int j = 0; j <= i; j++) {
                    a[i * p + j] = sumW[cols[i] | cols[j]];
                }
                b[i] = sumWz[cols[i]];
            }
            if (!cholesky(p)) {
                return false;
            }
            solve(p);
            double dev = update(retained, cols, p);
            int halvings = 0;
            while (!(dev < Double.POSITIVE_INFINITY) || !valid(retained)) {
                if (!haveOld || ++halvings > maxIterations) {
                    return false;
                }
                for (int j = 0; j < p; j++) {
                    beta[j] = (beta[j] + betaOld[j]) / 2;
                }
                dev = update(retained, cols, p);
            }
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
                iterations = iter;
                deviance = dev;
                b0 = beta[0];
                double l = 0;
                for (int c : retained) {
                    l += (y[c] > 0 ? y[c] * eta[c] : 0) - mu[c] - lgy[c];
                }
                loglik = l;
                return true;
            }
            devOld = dev;
            System.arraycopy(beta, 0, betaOld, 0, p);
            haveOld = true;
        }
        return false;
    }

    /**
     * Rank of the unweighted design on the retained cells, by Cholesky of \( X^\top X \) in column order
     * (a column whose remaining squared norm is below 1e-10 of its own is aliased, as dqrdc2 with tolerance 1e-7
     * up to rounding).
     * @return true if the design has full column rank
     */
    boolean fullRank(int[] retained, int[] cols) {
        int p = cols.length;
        if (p > maxP) {
            return false;
        }
        java.util.Arrays.fill(w, 0.0);
        for (int c : retained) {
            w[c] = 1;
        }
        supersetSums(w, sumW);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                a[i * p + j] = sumW[cols[i] | cols[j]];
            }
        }
        return cholesky(p);
    }

    private boolean valid(int[] retained) {
        for (int c : retained) {
            if (!(mu[c] > 0 && mu[c] < Double.POSITIVE_INFINITY)) {
                return false;
            }
        }
        return true;
    }

    private double dev(int[] retained) {
        double d = 0;
        for (int c : retained) {
            d += 2 * (y[c] > 0 ? y[c] * Math.log(y[c] / mu[c]) - (y[c] - mu[c]) : mu[c]);
        }
        return d;
    }

    private double update(int[] retained, int[] cols, int p) {
        java.util.Arrays.fill(coefByMask, 0.0);
        for (int j = 0; j < p; j++) {
            coefByMask[cols[j]] = beta[j];
        }
        // eta_c = sum over terms t subset of c of beta_t: subset-sum transform
        for (int bit = 1; bit < cells; bit <<= 1) {
            for (int m = 0; m < cells; m++) {
                if ((m & bit) != 0) {
                    coefByMask[m] += coefByMask[m ^ bit];
                }
            }
        }
        for (int c : retained) {
            eta[c] = coefByMask[c];
            mu[c] = Math.exp(eta[c]);
        }
        return dev(retained);
    }

    private void supersetSums(double[] in, double[] out) {
        System.arraycopy(in, 0, out, 0, cells);
        for (int bit = 1; bit < cells; bit <<= 1) {
            for (int m = 0; m < cells; m++) {
                if ((m & bit) == 0) {
                    out[m] += out[m | bit];
                }
            }
        }
    }

    /** In-place Cholesky of the lower triangle of a (p x p, row-major); false if not positive definite. */
    private boolean cholesky(int p) {
        for (int j = 0; j < p; j++) {
            double orig = a[j * p + j];
            double d = orig;
            for (int m = 0; m < j; m++) {
                d -= a[j * p + m] * a[j * p + m];
            }
            if (!(d > 1e-10 * orig) || !(orig > 0)) {
                return false;
            }
            double l = Math.sqrt(d);
            a[j * p + j] = l;
            for (int i = j + 1; i < p; i++) {
                double s = a[i * p + j];
                for (int m = 0; m < j; m++) {
                    s -= a[i * p + m] * a[j * p + m];
                }
                a[i * p + j] = s / l;
            }
        }
        return true;
    }

    private void solve(int p) {
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int m = 0; m < i; m++) {
                s -= a[i * p + m] * beta[m];
            }
            beta[i] = s / a[i * p + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double s = beta[i];
            for (int m = i + 1; m < p; m++) {
                s -= a[m * p + i] * beta[m];
            }
            beta[i] = s / a[i * p + i];
        }
    }

    double lgammaSum() {
        return lgammaSum;
    }
}
