package org.prevalence.survey.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.statistics.distribution.FDistribution;
import org.prevalence.core.PrevalenceException;

/**
 * The Wald test that the coefficients of one or more terms of a {@link SurveyGlm} are all zero; R's
 * {@code survey::regTermTest(model, ~terms)} (default {@code method="Wald"}):
 * \( F = \hat\beta_I^T \hat V_I^{-1} \hat\beta_I / k \) on \( k \) and the model's residual degrees of
 * freedom, \( \hat V_I \) the design-based covariance of the \( k \) coefficients of the terms.
 * Terms are matched as R: by label, the variables of an interaction in any order. This class is immutable.
 */
public final class RegressionTermTest {
    private static final RegressionTermTest DEFAULT = new RegressionTermTest();

    private RegressionTermTest() {
    }

    /** @return the test */
    public static RegressionTermTest withDefaults() {
        return DEFAULT;
    }

    /**
     * @param model the fitted model
     * @param terms term labels, e.g. {@code "stype"}, {@code "ell:stype"}
     * @return F, k, residual df, p
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
        double[][] cov = model.getCovariance();
        double[][] v = new double[k][k];
        double[] b = new double[k];
        for (int a = 0; a < k; a++) {
            b[a] = beta[idx.get(a)];
            for (int c = 0; c < k; c++) {
                v[a][c] = cov[idx.get(a)][idx.get(c)];
            }
        }
        RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(v, false)).getSolver().getInverse();
        double chisq = 0;
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                chisq += b[a] * inv.getEntry(a, c) * b[c];
            }
        }
        double df = model.getDegreesOfFreedom();
        double f = chisq / k;
        double p = FDistribution.of(k, df).survivalProbability(f);
        return new TestResult("Wald", f, k, df, p, "Wald test for " + String.join(", ", terms), Double.NaN);
    }

    private static String canonical(String term) {
        String[] v = term.trim().split("\\s*:\\s*");
        Arrays.sort(v);
        return String.join(":", v);
    }
}
