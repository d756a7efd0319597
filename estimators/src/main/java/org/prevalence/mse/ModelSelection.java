package org.prevalence.mse;

/** How {@link LogLinearMse} chooses the log-linear model. */
public enum ModelSelection {
    /** Fit the model given with {@link LogLinearMse#withModel}. */
    FIXED,
    /**
     * SparseMSE's stepwise selection (Chan, Silverman and Vincent 2021, {@code stepwisefit}): start from
     * main effects; for every two-list term not yet in the model compute the one-sided Poisson p-value
     * \( \min\{P(X \le n^*), P(X \ge n^*)\} \), \( X \sim \mathrm{Poisson}(\lambda^*) \), where \( n^* \)
     * is the number of cases on both lists and \( \lambda^* \) its expectation under the current fit;
     * a term whose addition would fail the existence/identifiability check gets p = 1; add the term
     * with the smallest p (first in pair order on ties) while it is below {@code pthresh}.
     */
    STEPWISE,
    /** The lowest AIC among all hierarchical models up to the maximum order that pass the checks. */
    AIC,
    /**
     * The lowest BIC among all hierarchical models up to the maximum order that pass the checks,
     * as MultipleSystemsEstimation's {@code estimate_population(method = "bic")}: BIC
     * \( = p \log n - 2\ell \) with n the observed cases and p all parameters of the model.
     */
    BIC,
    /** BIC for 2 to 5 lists and stepwise for 6 or more (MultipleSystemsEstimation's "auto"). */
    AUTO;

    /**
     * The most lists for which {@link #AUTO} searches every hierarchical model (BIC); with more it
     * selects stepwise, as MultipleSystemsEstimation's {@code estimate_population(method = "auto")}.
     */
    public static final int MAX_EXHAUSTIVE_LISTS = 5;

    /**
     * @param lists the number of lists in the table
     * @return the selection used on a table of that many lists: {@link #AUTO} resolved (BIC for 2 to 5
     *     lists, {@link #STEPWISE} for 6 or more), any other selection itself
     */
    public ModelSelection resolve(int lists) {
        if (this != AUTO) {
            return this;
        }
        return lists <= MAX_EXHAUSTIVE_LISTS ? BIC : STEPWISE;
    }

    /**
     * How a fit with this selection treats a model with an empty overlap when the user has not allowed
     * them: {@link #STEPWISE} (after {@link #resolve}) always uses SparseMSE's extended MLE, as
     * {@code stepwisefit} does; the other selections then refuse such models.
     *
     * @param allowed whether empty overlaps were allowed explicitly
     * @return {@link EmptyOverlaps#EXTENDED_MLE} if {@code allowed} or stepwise, else {@link EmptyOverlaps#ERROR}
     */
    public EmptyOverlaps emptyOverlaps(boolean allowed) {
        return allowed || this == STEPWISE ? EmptyOverlaps.EXTENDED_MLE : EmptyOverlaps.ERROR;
    }
}
