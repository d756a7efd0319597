package org.prevalence.survey.model;

import java.util.Locale;
import java.util.Objects;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.survey.SurveyDesign;

/**
 * Predictions of a {@link SurveyGlm} with design-based standard errors; R's
 * {@code predict(svyglm, newdata, type=)}. With \( x \) a row of the model matrix of the new data (the
 * fitted factor levels, treatment contrasts) and \( \hat V \) the design-based covariance of the
 * coefficients: the linear predictor \( \hat\eta = x^T\hat\beta \) with \( SE = \sqrt{x^T \hat V x} \)
 * ({@link Type#LINK}), or the mean \( g^{-1}(\hat\eta) \) with the delta-method
 * \( SE = |\mu'(\hat\eta)| \sqrt{x^T \hat V x} \) ({@link Type#RESPONSE}). As R's
 * {@code predict.svyglm}, an offset of the model is not added to the prediction. This class is immutable.
 */
public final class SurveyPrediction {
    /** The scale of the predictions. */
    public enum Type {
        /** The linear predictor (R's default {@code type="link"}). */
        LINK,
        /** The mean, the inverse link of the linear predictor ({@code type="response"}). */
        RESPONSE;

        /**
         * @param text link or response (any case)
         * @return the type
         */
        public static Type parse(String text) {
            for (Type t : values()) {
                if (t.name().equalsIgnoreCase(text.trim())) {
                    return t;
                }
            }
            throw PrevalenceException.invalidArgument("prediction type", "unknown prediction type '%s'; use link or "
                    + "response", text);
        }
    }

    private static final SurveyPrediction DEFAULT = new SurveyPrediction(Type.LINK);
    private final Type type;

    private SurveyPrediction(Type type) {
        this.type = type;
    }

    /** @return predictions on the link scale */
    public static SurveyPrediction withDefaults() {
        return DEFAULT;
    }

    /** @param v the scale @return a new predictor */
    public SurveyPrediction with(Type v) {
        return new SurveyPrediction(Objects.requireNonNull(v, "type"));
    }

    /**
     * @param model the fitted model
     * @return the predictions at the rows of the model's own design
     */
    public Result predict(SurveyGlm.Result model) {
        return predict(model, model.getDesign());
    }

    /**
     * @param model the fitted model
     * @param newdata the rows to predict at (any design over them; only their variables are read)
     * @return one prediction per row
     * @throws PrevalenceException naming a column the model needs and the data lack, or the row and
     *     column of a missing value or of a factor level the model was not fitted with
     */
    public Result predict(SurveyGlm.Result model, SurveyDesign newdata) {
        double[][] x = ModelMatrix.rows(model.spec, model.levels, newdata, null, null);
        double[] beta = model.getCoefficients();
        double[][] v = model.getCovariance();
        int n = x.length;
        int p = beta.length;
        double[] est = new double[n];
        double[] se = new double[n];
        GlmLink link = model.getLink();
        for (int i = 0; i < n; i++) {
            double eta = 0;
            double q = 0;
            for (int a = 0; a < p; a++) {
                eta += x[i][a] * beta[a];
                double s = 0;
                for (int b = 0; b < p; b++) {
                    s += v[a][b] * x[i][b];
                }
                q += x[i][a] * s;
            }
            if (type == Type.LINK) {
                est[i] = eta;
                se[i] = Math.sqrt(q);
            } else {
                est[i] = link.inverse(eta);
                se[i] = Math.abs(link.derivative(eta)) * Math.sqrt(q);
            }
        }
        return new Result(type, est, se);
    }

    /** Predictions and their standard errors, one per row. This class is immutable. */
    public static final class Result {
        private final Type type;
        private final double[] estimates;
        private final double[] se;

        Result(Type type, double[] estimates, double[] se) {
            this.type = type;
            this.estimates = estimates;
            this.se = se;
        }

        /** @return the scale */
        public Type getType() {
            return type;
        }

        /** @return the number of predictions */
        public int size() {
            return estimates.length;
        }

        /** @return a copy of the predictions */
        public double[] getEstimates() {
            return estimates.clone();
        }

        /** @return a copy of their standard errors */
        public double[] getStandardErrors() {
            return se.clone();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d predictions (%s scale)", estimates.length,
                    type.name().toLowerCase(Locale.ROOT)));
            for (int i = 0; i < Math.min(estimates.length, 10); i++) {
                sb.append(String.format(Locale.ROOT, "%n  row %d: %s, SE %s", i + 1, Format.number(estimates[i]),
                        Format.number(se[i])));
            }
            if (estimates.length > 10) {
                sb.append(String.format(Locale.ROOT, "%n  ..."));
            }
            return sb.toString();
        }
    }
}
