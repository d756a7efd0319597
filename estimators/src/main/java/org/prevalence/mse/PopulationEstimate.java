package org.prevalence.mse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prevalence.core.Estimate;
import org.prevalence.core.Interval;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;

/**
 * What every list-family estimator reports: the list family's counterpart of
 * {@link org.prevalence.survey.SurveyEstimate}. Implemented by the results of the log-linear,
 * two-list, closed-population, bootstrap and Bayesian estimators, so that reports need one mapping.
 *
 * <p>A result that could not be estimated ({@link Status#UNBOUNDED}, {@link Status#NOT_ESTIMATED})
 * has a NaN {@linkplain #getEstimate() estimate} and a {@code null} interval; the reason is its first
 * {@linkplain #getWarnings() warning}. A {@link Status#PRIOR_DRIVEN} or {@link Status#DEGENERATE}
 * result keeps its figures (a posterior median and credible interval, a boundary fit), and its first
 * warning says why they are not evidence about N; reports show the status beside them.
 */
public interface PopulationEstimate {
    /** @return the method, for example {@code "stepwise"}, {@code "chapman"}, {@code "Mth Chao"}, {@code "bma"} */
    String getMethod();

    /** @return the list names, in the table's order */
    List<String> getLists();

    /** @return the number of distinct cases observed on at least one list */
    long getObserved();

    /** @return the estimated population size N (observed plus unobserved), NaN if not estimated */
    double getEstimate();

    /** @return the estimated number never observed, {@code N - observed} */
    default double getUnobserved() {
        return getEstimate() - getObserved();
    }

    /** @return the standard error of N, NaN where the method defines none */
    double getStandardError();

    /**
     * @return the interval for N, or {@code null} where none; a Bayesian credible interval says so
     *     through its method name
     */
    Interval getConfidenceInterval();

    /** @return the model in the method's notation (for example {@code "[12,3]"}), or {@code null} where there is none */
    String getModelName();

    /** @return how far the figure can be trusted */
    Status getStatus();

    /** @return the structured warnings, most important first (empty when there are none) */
    List<Warning> getWarnings();

    /**
     * @return the same figures as a generic {@link Estimate}, quantity {@code "population"},
     *     diagnostics {@code method, observed, unobserved, model, status}
     */
    default Estimate toEstimate() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("method", getMethod());
        d.put("observed", getObserved());
        d.put("unobserved", getUnobserved());
        if (getModelName() != null) {
            d.put("model", getModelName());
        }
        d.put("status", getStatus().label());
        return new Estimate("population", getEstimate(), getStandardError(), getConfidenceInterval(), d);
    }
}
