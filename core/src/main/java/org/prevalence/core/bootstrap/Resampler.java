package org.prevalence.core.bootstrap;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws bootstrap resamples of one data set into a reusable buffer of type {@code R}
 * (for example the cell counts {@code long[]} of a list-overlap table, the row multiplicities
 * {@code int[]} of a sample, or the per-PSU weight multipliers {@code double[]} of a survey).
 *
 * <p>A resampler is immutable and shared by all worker threads: {@link #resample} must only read
 * the resampler's own state and write the buffer it is given, and it must overwrite the whole
 * buffer, so that a replicate depends only on the generator it receives (and hence, in
 * {@link Bootstrap}, only on the seed and the replicate index). Factories for the usual schemes
 * are in {@link Resamplers}.
 *
 * @param <R> the type of a resample (a primitive array)
 */
public interface Resampler<R> {
    /**
     * @return a new object holding the original data in resample form (the counts themselves,
     *     multiplicity 1 for every row, multiplier 1 for every PSU); the statistic applied to it
     *     gives the point estimate
     */
    R original();

    /** @return a new buffer of the right size for {@link #resample} (its content is irrelevant) */
    R newBuffer();

    /**
     * Draws one resample.
     * @param rng the generator of this replicate
     * @param buffer a buffer from {@link #newBuffer()}, overwritten completely
     */
    void resample(UniformRandomProvider rng, R buffer);
}
