package org.prevalence.mse.covariate;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * A fast Poisson log-linear fit for scoring candidate models: Newton-Raphson (IRLS) on the normal equations
 * \( X^\top W X \beta = X^\top W z \), accumulated over the sparse rows of the design and solved by a Cholesky
 * decomposition in column order that drops a column whose squared residual norm falls below \( 10^{-9} \) of
 * its own (as the limited pivoting of R's {@code dqrdc2} drops columns in order, on norms), warm-started from
 * given fitted values (the parent model's) and iterated to a relative deviance change below \( 10^{-11} \)
 * (McCullagh and Nelder 1989, 2.5). It reaches the same maximum as {@code PoissonRegression} (R's
 * {@code glm.fit}); where the comparison could differ it says so by {@link #needsExact()}: a fitted value
 * near 0 (a boundary fit, where R's answer depends on where it stopped), a column near the aliasing
 * threshold, a step that does not lower the deviance, or no convergence. Not thread-safe; one per thread;
 * allocates nothing once its buffers have grown.
 */
final class NormalFitter {
    private static final double ALIASED = 1e-9;
    private static final double AMBIGUOUS_LOW = 1e-12;
    private static final double AMBIGUOUS_HIGH = 1e-5;
    private static final double TOLERANCE = 1e-10;
    private static final int MAX_ITERATIONS = 60;

    private final ModelDesign design;
    private final int n;
    private double[] y;
    private double lgammaSum;
    private double[][] cols = new double[0][];
    private int[] rowStart;
    private int[] colIdx = new int[0];
    private double[] vals = new double[0];
    private double[] a = new double[0];
    private double[] l = new double[0];
    private double[] b = new double[0];
    private double[] beta = new double[0];
    private boolean[] aliased = new boolean[0];
    private final int[] pos;
    private double[] glmStart = new double[0];
    private final double[] eta;
    private final double[] mu;
    private int p;
    private int rank;
    private double logLik;
    private double deviance;
    private boolean exact;

    NormalFitter(ModelDesign design) {
        this.design = design;
        this.n = design.fitRows().length;
        rowStart = new int[n + 1];
        pos = new int[n];
        eta = new double[n];
        mu = new double[n];
        double[] counts = new double[n];
        for (int i = 0; i < n; i++) {
            counts[i] = design.table().count(design.fitRows()[i]);
        }
        counts(counts);
    }

    /** Sets the counts of the fit rows (a bootstrap replicate's). */
    void counts(double[] v) {
        y = v;
        double s = 0;
        for (double c : v) {
            s += Gamma.logGamma(c + 1);
        }
        lgammaSum = s;
    }

    /**
     * Fits the model.
     * @param terms the terms (main effects included)
     * @param start the starting fitted values over the fit rows, all positive
     * @return false if the fit failed or {@link #needsExact()}
     */
    boolean fit(List<Term> terms, double[] start) {
        return run(terms, start, TOLERANCE, MAX_ITERATIONS, true);
    }

    /**
     * Fits the model as R's {@code glm.fit} does: from \( \mu = y + 0.1 \), to a relative deviance change below
     * 1e-8 in at most 25 iterations. The iterates are glm.fit's (each weighted least-squares step has one
     * solution), computed by the normal equations rather than a QR decomposition; so are the figures.
     * @param terms the terms
     * @return false if the fit failed or {@link #needsExact()}
     */
    boolean fitGlm(List<Term> terms) {
        if (glmStart.length != n) {
            glmStart = new double[n];
        }
        for (int i = 0; i < n; i++) {
            glmStart[i] = y[i] + 0.1;
        }
        return run(terms, glmStart, 1e-8, 25, false);
    }

    private boolean run(List<Term> terms, double[] start, double tolerance, int maxIterations, boolean monotone) {
        exact = false;
        build(terms);
        if (!decideRank()) {
            exact = true;
            return false;
        }
        for (int i = 0; i < n; i++) {
            mu[i] = start[i];
            eta[i] = Math.log(start[i]);
        }
        double devOld = dev();
        for (int iter = 1; iter <= maxIterations; iter++) {
            if (!step()) {
                exact = true;
                return false;
            }
            double d = dev();
            if (!(d < Double.POSITIVE_INFINITY) || monotone && iter > 1 && d > devOld + 1e-9 * Math.abs(devOld) + 1e-9) {
                exact = true;
                return false;
            }
            if (Math.abs(d - devOld) / (Math.abs(d) + 0.1) < tolerance) {
                deviance = d;
                double ll = -lgammaSum;
                double min = Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    ll += (y[i] > 0 ? y[i] * eta[i] : 0) - mu[i];
                    min = Math.min(min, mu[i]);
                }
                logLik = ll;
                if (!(min > 0)) {
                    exact = true;
                }
                return !exact;
            }
            devOld = d;
        }
        exact = true;
        return false;
    }

    /** @return true if this fit may not reproduce R's to the search's precision: use PoissonRegression */
    boolean needsExact() {
        return exact;
    }

    int rank() {
        return rank;
    }

    double logLikelihood() {
        return logLik;
    }

    double deviance() {
        return deviance;
    }

    /** @return the fitted values over the fit rows (this fitter's buffer) */
    double[] fitted() {
        return mu;
    }

    /** @return the coefficients by column (0 for an aliased one), this fitter's buffer */
    double[] coefficients() {
        return beta;
    }

    /** @return whether column j of the last fit was dropped as aliased */
    boolean isAliased(int j) {
        return aliased[j];
    }

    int width() {
        return p;
    }

    private void build(List<Term> terms) {
        p = design.width(terms);
        if (cols.length < p) {
            cols = new double[p][];
            a = new double[p * p];
            l = new double[p * p];
            b = new double[p];
            beta = new double[p];
            aliased = new boolean[p];
        }
        int j = 1;
        for (Term t : terms) {
            for (double[] c : design.fitColumns(t)) {
                cols[j++] = c;
            }
        }
        int[] start = rowStart;
        Arrays.fill(start, 0);
        for (int i = 0; i < n; i++) {
            start[i + 1] = 1; // the intercept
        }
        for (int k = 1; k < p; k++) {
            double[] c = cols[k];
            for (int i = 0; i < n; i++) {
                if (c[i] != 0) {
                    start[i + 1]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int nnz = start[n];
        if (colIdx.length < nnz) {
            colIdx = new int[nnz];
            vals = new double[nnz];
        }
        for (int i = 0; i < n; i++) {
            colIdx[start[i]] = 0;
            vals[start[i]] = 1;
        }
        for (int i = 0; i < n; i++) {
            pos[i] = start[i] + 1;
        }
        for (int k = 1; k < p; k++) {
            double[] c = cols[k];
            for (int i = 0; i < n; i++) {
                if (c[i] != 0) {
                    colIdx[pos[i]] = k;
                    vals[pos[i]++] = c[i];
                }
            }
        }
    }

    /** Accumulates X'WX (upper triangle) and X'Wz over the sparse rows; w null for unit weights. */
    private void accumulate(boolean unit) {
        Arrays.fill(a, 0, p * p, 0.0);
        Arrays.fill(b, 0, p, 0.0);
        for (int i = 0; i < n; i++) {
            double w = unit ? 1 : mu[i];
            double z = unit ? 0 : eta[i] + (y[i] - mu[i]) / mu[i];
            int e = rowStart[i + 1];
            for (int s = rowStart[i]; s < e; s++) {
                int ca = colIdx[s];
                double va = vals[s] * w;
                b[ca] += va * z;
                int row = ca * p;
                for (int t = s; t < e; t++) {
                    a[row + colIdx[t]] += va * vals[t];
                }
            }
        }
    }

    /**
     * Cholesky of the accumulated matrix in column order. With {@code decide}, a column whose squared residual
     * norm is below ALIASED of its own is marked aliased (false if one is near that threshold); otherwise the
     * aliased set is kept and false is returned if a kept column has lost its pivot.
     */
    private boolean cholesky(boolean decide) {
        rank = 0;
        for (int j = 0; j < p; j++) {
            if (!decide && aliased[j]) {
                continue;
            }
            double ajj = a[j * p + j];
            double s = ajj;
            for (int k = 0; k < j; k++) {
                if (!aliased[k]) {
                    s -= l[j * p + k] * l[j * p + k];
                }
            }
            double ratio = ajj > 0 ? s / ajj : 0;
            if (decide) {
                if (ratio < ALIASED) {
                    if (ratio > AMBIGUOUS_LOW) {
                        return false;
                    }
                    aliased[j] = true;
                    continue;
                }
                if (ratio < AMBIGUOUS_HIGH) {
                    return false;
                }
                aliased[j] = false;
            } else if (!(s > 0)) {
                return false;
            }
            rank++;
            double d = Math.sqrt(s);
            l[j * p + j] = d;
            for (int i = j + 1; i < p; i++) {
                double v = a[j * p + i];
                for (int k = 0; k < j; k++) {
                    if (!aliased[k]) {
                        v -= l[i * p + k] * l[j * p + k];
                    }
                }
                l[i * p + j] = v / d;
            }
        }
        return true;
    }

    /** The design's aliased columns, from X'X (the rank of the design on the fit rows). */
    private boolean decideRank() {
        accumulate(true);
        return cholesky(true);
    }

    /** One Newton step from mu/eta; false if the weighted Cholesky fails. */
    private boolean step() {
        accumulate(false);
        if (!cholesky(false)) {
            return false;
        }
        // L c = b, then L' beta = c
        for (int j = 0; j < p; j++) {
            if (aliased[j]) {
                beta[j] = 0;
                continue;
            }
            double v = b[j];
            for (int k = 0; k < j; k++) {
                if (!aliased[k]) {
                    v -= l[j * p + k] * beta[k];
                }
            }
            beta[j] = v / l[j * p + j];
        }
        for (int j = p - 1; j >= 0; j--) {
            if (aliased[j]) {
                continue;
            }
            double v = beta[j];
            for (int i = j + 1; i < p; i++) {
                if (!aliased[i]) {
                    v -= l[i * p + j] * beta[i];
                }
            }
            beta[j] = v / l[j * p + j];
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            int e = rowStart[i + 1];
            for (int t = rowStart[i]; t < e; t++) {
                s += vals[t] * beta[colIdx[t]];
            }
            eta[i] = s;
            mu[i] = Math.exp(s);
        }
        return true;
    }

    private double dev() {
        double d = 0;
        for (int i = 0; i < n; i++) {
            d += y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) - (y[i] - mu[i]) : mu[i];
        }
        return 2 * d;
    }
}
