package org.prevalence.mse;

import java.util.Locale;
import org.prevalence.core.Format;

/**
 * One model's score in a model ranking ({@link LogLinearMse#rankModels}): its estimate, AIC, BIC,
 * deviance and residual degrees of freedom. This class is immutable.
 */
public final class ModelScore {
    private final LogLinearModel model;
    private final double estimate;
    private final double aic;
    private final double bic;
    private final double deviance;
    private final int df;
    private final int index;

    ModelScore(LogLinearModel model, double estimate, double aic, double bic, double deviance, int df, int index) {
        this.model = model;
        this.estimate = estimate;
        this.aic = aic;
        this.bic = bic;
        this.deviance = deviance;
        this.df = df;
        this.index = index;
    }

    /** @return the model */
    public LogLinearModel getModel() {
        return model;
    }

    /** @return the estimated population size (observed cases included) */
    public double getEstimate() {
        return estimate;
    }

    /** @return AIC, every parameter counted (those at minus infinity too) */
    public double getAic() {
        return aic;
    }

    /** @return BIC, \( p \log n - 2\ell \) with n the observed cases */
    public double getBic() {
        return bic;
    }

    /** @return the residual deviance */
    public double getDeviance() {
        return deviance;
    }

    /** @return the residual degrees of freedom */
    public int getDf() {
        return df;
    }

    /** @return the model's position in {@link HierarchicalModels#enumerate} (breaks ties) */
    public int getIndex() {
        return index;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s N=%s AIC=%s BIC=%s", model.generatingClass(), Format.number(estimate),
                Format.number(aic), Format.number(bic));
    }
}
