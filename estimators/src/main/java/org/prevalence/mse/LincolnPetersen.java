package org.prevalence.mse;

import java.util.List;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;

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
public final class LincolnPetersen extends TwoListEstimator<LincolnPetersen, LincolnPetersen.Result> {
    private static final LincolnPetersen DEFAULT = new LincolnPetersen(TwoListInterval.LOG_NORMAL, 0.95);

    private LincolnPetersen(TwoListInterval interval, double level) {
        super(interval, level);
    }

    /**
     * Defaults: {@link TwoListInterval#LOG_NORMAL} interval, confidence level 0.95.
     * @return the default estimator
     */
    public static LincolnPetersen withDefaults() {
        return DEFAULT;
    }

    @Override
    LincolnPetersen copy(TwoListInterval interval, double level) {
        return new LincolnPetersen(interval, level);
    }

    @Override
    Result compute(long n1, long n2, long m, String first, String second) {
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
        Interval ci = interval(est, var, observed);
        return new Result(est, var, ci, n1, n2, m, List.of(first, second));
    }

    /** The Lincoln-Petersen estimate. This class is immutable. */
    public static final class Result extends TwoListResult {
        Result(double estimate, double variance, Interval interval, long n1, long n2, long m, List<String> lists) {
            super("LincolnPetersen", estimate, variance, interval, n1, n2, m, lists);
        }
    }
}
