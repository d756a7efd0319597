package org.prevalence.core.bootstrap;

/**
 * How many PSUs a stratified (Rao-Wu) bootstrap draws, with replacement, from a stratum of
 * \( n_h \) PSUs.
 */
public enum PsuDraws {
    /**
     * \( m_h = n_h - 1 \) draws, the Rao-Wu (1988) choice that makes the bootstrap variance of a
     * linear statistic equal its design-unbiased with-replacement variance; R {@code survey}'s
     * {@code bootweights} without fpc. Strata with one PSU are refused.
     */
    N_MINUS_ONE,
    /** \( m_h = n_h \) draws: the naive within-stratum bootstrap (variance biased by \( (n_h-1)/n_h \)). */
    N
}
