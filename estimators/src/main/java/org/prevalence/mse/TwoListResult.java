package org.prevalence.mse;

import java.util.ArrayList;
import java.util.List;
import org.prevalence.core.Interval;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;

/**
 * The figures shared by the two-list estimators' results ({@link Chapman.Result},
 * {@link LincolnPetersen.Result}): the estimate, its standard error and interval, and the counts
 * \( n_1, n_2, m \) it came from. This class is immutable.
 */
abstract class TwoListResult implements PopulationEstimate {
    private final String name;
    private final List<String> lists;
    private final double estimate;
    private final double variance;
    private final double standardError;
    private final Interval interval;
    private final long n1;
    private final long n2;
    private final long m;

    TwoListResult(String name, double estimate, double variance, Interval interval, long n1, long n2, long m,
            List<String> lists) {
        this.name = name;
        this.lists = List.copyOf(lists);
        this.estimate = estimate;
        this.variance = variance;
        this.standardError = Math.sqrt(variance);
        this.interval = interval;
        this.n1 = n1;
        this.n2 = n2;
        this.m = m;
    }

    /** @return the estimated population size, observed cases included */
    public double getEstimate() {
        return estimate;
    }

    /** @return the standard error of the estimate (Seber's for Chapman, the large-sample one for Lincoln-Petersen) */
    public double getStandardError() {
        return standardError;
    }

    /**
     * @return the estimated variance of the estimate (Seber's for Chapman, the large-sample one for
     *     Lincoln-Petersen), of which {@link #getStandardError} is the square root
     */
    public double getVariance() {
        return variance;
    }

    /** @return the confidence interval of the population size */
    public Interval getConfidenceInterval() {
        return interval;
    }

    /** @return cases seen on at least one list, {@code n1 + n2 - m} */
    public long getObserved() {
        return n1 + n2 - m;
    }

    /** @return the estimated unseen cases, {@code estimate - observed} */
    public double getUnobserved() {
        return estimate - getObserved();
    }

    /** @return {@code "chapman"} or {@code "lincoln-petersen"} */
    @Override
    public String getMethod() {
        return name.equals("Chapman") ? "chapman" : "lincoln-petersen";
    }

    /** @return the two list names */
    @Override
    public List<String> getLists() {
        return lists;
    }

    /** @return {@code "[1,2]"}: the two-list independence model */
    @Override
    public String getModelName() {
        return "[1,2]";
    }

    /**
     * @return {@link Status#WARNING} when no case is on both lists (Chapman only: the estimate exists, the data
     *     say nothing about N), {@link Status#DEGENERATE} for a zero variance, else {@link Status#OK}
     */
    @Override
    public Status getStatus() {
        return PopulationChecks.status(getWarnings());
    }

    /** @return the NO_OVERLAP and DEGENERATE warnings that apply */
    @Override
    public List<Warning> getWarnings() {
        List<Warning> w = new ArrayList<>();
        if (m == 0) {
            // Chapman (1951) with m = 0: finite by construction, uninformative about N
            w.add(Warning.of(Warning.Kind.NO_OVERLAP, "no case is on both " + lists.get(0) + " and " + lists.get(1)
                    + ": the estimate (n1 + 1)(n2 + 1) - 1 is finite by construction only; the data carry no "
                    + "information on N, which may be far larger"));
        } else {
            Warning d = PopulationChecks.degeneracy(estimate, getObserved(), standardError, interval);
            if (d != null) {
                w.add(d);
            }
        }
        return List.copyOf(w);
    }

    /** @return cases on list 1 */
    public long getN1() {
        return n1;
    }

    /** @return cases on list 2 */
    public long getN2() {
        return n2;
    }

    /** @return cases on both lists */
    public long getM() {
        return m;
    }

    @Override
    public String toString() {
        String s = TwoList.describe(name, estimate, standardError, interval, n1, n2, m);
        return getWarnings().isEmpty() ? s : s + " " + getStatus().label() + ": " + getWarnings().get(0).message();
    }
}
