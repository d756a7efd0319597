package org.prevalence.mse;

import java.util.List;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * The Lincoln-Petersen two-list estimator of a closed population (the maximum likelihood
 * estimate under independent lists).
 *
 * <p>\[ \hat N = \frac{n_1 n_2}{m}, \qquad
 * \widehat{\mathrm{var}}(\hat N) = \frac{n_1 n_2 (n_1-m)(n_2-m)}{m^3} \]
 *
 * <p>where \( n_1, n_2 \) are the numbers of cases on the two lists and \( m \) the number on both;
 * the variance is the usual large-sample one (Seber 1982, section 3.1.1). The default interval is
 * Chao's (1987) log-normal interval on the unseen cases
 * \( \hat f_0 = \hat N - (n_1+n_2-m) = (n_1-m)(n_2-m)/m \). With no case on both lists
 * (\( m = 0 \)) the estimate does not exist and {@link #estimate} throws; use {@link Chapman}. The
 * estimate equals the two-list independence log-linear model's ({@link LogLinearMse}, model {@code main}),
 * and R's {@code FSA::mrClosed(type = "Petersen")}.
 *
 * <p>References: <ol>
 * <li>Petersen, C.G.J. (1896). The yearly immigration of young plaice into the Limfjord from the
 * German Sea. Rep. Danish Biol. Stn. 6, 1-48.</li>
 * <li>Seber, G.A.F. (1982). The Estimation of Animal Abundance and Related Parameters, 2nd ed.
 * Griffin, London.</li>
 * <li>Chao, A. (1987). Estimating the population size for capture-recapture data with unequal
 * catchability. Biometrics 43, 783-791. doi:10.2307/2531532</li></ol>
 */
public final class LincolnPetersen {
    private static final LincolnPetersen DEFAULT = new LincolnPetersen(TwoListInterval.LOG_NORMAL, 0.95);

    private final TwoListInterval interval;
    private final double level;
    /** The normal quantile of the level, computed once per configuration (the regional bootstrap calls estimate in its loop). */
    private final double z;

    private LincolnPetersen(TwoListInterval interval, double level) {
        this.interval = interval;
        this.level = level;
        this.z = TwoList.normalQuantile(level);
    }

    /**
     * Defaults: {@link TwoListInterval#LOG_NORMAL} interval, confidence level 0.95.
     * @return the default estimator
     */
    public static LincolnPetersen withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the interval method
     * @return a copy using it
     */
    public LincolnPetersen with(TwoListInterval v) {
        return new LincolnPetersen(Objects.requireNonNull(v, "interval"), level);
    }

    /**
     * @param v the confidence level in (0, 1)
     * @return a copy using it
     */
    public LincolnPetersen withConfidenceLevel(double v) {
        return new LincolnPetersen(interval, Checks.level("level", v));
    }

    /**
     * @param n1 cases on list 1
     * @param n2 cases on list 2
     * @param m cases on both
     * @return the estimate
     * @throws PrevalenceException if a count is negative, {@code m} exceeds a list size, a list is
     *     empty, or {@code m = 0} (kind NOT_ESTIMABLE)
     */
    public Result estimate(long n1, long n2, long m) {
        return estimate(n1, n2, m, "list 1", "list 2");
    }

    /**
     * @param table a two-list table
     * @return the estimate
     * @throws PrevalenceException if the table does not have 2 lists, a list is empty, or no case is
     *     on both lists
     */
    public Result estimate(ListOverlapTable table) {
        long[] c = TwoList.counts(table);
        return estimate(c[0], c[1], c[2], table.listNames().get(0), table.listNames().get(1));
    }

    private Result estimate(long n1, long n2, long m, String first, String second) {
        TwoList.check(n1, n2, m, first, second);
        if (m == 0) {
            throw PrevalenceException.notEstimable("term '" + first + ":" + second + "'",
                    "The Lincoln-Petersen estimate does not exist: no case is on both %s and %s "
                            + "(it would be infinite); use Chapman's estimator", first, second);
        }
        double md = m;
        // Lincoln-Petersen estimate and its large-sample variance (Seber 1982).
        double est = (double) n1 * n2 / md;
        double var = (double) n1 * n2 * (n1 - m) * (double) (n2 - m) / (md * md * md);
        long observed = n1 + n2 - m;
        Interval ci = TwoList.interval(interval, level, z, est, var, observed);
        return new Result(est, var, ci, n1, n2, m, List.of(first, second));
    }

    /** The Lincoln-Petersen estimate. This class is immutable. */
    public static final class Result extends TwoListResult {
        Result(double estimate, double variance, Interval interval, long n1, long n2, long m, List<String> lists) {
            super("LincolnPetersen", estimate, variance, interval, n1, n2, m, lists);
        }
    }
}
