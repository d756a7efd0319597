package org.prevalence.mse;

import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Interval;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * What the two-list estimators ({@link Chapman}, {@link LincolnPetersen}) share: the interval method and
 * confidence level they are configured with, and the entry points that check the counts
 * \( n_1, n_2, m \) (of two lists or of a two-list table) before the estimator's own formula.
 *
 * @param <E> the estimator
 * @param <R> its result
 */
abstract class TwoListEstimator<E extends TwoListEstimator<E, R>, R extends TwoListResult> {
    private final TwoListInterval interval;
    private final double level;
    /** The normal quantile of the level, computed once per configuration (the regional bootstrap calls estimate in its loop). */
    private final double z;

    TwoListEstimator(TwoListInterval interval, double level) {
        this.interval = interval;
        this.level = level;
        this.z = TwoList.normalQuantile(level);
    }

    /** @return a copy with this interval method and level */
    abstract E copy(TwoListInterval interval, double level);

    /**
     * The estimator's formula on counts that {@link TwoList#check} accepted.
     * @return the result
     */
    abstract R compute(long n1, long n2, long m, String first, String second);

    /**
     * @param v the interval method
     * @return a copy using it
     */
    public E with(TwoListInterval v) {
        return copy(Objects.requireNonNull(v, "interval"), level);
    }

    /**
     * @param v the confidence level in (0, 1)
     * @return a copy using it
     */
    public E withConfidenceLevel(double v) {
        return copy(interval, Checks.level("level", v));
    }

    /**
     * @param n1 cases on list 1
     * @param n2 cases on list 2
     * @param m cases on both
     * @return the estimate
     * @throws org.prevalence.core.PrevalenceException if a count is negative, {@code m} exceeds a
     *     list size, a list is empty, or the estimate does not exist (see the estimator)
     */
    public R estimate(long n1, long n2, long m) {
        return checked(n1, n2, m, "list 1", "list 2");
    }

    /**
     * @param table a two-list table
     * @return the estimate
     * @throws org.prevalence.core.PrevalenceException if the table does not have 2 lists, a list is
     *     empty, or the estimate does not exist (see the estimator)
     */
    public R estimate(ListOverlapTable table) {
        long[] c = TwoList.counts(table);
        return checked(c[0], c[1], c[2], table.listNames().get(0), table.listNames().get(1));
    }

    private R checked(long n1, long n2, long m, String first, String second) {
        TwoList.check(n1, n2, m, first, second);
        return compute(n1, n2, m, first, second);
    }

    /** @return the configured interval around {@code estimate} (log-normal on the unseen cases, or Wald) */
    final Interval interval(double estimate, double variance, long observed) {
        return TwoList.interval(interval, level, z, estimate, variance, observed);
    }
}
