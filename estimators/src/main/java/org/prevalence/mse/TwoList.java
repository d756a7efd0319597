package org.prevalence.mse;

import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;

/** Shared checks and interval arithmetic of the two-list estimators. */
final class TwoList {
    private TwoList() {
    }

    /** @return {n1, n2, m} of a two-list table */
    static long[] counts(ListOverlapTable table) {
        if (table.listCount() != 2) {
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_ARGUMENT, "lists",
                    String.format(java.util.Locale.ROOT, "A two-list estimator needs exactly 2 lists, got %d %s",
                            table.listCount(), table.listNames()),
                    new PrevalenceException.Remedy("use LogLinearMse for more lists, or collapse or drop lists",
                            "give two lists with --lists, or leave out --method for a log-linear model"));
        }
        long m = table.count(3);
        return new long[] {table.count(1) + m, table.count(2) + m, m};
    }

    static void check(long n1, long n2, long m, String first, String second) {
        if (n1 < 0 || n2 < 0 || m < 0) {
            throw PrevalenceException.invalidData("counts",
                    "Counts must be >= 0, got n1=%d, n2=%d, m=%d", n1, n2, m);
        }
        if (m > n1 || m > n2) {
            throw PrevalenceException.invalidData("counts",
                    "The overlap m=%d cannot exceed a list size (n1=%d, n2=%d)", m, n1, n2);
        }
        if (n1 == 0) {
            throw PrevalenceException.invalidData("list '" + first + "'",
                    "List '%s' has no cases; a two-list estimate needs cases on both lists", first);
        }
        if (n2 == 0) {
            throw PrevalenceException.invalidData("list '" + second + "'",
                    "List '%s' has no cases; a two-list estimate needs cases on both lists", second);
        }
    }

    /** @return the standard normal quantile \( z_{1-(1-\text{level})/2} \) */
    static double normalQuantile(double level) {
        return NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2);
    }

    /** Chao (1987) log-normal interval or Wald interval, around observed + unseen; {@code z} is {@link #normalQuantile}(level). */
    static Interval interval(TwoListInterval method, double level, double z, double estimate, double variance,
            long observed) {
        double f0 = estimate - observed;
        if (method == TwoListInterval.WALD) {
            double se = Math.sqrt(variance);
            return new Interval(Math.max(observed, estimate - z * se), estimate + z * se, level, IntervalMethod.WALD);
        }
        if (!(f0 > 0) || !(variance > 0)) {
            // No unseen cases estimated (both lists hold the same cases): the interval collapses.
            return new Interval(estimate, estimate, level, IntervalMethod.LOGNORMAL);
        }
        // Chao (1987): log(f0) approximately normal with variance log(1 + var(N)/f0^2).
        double c = Math.exp(z * Math.sqrt(Math.log1p(variance / (f0 * f0))));
        return new Interval(observed + f0 / c, observed + f0 * c, level, IntervalMethod.LOGNORMAL);
    }

    static String describe(String name, double estimate, double se, Interval ci, long n1, long n2, long m) {
        return String.format(Locale.ROOT, "%s[N=%s, SE=%s, %s; n1=%s, n2=%s, m=%s]", name,
                Format.number(estimate), Format.number(se), ci, Format.count(n1), Format.count(n2), Format.count(m));
    }
}
