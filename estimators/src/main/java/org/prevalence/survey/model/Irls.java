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
 * of threads): per block a fused loop over primitive arrays gives each row's linear predictor, mean,
 * working weight and score factor, then \( A \) and \( U \) are 2 x 2 blocks of dot products over the
 * block's (column-major) model-matrix columns, in per-worker buffers reused from block to block (no
 * per-row or per-block allocation, no copy of the matrix; the starting pass of a 0/1 response computes
 * its per-row quantities once for y = 0 and once for y = 1). The pass also keeps each row's score
 * factor, so the sandwich needs no further IRLS-style pass: the fit's last pass, whose step was
 * negligible, supplies \( A \) and the scores. \( A \) is solved by a Cholesky
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

    /**
     * A fitted model: coefficients, A^-1, deviance; the per-row score factors
     * \( w_i \mu'(\eta_i)(y_i - \mu_i)/V(\mu_i) \) [design row] of the last pass (null unless asked), whose
     * step was negligible, and the first design row whose fitted probability is numerically 0 or 1 (-1: none).
     */
    static final class Fit {
        final double[] beta;
        final double[][] xtwxInv;
        final double deviance;
        final int iterations;
        final double[] score;
        final int separated;

        Fit(double[] beta, double[][] xtwxInv, double deviance, int iterations, double[] score, int separated) {
            this.beta = beta;
            this.xtwxInv = xtwxInv;
            this.deviance = deviance;
            this.iterations = iterations;
            this.score = score;
            this.separated = separated;
        }
    }

    /**
     * One pass's sums: the packed upper triangle of A, U (or X'Wz on the first pass), the deviance, and
     * the first design row with a fitted probability numerically 0 or 1 (-1: none).
     */
    private static final class Sums {
        final double[] a;
        final double[] u;
        double dev;
        int separated = -1;

        Sums(int p) {
            a = new double[p * (p + 1) / 2];
            u = new double[p];
        }

        /** Adds the next block's sums (blocks are added in row order, so the first separated row stays first). */
        void add(Sums o) {
            for (int k = 0; k < a.length; k++) {
                a[k] += o.a[k];
            }
            for (int k = 0; k < u.length; k++) {
                u[k] += o.u[k];
            }
            dev += o.dev;
            if (separated < 0) {
                separated = o.separated;
            }
        }
    }

    /** One worker's block rows, reused for every block it runs (no allocation per block). */
    private static final class Scratch {
        final double[] wt = new double[CHUNK];
        final double[] ur = new double[CHUNK];
        final double[] eta = new double[CHUNK];
        /** w x_j per column */
        final double[][] wx;
        final double[] start = new double[5];
        final double[] four = new double[4];

        Scratch(int p) {
            wx = new double[p][CHUNK];
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
    /** The offsets of the used rows, or null for a model without offsets. */
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
            offc = mm.offset == null ? null : compact(mm.offset);
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
     * @param keepScore whether to keep the per-row score factors of the last pass (for the sandwich)
     * @return the fit
     */
    Fit fit(double[] w, double[] start, String what, boolean keepScore) {
        int p = mm.x.length;
        if (rows.length < p) {
            throw PrevalenceException.notEstimable("model", "%s has %d coefficients but only %d rows", what, p, rows.length);
        }
        double[] wc = compact(w);
        double[] score = keepScore ? new double[mm.used.length] : null; // rewritten by every pass
        double[] beta;
        Sums s;
        if (start == null) {
            Sums first = pass(wc, null, null);
            beta = solve(first.a, first.u, what);
        } else {
            beta = start.clone();
        }
        s = pass(wc, beta, score);
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
            if (System.getProperty("irls.debug") != null) System.err.println("it " + it + " q/dev " + q / (Math.abs(s.dev) + 0.1));
            if (q / (Math.abs(s.dev) + 0.1) < STEP_TOL) {
                // the last step is negligible: A, the deviance and the scores at beta serve for beta + step
                return new Fit(next, inverse(s.a, what), s.dev, it, score, s.separated);
            }
            Sums s1 = pass(wc, next, score);
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
                s1 = pass(wc, next, score);
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
     * starting pass), and the deviance; with {@code score}, each row's score factor into it. The rows
     * are cut into fixed blocks whose sums are added in block order, so the result does not depend on
     * the number of threads.
     */
    private Sums pass(double[] wc, double[] beta, double[] score) {
        int p = mm.x.length;
        int m = rows.length;
        int chunks = blocks();
        Sums[] part = new Sums[chunks];
        double[][] st = beta == null ? startRows() : null;
        ParallelLoop.run(chunks, threads, () -> new Scratch(p), (c, sc) -> part[c] = chunk(wc, beta, st, score,
                c * CHUNK, Math.min(m, (c + 1) * CHUNK), sc), null);
        Sums s = new Sums(p);
        for (Sums x : part) {
            s.add(x);
        }
        return s;
    }

    /**
     * The starting pass's per-row quantities for y = 0 and y = 1 (every row of a 0/1 response), computed
     * once: { mu'(eta), V(mu), eta, (y - mu)/mu'(eta), unit deviance } at R's starting mean.
     */
    private double[][] startRows() {
        return new double[][] {startRow(0, new double[5]), startRow(1, new double[5])};
    }

    /** @return {@code out} filled with the starting-pass quantities of a row with response y */
    private double[] startRow(double y, double[] out) {
        boolean logit = family.isBinomial() && link == GlmLink.LOGIT;
        double mu = family.start(y);
        double e = link.link(mu);
        // logit: mu'(eta) = mu (1 - mu) (only the starting point; the limit does not depend on it)
        double d = logit ? Math.max(mu * (1 - mu), GlmLink.EPS) : link.derivative(e);
        out[0] = d;
        out[1] = family.variance(mu);
        out[2] = e;
        out[3] = (y - mu) / d;
        out[4] = family.unitDeviance(y, mu);
        return out;
    }

    /**
     * The linear predictor of rows [from, to) of the used rows into eta[0..].
     */
    void eta(double[] beta, int from, int to, double[] eta) {
        int len = to - from;
        int j0 = 0;
        if (offc != null) {
            System.arraycopy(offc, from, eta, 0, len);
        } else {
            double b = beta[0];
            double[] x0 = xc[0];
            for (int k = 0; k < len; k++) {
                eta[k] = x0[from + k] * b;
            }
            j0 = 1;
        }
        for (int j = j0; j < beta.length; j++) {
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
    private Sums chunk(double[] w, double[] beta, double[][] st, double[] score, int from, int to, Scratch scratch) {
        int p = mm.x.length;
        int len = to - from;
        double[] y = yc;
        double[] off = offc;
        Sums s = new Sums(p);
        double[] wt = scratch.wt;
        double[] ur = scratch.ur;
        boolean binomial = family.isBinomial();
        boolean logit = binomial && link == GlmLink.LOGIT;
        double dev = 0;
        int separated = -1;
        if (beta == null) {
            for (int k = 0; k < len; k++) {
                int i = from + k;
                double yi = y[i];
                double[] r = yi == 0 ? st[0] : yi == 1 ? st[1] : startRow(yi, scratch.start);
                double d = r[0];
                wt[k] = w[i] * d * d / r[1];
                ur[k] = wt[k] * ((off == null ? r[2] : r[2] - off[i]) + r[3]);
                dev += w[i] * r[4];
            }
        } else {
            double[] eta = scratch.eta;
            eta(beta, from, to, eta);
            for (int k = 0; k < len; k++) {
                int i = from + k;
                double e = eta[k];
                double yi = y[i];
                double mu;
                double sc; // the score factor w mu'(eta) (y - mu) / V(mu)
                if (logit && e >= -30 && e <= 30) {
                    mu = 1 / (1 + Math.exp(-e));
                    double v = mu * (1 - mu); // canonical logit: mu'(eta) = V(mu) = mu (1 - mu)
                    sc = w[i] * (yi - mu);
                    if (v >= GlmLink.EPS) { // then W = w V and the score factor is w (y - mu)
                        wt[k] = w[i] * v;
                        ur[k] = sc;
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
                    sc = ur[k];
                }
                int row = allRows ? i : rows[i];
                if (score != null) {
                    score[row] = sc;
                }
                if (binomial && separated < 0 && (mu < SEPARATION || mu > 1 - SEPARATION)) {
                    separated = row;
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
        double[][] wx = scratch.wx;
        for (int j = 0; j < p; j++) {
            double[] xj = xc[j];
            double[] wxj = wx[j];
            for (int k = 0; k < len; k++) {
                wxj[k] = wt[k] * xj[from + k];
            }
        }
        // A: 2 x 2 blocks (columns j, j + 1 of w x against columns l, l + 1 >= j of x); U: ur against 2 columns
        double[] a = s.a;
        double[] u = s.u;
        double[] four = scratch.four;
        for (int j = 0; j < p; j += 2) {
            int j1 = Math.min(j + 1, p - 1); // an odd last column is paired with itself
            for (int l = j; l < p; l += 2) {
                int l1 = Math.min(l + 1, p - 1);
                dot22(wx[j], wx[j1], xc[l], xc[l1], from, len, four);
                a[index(j, l, p)] = four[0];
                if (l1 > l) {
                    a[index(j, l1, p)] = four[1];
                }
                if (j1 > j && j1 <= l) {
                    a[index(j1, l, p)] = four[2];
                }
                if (j1 > j && l1 > l) {
                    a[index(j1, l1, p)] = four[3];
                }
            }
        }
        for (int l = 0; l < p; l += 2) {
            int l1 = Math.min(l + 1, p - 1);
            dot22(ur, ur, xc[l], xc[l1], from, len, four);
            u[l] = four[0];
            u[l1] = four[1];
        }
        s.dev = dev;
        s.separated = separated;
        return s;
    }

    /**
     * Refuses a binomial fit whose fitted probabilities at the last pass are numerically 0 or 1.
     * @param fit the fit
     */
    void checkSeparation(Fit fit) {
        if (family.isBinomial() && fit.separated >= 0) {
            throw separated(mm, fit.beta, fit.separated);
        }
    }

    /**
     * The four dot products of a0, a1 (over [0, len)) with b0, b1 (over [bo, bo + len)) in one loop:
     * out = {a0.b0, a0.b1, a1.b0, a1.b1}, each as (sum over even k) + (sum over odd k), a fixed order.
     */
    static void dot22(double[] a0, double[] a1, double[] b0, double[] b1, int bo, int len, double[] out) {
        double e00 = 0;
        double e01 = 0;
        double e10 = 0;
        double e11 = 0;
        double o00 = 0;
        double o01 = 0;
        double o10 = 0;
        double o11 = 0;
        int k = 0;
        for (; k + 1 < len; k += 2) {
            double x0 = a0[k];
            double x1 = a1[k];
            double y0 = b0[bo + k];
            double y1 = b1[bo + k];
            e00 += x0 * y0;
            e01 += x0 * y1;
            e10 += x1 * y0;
            e11 += x1 * y1;
            x0 = a0[k + 1];
            x1 = a1[k + 1];
            y0 = b0[bo + k + 1];
            y1 = b1[bo + k + 1];
            o00 += x0 * y0;
            o01 += x0 * y1;
            o10 += x1 * y0;
            o11 += x1 * y1;
        }
        if (k < len) {
            e00 += a0[k] * b0[bo + k];
            e01 += a0[k] * b1[bo + k];
            e10 += a1[k] * b0[bo + k];
            e11 += a1[k] * b1[bo + k];
        }
        out[0] = e00 + o00;
        out[1] = e01 + o01;
        out[2] = e10 + o10;
        out[3] = e11 + o11;
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
            double e = mm.offset == null ? 0 : mm.offset[i];
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
                throw separated(mm, beta, i);
            }
        }
    }

    private static PrevalenceException separated(ModelMatrix mm, double[] beta, int i) {
        int worst = mm.names[0].equals("(Intercept)") && mm.names.length > 1 ? 1 : 0;
        for (int j = worst; j < beta.length; j++) {
            if (!mm.names[j].equals("(Intercept)") && Math.abs(beta[j]) > Math.abs(beta[worst])) {
                worst = j;
            }
        }
        return PrevalenceException.notEstimable("term '" + mm.names[worst] + "'",
                "fitted probabilities are numerically 0 or 1 (first at row %d): the response is perfectly "
                        + "separated, most likely by term '%s' (coefficient %s); its estimate is infinite. "
                        + "Drop or merge levels of that term", i + 1, mm.names[worst], Format.number(beta[worst]));
    }

    int[] rows() {
        return rows;
    }
}
