package org.prevalence.core.bootstrap;

import org.prevalence.core.PrevalenceException;

/**
 * A real-valued statistic of a resample, for example a population estimate from resampled cell
 * counts.
 *
 * <p>A replicate <em>fails</em> if the statistic throws a {@link PrevalenceException} (no maximum
 * likelihood estimate, non-convergence) or returns a value that is not finite; failed replicates
 * are counted and omitted by {@link Bootstrap}. Any other exception is a defect and stops the
 * bootstrap. The statistic is called concurrently from several threads, each with its own buffer,
 * so it must be thread-safe (stateless, or with per-call state only). It may modify the buffer
 * it is given.
 *
 * @param <R> the type of a resample
 */
@FunctionalInterface
public interface Statistic<R> {
    /**
     * @param resample the resample (or the original data)
     * @return the statistic's value
     * @throws PrevalenceException to signal that the value cannot be computed for this resample
     */
    double apply(R resample);
}
