package org.prevalence.survey.model;

import java.util.Locale;
import java.util.Map;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;

/**
 * Contrasts of the coefficients of a {@link SurveyGlm} (or of any estimates with a covariance matrix).
 * Linear: \( c^T \hat\beta \) with standard error \( \sqrt{c^T \hat V c} \), \( \hat V \) the model's
 * design-based covariance; R's {@code survey::svycontrast(model, c(a = 1, b = -1))} with a vector of
 * weights (coefficients not named have weight 0). Nonlinear: \( g(\hat\beta) \) for an expression
 * {@code g} ({@link ContrastExpression}, e.g. {@code "stypeH/stypeM"}, {@code "log(a) - log(b)"}) with
 * the delta-method standard error \( \sqrt{\nabla g^T \hat V \nabla g} \) from its exact gradient;
 * R's {@code svycontrast(model, quote(...))}. This class is immutable.
 */
public final class SurveyContrast {
    private static final SurveyContrast DEFAULT = new SurveyContrast();

    private SurveyContrast() {
    }

    /** @return the contrast estimator */
    public static SurveyContrast withDefaults() {
        return DEFAULT;
    }

    /**
     * @param model the fitted model
     * @param weights coefficient name (as R, e.g. {@code stypeH}, {@code (Intercept)}) -&gt; weight
     * @return the contrast and its SE
     * @throws PrevalenceException naming a coefficient the model does not have
     */
    public Result estimate(SurveyGlm.Result model, Map<String, Double> weights) {
        if (weights.isEmpty()) {
            throw PrevalenceException.invalidArgument("contrast", "a contrast needs at least one coefficient weight");
        }
        java.util.List<String> names = model.getCoefficientNames();
        double[] c = new double[names.size()];
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            int j = names.indexOf(e.getKey());
            if (j < 0) {
                throw PrevalenceException.invalidArgument("coefficient '" + e.getKey() + "'",
                        "the contrast names coefficient '%s', which the model does not have; its coefficients: %s",
                        e.getKey(), names);
            }
            if (!Double.isFinite(e.getValue())) {
                throw PrevalenceException.invalidArgument("coefficient '" + e.getKey() + "'",
                        "the weight of '%s' is not a finite number", e.getKey());
            }
            c[j] = e.getValue();
        }
        double[] b = model.getCoefficients();
        double[][] v = model.getCovariance();
        double est = 0;
        double var = 0;
        for (int i = 0; i < c.length; i++) {
            est += c[i] * b[i];
            for (int j = 0; j < c.length; j++) {
                var += c[i] * v[i][j] * c[j];
            }
        }
        return new Result(est, Math.sqrt(var), model.getDegreesOfFreedom());
    }

    /**
     * @param model the fitted model
     * @param expression e.g. {@code "stypeH/stypeM"}, {@code "exp(`(Intercept)` + 20*ell)"}
     * @return \( g(\hat\beta) \) with its delta-method SE and the model's residual df
     * @throws PrevalenceException naming a coefficient the model does not have, or a syntax error
     */
    public Result estimate(SurveyGlm.Result model, String expression) {
        return estimate(model.getCoefficientNames(), model.getCoefficients(), model.getCovariance(),
                model.getDegreesOfFreedom(), expression);
    }

    /**
     * @param names the estimates' names
     * @param estimates their values
     * @param covariance their covariance matrix
     * @param df degrees of freedom to report
     * @param expression the function of the named estimates
     * @return \( g(\hat\theta) \) with its delta-method SE
     */
    public Result estimate(java.util.List<String> names, double[] estimates, double[][] covariance, int df,
                           String expression) {
        double[] vg = ContrastExpression.parse(expression).evaluate(names, estimates);
        int p = estimates.length;
        double var = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                var += vg[i + 1] * covariance[i][j] * vg[j + 1];
            }
        }
        if (!Double.isFinite(vg[0]) || !Double.isFinite(var)) {
            throw PrevalenceException.notEstimable("contrast", "the contrast %s is not finite at the estimates "
                    + "(e.g. the log or square root of a negative number, or a division by zero)", expression);
        }
        return new Result(vg[0], Math.sqrt(var), df);
    }

    /** A contrast: estimate, SE and the model's residual degrees of freedom. This class is immutable. */
    public static final class Result {
        private final double estimate;
        private final double se;
        private final int df;

        Result(double estimate, double se, int df) {
            this.estimate = estimate;
            this.se = se;
            this.df = df;
        }

        /** @return \( c^T \hat\beta \) */
        public double getEstimate() {
            return estimate;
        }

        /** @return \( \sqrt{c^T \hat V c} \) */
        public double getStandardError() {
            return se;
        }

        /** @return the model's residual degrees of freedom */
        public int getDegreesOfFreedom() {
            return df;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "contrast = %s, SE %s, df %d", Format.number(estimate), Format.number(se), df);
        }
    }
}
