package org.prevalence.survey;

/** The reference distribution of a Wald interval for a mean, total or ratio. */
public enum IntervalDistribution {
    /** Standard Normal quantiles (R's {@code confint()} default for {@code svymean}, {@code svytotal}). */
    NORMAL,
    /** Student t quantiles with the design degrees of freedom (PSUs - strata, of the domain). */
    T_DESIGN_DF
}
