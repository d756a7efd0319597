package org.prevalence.mse.covariate;

import java.util.Map;
import org.prevalence.core.Interval;

/**
 * The population of one domain: the whole population (an empty domain), one level of a covariate or
 * year, or one pair of levels of two covariates.
 *
 * @param domain the covariate levels that define it, in the table's covariate order; empty for everyone
 * @param observed the cases observed in it
 * @param estimate its fitted population, the sum of the fitted values of its cells
 * @param interval its interval, or {@code null} where none was computed
 */
public record DomainEstimate(Map<String, String> domain, long observed, double estimate, Interval interval) {
    /** Copies the domain. */
    public DomainEstimate {
        domain = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(domain));
    }
}
