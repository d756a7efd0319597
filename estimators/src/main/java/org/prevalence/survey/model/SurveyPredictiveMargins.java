package org.prevalence.survey.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.survey.Factor;
import org.prevalence.survey.InfluenceVariance;
import org.prevalence.survey.SurveyDesign;

/**
 * Predictive margins (marginal standardization) of a {@link SurveyGlm}; R's
 * {@code survey::svypredmeans(model, ~group)} (Graubard and Korn 1999). The model is refitted with the
 * grouping factor added as its last term; for each group \( g \) (in order of first appearance in the
 * data, as R) every row's mean is predicted with its group set to \( g \),
 * \( \hat\mu_{ig} = g^{-1}(x_{ig}^T\hat\beta) \), and the margin is their design-weighted mean
 * \( \hat m_g = \sum_i w_i \hat\mu_{ig} / \sum_i w_i \). Its variance adds the variance of the
 * coefficients through \( d_g = \sum_i w_i \mu'(\hat\eta_{ig}) x_{ig} / \sum_i w_i \) to the design
 * variance of the weighted mean with the predictions held fixed:
 * \( \hat V = D^T \hat V(\hat\beta) D + \hat V_{design}(\hat m) \) (as R; the cross term is ignored).
 * As R's {@code predict.svyglm}, an offset is not added. Needs a linearization design and a model that
 * uses every row. This class is immutable.
 *
 * <p>Reference: Graubard, B.I., Korn, E.L. (1999). Predictive margins with survey data. Biometrics 55,
 * 652-659.
 */
public final class SurveyPredictiveMargins {
    private static final SurveyPredictiveMargins DEFAULT = new SurveyPredictiveMargins();

    private SurveyPredictiveMargins() {
    }

    /** @return the estimator */
    public static SurveyPredictiveMargins withDefaults() {
        return DEFAULT;
    }

    /**
     * @param adjustmentModel the model of the adjustment variables (without the group)
     * @param group a text column of the model's design
     * @return the margin of each group
     * @throws PrevalenceException for a replicate design, a group column that is missing, numeric or
     *     already in the model, or a model that left rows out
     */
    public Result estimate(SurveyGlm.Result adjustmentModel, String group) {
        SurveyDesign design = adjustmentModel.getDesign();
        InfluenceVariance iv = InfluenceVariance.of(design);
        if (iv.isReplicate()) {
            throw PrevalenceException.invalidArgument("design", "predictive margins are implemented for linearization "
                    + "designs only, not for %s replicate weights", iv.method());
        }
        if (!iv.isCategorical(group)) {
            throw PrevalenceException.invalidArgument("column '" + group + "'", iv.isNumeric(group)
                    ? "the group column '%s' is numeric; predictive margins need a text (factor) column"
                    : "the data have no column '%s'", group);
        }
        if (adjustmentModel.getFormula().columns().contains(group)) {
            throw PrevalenceException.invalidArgument("column '" + group + "'", "the group '%s' is already in the model "
                    + "%s; fit the adjustment model without it", group, adjustmentModel.getFormula());
        }
        if (adjustmentModel.getDropped() > 0) {
            throw PrevalenceException.invalidData("model", "the model left %d row(s) with missing values out; predictive "
                    + "margins predict at every row of the design", adjustmentModel.getDropped());
        }
        Factor f = design.factor(group);
        int n = design.rows();
        List<String> groups = new ArrayList<>();
        boolean[] seen = new boolean[f.levelCount()];
        for (int i = 0; i < n; i++) {
            int k = f.codes()[i];
            if (k < 0) {
                throw PrevalenceException.invalidData("row " + (i + 1) + ", column '" + group + "'",
                        "row %d, column '%s': missing value", i + 1, group);
            }
            if (!seen[k]) {
                seen[k] = true;
                groups.add(f.levels().get(k));
            }
        }
        SurveyGlm.Result model = adjustmentModel.refit(adjustmentModel.getFormula().update(List.of(),
                List.of(List.of(group))));
        double[] beta = model.getCoefficients();
        double[][] vb = model.getCovariance();
        GlmLink link = model.getLink();
        int p = beta.length;
        int m = groups.size();
        double[] w = design.weights();
        double wsum = 0;
        for (double v : w) {
            wsum += v;
        }
        double[][] d = new double[m][p];
        double[] est = new double[m];
        double[][] z = new double[m][n];
        for (int g = 0; g < m; g++) {
            double[][] x = ModelMatrix.rows(model.spec, model.levels, design, group, groups.get(g));
            double[] mu = new double[n];
            for (int i = 0; i < n; i++) {
                double eta = 0;
                for (int a = 0; a < p; a++) {
                    eta += x[i][a] * beta[a];
                }
                mu[i] = link.inverse(eta);
                double dm = w[i] * link.derivative(eta);
                for (int a = 0; a < p; a++) {
                    d[g][a] += dm * x[i][a];
                }
                est[g] += w[i] * mu[i];
            }
            est[g] /= wsum;
            for (int a = 0; a < p; a++) {
                d[g][a] /= wsum;
            }
            for (int i = 0; i < n; i++) {
                z[g][i] = w[i] * (mu[i] - est[g]) / wsum;
            }
        }
        double[][] cov = iv.linearizationCovariance(z);
        for (int g = 0; g < m; g++) {
            for (int h = 0; h < m; h++) {
                double s = 0;
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        s += d[g][a] * vb[a][b] * d[h][b];
                    }
                }
                cov[g][h] += s;
            }
        }
        return new Result(groups, est, cov);
    }

    /** The margin of each group with its covariance. This class is immutable. */
    public static final class Result {
        private final List<String> groups;
        private final double[] estimates;
        private final double[][] cov;

        Result(List<String> groups, double[] estimates, double[][] cov) {
            this.groups = Collections.unmodifiableList(groups);
            this.estimates = estimates;
            this.cov = cov;
        }

        /** @return the groups, in order of first appearance */
        public List<String> getGroups() {
            return groups;
        }

        /** @return a copy of the margins */
        public double[] getEstimates() {
            return estimates.clone();
        }

        /** @return the standard errors */
        public double[] getStandardErrors() {
            double[] se = new double[estimates.length];
            for (int g = 0; g < se.length; g++) {
                se[g] = Math.sqrt(cov[g][g]);
            }
            return se;
        }

        /** @return a copy of the covariance matrix of the margins */
        public double[][] getCovariance() {
            double[][] c = new double[cov.length][];
            for (int g = 0; g < c.length; g++) {
                c[g] = cov[g].clone();
            }
            return c;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("predictive margins");
            double[] se = getStandardErrors();
            for (int g = 0; g < groups.size(); g++) {
                sb.append(String.format(Locale.ROOT, "%n  %s: %s, SE %s", groups.get(g), Format.number(estimates[g]),
                        Format.number(se[g])));
            }
            return sb.toString();
        }
    }
}
