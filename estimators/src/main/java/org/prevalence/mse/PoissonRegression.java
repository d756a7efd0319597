package org.prevalence.mse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.special.Gamma;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;

/**
 * Poisson regression with log link by iteratively reweighted least squares (IRLS), following R's
 * {@code glm.fit} step for step, so that its numbers agree with {@code glm(..., family = poisson)}.
 *
 * <p>The model is \( \log \mu_i = o_i + x_i^\top \beta \), \( y_i \sim \mathrm{Poisson}(\mu_i) \)
 * with prior weights \( w_i \). Starting from \( \mu_i = y_i + 0.1 \), each iteration solves the
 * weighted least-squares problem with working response \( z_i = \eta_i - o_i + (y_i-\mu_i)/\mu_i \)
 * and weights \( w_i \mu_i \) by a Householder QR decomposition with LINPACK {@code dqrdc2}'s
 * limited pivoting (relative tolerance \( \min(10^{-7}, \epsilon/1000) \)). Iteration stops when
 * the deviance \( D = 2 \sum_i w_i \{ y_i \log(y_i/\mu_i) - (y_i - \mu_i) \} \) satisfies
 * \[ |D^{(t)} - D^{(t-1)}| / (|D^{(t)}| + 0.1) &lt; \epsilon, \]
 * and the step is halved if the deviance is not finite or a fitted value is not a positive finite
 * number, exactly as {@code glm.fit}. The unscaled covariance is \( (R^\top R)^{-1} \) from the last
 * weighted least-squares step, as {@code summary.glm}'s {@code cov.unscaled}.
 *
 * <p>Aliased (linearly dependent) columns get no coefficient and are reported by name; fitted values
 * below \( 10 \times 2.22 \times 10^{-16} \) (R's "fitted rates numerically 0 occurred") are reported
 * by row. Designs are small and dense (hundreds of rows, tens of columns); with a reused
 * {@link Workspace} the IRLS loop allocates nothing.
 *
 * <p>References: <ol><li>McCullagh, P. and Nelder, J.A. (1989). Generalized Linear Models, 2nd ed.
 * Chapman and Hall. doi:10.1007/978-1-4899-3242-6</li>
 * <li>R Core Team. {@code stats::glm.fit} (R 4.2.2).</li></ol>
 */
public final class PoissonRegression {
    private static final PoissonRegression DEFAULT = new PoissonRegression(1e-8, 25);
    /** R's threshold for "fitted rates numerically 0": {@code 10 * .Machine$double.eps}. */
    static final double ZERO_FITTED = 10 * Math.ulp(1.0);

    private final double epsilon;
    private final int maxIterations;

    private PoissonRegression(double epsilon, int maxIterations) {
        this.epsilon = epsilon;
        this.maxIterations = maxIterations;
    }

    /**
     * Defaults, as R's {@code glm.control()}: {@code epsilon = 1e-8}, {@code maxit = 25}.
     * @return the default fitter
     */
    public static PoissonRegression withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the convergence tolerance on the relative change in deviance, {@code > 0}
     * @return a copy using it
     */
    public PoissonRegression withEpsilon(double v) {
        return new PoissonRegression(Checks.positive("epsilon", v), maxIterations);
    }

    /**
     * @param v the maximum number of IRLS iterations, {@code >= 1}
     * @return a copy using it
     */
    public PoissonRegression withMaxIterations(int v) {
        return new PoissonRegression(epsilon, Checks.atLeast("maxIterations", v, 1));
    }

    /**
     * Preallocated arrays for fits of up to {@code maxRows x maxColumns}. Not thread-safe: use one
     * per thread.
     */
    public static final class Workspace {
        final int maxRows;
        final int maxCols;
        final double[] xw;
        final double[] qraux;
        final double[] norm0;
        final double[] norm;
        final int[] pivot;
        final double[] z;
        final double[] eta;
        final double[] mu;
        final double[] beta;
        final double[] betaOld;
        final double[] coef;
        int iterations;

        /**
         * @param maxRows the largest number of rows
         * @param maxColumns the largest number of columns
         */
        public Workspace(int maxRows, int maxColumns) {
            this.maxRows = Checks.atLeast("maxRows", maxRows, 1);
            this.maxCols = Checks.atLeast("maxColumns", maxColumns, 1);
            xw = new double[maxRows * maxColumns];
            qraux = new double[maxColumns];
            norm0 = new double[maxColumns];
            norm = new double[maxColumns];
            pivot = new int[maxColumns];
            z = new double[maxRows];
            eta = new double[maxRows];
            mu = new double[maxRows];
            beta = new double[maxColumns];
            betaOld = new double[maxColumns];
            coef = new double[maxColumns];
        }

        boolean fits(int n, int p) {
            return n <= maxRows && p <= maxCols;
        }
    }

    /**
     * Fits the model to a row-major design.
     * @param x the design, one row per observation (include a column of ones for an intercept)
     * @param y the counts, {@code >= 0}
     * @param columnNames a name per column, used in messages and results
     * @return the fit
     * @throws PrevalenceException on bad input, or NOT_CONVERGED if IRLS does not converge
     */
    public Fit fit(double[][] x, double[] y, String[] columnNames) {
        int n = x.length;
        int p = columnNames.length;
        double[] cm = new double[n * p];
        for (int i = 0; i < n; i++) {
            if (x[i].length != p) {
                throw PrevalenceException.invalidArgument("row " + (i + 1),
                        "Design row %d has %d columns, expected %d", i + 1, x[i].length, p);
            }
            for (int j = 0; j < p; j++) {
                cm[j * n + i] = x[i][j];
            }
        }
        return fit(cm, n, p, columnNames, y, null, null, null);
    }

    /**
     * Fits the model to a column-major design.
     * @param x the design, n x p, column j at {@code x[j*n .. j*n+n-1]}
     * @param n the number of rows
     * @param p the number of columns
     * @param columnNames a name per column
     * @param y the counts, {@code >= 0}, length n
     * @param offset the offsets \( o_i \), or {@code null} for none
     * @param weights the prior weights \( w_i \ge 0 \), or {@code null} for ones
     * @param workspace a workspace large enough for n x p, or {@code null} to allocate one
     * @return the fit
     * @throws PrevalenceException on bad input, or NOT_CONVERGED (naming the iteration) if the
     *     deviance has not converged after the maximum number of iterations
     */
    public Fit fit(double[] x, int n, int p, String[] columnNames, double[] y, double[] offset,
            double[] weights, Workspace workspace) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (columnNames.length != p || x.length < n * p || y.length < n) {
            throw PrevalenceException.invalidArgument("design",
                    "Design of %d x %d needs %d column names, %d cells and %d counts; got %d, %d, %d",
                    n, p, p, n * p, n, columnNames.length, x.length, y.length);
        }
        for (int i = 0; i < n; i++) {
            if (!(y[i] >= 0) || Double.isInfinite(y[i])) {
                throw PrevalenceException.invalidData("row " + (i + 1),
                        "Row %d: a Poisson count must be finite and >= 0, got %s", i + 1, y[i]);
            }
            if (weights != null && !(weights[i] >= 0 && weights[i] < Double.POSITIVE_INFINITY)) {
                throw PrevalenceException.invalidData("row " + (i + 1),
                        "Row %d: a prior weight must be finite and >= 0, got %s", i + 1, weights[i]);
            }
            if (offset != null && !Double.isFinite(offset[i])) {
                throw PrevalenceException.invalidData("row " + (i + 1),
                        "Row %d: an offset must be finite, got %s", i + 1, offset[i]);
            }
        }
        Workspace ws = workspace != null && workspace.fits(n, p) ? workspace : new Workspace(n, p);
        int rank = irls(x, n, p, y, offset, weights, ws, columnNames);
        return result(x, n, p, columnNames, y, offset, weights, ws, rank);
    }

    /** Runs IRLS; on return ws.beta holds the coefficients by original column, ws.xw the last QR. */
    private int irls(double[] x, int n, int p, double[] y, double[] offset, double[] weights,
            Workspace ws, String[] names) {
        double[] eta = ws.eta;
        double[] mu = ws.mu;
        double[] beta = ws.beta;
        double[] betaOld = ws.betaOld;
        double tol = Math.min(1e-7, epsilon / 1000);
        for (int i = 0; i < n; i++) {
            mu[i] = y[i] + 0.1; // poisson()$initialize
            eta[i] = Math.log(mu[i]);
        }
        double devOld = deviance(y, mu, weights, n);
        boolean haveOld = false;
        int rank = 0;
        for (int iter = 1; iter <= maxIterations; iter++) {
            double[] xw = ws.xw;
            double[] z = ws.z;
            for (int i = 0; i < n; i++) {
                double w = Math.sqrt((weights == null ? 1.0 : weights[i]) * mu[i]);
                double off = offset == null ? 0 : offset[i];
                z[i] = (eta[i] - off + (y[i] - mu[i]) / mu[i]) * w;
                for (int j = 0; j < p; j++) {
                    xw[j * n + i] = x[j * n + i] * w;
                }
            }
            rank = PivotedQr.decompose(xw, n, p, tol, ws.qraux, ws.norm0, ws.norm, ws.pivot);
            PivotedQr.qty(xw, n, rank, ws.qraux, z);
            PivotedQr.backSolve(xw, n, rank, z, ws.coef);
            for (int j = 0; j < p; j++) {
                beta[ws.pivot[j]] = j < rank ? ws.coef[j] : 0.0;
            }
            double dev = update(x, n, p, y, offset, weights, ws);
            int halvings = 0;
            while (!(dev < Double.POSITIVE_INFINITY) || !validMu(mu, n)) {
                if (!haveOld) {
                    throw PrevalenceException.notConverged("iteration " + iter,
                            "Poisson IRLS found no valid coefficients at iteration 1 (fitted values overflow); "
                                    + "check the design for huge values");
                }
                if (++halvings > maxIterations) {
                    throw PrevalenceException.notConverged("iteration " + iter,
                            "Poisson IRLS could not correct the step size at iteration %d; "
                                    + "the model may have no finite maximum likelihood estimate", iter);
                }
                for (int j = 0; j < p; j++) {
                    beta[j] = (beta[j] + betaOld[j]) / 2;
                }
                dev = update(x, n, p, y, offset, weights, ws);
            }
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
                ws.iterations = iter;
                return rank;
            }
            devOld = dev;
            System.arraycopy(beta, 0, betaOld, 0, p);
            haveOld = true;
        }
        throw PrevalenceException.notConverged("iteration " + maxIterations,
                "Poisson IRLS did not converge in %d iterations (relative deviance change still >= %s at "
                        + "iteration %d); the model may have no finite maximum likelihood estimate, or raise "
                        + "maxIterations", maxIterations, epsilon, maxIterations);
    }

    private static boolean validMu(double[] mu, int n) {
        for (int i = 0; i < n; i++) {
            if (!(mu[i] > 0 && mu[i] < Double.POSITIVE_INFINITY)) {
                return false;
            }
        }
        return true;
    }

    private static double update(double[] x, int n, int p, double[] y, double[] offset, double[] weights,
            Workspace ws) {
        double[] eta = ws.eta;
        double[] mu = ws.mu;
        double[] beta = ws.beta;
        for (int i = 0; i < n; i++) {
            double s = offset == null ? 0 : offset[i];
            for (int j = 0; j < p; j++) {
                s += x[j * n + i] * beta[j];
            }
            eta[i] = s;
            mu[i] = Math.exp(s);
        }
        return deviance(y, mu, weights, n);
    }

    static double deviance(double[] y, double[] mu, double[] weights, int n) {
        double d = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1.0 : weights[i];
            double r = y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) - (y[i] - mu[i]) : mu[i];
            d += 2 * w * r;
        }
        return d;
    }

    private Fit result(double[] x, int n, int p, String[] names, double[] y, double[] offset, double[] weights,
            Workspace ws, int rank) {
        double[] coef = new double[p];
        double[] se = new double[p];
        double[][] cov = new double[p][p];
        Arrays.fill(coef, Double.NaN);
        Arrays.fill(se, Double.NaN);
        for (double[] row : cov) {
            Arrays.fill(row, Double.NaN);
        }
        double[] inv = new double[rank * rank];
        PivotedQr.inverseCrossProduct(ws.xw, n, rank, inv);
        List<String> aliased = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            int orig = ws.pivot[j];
            if (j < rank) {
                coef[orig] = ws.beta[orig];
                for (int k = 0; k < rank; k++) {
                    cov[orig][ws.pivot[k]] = inv[j * rank + k];
                }
                se[orig] = Math.sqrt(inv[j * rank + j]);
            } else {
                aliased.add(names[orig]);
            }
        }
        double[] mu = Arrays.copyOf(ws.mu, n);
        double[] eta = Arrays.copyOf(ws.eta, n);
        double loglik = 0;
        int zeroWeight = 0;
        List<Integer> zeros = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1.0 : weights[i];
            if (w == 0) {
                zeroWeight++;
            }
            double l = (y[i] > 0 ? y[i] * Math.log(mu[i]) : 0) - mu[i] - Gamma.logGamma(y[i] + 1);
            loglik += w * l;
            if (mu[i] < ZERO_FITTED) {
                zeros.add(i);
            }
        }
        int[] zeroRows = zeros.stream().mapToInt(Integer::intValue).toArray();
        double dev = deviance(y, mu, weights, n);
        return new Fit(names.clone(), coef, se, cov, mu, eta, dev, loglik, rank, n - zeroWeight - rank,
                ws.iterations, aliased, zeroRows);
    }

    /** A fitted Poisson regression. This class is immutable. */
    public static final class Fit {
        private final String[] names;
        private final double[] coefficients;
        private final double[] standardErrors;
        private final double[][] covariance;
        private final double[] fitted;
        private final double[] linearPredictor;
        private final double deviance;
        private final double logLikelihood;
        private final int rank;
        private final int residualDf;
        private final int iterations;
        private final List<String> aliased;
        private final int[] zeroFittedRows;

        Fit(String[] names, double[] coefficients, double[] standardErrors, double[][] covariance, double[] fitted,
                double[] linearPredictor, double deviance, double logLikelihood, int rank, int residualDf,
                int iterations, List<String> aliased, int[] zeroFittedRows) {
            this.names = names;
            this.coefficients = coefficients;
            this.standardErrors = standardErrors;
            this.covariance = covariance;
            this.fitted = fitted;
            this.linearPredictor = linearPredictor;
            this.deviance = deviance;
            this.logLikelihood = logLikelihood;
            this.rank = rank;
            this.residualDf = residualDf;
            this.iterations = iterations;
            this.aliased = Collections.unmodifiableList(aliased);
            this.zeroFittedRows = zeroFittedRows;
        }

        /** @return the column names */
        public List<String> getColumnNames() {
            return List.of(names);
        }

        /** @return the coefficients by column; NaN for an aliased column (R's NA) */
        public double[] getCoefficients() {
            return coefficients.clone();
        }

        /**
         * @param name a column name
         * @return its coefficient
         */
        public double getCoefficient(String name) {
            return coefficients[index(name)];
        }

        /** @return the standard errors, square roots of the unscaled covariance diagonal; NaN if aliased */
        public double[] getStandardErrors() {
            return standardErrors.clone();
        }

        /**
         * @param name a column name
         * @return its standard error
         */
        public double getStandardError(String name) {
            return standardErrors[index(name)];
        }

        /** @return the unscaled covariance matrix (R's {@code cov.unscaled}); NaN rows/columns if aliased */
        public double[][] getCovariance() {
            double[][] c = new double[covariance.length][];
            for (int i = 0; i < c.length; i++) {
                c[i] = covariance[i].clone();
            }
            return c;
        }

        /** @return the fitted means \( \hat\mu_i \) */
        public double[] getFitted() {
            return fitted.clone();
        }

        /** @return the linear predictor \( \hat\eta_i = o_i + x_i^\top\hat\beta \) */
        public double[] getLinearPredictor() {
            return linearPredictor.clone();
        }

        /** @return the residual deviance */
        public double getDeviance() {
            return deviance;
        }

        /** @return the Poisson log-likelihood \( \sum_i w_i (y_i \log\hat\mu_i - \hat\mu_i - \log y_i!) \) */
        public double getLogLikelihood() {
            return logLikelihood;
        }

        /** @return R's AIC: \( -2\ell + 2 \times \mathrm{rank} \) */
        public double getAic() {
            return -2 * logLikelihood + 2 * rank;
        }

        /** @return the rank of the design (number of estimated coefficients) */
        public int getRank() {
            return rank;
        }

        /** @return the residual degrees of freedom: rows with non-zero weight minus the rank */
        public int getResidualDf() {
            return residualDf;
        }

        /** @return the number of IRLS iterations used */
        public int getIterations() {
            return iterations;
        }

        /** @return the names of aliased columns (no coefficient), empty if the design has full rank */
        public List<String> getAliased() {
            return aliased;
        }

        /** @return the 0-based rows whose fitted value is numerically 0 (R warns about these) */
        public int[] getZeroFittedRows() {
            return zeroFittedRows.clone();
        }

        private int index(String name) {
            for (int j = 0; j < names.length; j++) {
                if (names[j].equals(name)) {
                    return j;
                }
            }
            throw PrevalenceException.invalidArgument("term '" + name + "'",
                    "No column '%s'; the columns are %s", name, Arrays.toString(names));
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "PoissonRegression.Fit[deviance=%s, df=%d, AIC=%s, iterations=%d]%n",
                    Format.number(deviance), residualDf, Format.number(getAic()), iterations));
            for (int j = 0; j < names.length; j++) {
                sb.append(String.format(Locale.ROOT, "  %-20s %14s %12s%n", names[j], Format.number(coefficients[j]),
                        Format.number(standardErrors[j])));
            }
            if (!aliased.isEmpty()) {
                sb.append("  aliased: ").append(aliased);
            }
            return sb.toString().stripTrailing();
        }
    }
}
