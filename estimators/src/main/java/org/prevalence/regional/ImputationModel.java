package org.prevalence.regional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
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
        List<Integer> rows = surveyedRows(data, surveyedRegion, imputedRegion);
        List<String> names = new ArrayList<>();
        int[] regionColumn = regionTerms(data, surveyedRegion, imputedRegion, names);
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
        MetaRegression.DlFit fit = refit(x, y, v, nEff, names);
        return new Fit(names, fit.beta(), fit.covariance().getData(), fit.tau2(), fit.q(), k, regionColumn, firstCov,
                knappHartung(x, y, v, fit), x, y, v);
    }

    /**
     * The rows of the surveyed countries, checked; marks the regions with surveyed and with
     * imputed countries.
     */
    private static List<Integer> surveyedRows(NationalData data, boolean[] surveyedRegion, boolean[] imputedRegion) {
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
        return rows;
    }

    /**
     * Adds the region terms' names (one per surveyed region, or the intercept) to {@code names}.
     * @return each region's coefficient column, -1 for none
     */
    private int[] regionTerms(NationalData data, boolean[] surveyedRegion, boolean[] imputedRegion,
                              List<String> names) {
        int nRegions = surveyedRegion.length;
        int[] regionColumn = new int[nRegions];
        Arrays.fill(regionColumn, -1);
        if (regionEffects != RegionEffects.FIXED) {
            names.add("(intercept)");
            return regionColumn;
        }
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
        return regionColumn;
    }

    /**
     * The DerSimonian-Laird fit, refitted {@value #VARIANCE_ITERATIONS} times with the sampling
     * variances from the fitted prevalences ({@code v} is updated in place).
     */
    private static MetaRegression.DlFit refit(double[][] x, double[] y, double[] v, double[] nEff, List<String> names) {
        MetaRegression.DlFit fit = null;
        for (int iteration = 0; iteration < 1 + VARIANCE_ITERATIONS; iteration++) {
            if (fit != null) {
                // sampling variances from the fitted prevalences, not the observed ones: weights that
                // depend on the observed proportion bias an inverse-variance weighted mean upwards
                // averaged over the between-country effects u ~ N(0, tau^2): 1/(p(1-p)) = 2 + e^eta + e^-eta,
                // so E[1/(p(1-p))] = 2 + 2 cosh(eta) e^(tau^2/2) (log-normal mean)
                double[] b = fit.beta();
                double m = Math.exp(fit.tau2() / 2);
                for (int i = 0; i < y.length; i++) {
                    double eta = MetaRegression.dot(x[i], b);
                    v[i] = (2 + 2 * Math.cosh(eta) * m) / nEff[i];
                }
            }
            fit = MetaRegression.derSimonianLaird(x, y, v, names);
        }
        return fit;
    }

    /** The Knapp-Hartung scale of the coefficients' covariance, truncated below at 1 (Knapp and Hartung 2003). */
    private static double knappHartung(double[][] x, double[] y, double[] v, MetaRegression.DlFit fit) {
        double qkh = 0;
        for (int i = 0; i < y.length; i++) {
            double e = y[i] - MetaRegression.dot(x[i], fit.beta());
            qkh += e * e / (v[i] + fit.tau2());
        }
        return Math.max(1, qkh / (y.length - x[0].length));
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
            return MetaRegression.dot(x, beta);
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
            return MetaRegression.conditional(x, y, v, names, tau2).q();
        }

        /**
         * The Q-profile confidence distribution of \( \tau^2 \) discretised at {@code grid} points
         * ({@link MetaRegression#qProfile}).
         * @param grid the number of points
         * @return the points, with the conditional coefficients
         */
        MetaRegression.QProfile qProfile(int grid) {
            return MetaRegression.qProfile(x, y, v, names, tau2, grid);
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
            return s2 >= 0 ? MetaRegression.logitNormalMoments(eta, Math.sqrt(s2))[0] : MetaRegression.expit(eta + s2 / 2);
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
