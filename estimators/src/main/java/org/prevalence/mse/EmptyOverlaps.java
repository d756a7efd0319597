package org.prevalence.mse;

/** What to do when a model term has no case in its overlap (for example no case on both A and B). */
public enum EmptyOverlaps {
    /**
     * SparseMSE's extended maximum likelihood convention (Chan, Silverman and Vincent 2021): the
     * term's parameter is \( -\infty \), every cell containing the term has expected count 0 and is
     * left out of the fit, and the term still counts as a parameter in AIC and BIC (AIC + 2 per term).
     * The result lists such terms in {@code getEmptyTerms()} and carries a BOUNDARY warning naming them. This is
     * what SparseMSE's stepwise selection and MultipleSystemsEstimation's BIC ranking do (the reference model
     * counts, e.g. 6,084 models on the UK 5 lists, include such models).
     */
    EXTENDED_MLE,
    /**
     * Leave such models out: a fixed model with an empty term is refused (a PrevalenceException, NOT_ESTIMABLE,
     * names the term), AIC/BIC selection ranks only models without one (as the existence check alone would
     * not), and stepwise selection does not add a pair with an empty overlap.
     */
    ERROR
}
