package org.prevalence.regional;

import java.util.List;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.prevalence.core.PrevalenceException;

/**
 * The arithmetic of {@link ImputationModel}'s random-effects meta-regression: one
 * DerSimonian-Laird fit (DerSimonian and Laird 1986), the weighted least squares at a fixed
 * \( \tau^2 \) with its generalized Q, the Q-profile distribution of \( \tau^2 \) (Viechtbauer
 * 2007), and the logit-normal moments by Gauss-Hermite quadrature. The formulas are in
 * {@link ImputationModel}'s description.
 */
final class MetaRegression {
    private static final GaussIntegrator HERMITE = new GaussIntegratorFactory().hermite(20);

    private MetaRegression() {
    }

    /** A discretised Q-profile distribution of tau^2 with the conditional coefficients (see Fit#qProfile). */
    record QProfile(double[] tau2, double[][] beta, double[][][] choleskyLower, double[][][] hat, double[] v) {
    }

    /** One DerSimonian-Laird meta-regression fit. */
    record DlFit(double tau2, double[] beta, RealMatrix covariance, double q) {
    }

    /**
     * One DerSimonian-Laird meta-regression fit (the formulas of the class description).
     * @param x the design rows
     * @param y the responses
     * @param v their sampling variances
     * @param names the coefficient names, for messages
     * @return tau^2, coefficients, their covariance and Q
     */
    static DlFit derSimonianLaird(double[][] x, double[] y, double[] v, List<String> names) {
        int k = y.length;
        int p = names.size();
        // fixed-effect fit and the moment estimate of tau^2 (DerSimonian-Laird)
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = 1 / v[i];
        }
        RealMatrix xtwxInv = inverse(crossProduct(x, w, p), names);
        double[] beta = xtwxInv.operate(xtwy(x, w, y, p));
        double q = 0;
        double sumW = 0;
        for (int i = 0; i < k; i++) {
            double e = y[i] - dot(x[i], beta);
            q += w[i] * e * e;
            sumW += w[i];
        }
        double[] w2 = new double[k];
        for (int i = 0; i < k; i++) {
            w2[i] = w[i] * w[i];
        }
        double trace = sumW - xtwxInv.multiply(crossProduct(x, w2, p)).getTrace();
        double tau2 = Math.max(0, (q - (k - p)) / trace);
        double[] ws = new double[k];
        for (int i = 0; i < k; i++) {
            ws[i] = 1 / (v[i] + tau2);
        }
        RealMatrix cov = inverse(crossProduct(x, ws, p), names);
        double[] b = cov.operate(xtwy(x, ws, y, p));
        return new DlFit(tau2, b, cov, q);
    }

    /** Weighted least squares at a fixed tau^2 (weights 1/(v + tau^2)): coefficients, their covariance and the generalized Q. */
    static DlFit conditional(double[][] x, double[] y, double[] v, List<String> names, double tau2) {
        int k = y.length;
        int p = names.size();
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = 1 / (v[i] + tau2);
        }
        RealMatrix cov = inverse(crossProduct(x, w, p), names);
        double[] b = cov.operate(xtwy(x, w, y, p));
        double q = 0;
        for (int i = 0; i < k; i++) {
            double e = y[i] - dot(x[i], b);
            q += w[i] * e * e;
        }
        return new DlFit(tau2, b, cov, q);
    }


    private static double q(double[][] x, double[] y, double[] v, List<String> names, double tau2) {
        return conditional(x, y, v, names, tau2).q();
    }

    /**
     * The Q-profile confidence distribution of \( \tau^2 \) (Viechtbauer 2007), discretised at
     * {@code grid} equally spaced probabilities: for \( u_j = (j + 1/2)/G \), \( \tau^2_j \) solves
     * \( Q(\tau^2_j) = F^{-1}_{\chi^2_{k-p}}(1 - u_j) \) (0 if \( Q(0) \) is already below it);
     * with each, the conditional coefficients \( \hat\beta(\tau^2_j) \) and the lower Cholesky
     * factor of their covariance \( (X^\top W_j X)^{-1} \). Drawing \( j \) uniformly and then
     * \( \beta \sim N(\hat\beta(\tau^2_j), (X^\top W_j X)^{-1}) \) propagates the uncertainty of
     * both \( \tau^2 \) and \( \beta \).
     * @param grid the number of points G
     * @return {@code {tau2[G], beta[G][p], choleskyLower[G][p][p]}} packed as a {@link QProfile}
     */
    static QProfile qProfile(double[][] x, double[] y, double[] v, List<String> names, double tau2, int grid) {
        int p = names.size();
        int df = y.length - p;
        ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(df);
        double[] t2 = new double[grid];
        double[][] b = new double[grid][];
        double[][][] l = new double[grid][][];
        double[][][] hat = new double[grid][][];
        double q0 = q(x, y, v, names, 0);
        BrentSolver brent = new BrentSolver(1e-12, 1e-8);
        double hi = Math.max(tau2, 0.01);
        for (int j = 0; j < grid; j++) {
            double target = chi2.inverseSurvivalProbability((j + 0.5) / grid);
            double t = 0;
            if (q0 > target) {
                while (q(x, y, v, names, hi) > target) {
                    hi *= 2;
                }
                t = brent.solve(200, tt -> q(x, y, v, names, tt) - target, 0, hi);
            }
            t2[j] = t;
            DlFit c = conditional(x, y, v, names, t);
            b[j] = c.beta();
            l[j] = new CholeskyDecomposition(c.covariance(), 1e-10, 0).getL().getData();
            // A = (X' W X)^{-1} X' W: the coefficients' linear dependence on the responses
            hat[j] = new double[p][y.length];
            for (int i = 0; i < y.length; i++) {
                double wi = 1 / (v[i] + t);
                for (int a = 0; a < p; a++) {
                    double s = 0;
                    for (int e = 0; e < p; e++) {
                        s += c.covariance().getEntry(a, e) * x[i][e];
                    }
                    hat[j][a][i] = s * wi;
                }
            }
        }
        return new QProfile(t2, b, l, hat, v.clone());
    }

    static RealMatrix crossProduct(double[][] x, double[] w, int p) {
        double[][] m = new double[p][p];
        for (int i = 0; i < x.length; i++) {
            for (int a = 0; a < p; a++) {
                double xa = w[i] * x[i][a];
                if (xa == 0) {
                    continue;
                }
                for (int b = 0; b < p; b++) {
                    m[a][b] += xa * x[i][b];
                }
            }
        }
        return new Array2DRowRealMatrix(m, false);
    }

    static double[] xtwy(double[][] x, double[] w, double[] y, int p) {
        double[] out = new double[p];
        for (int i = 0; i < x.length; i++) {
            for (int a = 0; a < p; a++) {
                out[a] += w[i] * x[i][a] * y[i];
            }
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static RealMatrix inverse(RealMatrix m, List<String> names) {
        try {
            return new CholeskyDecomposition(m, 1e-12, 1e-12).getSolver().getInverse();
        } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
            throw PrevalenceException.notEstimable("covariates",
                    "The model's coefficients %s are not identifiable (collinear or constant covariates); drop a "
                            + "covariate", names);
        }
    }

    /** @return \( \mathrm{expit}(x) = 1 / (1 + e^{-x}) \) */
    static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * @param eta the mean logit
     * @param sd the standard deviation on the logit scale
     * @return {@code {E[expit(eta + sd Z)], sd(expit(eta + sd Z))}} by Gauss-Hermite quadrature
     */
    static double[] logitNormalMoments(double eta, double sd) {
        if (sd == 0) {
            return new double[] {expit(eta), 0};
        }
        double m1 = HERMITE.integrate(t -> expit(eta + Math.sqrt(2) * sd * t)) / Math.sqrt(Math.PI);
        double m2 = HERMITE.integrate(t -> {
            double e = expit(eta + Math.sqrt(2) * sd * t);
            return e * e;
        }) / Math.sqrt(Math.PI);
        return new double[] {m1, Math.sqrt(Math.max(0, m2 - m1 * m1))};
    }

}
