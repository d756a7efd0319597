package org.prevalence.survey.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.prevalence.core.PrevalenceException;

/**
 * Tests that the coefficients of one or more terms of a {@link SurveyGlm} are all zero; R's
 * {@code survey::regTermTest(model, ~terms, method=)}, and {@code anova(model1, model2)} between
 * nested models. With \( \hat\beta_I \) the \( k \) coefficients of the terms, \( \hat V_I \) their
 * design-based covariance and \( V_{0,I} \) their model-based (working-likelihood) covariance:
 * <ul><li>{@link Method#WALD}: \( F = \hat\beta_I^T \hat V_I^{-1} \hat\beta_I / k \) on \( k \) and the
 * model's residual df (or \( \chi^2_k \) on the chi-squared scale).</li>
 * <li>{@link Method#LRT}: the Rao-Scott working likelihood ratio, \( \Delta D = D(\text{model without the
 * terms}) - D(\text{model}) \) (deviances with the weights rescaled to mean 1), referred to
 * \( \sum_j \lambda_j \chi^2_1 \) with \( \lambda \) the eigenvalues of \( V_{0,I}^{-1} \hat V_I \) (the
 * generalized design effects), divided by \( \chi^2_{df}/df \) on the F scale; the tail by the
 * saddlepoint approximation (R's default {@code lrt.approximation="saddlepoint"}, see {@link ChisqSum}).
 * The statistic reported is \( \Delta D \) itself, as R prints "Working 2logLR".</li>
 * <li>{@link Method#WORKING_WALD}: \( \hat\beta_I^T V_{0,I}^{-1} \hat\beta_I \) in place of \( \Delta D \).</li></ul>
 * Terms are matched as R: by label, the variables of an interaction in any order.
 *
 * <p>Reference: Rao, J.N.K., Scott, A.J. (1984), Annals of Statistics 12, 46-60; Lumley, T., Scott, A.J.
 * (2014). Tests for regression models fitted to survey data. Australian and New Zealand Journal of
 * Statistics 56, 1-14.
 *
 * <p>This class is immutable.
 */
public final class RegressionTermTest {
    /** The test statistic (R's {@code method=}). */
    public enum Method {
        /** The design-based Wald test (R's default). */
        WALD("Wald"),
        /** The Rao-Scott working likelihood-ratio test. */
        LRT("LRT"),
        /** The working Wald statistic with the same reference distribution as the LRT. */
        WORKING_WALD("WorkingWald");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        /** @return R's name */
        public String label() {
            return label;
        }

        /**
         * @param text {@code wald}, {@code lrt} or {@code workingwald} (any case)
         * @return the method
         */
        public static Method parse(String text) {
            for (Method m : values()) {
                if (m.label.equalsIgnoreCase(text.trim()) || m.name().equalsIgnoreCase(text.trim())) {
                    return m;
                }
            }
            throw PrevalenceException.invalidArgument("test method", "unknown test method '%s'; use wald, lrt or "
                    + "workingwald", text);
        }
    }

    private static final RegressionTermTest DEFAULT = new RegressionTermTest(Method.WALD, false);
    private final Method method;
    private final boolean chisq;

    private RegressionTermTest(Method method, boolean chisq) {
        this.method = method;
        this.chisq = chisq;
    }

    /** @return the Wald F test on the model's residual degrees of freedom */
    public static RegressionTermTest withDefaults() {
        return DEFAULT;
    }

    /** @param v the statistic @return a new test */
    public RegressionTermTest with(Method v) {
        return new RegressionTermTest(Objects.requireNonNull(v, "method"), chisq);
    }

    /**
     * @param v true for the chi-squared scale (R's {@code df=Inf}, {@code anova(test="Chisq")}), false
     *     for the F scale on the residual degrees of freedom (the default)
     * @return a new test
     */
    public RegressionTermTest withChisq(boolean v) {
        return new RegressionTermTest(method, v);
    }

    /**
     * @param model the fitted model
     * @param terms term labels, e.g. {@code "stype"}, {@code "ell:stype"}
     * @return the statistic, k, the residual df (NaN on the chi-squared scale, R's Inf) and p
     * @throws PrevalenceException naming a term the model does not have
     */
    public TestResult test(SurveyGlm.Result model, String... terms) {
        if (terms.length == 0) {
            throw PrevalenceException.invalidArgument("terms", "name at least one term to test");
        }
        List<String> labels = model.getFormula().termLabels();
        List<String> canon = new ArrayList<>();
        for (String l : labels) {
            canon.add(canonical(l));
        }
        boolean[] test = new boolean[labels.size()];
        for (String t : terms) {
            int k = canon.indexOf(canonical(t));
            if (k < 0) {
                throw PrevalenceException.invalidArgument("term '" + t + "'", "the model has no term '%s'; its terms: %s",
                        t, labels);
            }
            test[k] = true;
        }
        int[] assign = model.getAssign();
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < assign.length; j++) {
            if (assign[j] >= 0 && test[assign[j]]) {
                idx.add(j);
            }
        }
        int k = idx.size();
        double[] beta = model.getCoefficients();
        double[][] v = sub(model.getCovariance(), idx);
        double[] b = new double[k];
        for (int a = 0; a < k; a++) {
            b[a] = beta[idx.get(a)];
        }
        double df = chisq ? Double.NaN : model.getDegreesOfFreedom(); // a chi-squared has no df2 (R: Inf)
        String what = String.join(", ", terms);
        if (method == Method.WALD) {
            double x2 = quadratic(b, v);
            if (chisq) {
                return new TestResult("Wald", x2, k, df, ChiSquaredDistribution.of(k).survivalProbability(x2),
                        "Wald test for " + what, Double.NaN);
            }
            double f = x2 / k;
            return new TestResult("Wald", f, k, df, FDistribution.of(k, df).survivalProbability(f),
                    "Wald test for " + what, Double.NaN);
        }
        double[][] v0 = sub(model.getNaiveCovariance(), idx);
        double stat;
        if (method == Method.LRT) {
            List<String> drop = new ArrayList<>();
            for (int t = 0; t < labels.size(); t++) {
                if (test[t]) {
                    drop.add(labels.get(t));
                }
            }
            SurveyGlm.Result m0 = model.refit(model.getFormula().update(drop, List.of()));
            stat = m0.getDeviance() - model.getDeviance();
        } else {
            stat = quadratic(b, v0);
        }
        double[] lambda = designEffects(v0, v);
        double p = chisq ? ChisqSum.upperChisqSum(stat, lambda)
                : ChisqSum.upperFSum(stat, lambda, model.getDegreesOfFreedom());
        return new TestResult(method.label(), stat, k, df, p, (method == Method.LRT ? "Working 2logLR" : "Working Wald")
                + " (Rao-Scott) for " + what, Double.NaN, lambda);
    }

    /**
     * R's {@code anova(model1, model2)} for models whose terms are nested (the terms of one among the
     * other's): this test of the bigger model's extra terms.
     * @param model1 one model
     * @param model2 the other, on the same design and response
     * @return the test of the extra terms
     * @throws PrevalenceException if the models' terms are not nested or are the same, or the designs
     *     or responses differ
     */
    public TestResult anova(SurveyGlm.Result model1, SurveyGlm.Result model2) {
        if (model1.getDesign() != model2.getDesign()) {
            throw PrevalenceException.invalidArgument("models", "the two models are fitted on different designs");
        }
        if (!model1.getFormula().response().equals(model2.getFormula().response())) {
            throw PrevalenceException.invalidArgument("models", "the two models have different responses ('%s', '%s')",
                    model1.getFormula().response(), model2.getFormula().response());
        }
        List<String> t1 = canonicalAll(model1.getFormula().termLabels());
        List<String> t2 = canonicalAll(model2.getFormula().termLabels());
        boolean oneInTwo = t2.containsAll(t1);
        if (!oneInTwo && !t1.containsAll(t2)) {
            throw PrevalenceException.invalidArgument("models", "the models' terms are not nested (%s; %s); anova "
                    + "compares a model with one whose terms include all of its terms",
                    model1.getFormula().termLabels(), model2.getFormula().termLabels());
        }
        SurveyGlm.Result big = oneInTwo ? model2 : model1;
        List<String> small = oneInTwo ? t1 : t2;
        List<String> extra = new ArrayList<>();
        for (String l : big.getFormula().termLabels()) {
            if (!small.contains(canonical(l))) {
                extra.add(l);
            }
        }
        if (extra.isEmpty()) {
            throw PrevalenceException.invalidArgument("models", "the two models have the same terms %s; nothing to test",
                    big.getFormula().termLabels());
        }
        return test(big, extra.toArray(new String[0]));
    }

    /** Eigenvalues of V0^-1 V (generalized design effects), largest first; via the symmetric L^-1 V L^-T. */
    static double[] designEffects(double[][] v0, double[][] v) {
        int k = v.length;
        RealMatrix l = new CholeskyDecomposition(new Array2DRowRealMatrix(v0), 0, 0).getL();
        RealMatrix li = new LUDecomposition(l).getSolver().getInverse();
        RealMatrix m = li.multiply(new Array2DRowRealMatrix(v)).multiply(li.transpose());
        for (int a = 0; a < k; a++) {
            for (int c = a + 1; c < k; c++) {
                double s = (m.getEntry(a, c) + m.getEntry(c, a)) / 2;
                m.setEntry(a, c, s);
                m.setEntry(c, a, s);
            }
        }
        double[] e = new EigenDecomposition(m).getRealEigenvalues();
        Arrays.sort(e);
        double[] out = new double[k];
        for (int a = 0; a < k; a++) {
            out[a] = e[k - 1 - a];
        }
        return out;
    }

    private static double quadratic(double[] b, double[][] v) {
        RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(v, false)).getSolver().getInverse();
        double x2 = 0;
        for (int a = 0; a < b.length; a++) {
            for (int c = 0; c < b.length; c++) {
                x2 += b[a] * inv.getEntry(a, c) * b[c];
            }
        }
        return x2;
    }

    private static double[][] sub(double[][] m, List<Integer> idx) {
        int k = idx.size();
        double[][] v = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                v[a][c] = m[idx.get(a)][idx.get(c)];
            }
        }
        return v;
    }

    private static List<String> canonicalAll(List<String> labels) {
        List<String> out = new ArrayList<>();
        for (String l : labels) {
            out.add(canonical(l));
        }
        return out;
    }

    private static String canonical(String term) {
        String[] v = term.trim().split("\\s*:\\s*");
        Arrays.sort(v);
        return String.join(":", v);
    }
}
