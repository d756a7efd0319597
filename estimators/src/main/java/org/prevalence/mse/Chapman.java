package org.prevalence.mse;

import java.util.List;
import org.prevalence.core.Interval;

/**
 * Chapman's bias-corrected two-list estimator of a closed population.
 *
 * <p>\[ \hat N = \frac{(n_1+1)(n_2+1)}{m+1} - 1, \qquad
 * \widehat{\mathrm{var}}(\hat N) = \frac{(n_1+1)(n_2+1)(n_1-m)(n_2-m)}{(m+1)^2 (m+2)} \]
 *
 * <p>where \( n_1, n_2 \) are the numbers of cases on the two lists and \( m \) the number on both.
 * The variance is Seber's (1970). The default interval is Chao's (1987) log-normal interval on the
 * unseen cases \( \hat f_0 = \hat N - (n_1 + n_2 - m) = (n_1-m)(n_2-m)/(m+1) \), which never falls
 * below the observed count. Unlike {@link LincolnPetersen}, the estimate exists when \( m = 0 \).
 * These are the formulas of R's {@code FSA::mrClosed(type = "Chapman")} (estimate and Seber's variance).
 *
 * <p><b>Status.</b> With \( m = 0 \) the estimate \( (n_1+1)(n_2+1) - 1 \) is finite by construction, but the
 * data carry no information on N (nothing links the lists; under independence any N above about
 * \( n_1 n_2 \) fits as well): the result has status {@link org.prevalence.core.Status#WARNING} with a
 * {@link org.prevalence.core.Warning.Kind#NO_OVERLAP} warning saying so; the figure is kept because it is the
 * documented Chapman value, and reports print the warning beside it. With \( m = n_1 = n_2 \) (both lists
 * hold the same cases) the variance is 0 and the interval collapses to a point: status
 * {@link org.prevalence.core.Status#DEGENERATE} ({@link PopulationChecks#degeneracy}).
 *
 * <p>References: <ol>
 * <li>Chapman, D.G. (1951). Some properties of the hypergeometric distribution with applications to
 * zoological sample censuses. Univ. Calif. Publ. Stat. 1, 131-160.</li>
 * <li>Seber, G.A.F. (1970). The effects of trap response on tag recapture estimates. Biometrics 26,
 * 13-22. doi:10.2307/2529040</li>
 * <li>Chao, A. (1987). Estimating the population size for capture-recapture data with unequal
 * catchability. Biometrics 43, 783-791. doi:10.2307/2531532</li></ol>
 */
public final class Chapman extends TwoListEstimator<Chapman, Chapman.Result> {
    private static final Chapman DEFAULT = new Chapman(TwoListInterval.LOG_NORMAL, 0.95);

    private Chapman(TwoListInterval interval, double level) {
        super(interval, level);
    }

    /**
     * Defaults: {@link TwoListInterval#LOG_NORMAL} interval, confidence level 0.95.
     * @return the default estimator
     */
    public static Chapman withDefaults() {
        return DEFAULT;
    }

    @Override
    Chapman copy(TwoListInterval interval, double level) {
        return new Chapman(interval, level);
    }

    @Override
    Result compute(long n1, long n2, long m, String first, String second) {
        double a = n1 + 1.0;
        double b = n2 + 1.0;
        double c = m + 1.0;
        // Chapman (1951) estimate; Seber (1970) variance.
        double est = a * b / c - 1;
        double var = a * b * (n1 - m) * (double) (n2 - m) / (c * c * (m + 2.0));
        long observed = n1 + n2 - m;
        Interval ci = interval(est, var, observed);
        return new Result(est, var, ci, n1, n2, m, List.of(first, second));
    }

    /** The Chapman estimate. This class is immutable. */
    public static final class Result extends TwoListResult {
        Result(double estimate, double variance, Interval interval, long n1, long n2, long m, List<String> lists) {
            super("Chapman", estimate, variance, interval, n1, n2, m, lists);
        }
    }
}
