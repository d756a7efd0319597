package org.prevalence.core.survey;

/**
 * How the finite population correction columns were read. As R {@code survey} ({@code as.fpc}):
 * if any fpc value (at any stage) exceeds 1 the values are population sizes (every value must then
 * be &gt;= 1), otherwise they are sampling fractions in (0, 1] and the population size is the
 * number of sampled units divided by the fraction.
 */
public enum FpcKind {
    /** No fpc: sampling with replacement at the first stage (ultimate-cluster variance). */
    NONE,
    /** The fpc columns hold population sizes (number of PSUs in the stratum, SSUs in the PSU). */
    POPULATION_SIZE,
    /** The fpc columns hold sampling fractions. */
    SAMPLING_FRACTION
}
