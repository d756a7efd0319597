package org.prevalence.regional;

/**
 * What the reported-case pipeline does with a stratum where capture-recapture is not estimable
 * (fewer cases found by two or more sources than the minimum overlap, or a source that found
 * nothing). Such strata are always listed in the result with the handling applied.
 */
public enum NoOverlap {
    /** Stop with an error naming the stratum (the default: nothing is decided silently). */
    FAIL,
    /**
     * Pool the stratum with the neighbour stratum named for it: the pooled cases give one
     * capture-recapture estimate, and each stratum of the pool is scaled by the pool's ratio
     * \( \hat N_g / n_g \) of estimated to observed cases. Chains of neighbours form one pool.
     */
    POOL,
    /** Exclude the stratum from all totals; it is listed as excluded with its observed cases and victims. */
    EXCLUDE
}
