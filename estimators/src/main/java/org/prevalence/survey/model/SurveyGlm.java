package org.prevalence.survey.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.statistics.distribution.TDistribution;
import org.prevalence.core.Checks;
import org.prevalence.core.Estimate;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.ParallelLoop;
import org.prevalence.survey.InfluenceVariance;
import org.prevalence.survey.MissingValues;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.SurveyEstimate;

/**
 * A generalized linear model fitted to survey data with design-based standard errors; R's
 * {@code survey::svyglm}. The coefficients maximise the design-weighted (pseudo-)likelihood
 * \( \sum_i w_i \ell(y_i; \beta) \), found by {@link Irls} on the sampling weights. Their variance is
 * the sandwich of Binder (1983): with \( A = X^T W X \) (working weights) and per-row influence values
 * \[ z_i = A^{-1} x_i \, w_i \frac{\mu'(\eta_i)(y_i - \mu_i)}{V(\mu_i)}, \]
 * \( \hat V(\hat\beta) = \hat V_{design}(\sum_i z_i) \) by the design's own linearization engine
 * (strata, clusters, fpc, lonely-PSU rules, calibration; R's {@code svy.varcoef}), formed row by row
 * inside that engine's one pass from the scores of the fit's last IRLS pass (no n x p array of
 * influence values is stored, and the design's columns and weights are read without copies). On a replicate
 * design the model is refitted with each replicate's weights (starting from the full-sample
 * coefficients) and the variance is the replicate variance of the coefficients (R's
 * {@code svyglm.svyrep.design}). Residual degrees of freedom are R's
 * \( \mathrm{degf}(design) + 1 - p \); t statistics, p values \( 2 P(T_{df} &gt; |t|) \) and Wald
 * intervals \( \hat\beta \pm t_{df, 1-\alpha/2} SE \) use them, for every family (as R's
 * {@code summary.svyglm} and {@code confint.svyglm}).
 *
 * <p>Rows with a missing value in any model column are refused ({@link MissingValues#FAIL}) or left
 * out ({@link MissingValues#DROP}, R's {@code na.omit}: their PSUs still count, the degrees of freedom
 * count the PSUs with a used row). A binomial fit whose fitted probabilities reach 0 or 1 (perfect
 * separation) and a fit that does not converge are refused.
 *
 * <p>References: <ol><li>Binder, D.A. (1983). On the variances of asymptotically normal estimators
 * from complex surveys. International Statistical Review 51, 279-292.</li>
 * <li>Lumley, T. (2010). Complex Surveys: A Guide to Analysis Using R. Wiley, chapter 5.</li></ol>
 *
 * <p>This class is immutable.
 */
public final class SurveyGlm {
    private static final SurveyGlm DEFAULT = new SurveyGlm(GlmFamily.GAUSSIAN, null, MissingValues.FAIL, 0.95, 100, 0);
    private final GlmFamily family;
    private final GlmLink link;
    private final MissingValues missing;
    private final double level;
    private final int maxIterations;
    private final int threads;

    private SurveyGlm(GlmFamily family, GlmLink link, MissingValues missing, double level, int maxIterations,
                      int threads) {
        this.family = family;
        this.link = link;
        this.missing = missing;
        this.level = level;
        this.maxIterations = maxIterations;
        this.threads = threads;
    }

    /**
     * Defaults: {@link GlmFamily#GAUSSIAN} with its canonical link, {@link MissingValues#FAIL}, level
     * 0.95, at most 100 iterations, all cores for replicate refits.
     * @return the default estimator
     */
    public static SurveyGlm withDefaults() {
        return DEFAULT;
    }

    /** @param v the family (its canonical link unless {@link #with(GlmLink)} is given) @return a new estimator */
    public SurveyGlm with(GlmFamily v) {
        return new SurveyGlm(Objects.requireNonNull(v, "family"), link, missing, level, maxIterations, threads);
    }

    /** @param v the link @return a new estimator */
    public SurveyGlm with(GlmLink v) {
        return new SurveyGlm(family, Objects.requireNonNull(v, "link"), missing, level, maxIterations, threads);
    }

    /** @param v missing-value handling @return a new estimator */
    public SurveyGlm with(MissingValues v) {
        return new SurveyGlm(family, link, Objects.requireNonNull(v, "missingValues"), level, maxIterations, threads);
    }

    /** @param v confidence level in (0, 1) @return a new estimator */
    public SurveyGlm withConfidenceLevel(double v) {
        return new SurveyGlm(family, link, missing, Checks.level("level", v), maxIterations, threads);
    }

    /** @param v maximum IRLS iterations, at least 1 @return a new estimator */
    public SurveyGlm withMaxIterations(int v) {
        if (v < 1) {
            throw PrevalenceException.invalidArgument("maxIterations", "need at least 1 iteration, got %d", v);
        }
        return new SurveyGlm(family, link, missing, level, v, threads);
    }

    /** @param v threads for the replicate refits, 0 = all cores (results do not depend on it) @return a new estimator */
    public SurveyGlm withThreads(int v) {
        if (v < 0) {
            throw PrevalenceException.invalidArgument("threads", "threads must be >= 0, got %d", v);
        }
        return new SurveyGlm(family, link, missing, level, maxIterations, v);
    }

    /**
     * @param design the design (linearization or replicate weights)
     * @param formula e.g. {@code "sch.wide ~ ell + meals + stype"} (see {@link Formula})
     * @return the fitted model
     */
    public Result fit(SurveyDesign design, String formula) {
        return fit(design, Formula.parse(formula));
    }

    /**
     * @param design the design
     * @param formula the parsed formula
     * @return the fitted model
     */
    public Result fit(SurveyDesign design, Formula formula) {
        Objects.requireNonNull(design, "design");
        GlmLink lk = link == null ? family.defaultLink() : link;
        if (!family.allows(lk)) {
            throw PrevalenceException.invalidArgument("link", "the %s family does not take the %s link here",
                    family.label(), lk.label());
        }
        ModelMatrix mm = ModelMatrix.of(design, formula, family, missing);
        Irls irls = new Irls(mm, family, lk, maxIterations, threads);
        InfluenceVariance iv = InfluenceVariance.of(design);
        double[] w = iv.weightsShared(); // read only
        Irls.Fit fit = irls.fit(w, null, "the model", !iv.isReplicate());
        int p = fit.beta.length;
        double[][] cov;
        if (iv.isReplicate()) {
            int R = iv.replicates();
            double[][] theta = new double[R][];
            Irls.Fit full = fit;
            Irls one = irls.withThreads(1); // the replicates run in parallel, each on one thread
            ParallelLoop.run(R, threads, r -> theta[r] = one.fit(iv.replicateWeights(r), full.beta,
                    "replicate " + (r + 1), false).beta);
            cov = iv.replicateCovariance(theta, fit.beta);
            irls.checkSeparation(fit);
        } else {
            irls.checkSeparation(fit);
            // influence values z_i = A^-1 x_i s_i formed row by row inside the engine's one pass
            cov = iv.linearizationCovariance(mm.x, fit.score, fit.xtwxInv, threads);
        }
        int df = iv.degreesOfFreedom(mm.dropped > 0 ? mm.used : null) + 1 - p;
        double meanW = 0;
        for (int i : irls.rows()) {
            meanW += w[i];
        }
        meanW /= irls.rows().length;
        double[][] naive = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                naive[a][b] = fit.xtwxInv[a][b] * meanW; // R's naive.cov with weights rescaled to mean 1
            }
        }
        Result res = new Result(formula, family, lk, mm.names, mm.assign, fit.beta, cov, naive, df, level,
                fit.deviance / meanW, fit.iterations, mm.usedCount, mm.dropped, iv.method());
        res.design = design;
        res.estimator = this;
        res.spec = mm.spec;
        res.levels = mm.levels;
        return res;
    }

    /** One coefficient: estimate, SE, t, p and interval. This class is immutable. */
    public static final class Term implements SurveyEstimate {
        private final String term;
        private final double estimate;
        private final double se;
        private final double statistic;
        private final double p;
        private final Interval interval;
        private final long n;
        private final int df;
        private final long dropped;

        Term(String term, double estimate, double se, double statistic, double p, Interval interval, long n, int df,
             long dropped) {
            this.term = term;
            this.estimate = estimate;
            this.se = se;
            this.statistic = statistic;
            this.p = p;
            this.interval = interval;
            this.n = n;
            this.df = df;
            this.dropped = dropped;
        }

        /** @return the coefficient's name as R: {@code (Intercept)}, {@code ell}, {@code stypeH}, {@code ell:stypeM} */
        public String getTerm() {
            return term;
        }

        /** @return the t statistic, estimate / SE */
        public double getTValue() {
            return statistic;
        }

        /** @return the two-sided p value from t(df) */
        public double getPValue() {
            return p;
        }

        @Override
        public String getStatistic() {
            return "coefficient";
        }

        @Override
        public String getVariable() {
            return term;
        }

        @Override
        public Map<String, String> getDomain() {
            return Map.of();
        }

        @Override
        public double getEstimate() {
            return estimate;
        }

        @Override
        public double getStandardError() {
            return se;
        }

        @Override
        public Interval getConfidenceInterval() {
            return interval;
        }

        /** @return NaN (R's svyglm deff is not computed here) */
        @Override
        public double getDeff() {
            return Double.NaN;
        }

        /** @return NaN */
        @Override
        public double getDeffReplace() {
            return Double.NaN;
        }

        @Override
        public long getN() {
            return n;
        }

        /** @return the residual degrees of freedom, degf + 1 - p */
        @Override
        public int getDegreesOfFreedom() {
            return df;
        }

        @Override
        public long getDropped() {
            return dropped;
        }

        @Override
        public Estimate toEstimate() {
            Map<String, Object> diag = new LinkedHashMap<>();
            diag.put("t", statistic);
            diag.put("p", p);
            diag.put("n", n);
            diag.put("df", df);
            if (dropped > 0) {
                diag.put("dropped", dropped);
            }
            return new Estimate("coefficient(" + term + ")", estimate, se, interval, diag);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s = %s, SE %s, t %s, p %s, %s", term, Format.number(estimate),
                    Format.number(se), Format.number(statistic), pText(p), interval);
        }
    }

    static String pText(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.3g", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    /** A fitted survey GLM. This class is immutable. */
    public static final class Result {
        private final Formula formula;
        private final GlmFamily family;
        private final GlmLink link;
        private final List<String> names;
        private final int[] assign;
        private final double[] beta;
        private final double[][] cov;
        private final double[][] naive;
        private final int df;
        private final List<Term> terms;
        private final double deviance;
        private final int iterations;
        private final long n;
        private final long dropped;
        private final String varianceMethod;
        /** The design, estimator and model-matrix layout behind the fit (for refits and predictions). */
        SurveyDesign design;
        SurveyGlm estimator;
        ModelMatrix.Column[] spec;
        Map<String, List<String>> levels;

        Result(Formula formula, GlmFamily family, GlmLink link, String[] names, int[] assign, double[] beta,
               double[][] cov, double[][] naive, int df, double level, double deviance, int iterations, long n,
               long dropped, String varianceMethod) {
            this.formula = formula;
            this.family = family;
            this.link = link;
            this.names = List.of(names);
            this.assign = assign;
            this.beta = beta;
            this.cov = cov;
            this.naive = naive;
            this.df = df;
            this.deviance = deviance;
            this.iterations = iterations;
            this.n = n;
            this.dropped = dropped;
            this.varianceMethod = varianceMethod;
            if (df <= 0) {
                throw PrevalenceException.notEstimable("model", "the model has %d coefficients but the design only %d "
                        + "degrees of freedom (residual df = degf + 1 - p = %d); fit fewer terms", beta.length,
                        df + beta.length - 1, df);
            }
            TDistribution t = TDistribution.of(df);
            double q = t.inverseCumulativeProbability(1 - (1 - level) / 2);
            List<Term> out = new ArrayList<>();
            for (int j = 0; j < beta.length; j++) {
                double se = Math.sqrt(cov[j][j]);
                double stat = beta[j] / se;
                double pv = 2 * t.cumulativeProbability(-Math.abs(stat));
                out.add(new Term(names[j], beta[j], se, stat, pv,
                        new Interval(beta[j] - q * se, beta[j] + q * se, level, IntervalMethod.SURVEY_T, df), n, df,
                        dropped));
            }
            this.terms = Collections.unmodifiableList(out);
        }

        /**
         * @param f another formula on the same design, e.g. with terms dropped (R's {@code update(model, . ~ . - b)})
         * @return the model refitted with the same family, link and settings
         */
        Result refit(Formula f) {
            return estimator.fit(design, f);
        }

        /** @return the design the model was fitted on */
        public SurveyDesign getDesign() {
            return design;
        }

        /** @return the formula */
        public Formula getFormula() {
            return formula;
        }

        /** @return the family */
        public GlmFamily getFamily() {
            return family;
        }

        /** @return the link */
        public GlmLink getLink() {
            return link;
        }

        /** @return one entry per coefficient, in R's order */
        public List<Term> getTerms() {
            return terms;
        }

        /**
         * @param name a coefficient name as R
         * @return that coefficient
         */
        public Term getTerm(String name) {
            int j = names.indexOf(name);
            if (j < 0) {
                throw PrevalenceException.invalidArgument("term '" + name + "'", "the model has no coefficient '%s'; "
                        + "coefficients: %s", name, names);
            }
            return terms.get(j);
        }

        /** @return the coefficient names */
        public List<String> getCoefficientNames() {
            return names;
        }

        /** @return a copy of the coefficients */
        public double[] getCoefficients() {
            return beta.clone();
        }

        /** @return a copy of the design-based covariance matrix of the coefficients (R's {@code vcov}) */
        public double[][] getCovariance() {
            return copy(cov);
        }

        /**
         * @return a copy of the model-based covariance of the coefficients with the weights rescaled
         *     to mean 1 (R's {@code naive.cov}, the working-likelihood information inverse)
         */
        public double[][] getNaiveCovariance() {
            return copy(naive);
        }

        /** @return the term index of each coefficient (-1 for the intercept), R's {@code assign} minus 1 */
        public int[] getAssign() {
            return assign.clone();
        }

        /** @return the residual degrees of freedom, degf(design) + 1 - p */
        public int getDegreesOfFreedom() {
            return df;
        }

        /** @return the deviance with the weights rescaled to mean 1 (R's {@code deviance(model)}) */
        public double getDeviance() {
            return deviance;
        }

        /** @return the IRLS iterations of the full-sample fit */
        public int getIterations() {
            return iterations;
        }

        /** @return the rows used */
        public long getN() {
            return n;
        }

        /** @return the rows dropped for missing values */
        public long getDropped() {
            return dropped;
        }

        /** @return the variance method: {@code "linearization"} or the replicate method */
        public String getVarianceMethod() {
            return varianceMethod;
        }

        private static double[][] copy(double[][] m) {
            double[][] c = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                c[i] = m[i].clone();
            }
            return c;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "survey GLM %s, %s(%s), %s variance, n=%s, df=%d%s%n", formula,
                    family.label(), link.label(), varianceMethod, Format.count(n), df,
                    dropped > 0 ? ", dropped " + Format.count(dropped) + " missing" : ""));
            for (Term t : terms) {
                sb.append("  ").append(t).append(System.lineSeparator());
            }
            return sb.toString().stripTrailing();
        }
    }
}
