package org.prevalence.survey.model;

import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.ParallelLoop;

/**
 * Iteratively reweighted least squares for a GLM with prior weights (package-private): Fisher
 * scoring as R's {@code glm.fit} (McCullagh and Nelder 1989, section 2.5). With working weights
 * \( W = w \mu'(\eta)^2 / V(\mu) \), information \( A = X^T W X \) and score
 * \( U = \sum_i x_i w_i \mu'(\eta_i)(y_i - \mu_i)/V(\mu_i) \), the first step is R's weighted least
 * squares from its starting means and every later one \( \beta \leftarrow \beta + A^{-1} U \), whose
 * fixed point \( U = 0 \) does not depend on the precision of the solve. Each iteration is one pass
 * over the rows accumulating \( A \), \( U \) and the deviance (in fixed chunks of rows summed in
 * order, so the result is the same for every number of threads); \( A \) is solved by a Cholesky
 * factorization after scaling it to unit diagonal. Converged when the step satisfies
 * \( \Delta\beta^T A \Delta\beta / (|D| + 0.1) &lt; 10^{-24} \), so the coefficients are the limit to
 * rounding also for non-canonical links (probit, cloglog), where Fisher scoring converges only
 * linearly (R stops earlier: relative deviance change below 1e-8). A step whose deviance is not
 * finite, or rises, is halved (up to 30 times). A column whose Cholesky pivot (on the unit-diagonal
 * scale) falls below 1e-10 is collinear with the columns before it and refused.
 */
final class Irls {
    /** Convergence: squared step length in the information metric below 1e-24 of the deviance. */
    static final double STEP_TOL = 1e-24;
    private static final double PIVOT_TOL = 1e-10;
    private static final double SEPARATION = 10 * Math.ulp(1.0);
    private static final int CHUNK = 1 << 15;

    /** A fitted model: coefficients, A^-1, deviance. */
    static final class Fit {
        final double[] beta;
        final double[][] xtwxInv;
        final double deviance;
        final int iterations;

        Fit(double[] beta, double[][] xtwxInv, double deviance, int iterations) {
            this.beta = beta;
            this.xtwxInv = xtwxInv;
            this.deviance = deviance;
            this.iterations = iterations;
        }
    }

    /** One pass's sums: the packed upper triangle of A, U (or X'Wz on the first pass), the deviance. */
    private static final class Sums {
        final double[] a;
        final double[] u;
        double dev;

        Sums(int p) {
            a = new double[p * (p + 1) / 2];
            u = new double[p];
        }

        void add(Sums o) {
            for (int k = 0; k < a.length; k++) {
                a[k] += o.a[k];
            }
            for (int k = 0; k < u.length; k++) {
                u[k] += o.u[k];
            }
            dev += o.dev;
        }
    }

    private final ModelMatrix mm;
    private final GlmFamily family;
    private final GlmLink link;
    private final int maxIterations;
    private final int[] rows;
    private final int threads;
    /** The model matrix of the used rows, row-major [k * p + j], for the passes. */
    private final double[] xr;

    Irls(ModelMatrix mm, GlmFamily family, GlmLink link, int maxIterations, int threads) {
        this.mm = mm;
        this.family = family;
        this.link = link;
        this.maxIterations = maxIterations;
        this.threads = threads;
        rows = new int[mm.usedCount];
        int k = 0;
        for (int i = 0; i < mm.used.length; i++) {
            if (mm.used[i]) {
                rows[k++] = i;
            }
        }
        int p = mm.x.length;
        xr = new double[rows.length * p];
        for (int j = 0; j < p; j++) {
            double[] xj = mm.x[j];
            for (int r = 0; r < rows.length; r++) {
                xr[r * p + j] = xj[rows[r]];
            }
        }
    }

    private Irls(Irls o, int threads) {
        this.mm = o.mm;
        this.family = o.family;
        this.link = o.link;
        this.maxIterations = o.maxIterations;
        this.threads = threads;
        this.rows = o.rows;
        this.xr = o.xr;
    }

    /** @return this fitter with another number of threads for its passes (sharing its arrays) */
    Irls withThreads(int t) {
        return new Irls(this, t);
    }

    /**
     * @param w prior weights [row] (design or replicate weights)
     * @param start starting coefficients, or null for R's starting means
     * @param what for messages, e.g. "the model" or "replicate 3"
     * @return the fit
     */
    Fit fit(double[] w, double[] start, String what) {
        int p = mm.x.length;
        if (rows.length < p) {
            throw PrevalenceException.notEstimable("model", "%s has %d coefficients but only %d rows", what, p, rows.length);
        }
        double[] beta;
        Sums s;
        if (start == null) {
            Sums first = pass(w, null);
            beta = solve(first.a, first.u, what);
        } else {
            beta = start.clone();
        }
        s = pass(w, beta);
        for (int it = 1; it <= maxIterations; it++) {
            double[] step = solve(s.a, s.u, what);
            double q = 0; // step' A step, A packed upper triangle
            for (int j = 0; j < p; j++) {
                for (int k = j; k < p; k++) {
                    q += (j == k ? 1 : 2) * s.a[index(j, k, p)] * step[j] * step[k];
                }
            }
            double[] next = new double[p];
            for (int j = 0; j < p; j++) {
                next[j] = beta[j] + step[j];
            }
            if (q / (Math.abs(s.dev) + 0.1) < STEP_TOL) {
                // the last step is negligible: A (and the deviance) at beta serve for beta + step
                return new Fit(next, inverse(s.a, what), s.dev, it);
            }
            Sums s1 = pass(w, next);
            int halvings = 0;
            while (!Double.isFinite(s1.dev) || s1.dev > s.dev + 1e-9 * Math.abs(s.dev) + 1e-12) {
                if (++halvings > 30) {
                    throw PrevalenceException.notConverged(what, "%s: the fit cannot reduce the deviance (step halving "
                            + "failed at iteration %d)", what, it);
                }
                for (int j = 0; j < p; j++) {
                    step[j] /= 2;
                    next[j] = beta[j] + step[j];
                }
                s1 = pass(w, next);
            }
            beta = next;
            s = s1;
        }
        if (family.isBinomial() && start == null) {
            double[] mu = new double[mm.used.length];
            predict(beta, new double[mu.length], mu);
            checkSeparation(mm, beta, mu, rows);
        }
        throw PrevalenceException.notConverged(what, "%s did not converge in %d iterations (deviance %s); the data "
                + "may be separated or the model too large for the data", what, maxIterations, s.dev);
    }

    private static int index(int j, int k, int p) {
        return j * p - j * (j - 1) / 2 + (k - j);
    }

    /**
     * One pass over the rows at beta (or, for beta null, at R's starting means): A, and U (X'Wz on the
     * starting pass), and the deviance.
     */
    private Sums pass(double[] w, double[] beta) {
        int p = mm.x.length;
        int m = rows.length;
        int chunks = (m + CHUNK - 1) / CHUNK;
        Sums[] part = new Sums[chunks];
        ParallelLoop.run(chunks, threads, c -> part[c] = chunk(w, beta, c * CHUNK, Math.min(m, (c + 1) * CHUNK)));
        Sums s = new Sums(p);
        for (Sums x : part) {
            s.add(x);
        }
        return s;
    }

    private Sums chunk(double[] w, double[] beta, int from, int to) {
        int p = mm.x.length;
        double[] y = mm.y;
        double[] off = mm.offset;
        Sums s = new Sums(p);
        double[] a = s.a;
        double[] u = s.u;
        double[] xi = new double[p];
        boolean logit = family.isBinomial() && link == GlmLink.LOGIT;
        double dev = 0;
        double[] xr = this.xr;
        for (int k = from; k < to; k++) {
            int i = rows[k];
            int base = k * p;
            for (int j = 0; j < p; j++) {
                xi[j] = xr[base + j];
            }
            double eta;
            double mu;
            if (beta == null) {
                mu = family.start(y[i]);
                eta = link.link(mu);
            } else {
                eta = off[i];
                for (int j = 0; j < p; j++) {
                    eta += xi[j] * beta[j];
                }
                mu = link.inverse(eta);
            }
            double d;
            double v;
            if (logit && eta >= -30 && eta <= 30) {
                v = mu * (1 - mu); // canonical logit: mu'(eta) = V(mu) = mu (1 - mu)
                d = Math.max(v, GlmLink.EPS);
            } else {
                d = link.derivative(eta);
                v = family.variance(mu);
            }
            double wt = w[i] * d * d / v;
            double r = beta == null ? eta - off[i] + (y[i] - mu) / d : w[i] * d * (y[i] - mu) / v;
            double ur = beta == null ? wt * r : r;
            int q = 0;
            for (int j = 0; j < p; j++) {
                double wx = wt * xi[j];
                for (int l = j; l < p; l++) {
                    a[q++] += wx * xi[l];
                }
                u[j] += ur * xi[j];
            }
            dev += w[i] * family.unitDeviance(y[i], mu);
        }
        s.dev = dev;
        return s;
    }

    /** Solves A x = b (A packed, upper) by Cholesky on the unit-diagonal scale. */
    private double[] solve(double[] ap, double[] b, String what) {
        int p = b.length;
        double[][] l = cholesky(ap, p, what);
        double[] sc = scale(ap, p);
        double[] z = new double[p];
        for (int j = 0; j < p; j++) {
            double s = b[j] * sc[j];
            for (int k = 0; k < j; k++) {
                s -= l[j][k] * z[k];
            }
            z[j] = s / l[j][j];
        }
        double[] x = new double[p];
        for (int j = p - 1; j >= 0; j--) {
            double s = z[j];
            for (int k = j + 1; k < p; k++) {
                s -= l[k][j] * x[k];
            }
            x[j] = s / l[j][j];
        }
        for (int j = 0; j < p; j++) {
            x[j] *= sc[j];
        }
        return x;
    }

    private static double[] scale(double[] ap, int p) {
        double[] sc = new double[p];
        for (int j = 0; j < p; j++) {
            double d = ap[index(j, j, p)];
            sc[j] = d > 0 ? 1 / Math.sqrt(d) : 1;
        }
        return sc;
    }

    /** Lower Cholesky factor of D A D (D = diag(A)^-1/2), refusing a column with a pivot below 1e-10. */
    private double[][] cholesky(double[] ap, int p, String what) {
        double[] sc = scale(ap, p);
        double[][] l = new double[p][p];
        for (int j = 0; j < p; j++) {
            double diag = ap[index(j, j, p)];
            if (!(diag > 0)) {
                throw collinear(j, what);
            }
            double s = 1;
            for (int k = 0; k < j; k++) {
                s -= l[j][k] * l[j][k];
            }
            if (!(s > PIVOT_TOL)) {
                throw collinear(j, what);
            }
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < p; i++) {
                double t = ap[index(j, i, p)] * sc[i] * sc[j];
                for (int k = 0; k < j; k++) {
                    t -= l[i][k] * l[j][k];
                }
                l[i][j] = t / l[j][j];
            }
        }
        return l;
    }

    private PrevalenceException collinear(int j, String what) {
        return PrevalenceException.notEstimable("term '" + mm.names[j] + "'",
                "the column '%s' of %s is collinear with the columns before it (or zero); R would report its "
                        + "coefficient as NA; drop the term", mm.names[j], what);
    }

    /** A^-1 from the scaled Cholesky factor. */
    private double[][] inverse(double[] ap, String what) {
        int p = mm.x.length;
        double[][] l = cholesky(ap, p, what);
        double[] sc = scale(ap, p);
        double[][] li = new double[p][p]; // L^-1, lower
        for (int j = 0; j < p; j++) {
            li[j][j] = 1 / l[j][j];
            for (int i = j + 1; i < p; i++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s -= l[i][k] * li[k][j];
                }
                li[i][j] = s / l[i][i];
            }
        }
        double[][] inv = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double s = 0;
                for (int k = j; k < p; k++) {
                    s += li[k][i] * li[k][j];
                }
                inv[i][j] = s * sc[i] * sc[j];
                inv[j][i] = inv[i][j];
            }
        }
        return inv;
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

    int[] rows() {
        return rows;
    }
}
