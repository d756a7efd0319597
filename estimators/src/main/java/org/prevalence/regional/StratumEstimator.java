package org.prevalence.regional;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * Estimates the number of cases in one stratum's universe (observed and unobserved) from the
 * stratum's capture-history counts, step 1 of the reported-case pipeline. The built-in two-source
 * estimators are the constants of {@link TwoSourceEstimator}; with three or more sources any
 * multiple-systems-estimation model can be plugged in with {@link #of}.
 *
 * <p>Implementations must be thread-safe: the bootstrap calls them concurrently.
 */
public interface StratumEstimator {
    /**
     * @param countsByMask the counts of the \( 2^K \) capture histories, indexed by bit mask
     *     (source {@code j} is bit {@code 1 << j}); index 0 (unobserved) is ignored
     * @return the estimated number of cases in the universe, observed cases included (finite)
     * @throws org.prevalence.core.PrevalenceException if the estimate does not exist
     */
    double estimate(long[] countsByMask);

    /**
     * @param countsByMask the capture-history counts
     * @return the estimated variance of {@link #estimate}, or NaN if the estimator gives none
     *     (then the pipeline reports no delta-method standard error)
     */
    default double variance(long[] countsByMask) {
        return Double.NaN;
    }

    /** @return the estimator's name, for results */
    String name();

    /**
     * Wraps a model of list-overlap tables (for example a log-linear MSE model) as a stratum estimator.
     * @param name the name shown in results
     * @param sources the source names, in bit order
     * @param model gives the estimated total of a table; it must be thread-safe
     * @return the estimator (no variance: the bootstrap gives the uncertainty)
     */
    static StratumEstimator of(String name, List<String> sources, ToDoubleFunction<ListOverlapTable> model) {
        Objects.requireNonNull(model, "model");
        List<String> names = List.copyOf(sources);
        return new StratumEstimator() {
            @Override
            public double estimate(long[] countsByMask) {
                long[] c = countsByMask.clone();
                c[0] = 0;
                return model.applyAsDouble(ListOverlapTable.ofMaskCounts(names, c));
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
