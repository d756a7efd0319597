package org.prevalence.core.bootstrap;

import org.prevalence.core.PrevalenceException;

/**
 * A statistic that also gives its own standard error, for studentized (bootstrap-t) intervals.
 * Failure and thread-safety rules are those of {@link Statistic}; a replicate whose value or
 * standard error is not finite, or whose standard error is not positive, fails.
 *
 * @param <R> the type of a resample
 */
@FunctionalInterface
public interface StatisticWithError<R> {
    /**
     * @param resample the resample (or the original data)
     * @return the value and its standard error
     * @throws PrevalenceException to signal that the value cannot be computed for this resample
     */
    ValueWithError apply(R resample);
}
