package org.prevalence.mse;

import org.prevalence.core.Interval;

/**
 * The figures shared by the two-list estimators' results ({@link Chapman.Result},
 * {@link LincolnPetersen.Result}): the estimate, its standard error and interval, and the counts
 * \( n_1, n_2, m \) it came from. This class is immutable.
 */
abstract class TwoListResult {
    private final String name;
    private final double estimate;
    private final double standardError;
    private final Interval interval;
    private final long n1;
    private final long n2;
    private final long m;

    TwoListResult(String name, double estimate, double standardError, Interval interval, long n1, long n2, long m) {
        this.name = name;
        this.estimate = estimate;
        this.standardError = standardError;
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
        return TwoList.describe(name, estimate, standardError, interval, n1, n2, m);
    }
}
