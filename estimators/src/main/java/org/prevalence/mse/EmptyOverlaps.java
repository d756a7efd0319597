package org.prevalence.mse;

/** What to do when a model term has no case in its overlap (for example no case on both A and B). */
public enum EmptyOverlaps {
    /**
     * SparseMSE's extended maximum likelihood convention (Chan, Silverman and Vincent 2021): the
     * term's parameter is \( -\infty \), every cell containing the term has expected count 0 and is
     * left out of the fit, and the term still counts as a parameter in AIC and BIC (AIC + 2 per term).
     * The result lists such terms in {@code getEmptyTerms()}.
     */
    EXTENDED_MLE,
    /** Refuse the model: a PrevalenceException (NOT_ESTIMABLE) names the empty term. */
    ERROR
}
