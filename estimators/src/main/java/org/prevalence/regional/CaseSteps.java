package org.prevalence.regional;

import org.prevalence.core.PrevalenceException;

/**
 * The steps of the reported-case pipeline (ILO 2005 and 2012 method), each a separately testable
 * function. {@link ReportedCasePipeline} chains them per stratum (region x form) and adds the
 * bootstrap. Notation for a stratum: \( n \) observed cases, \( \hat N \) estimated cases in the
 * universe, \( v_i \) victims of case \( i \), \( d_i \) days of case \( i \)'s situation inside
 * the reference window of \( W \) days.
 *
 * <ol>
 * <li>{@link #estimatedCases}: capture-recapture, \( \hat N \) (Chapman by default); {@link #overlap}
 *     and {@link #estimable} decide whether the stratum is estimable.</li>
 * <li>{@link #victims}: the ratio estimator \( \hat V = \hat N \, \bar v \), \( \bar v = \sum_i v_i / n \).</li>
 * <li>{@link #meanDaysInWindow} and {@link #stock}: the flow-to-stock conversion
 *     \( \hat S = \hat V \, \bar d / W \) with the victim-weighted mean
 *     \( \bar d = \sum_i v_i d_i / \sum_i v_i \), so that \( \hat S = \hat N \sum_i v_i d_i / (n W) \),
 *     the ratio estimate of the average number of persons in the situation on a day of the window.</li>
 * <li>{@link #per1000}: the rate per 1,000 inhabitants.</li>
 * <li>{@link #deltaVariance}: the delta-method variance of a ratio-type total, a check on the bootstrap.</li>
 * </ol>
 *
 * <p>References: ILO SAP-FL (2012). ILO Global Estimate of Forced Labour: Results and Methodology.
 * ILO, Geneva, ISBN 978-92-2-126412-5. Belser, P., de Cock, M. and Mehran, F. (2005). ILO Minimum
 * Estimate of Forced Labour in the World. ILO, Geneva.
 */
public final class CaseSteps {
    private CaseSteps() {
    }

    /**
     * @param countsByMask the capture-history counts (index 0 ignored)
     * @return the number of cases found by two or more sources
     */
    public static long overlap(long[] countsByMask) {
        long m = 0;
        for (int mask = 1; mask < countsByMask.length; mask++) {
            if (Integer.bitCount(mask) >= 2) {
                m += countsByMask[mask];
            }
        }
        return m;
    }

    /**
     * Whether capture-recapture is estimable in a stratum: every source found at least one case
     * and at least {@code minOverlap} cases were found by two or more sources.
     * @param countsByMask the capture-history counts
     * @param minOverlap the smallest overlap accepted, {@code >= 1}
     * @return whether the stratum is estimable
     */
    public static boolean estimable(long[] countsByMask, int minOverlap) {
        int k = Integer.numberOfTrailingZeros(countsByMask.length);
        for (int j = 0; j < k; j++) {
            long nj = 0;
            for (int mask = 1; mask < countsByMask.length; mask++) {
                if ((mask & (1 << j)) != 0) {
                    nj += countsByMask[mask];
                }
            }
            if (nj == 0) {
                return false;
            }
        }
        return overlap(countsByMask) >= minOverlap;
    }

    /**
     * Step 1: the estimated number of cases in the stratum's universe.
     * @param estimator the estimator
     * @param countsByMask the capture-history counts
     * @return \( \hat N \), finite and not below the observed count
     * @throws PrevalenceException if the estimate does not exist
     */
    public static double estimatedCases(StratumEstimator estimator, long[] countsByMask) {
        double n = estimator.estimate(countsByMask);
        if (!Double.isFinite(n)) {
            throw PrevalenceException.notEstimable("estimator", "%s gives %s", estimator.name(), n);
        }
        return n;
    }

    /**
     * Step 2, the ratio estimator of victims: \( \hat V = \hat N \sum_i v_i / n \).
     * @param estimatedCases \( \hat N \)
     * @param observedVictims \( \sum_i v_i \) over the observed cases
     * @param observedCases \( n \), {@code >= 1}
     * @return \( \hat V \)
     */
    public static double victims(double estimatedCases, double observedVictims, long observedCases) {
        if (observedCases < 1) {
            throw PrevalenceException.invalidArgument("observedCases", "observedCases must be >= 1, got %d", observedCases);
        }
        // ratio estimator: estimated cases x mean victims per observed case
        return estimatedCases * observedVictims / observedCases;
    }

    /**
     * The victim-weighted mean of the days inside the window, \( \bar d = \sum_i v_i d_i / \sum_i v_i \)
     * (0 if there are no victims).
     * @param victims \( v_i \)
     * @param daysInWindow \( d_i \)
     * @return \( \bar d \)
     */
    public static double meanDaysInWindow(long[] victims, long[] daysInWindow) {
        double sv = 0;
        double svd = 0;
        for (int i = 0; i < victims.length; i++) {
            sv += victims[i];
            svd += (double) victims[i] * daysInWindow[i];
        }
        return sv == 0 ? 0 : svd / sv;
    }

    /**
     * Step 3, the flow-to-stock conversion: \( \hat S = \hat V \, \bar d / W \).
     * @param victims \( \hat V \)
     * @param meanDaysInWindow \( \bar d \)
     * @param windowDays \( W \), {@code >= 1}
     * @return the stock on an average day of the window
     */
    public static double stock(double victims, double meanDaysInWindow, long windowDays) {
        if (windowDays < 1) {
            throw PrevalenceException.invalidArgument("windowDays", "windowDays must be >= 1, got %d", windowDays);
        }
        // ILO (2012) flow-to-stock: victims x mean duration inside the window / window length
        return victims * meanDaysInWindow / windowDays;
    }

    /**
     * Step 4: persons per 1,000 inhabitants.
     * @param total the number of persons
     * @param population the population, {@code > 0}
     * @return \( 1000 \cdot total / population \)
     */
    public static double per1000(double total, double population) {
        org.prevalence.core.Checks.positive("population", population);
        return 1000 * total / population;
    }

    /**
     * Step 5 (check): the delta-method variance of \( T = \hat N \bar z \), with \( \bar z \) the
     * mean of a per-case value \( z_i \) over the \( n \) observed cases (for a stratum's stock
     * \( z_i = v_i d_i / W \); for a sub-total of a pool, \( z_i \) is zero outside it), assuming
     * capture independent of \( z \), and the observed cases a without-replacement sample of the
     * \( \hat N \) cases of the universe (hence the finite-population correction \( 1 - n/\hat N \)):
     * <p>\[ \widehat{\mathrm{var}}(T) = \bar z^2\, \widehat{\mathrm{var}}(\hat N)
     *   + \hat N^2 \Big(1 - \frac{n}{\hat N}\Big) \frac{s_z^2}{n},
     * \qquad s_z^2 = \frac{\sum_i z_i^2 - (\sum_i z_i)^2 / n}{n - 1} \]
     * ({@code s_z^2 = 0} when \( n = 1 \)).
     * @param estimatedCases \( \hat N \)
     * @param casesVariance \( \widehat{\mathrm{var}}(\hat N) \)
     * @param observedCases \( n \), {@code >= 1}
     * @param sumZ \( \sum_i z_i \)
     * @param sumZ2 \( \sum_i z_i^2 \)
     * @return the variance
     */
    public static double deltaVariance(double estimatedCases, double casesVariance, long observedCases,
                                       double sumZ, double sumZ2) {
        double n = observedCases;
        double zbar = sumZ / n;
        double s2 = observedCases > 1 ? Math.max(0, (sumZ2 - sumZ * sumZ / n) / (n - 1)) : 0;
        double fpc = Math.max(0, 1 - n / estimatedCases);
        return zbar * zbar * casesVariance + estimatedCases * estimatedCases * fpc * s2 / n;
    }
}
