package org.prevalence.survey;

/**
 * What the linearization variance does with a stratum that has a single PSU, as R
 * {@code options(survey.lonely.psu=)}. A stratum whose fpc says every PSU was sampled (a certainty
 * stratum, \( f_h = 0 \)) contributes nothing whatever the option.
 */
public enum LonelyPsu {
    /** Refuse: the variance is not estimable (R's default {@code "fail"}). */
    FAIL,
    /** The stratum contributes nothing to the variance ({@code "remove"}). */
    REMOVE,
    /**
     * The stratum is treated as sampled with certainty and contributes nothing
     * ({@code "certainty"}; in linearization identical to {@link #REMOVE}).
     */
    CERTAINTY,
    /**
     * The lonely PSU's total is taken as a deviation from zero, not from its stratum mean:
     * \( f_h\,t_{h1}^2 \) ({@code "adjust"}, survey 4.1: for a mean the linearized values are
     * already centred on the grand mean, for a total the raw weighted PSU total is squared).
     */
    ADJUST,
    /**
     * The stratum is replaced by the average of the other strata: the sum over strata with two or
     * more PSUs is multiplied by (number of strata) / (number of such strata) ({@code "average"}).
     */
    AVERAGE
}
