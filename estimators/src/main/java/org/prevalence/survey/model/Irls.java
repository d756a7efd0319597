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
 * over the rows accumulating \( A \), \( U \) and the deviance in fixed blocks of 8,192 rows (in
 * parallel; the blocks' sums are added in block order, so the result is bit-identical for every number
 * of threads): per block a fused loop over primitive arrays gives each row's working weight and score
 * factor, then \( A \) and \( U \) are dot products over the block's (column-major) model-matrix
 * columns, without per-row allocation or a copy of the matrix; \( A \) is solved by a Cholesky
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
    static final int CHUNK = 1 << 13;

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
    /** Whether every design row is used (then the arrays below are the model matrix's own). */
    private final boolean allRows;
    /** The model matrix of the used rows, column-major [column][k]. */
    private final double[][] xc;
    private final double[] yc;
    private final double[] offc;

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
        allRows = rows.length == mm.used.length;
        int p = mm.x.length;
        if (allRows) {
            xc = mm.x;
            yc = mm.y;
            offc = mm.offset;
        } else {
            xc = new double[p][];
            for (int j = 0; j < p; j++) {
                xc[j] = compact(mm.x[j]);
            }
            yc = compact(mm.y);
            offc = compact(mm.offset);
        }
    }

    private Irls(Irls o, int threads) {
        this.mm = o.mm;
        this.family = o.family;
        this.link = o.link;
        this.maxIterations = o.maxIterations;
        this.threads = threads;
        this.rows = o.rows;
        this.allRows = o.allRows;
        this.xc = o.xc;
        this.yc = o.yc;
        this.offc = o.offc;
    }

    /** @return v at the used rows */
    double[] compact(double[] v) {
        if (allRows) {
            return v;
        }
        double[] c = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            c[k] = v[rows[k]];
        }
        return c;
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
        double[] wc = compact(w);
        double[] beta;
        Sums s;
        if (start == null) {
            Sums first = pass(wc, null);
            beta = solve(first.a, first.u, what);
        } else {
            beta = start.clone();
        }
        s = pass(wc, beta);
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
            Sums s1 = pass(wc, next);
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
                s1 = pass(wc, next);
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

    /** @return the number of fixed row blocks of a pass */
    int blocks() {
        return (rows.length + CHUNK - 1) / CHUNK;
    }

    /**
     * One pass over the rows at beta (or, for beta null, at R's starting means): A, and U (X'Wz on the
     * starting pass), and the deviance. The rows are cut into fixed blocks whose sums are added in
     * block order, so the result does not depend on the number of threads.
     */
    private Sums pass(double[] wc, double[] beta) {
        int p = mm.x.length;
        int m = rows.length;
        int chunks = blocks();
        Sums[] part = new Sums[chunks];
        ParallelLoop.run(chunks, threads, c -> part[c] = chunk(wc, beta, c * CHUNK, Math.min(m, (c + 1) * CHUNK)));
        Sums s = new Sums(p);
        for (Sums x : part) {
            s.add(x);
        }
        return s;
    }

    /**
     * The linear predictor of rows [from, to) of the used rows into eta[0..].
     */
    void eta(double[] beta, int from, int to, double[] eta) {
        int len = to - from;
        System.arraycopy(offc, from, eta, 0, len);
        for (int j = 0; j < beta.length; j++) {
            double b = beta[j];
            double[] xj = xc[j];
            for (int k = 0; k < len; k++) {
                eta[k] += xj[from + k] * b;
            }
        }
    }

    /**
     * One block: per row the working weight and the score (or working-response) factor in a fused scalar
     * loop, then A and U as dot products over the block's columns (4 partial sums each, added in a
     * fixed order).
     */
    private Sums chunk(double[] w, double[] beta, int from, int to) {
        int p = mm.x.length;
        int len = to - from;
        double[] y = yc;
        double[] off = offc;
        Sums s = new Sums(p);
        double[] wt = new double[len];
        double[] ur = new double[len];
        double[] eta = new double[len];
        boolean logit = family.isBinomial() && link == GlmLink.LOGIT;
        double dev = 0;
        if (beta == null) {
            for (int k = 0; k < len; k++) {
                int i = from + k;
                double mu = family.start(y[i]);
                double e = link.link(mu);
                // logit: mu'(eta) = mu (1 - mu) (only the starting point; the limit does not depend on it)
                double d = logit ? Math.max(mu * (1 - mu), GlmLink.EPS) : link.derivative(e);
                double v = family.variance(mu);
                wt[k] = w[i] * d * d / v;
                ur[k] = wt[k] * (e - off[i] + (y[i] - mu) / d);
                dev += w[i] * family.unitDeviance(y[i], mu);
            }
        } else {
            eta(beta, from, to, eta);
            for (int k = 0; k < len; k++) {
                int i = from + k;
                double e = eta[k];
                double yi = y[i];
                double mu;
                if (logit && e >= -30 && e <= 30) {
                    mu = 1 / (1 + Math.exp(-e));
                    double v = mu * (1 - mu); // canonical logit: mu'(eta) = V(mu) = mu (1 - mu)
                    if (v >= GlmLink.EPS) { // then W = w V and the score factor is w (y - mu)
                        wt[k] = w[i] * v;
                        ur[k] = w[i] * (yi - mu);
                    } else {
                        double d = GlmLink.EPS;
                        wt[k] = w[i] * d * d / v;
                        ur[k] = w[i] * d * (yi - mu) / v;
                    }
                } else {
                    mu = link.inverse(e);
                    double d = link.derivative(e);
                    double v = family.variance(mu);
                    wt[k] = w[i] * d * d / v;
                    ur[k] = w[i] * d * (yi - mu) / v;
                }
                double ud;
                if (logit && (yi == 0 || yi == 1)) {
                    ud = -2 * Math.log(yi == 1 ? mu : 1 - mu); // 2 (y log(y/mu) + (1-y) log((1-y)/(1-mu)))
                } else {
                    ud = family.unitDeviance(yi, mu);
                }
                dev += w[i] * ud;
            }
        }
        double[] a = s.a;
        double[] u = s.u;
        double[] wx = new double[len];
        int q = 0;
        for (int j = 0; j < p; j++) {
            double[] xj = xc[j];
            for (int k = 0; k < len; k++) {
                wx[k] = wt[k] * xj[from + k];
            }
            u[j] = dot(ur, 0, xj, from, len);
            int l = j;
            for (; l + 1 < p; l += 2) {
                dot2(wx, xc[l], xc[l + 1], from, len, a, q);
                q += 2;
            }
            if (l < p) {
                a[q++] = dot(wx, 0, xc[l], from, len);
            }
        }
        s.dev = dev;
        return s;
    }

    /**
     * Influence values [coefficient][design row] of the estimating equations at the fit,
     * \( A^{-1} x_i w_i \mu'(\eta_i)(y_i - \mu_i)/V(\mu_i) \) (0 on rows not used), computed in the
     * fixed row blocks in parallel; for a binomial family, refuses fitted probabilities numerically 0 or 1.
     * @param fit the fit
     * @param w the prior weights [design row]
     * @return the influence values
     */
    double[][] influence(Fit fit, double[] w) {
        int p = fit.beta.length;
        int n = mm.used.length;
        double[][] z = new double[p][n];
        double[][] ai = fit.xtwxInv;
        double[] wc = compact(w);
        double[] muAll = family.isBinomial() ? new double[n] : null;
        boolean logit = family.isBinomial() && link == GlmLink.LOGIT;
        int m = rows.length;
        ParallelLoop.run(blocks(), threads, c -> {
            int from = c * CHUNK;
            int to = Math.min(m, from + CHUNK);
            int len = to - from;
            double[] eta = new double[len];
            double[] sc = new double[len];
            eta(fit.beta, from, to, eta);
            for (int k = 0; k < len; k++) {
                int i = from + k;
                double e = eta[k];
                double mu;
                if (logit && e >= -30 && e <= 30) {
                    mu = 1 / (1 + Math.exp(-e));
                    sc[k] = wc[i] * (yc[i] - mu); // mu'(eta) = V(mu)
                } else {
                    mu = link.inverse(e);
                    sc[k] = wc[i] * link.derivative(e) * (yc[i] - mu) / family.variance(mu);
                }
                if (muAll != null) {
                    muAll[rows[i]] = mu;
                }
            }
            double[] v = new double[len];
            for (int a = 0; a < p; a++) {
                double[] aa = ai[a];
                java.util.Arrays.fill(v, 0);
                for (int b = 0; b < p; b++) { // (A^-1 x_i)_a as axpy passes over the block's columns
                    double c0 = aa[b];
                    double[] xb = xc[b];
                    for (int k = 0; k < len; k++) {
                        v[k] += c0 * xb[from + k];
                    }
                }
                double[] za = z[a];
                if (allRows) {
                    for (int k = 0; k < len; k++) {
                        za[from + k] = v[k] * sc[k];
                    }
                } else {
                    for (int k = 0; k < len; k++) {
                        za[rows[from + k]] = v[k] * sc[k];
                    }
                }
            }
        });
        if (muAll != null) {
            checkSeparation(mm, fit.beta, muAll, rows);
        }
        return z;
    }

    /**
     * out[q] = dot(a, b), out[q + 1] = dot(a, c) over [0, len) of a and [bo, bo + len) of b and c, in one
     * loop (a loaded once), each with the partial sums of {@link #dot}.
     */
    static void dot2(double[] a, double[] b, double[] c, int bo, int len, double[] out, int q) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            double a0 = a[k];
            double a1 = a[k + 1];
            double a2 = a[k + 2];
            double a3 = a[k + 3];
            s0 += a0 * b[bo + k];
            s1 += a1 * b[bo + k + 1];
            s2 += a2 * b[bo + k + 2];
            s3 += a3 * b[bo + k + 3];
            t0 += a0 * c[bo + k];
            t1 += a1 * c[bo + k + 1];
            t2 += a2 * c[bo + k + 2];
            t3 += a3 * c[bo + k + 3];
        }
        for (; k < len; k++) {
            s0 += a[k] * b[bo + k];
            t0 += a[k] * c[bo + k];
        }
        out[q] = (s0 + s1) + (s2 + s3);
        out[q + 1] = (t0 + t1) + (t2 + t3);
    }

    /** sum a[ao + k] b[bo + k], k < len, in 4 interleaved partial sums added as ((s0 + s1) + (s2 + s3)). */
    static double dot(double[] a, int ao, double[] b, int bo, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += a[ao + k] * b[bo + k];
            s1 += a[ao + k + 1] * b[bo + k + 1];
            s2 += a[ao + k + 2] * b[bo + k + 2];
            s3 += a[ao + k + 3] * b[bo + k + 3];
        }
        for (; k < len; k++) {
            s0 += a[ao + k] * b[bo + k];
        }
        return (s0 + s1) + (s2 + s3);
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
