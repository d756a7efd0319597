package org.prevalence.survey.model;

import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;

/**
 * Iteratively reweighted least squares for a GLM with prior weights (package-private): Fisher
 * scoring as R's {@code glm.fit} (McCullagh and Nelder 1989, section 2.5). Each step solves the
 * weighted least-squares problem of the working response
 * \( z = \eta - o + (y - \mu)/\mu'(\eta) \) with working weights \( W = w \mu'(\eta)^2 / V(\mu) \) by a
 * Householder QR of \( W^{1/2} X \) (no normal equations). Converged when the step
 * \( \Delta\beta \) satisfies \( \Delta\beta^T X^T W X \Delta\beta / (|D| + 0.1) &lt; 10^{-24} \), so the
 * coefficients are the limit to rounding also for non-canonical links (probit, cloglog), where
 * Fisher scoring converges only linearly (R stops earlier: relative deviance change below 1e-8). A step
 * whose deviance is not finite, or rises, is halved (up to 30 times).
 */
final class Irls {
    /** Convergence: squared step length in the information metric below 1e-24 of the deviance. */
    static final double STEP_TOL = 1e-24;
    private static final double RANK_TOL = 1e-7;
    private static final double SEPARATION = 10 * Math.ulp(1.0);

    /** A fitted model: coefficients, linear predictor and means per row, (X'WX)^-1, deviance. */
    static final class Fit {
        final double[] beta;
        final double[] eta;
        final double[] mu;
        final double[][] xtwxInv;
        final double deviance;
        final int iterations;

        Fit(double[] beta, double[] eta, double[] mu, double[][] xtwxInv, double deviance, int iterations) {
            this.beta = beta;
            this.eta = eta;
            this.mu = mu;
            this.xtwxInv = xtwxInv;
            this.deviance = deviance;
            this.iterations = iterations;
        }
    }

    private final ModelMatrix mm;
    private final GlmFamily family;
    private final GlmLink link;
    private final int maxIterations;
    private final int[] rows;

    Irls(ModelMatrix mm, GlmFamily family, GlmLink link, int maxIterations) {
        this.mm = mm;
        this.family = family;
        this.link = link;
        this.maxIterations = maxIterations;
        rows = new int[mm.usedCount];
        int k = 0;
        for (int i = 0; i < mm.used.length; i++) {
            if (mm.used[i]) {
                rows[k++] = i;
            }
        }
    }

    /**
     * @param w prior weights [row] (design or replicate weights)
     * @param start starting coefficients, or null for R's starting means
     * @param what for messages, e.g. "the model" or "replicate 3"
     * @return the fit
     */
    Fit fit(double[] w, double[] start, String what) {
        int p = mm.x.length;
        int m = rows.length;
        int n = mm.used.length;
        double[] eta = new double[n];
        double[] mu = new double[n];
        double[] beta;
        if (start == null) {
            for (int i : rows) {
                mu[i] = family.start(mm.y[i]);
                eta[i] = link.link(mu[i]);
            }
            beta = null;
        } else {
            beta = start.clone();
            predict(beta, eta, mu);
        }
        double dev = deviance(w, mu);
        double[][] a = new double[p][m];
        double[] b = new double[m];
        double[][] r = new double[p][p];
        double[] wt = new double[m];
        for (int it = 1; it <= maxIterations; it++) {
            for (int k = 0; k < m; k++) {
                int i = rows[k];
                double d = link.derivative(eta[i]);
                wt[k] = w[i] * d * d / family.variance(mu[i]);
                double sw = Math.sqrt(wt[k]);
                double z = eta[i] - mm.offset[i] + (mm.y[i] - mu[i]) / d;
                b[k] = sw * z;
                for (int j = 0; j < p; j++) {
                    a[j][k] = sw * mm.x[j][i];
                }
            }
            double[] next = solve(a, b, r, what);
            double[] eta1 = new double[n];
            double[] mu1 = new double[n];
            predict(next, eta1, mu1);
            double dev1 = deviance(w, mu1);
            int halvings = 0;
            while (beta != null && (!Double.isFinite(dev1) || dev1 > dev + 1e-9 * Math.abs(dev) + 1e-12)) {
                if (++halvings > 30) {
                    throw PrevalenceException.notConverged(what, "%s: the fit cannot reduce the deviance (step halving "
                            + "failed at iteration %d)", what, it);
                }
                for (int j = 0; j < p; j++) {
                    next[j] = (next[j] + beta[j]) / 2;
                }
                predict(next, eta1, mu1);
                dev1 = deviance(w, mu1);
            }
            // the step's squared length in the information metric, relative to the deviance
            double q = 0;
            for (int k = 0; k < m; k++) {
                int i = rows[k];
                double e = eta1[i] - eta[i];
                q += wt[k] * e * e;
            }
            boolean done = beta != null && q / (Math.abs(dev1) + 0.1) < STEP_TOL;
            beta = next;
            eta = eta1;
            mu = mu1;
            dev = dev1;
            if (done) {
                return finish(beta, eta, mu, r, dev, it, w, what);
            }
        }
        if (family.isBinomial() && start == null) {
            checkSeparation(mm, beta, mu, rows);
        }
        throw PrevalenceException.notConverged(what, "%s did not converge in %d iterations (deviance %s); the data "
                + "may be separated or the model too large for the data", what, maxIterations, dev);
    }

    /** Refuses fitted probabilities within 10 machine epsilons of 0 or 1 (R's glm.fit warning), naming the largest coefficient. */
    static void checkSeparation(ModelMatrix mm, double[] beta, double[] mu, int[] rows) {
        for (int i : rows) {
            if (mu[i] < SEPARATION || mu[i] > 1 - SEPARATION) {
                int worst = mm.names[0].equals("(Intercept)") && mm.names.length > 1 ? 1 : 0;
                for (int j = worst; j < beta.length; j++) {
                    if (!mm.names[j].equals("(Intercept)") && Math.abs(beta[j]) > Math.abs(beta[worst])) {
                        worst = j;
                    }
                }
                throw PrevalenceException.notEstimable("term '" + mm.names[worst] + "'",
                        "fitted probabilities are numerically 0 or 1 (first at row %d): the response is perfectly "
                                + "separated, most likely by term '%s' (coefficient %s); its estimate is infinite. "
                                + "Drop or merge levels of that term", i + 1, mm.names[worst],
                        Format.number(beta[worst]));
            }
        }
    }

    private Fit finish(double[] beta, double[] eta, double[] mu, double[][] r, double dev, int it, double[] w,
                       String what) {
        // the working weights at the final coefficients give X'WX for the sandwich
        int p = beta.length;
        int m = rows.length;
        double[][] a = new double[p][m];
        double[] b = new double[m];
        for (int k = 0; k < m; k++) {
            int i = rows[k];
            double d = link.derivative(eta[i]);
            double sw = Math.sqrt(w[i] * d * d / family.variance(mu[i]));
            for (int j = 0; j < p; j++) {
                a[j][k] = sw * mm.x[j][i];
            }
        }
        solve(a, b, r, what);
        double[][] rinv = new double[p][p];
        for (int j = p - 1; j >= 0; j--) { // R^-1, upper triangular
            rinv[j][j] = 1 / r[j][j];
            for (int k = j + 1; k < p; k++) {
                double s = 0;
                for (int l = j; l < k; l++) {
                    s += rinv[j][l] * r[l][k];
                }
                rinv[j][k] = -s / r[k][k];
            }
        }
        double[][] inv = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double s = 0;
                for (int k = j; k < p; k++) {
                    s += rinv[i][k] * rinv[j][k];
                }
                inv[i][j] = s;
                inv[j][i] = s;
            }
        }
        return new Fit(beta, eta, mu, inv, dev, it);
    }

    void predict(double[] beta, double[] eta, double[] mu) {
        for (int i : rows) {
            double e = mm.offset[i];
            for (int j = 0; j < beta.length; j++) {
                e += mm.x[j][i] * beta[j];
            }
            eta[i] = e;
            mu[i] = link.inverse(e);
        }
    }

    double deviance(double[] w, double[] mu) {
        double s = 0;
        for (int i : rows) {
            s += w[i] * family.unitDeviance(mm.y[i], mu[i]);
        }
        return s;
    }

    /**
     * Least squares by Householder QR: overwrites a (columns [j][row]) and b, fills r, returns the
     * coefficients; a column whose remaining norm is below 1e-7 of its own norm is collinear (R's
     * {@code dqrdc2} tolerance), refused naming the column.
     */
    private double[] solve(double[][] a, double[] b, double[][] r, String what) {
        int p = a.length;
        int m = b.length;
        if (m < p) {
            throw PrevalenceException.notEstimable("model", "%s has %d coefficients but only %d rows", what, p, m);
        }
        for (int j = 0; j < p; j++) {
            double[] aj = a[j];
            double full = 0;
            double norm = 0;
            for (int i = 0; i < m; i++) {
                full += aj[i] * aj[i];
                if (i >= j) {
                    norm += aj[i] * aj[i];
                }
            }
            norm = Math.sqrt(norm);
            if (!(norm > RANK_TOL * Math.sqrt(full))) {
                throw PrevalenceException.notEstimable("term '" + mm.names[j] + "'",
                        "the column '%s' of %s is collinear with the columns before it (or constant zero); R would "
                                + "report its coefficient as NA; drop the term", mm.names[j], what);
            }
            double alpha = aj[j] > 0 ? -norm : norm;
            aj[j] -= alpha;
            double vnorm2 = 0;
            for (int i = j; i < m; i++) {
                vnorm2 += aj[i] * aj[i];
            }
            for (int k = j + 1; k < p; k++) {
                double[] ak = a[k];
                double s = 0;
                for (int i = j; i < m; i++) {
                    s += aj[i] * ak[i];
                }
                s *= 2 / vnorm2;
                for (int i = j; i < m; i++) {
                    ak[i] -= s * aj[i];
                }
            }
            double s = 0;
            for (int i = j; i < m; i++) {
                s += aj[i] * b[i];
            }
            s *= 2 / vnorm2;
            for (int i = j; i < m; i++) {
                b[i] -= s * aj[i];
            }
            r[j][j] = alpha;
            for (int k = j + 1; k < p; k++) {
                r[j][k] = a[k][j];
            }
        }
        double[] beta = new double[p];
        for (int j = p - 1; j >= 0; j--) {
            double s = b[j];
            for (int k = j + 1; k < p; k++) {
                s -= r[j][k] * beta[k];
            }
            beta[j] = s / r[j][j];
        }
        return beta;
    }

    int[] rows() {
        return rows;
    }
}
