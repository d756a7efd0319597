package org.prevalence.regional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;

/**
 * The imputation model for countries without a survey: a random-effects meta-regression of the
 * surveyed countries' logit prevalences on region effects and country covariates, with the
 * between-country variance estimated by the method of moments (DerSimonian and Laird 1986, in
 * its meta-regression form, Raudenbush 2009).
 *
 * <p>For surveyed country \( c \) with prevalence \( \hat p_c \) and standard error \( s_c \), the
 * survey's effective sample size is \( n_c = \hat p_c(1-\hat p_c)/s_c^2 \) (design effect included) and
 * \( k_c = n_c \hat p_c \); the response is the empirical logit
 * \( y_c = \log\frac{k_c + 1/2}{n_c - k_c + 1/2} \) (Cox 1970), with sampling variance first
 * \( 1/(k_c+1/2) + 1/(n_c-k_c+1/2) \), then, in {@value #VARIANCE_ITERATIONS} refits,
 * \( v_c = E_u[1/(n_c p (1-p))] = (2 + 2\cosh(x_c^\top\hat\beta)\,e^{\hat\tau^2/2})/n_c \),
 * \( p = \mathrm{expit}(x_c^\top\hat\beta + u) \), \( u \sim N(0, \hat\tau^2) \), from the previous fit (the
 * binomial variance of the empirical logit averaged over the countries the model describes; with
 * \( \hat\tau^2 = 0 \) it is \( 1/(n_c \tilde p_c(1-\tilde p_c)) \), \( \tilde p_c = \mathrm{expit}(x_c^\top\hat\beta) \)) (inverse-variance weights computed from the observed proportions
 * over-weight the countries with high observed prevalence and bias the fit upwards; see the
 * simulation in {@code SurveyCoverageTest}), and
 * <p>\[ y_c = x_c^\top \beta + u_c + e_c, \quad u_c \sim N(0, \tau^2), \quad e_c \sim N(0, v_c), \]
 * <p>where \( x_c \) holds the region indicators ({@link RegionEffects#FIXED}) or an intercept,
 * and the covariates. With \( W = \mathrm{diag}(1/v_c) \),
 * \( P = W - W X (X^\top W X)^{-1} X^\top W \) and \( Q = y^\top P y \), the moment estimate is
 * \( \hat\tau^2 = \max(0, (Q - (k - p)) / \mathrm{tr}\,P) \) for \( k \) surveyed countries and
 * \( p \) coefficients; then \( \hat\beta = (X^\top W^* X)^{-1} X^\top W^* y \) with
 * \( W^* = \mathrm{diag}(1/(v_c + \hat\tau^2)) \) and \( \widehat{\mathrm{var}}(\hat\beta) = (X^\top W^* X)^{-1} \).
 * Each fit is R {@code metafor::rma.uni(yi, vi, mods = ~ 0 + region + x, method = "DL")} for the
 * current \( v_c \).
 * <p>Cox, D.R. (1970). The Analysis of Binary Data. Methuen (the empirical logistic transform).
 *
 * <p>Model uncertainty: by default ({@link ModelUncertainty#Q_PROFILE}) the Monte Carlo of
 * {@link SurveyPipeline} draws \( \tau^2 \) from its Q-profile confidence distribution
 * ({@link Fit#generalizedQ(double)}; Viechtbauer 2007) and the coefficients given \( \tau^2 \) as a
 * refit to the drawn surveys; the alternative ({@link ModelUncertainty#KNAPP_HARTUNG}) keeps
 * \( \hat\tau^2 \) and draws the coefficients from a multivariate t with \( k - p \) degrees of
 * freedom and scale \( q\,\widehat{\mathrm{var}}(\hat\beta) \), \( q \) the Knapp-Hartung factor
 * truncated at 1 (Knapp and Hartung 2003; {@code metafor} {@code test = "knha"}).
 *
 * <p>A country without a survey has predicted logit \( \hat\eta = x^\top\hat\beta \) with
 * predictive variance \( x^\top \widehat{\mathrm{var}}(\hat\beta) x + \hat\tau^2 \); its point
 * prevalence is the Finney-corrected expected prevalence {@link Fit#expectedPrevalence(double[])},
 * \( E[\mathrm{expit}(\hat\eta + \sqrt{\hat\tau^2 - x^\top\widehat{\mathrm{var}}(\hat\beta)x}\,Z)] \),
 * \( Z \sim N(0,1) \) (20-point Gauss-Hermite quadrature): the plug-in
 * \( E[\mathrm{expit}(\hat\eta + \hat\tau Z)] \) is biased upwards by about
 * \( x^\top\widehat{\mathrm{var}}(\hat\beta)x/2 \) on the log scale (about 1 %).
 *
 * <p>References: <ol>
 * <li>DerSimonian, R. and Laird, N. (1986). Meta-analysis in clinical trials. Controlled Clinical
 * Trials 7, 177-188. doi:10.1016/0197-2456(86)90046-2</li>
 * <li>Knapp, G. and Hartung, J. (2003). Improved tests for a random effects meta-regression with a
 * single covariate. Statistics in Medicine 22, 2693-2710. doi:10.1002/sim.1482</li>
 * <li>Viechtbauer, W. (2007). Confidence intervals for the amount of heterogeneity in
 * meta-analysis. Statistics in Medicine 26, 37-52. doi:10.1002/sim.2514</li>
 * <li>Finney, D.J. (1941). On the distribution of a variate whose logarithm is normally
 * distributed. Supplement to the JRSS 7, 155-161. doi:10.2307/2983663</li>
 * <li>Raudenbush, S.W. (2009). Analyzing effect sizes: random-effects models. In The Handbook of
 * Research Synthesis and Meta-Analysis, 2nd ed., 295-315. Russell Sage.</li>
 * <li>ILO, Walk Free and IOM (2022). Global Estimates of Modern Slavery: Forced Labour and Forced
 * Marriage. Geneva (methodology annex: national surveys, imputation by regional models).</li>
 * </ol>
 *
 * <p>This class is immutable.
 */
public final class ImputationModel {
    private static final ImputationModel DEFAULT = new ImputationModel(RegionEffects.FIXED);
    private static final GaussIntegrator HERMITE = new GaussIntegratorFactory().hermite(20);
    /** Refits with sampling variances from the fitted prevalences (see the class description). */
    static final int VARIANCE_ITERATIONS = 3;

    private final RegionEffects regionEffects;

    private ImputationModel(RegionEffects regionEffects) {
        this.regionEffects = regionEffects;
    }

    /**
     * Defaults: {@link RegionEffects#FIXED}.
     * @return the default model
     */
    public static ImputationModel withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the region terms
     * @return a copy using them
     */
    public ImputationModel with(RegionEffects v) {
        return new ImputationModel(Objects.requireNonNull(v, "regionEffects"));
    }

    /**
     * Fits the model to the surveyed countries.
     * @param data the national rows
     * @param covariates the covariates (or {@link Covariates#none()})
     * @return the fitted model
     * @throws PrevalenceException if a surveyed prevalence is 0 or 1 or has standard error 0
     *     (no logit; the row is named), a region to impute has no surveyed country, there are no
     *     more surveyed countries than coefficients, or the covariates are collinear
     */
    public Fit fit(NationalData data, Covariates covariates) {
        int nRegions = data.edition.regions().size();
        boolean[] surveyedRegion = new boolean[nRegions];
        boolean[] imputedRegion = new boolean[nRegions];
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < data.size(); r++) {
            if (Double.isNaN(data.prevalence[r])) {
                imputedRegion[data.region[r]] = true;
                continue;
            }
            double p = data.prevalence[r];
            if (!(p > 0 && p < 1) || !(data.se[r] > 0)) {
                throw PrevalenceException.invalidData(Columns.where(r, p > 0 && p < 1 ? "se" : "prevalence"),
                        "Row %d: country '%s' has prevalence %s and se %s; the logit-scale model needs 0 < prevalence "
                                + "< 1 and se > 0 (for a survey that found no case, give a small positive prevalence "
                                + "such as 0.5/n and its se)", r + 1, data.country[r], p, data.se[r]);
            }
            surveyedRegion[data.region[r]] = true;
            rows.add(r);
        }
        List<String> names = new ArrayList<>();
        int[] regionColumn = new int[nRegions];
        java.util.Arrays.fill(regionColumn, -1);
        if (regionEffects == RegionEffects.FIXED) {
            for (int g = 0; g < nRegions; g++) {
                if (imputedRegion[g] && !surveyedRegion[g]) {
                    String name = data.edition.regions().get(g);
                    throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, "region '" + name + "'",
                            "Region '" + name + "' has countries to impute but no surveyed country, so its region "
                                    + "effect cannot be estimated", new PrevalenceException.Remedy(
                                    "add a survey, or use RegionEffects.NONE", "add a survey of a country of the region"));
                }
                if (surveyedRegion[g]) {
                    regionColumn[g] = names.size();
                    names.add("region:" + data.edition.regions().get(g));
                }
            }
        } else {
            names.add("(intercept)");
        }
        int firstCov = names.size();
        names.addAll(covariates.names);
        int p = names.size();
        int k = rows.size();
        if (k <= p) {
            throw PrevalenceException.notEstimable("model",
                    "%d surveyed countries for %d coefficients %s; the model needs more surveyed countries than "
                            + "coefficients (drop covariates)", k, p, names);
        }
        double[][] x = new double[k][];
        double[] y = new double[k];
        double[] v = new double[k];
        double[] nEff = new double[k];
        for (int i = 0; i < k; i++) {
            int r = rows.get(i);
            x[i] = designRow(data, covariates, r, regionColumn, firstCov, p);
            double pr = data.prevalence[r];
            // effective sample size of the survey, p(1-p)/se^2, and the empirical logit (Cox 1970)
            nEff[i] = pr * (1 - pr) / (data.se[r] * data.se[r]);
            double cases = pr * nEff[i];
            y[i] = Math.log((cases + 0.5) / (nEff[i] - cases + 0.5));
            v[i] = 1 / (cases + 0.5) + 1 / (nEff[i] - cases + 0.5);
        }
        DlFit fit = null;
        for (int iteration = 0; iteration < 1 + VARIANCE_ITERATIONS; iteration++) {
            if (fit != null) {
                // sampling variances from the fitted prevalences, not the observed ones: weights that
                // depend on the observed proportion bias an inverse-variance weighted mean upwards
                // averaged over the between-country effects u ~ N(0, tau^2): 1/(p(1-p)) = 2 + e^eta + e^-eta,
                // so E[1/(p(1-p))] = 2 + 2 cosh(eta) e^(tau^2/2) (log-normal mean)
                double[] b = fit.beta();
                double m = Math.exp(fit.tau2() / 2);
                for (int i = 0; i < k; i++) {
                    double eta = dot(x[i], b);
                    v[i] = (2 + 2 * Math.cosh(eta) * m) / nEff[i];
                }
            }
            fit = derSimonianLaird(x, y, v, names);
        }
        // Knapp-Hartung scale of the coefficients' covariance, truncated below at 1
        double tau2 = fit.tau2();
        double[] b = fit.beta();
        double qkh = 0;
        for (int i = 0; i < k; i++) {
            double e = y[i] - dot(x[i], b);
            qkh += e * e / (v[i] + tau2);
        }
        qkh /= k - p;
        return new Fit(names, b, fit.covariance().getData(), tau2, fit.q(), k, regionColumn, firstCov,
                Math.max(1, qkh), x, y, v);
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

    static double[] designRow(NationalData data, Covariates covariates, int r, int[] regionColumn, int firstCov,
                              int p) {
        double[] row = new double[p];
        if (firstCov == 1 && regionColumn[data.region[r]] < 0) {
            row[0] = 1; // intercept
        } else if (regionColumn[data.region[r]] >= 0) {
            row[regionColumn[data.region[r]]] = 1;
        }
        double[] c = covariates.of(data.country[r]);
        System.arraycopy(c, 0, row, firstCov, c.length);
        return row;
    }

    private static RealMatrix crossProduct(double[][] x, double[] w, int p) {
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

    private static double[] xtwy(double[][] x, double[] w, double[] y, int p) {
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

    private static RealMatrix inverse(RealMatrix m, List<String> names) {
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

    @Override
    public String toString() {
        return "ImputationModel[logit-scale random-effects meta-regression (DerSimonian-Laird), region effects "
                + regionEffects + "]";
    }

    /** A fitted imputation model. This class is immutable. */
    public static final class Fit {
        private final List<String> names;
        private final double[] beta;
        private final double[][] covariance;
        private final double tau2;
        private final double q;
        private final int countries;
        final int[] regionColumn;
        final int firstCovariate;

        private final double knappHartung;
        private final double[][] x; // design rows of the surveyed countries
        private final double[] y; // their empirical logits
        private final double[] v; // their sampling variances (last refit)

        Fit(List<String> names, double[] beta, double[][] covariance, double tau2, double q, int countries,
            int[] regionColumn, int firstCovariate, double knappHartung, double[][] x, double[] y, double[] v) {
            this.knappHartung = knappHartung;
            this.x = x;
            this.y = y;
            this.v = v;
            this.names = List.copyOf(names);
            this.beta = beta;
            this.covariance = covariance;
            this.tau2 = tau2;
            this.q = q;
            this.countries = countries;
            this.regionColumn = regionColumn;
            this.firstCovariate = firstCovariate;
        }

        /** @return the coefficient names ({@code region:NAME} or {@code (intercept)}, then the covariates) */
        public List<String> getNames() {
            return names;
        }

        /** @return the coefficients on the logit scale (a copy) */
        public double[] getCoefficients() {
            return beta.clone();
        }

        /** @return their covariance matrix (a copy) */
        public double[][] getCovariance() {
            double[][] c = new double[covariance.length][];
            for (int i = 0; i < c.length; i++) {
                c[i] = covariance[i].clone();
            }
            return c;
        }

        /** @return the coefficients' standard errors */
        public double[] getStandardErrors() {
            double[] s = new double[beta.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = Math.sqrt(covariance[i][i]);
            }
            return s;
        }

        /** @return \( \hat\tau^2 \), the between-country variance on the logit scale */
        public double getTau2() {
            return tau2;
        }

        /** @return Cochran's residual heterogeneity statistic \( Q \) of the fixed-effect fit */
        public double getQ() {
            return q;
        }

        /**
         * @return the Knapp-Hartung factor \( \max(1, \sum_c (y_c - x_c^\top\hat\beta)^2/(v_c+\hat\tau^2) / (k-p)) \)
         *     by which the Monte Carlo scales the coefficients' covariance (drawn from a multivariate
         *     t with \( k - p \) degrees of freedom)
         */
        public double getKnappHartungScale() {
            return knappHartung;
        }

        /** @return the residual degrees of freedom \( k - p \) */
        public int getDegreesOfFreedom() {
            return countries - beta.length;
        }

        /** @return the number of surveyed countries fitted */
        public int getCountries() {
            return countries;
        }

        /**
         * @param x a design row (same order as {@link #getNames()})
         * @return the predicted logit \( x^\top\hat\beta \)
         */
        public double predictLogit(double[] x) {
            return dot(x, beta);
        }

        /**
         * @param x a design row
         * @return \( x^\top \widehat{\mathrm{var}}(\hat\beta) x \)
         */
        public double parameterVariance(double[] x) {
            return new ArrayRealVector(x, false).dotProduct(new Array2DRowRealMatrix(covariance, false).operate(
                    new ArrayRealVector(x, false)));
        }

        /**
         * The generalized Q statistic of the random-effects fit at a given \( \tau^2 \):
         * <p>\[ Q(\tau^2) = \sum_c \frac{(y_c - x_c^\top\hat\beta(\tau^2))^2}{v_c + \tau^2}, \]
         * <p>\( \hat\beta(\tau^2) \) the weighted least-squares coefficients with weights
         * \( 1/(v_c + \tau^2) \); \( Q(\tau^2) \sim \chi^2_{k-p} \) at the true \( \tau^2 \) and it
         * decreases in \( \tau^2 \) (Viechtbauer 2007).
         * @param tau2 the between-country variance
         * @return \( Q(\tau^2) \)
         */
        public double generalizedQ(double tau2) {
            return conditional(tau2).q();
        }

        /** Weighted least squares at a fixed tau^2: coefficients, their covariance and the generalized Q. */
        DlFit conditional(double tau2) {
            int k = y.length;
            int p = beta.length;
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
        QProfile qProfile(int grid) {
            int df = countries - beta.length;
            org.apache.commons.statistics.distribution.ChiSquaredDistribution chi2 =
                    org.apache.commons.statistics.distribution.ChiSquaredDistribution.of(df);
            double[] t2 = new double[grid];
            double[][] b = new double[grid][];
            double[][][] l = new double[grid][][];
            double[][][] hat = new double[grid][][];
            double q0 = generalizedQ(0);
            org.apache.commons.math3.analysis.solvers.BrentSolver brent =
                    new org.apache.commons.math3.analysis.solvers.BrentSolver(1e-12, 1e-8);
            double hi = Math.max(tau2, 0.01);
            for (int j = 0; j < grid; j++) {
                double target = chi2.inverseSurvivalProbability((j + 0.5) / grid);
                double t = 0;
                if (q0 > target) {
                    while (generalizedQ(hi) > target) {
                        hi *= 2;
                    }
                    t = brent.solve(200, tt -> generalizedQ(tt) - target, 0, hi);
                }
                t2[j] = t;
                DlFit c = conditional(t);
                b[j] = c.beta();
                l[j] = new CholeskyDecomposition(c.covariance(), 1e-10, 0).getL().getData();
                // A = (X' W X)^{-1} X' W: the coefficients' linear dependence on the responses
                int p = beta.length;
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

        /**
         * The (approximately) unbiased expected prevalence of a country with design row \( x \):
         * with \( \hat\eta = x^\top\hat\beta \), \( \hat\eta \sim N(\eta, w) \),
         * \( w = x^\top\widehat{\mathrm{var}}(\hat\beta)x \), the plug-in
         * \( E[\mathrm{expit}(\hat\eta + \hat\tau Z)] \approx e^{\eta + \tau^2/2 + w/2} \) for small
         * prevalences is biased upwards by the factor \( e^{w/2} \) (about 1 % with ten surveyed
         * countries per region). Removing the parameter variance from the logit-normal variance
         * (Finney 1941's correction of the log-normal mean) gives
         * <p>\[ \tilde p = E[\mathrm{expit}(\hat\eta + \sqrt{\hat\tau^2 - w}\,Z)] \text{ if } \hat\tau^2 \ge w,
         *   \quad \tilde p = \mathrm{expit}(\hat\eta + (\hat\tau^2 - w)/2) \text{ otherwise}, \]
         * <p>unbiased for \( E[\mathrm{expit}(\eta + u)] \) where \( \mathrm{expit} \approx \exp \).
         * <p>Finney, D.J. (1941). On the distribution of a variate whose logarithm is normally
         * distributed. Supplement to the JRSS 7, 155-161. doi:10.2307/2983663
         * @param x a design row
         * @return \( \tilde p \)
         */
        public double expectedPrevalence(double[] x) {
            double eta = predictLogit(x);
            double s2 = tau2 - parameterVariance(x);
            return s2 >= 0 ? logitNormalMoments(eta, Math.sqrt(s2))[0] : expit(eta + s2 / 2);
        }

        /** @return the lower Cholesky factor of the coefficients' covariance */
        double[][] choleskyLower() {
            if (beta.length == 0) {
                return new double[0][0];
            }
            return new CholeskyDecomposition(new Array2DRowRealMatrix(covariance), 1e-10, 0).getL().getData();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "ImputationModel.Fit[%d surveyed countries, tau^2=%s, Q=%s", countries, Format.number(tau2),
                    Format.number(q)));
            double[] se = getStandardErrors();
            for (int i = 0; i < beta.length; i++) {
                sb.append(String.format(Locale.ROOT, "; %s %s (SE %s)", names.get(i), Format.number(beta[i]),
                        Format.number(se[i])));
            }
            return sb.append(']').toString();
        }
    }
}
