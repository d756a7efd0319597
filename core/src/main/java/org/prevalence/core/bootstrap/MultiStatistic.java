package org.prevalence.core.bootstrap;

import org.prevalence.core.PrevalenceException;

/**
 * Several statistics computed together from one resample (for example the BIC-selected
 * estimate among the top 1, 2, ..., {@code ntop} models, which share the model fits), so that
 * every statistic sees the same resamples. Thread-safety rules are those of {@link Statistic}.
 *
 * <p>An exception ({@link PrevalenceException}) fails the replicate for every output; a
 * non-finite value in {@code out[k]} fails it for output {@code k} only.
 *
 * @param <R> the type of a resample
 */
@FunctionalInterface
public interface MultiStatistic<R> {
    /**
     * @param resample the resample (or the original data)
     * @param out the values, one per output; filled with NaN before the call
     * @throws PrevalenceException to fail the replicate for all outputs
     */
    void apply(R resample, double[] out);
}
