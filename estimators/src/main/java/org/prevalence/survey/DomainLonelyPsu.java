package org.prevalence.survey;

/**
 * What the variance of a domain estimate does with a stratum that has several PSUs in the sample
 * but only one with rows in the domain, as R {@code options(survey.adjust.domain.lonely=)}.
 */
public enum DomainLonelyPsu {
    /**
     * Nothing special: the stratum's other PSUs count with domain total zero (R's default,
     * {@code FALSE}).
     */
    ORDINARY,
    /**
     * Apply the design's {@link LonelyPsu} rule to such a stratum ({@code TRUE}): with
     * {@link LonelyPsu#ADJUST} the single domain PSU total is not centred; with
     * {@link LonelyPsu#AVERAGE} the stratum is replaced by the average of the others.
     */
    APPLY_LONELY_RULE
}
