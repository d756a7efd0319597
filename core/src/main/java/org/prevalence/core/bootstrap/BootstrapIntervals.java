package org.prevalence.core.bootstrap;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.prevalence.core.Checks;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Warning;

/**
 * The arithmetic of bootstrap intervals on plain arrays of replicate values (so that replicate
 * values computed elsewhere, for example by R, can be turned into intervals the same way).
 * {@link Bootstrap.Result} calls these methods; the formulas are given at {@link IntervalType}.
 *
 * <p>References: <ol>
 * <li>Efron, B. (1987). Better bootstrap confidence intervals. JASA 82, 171-185.
 *     <a href="https://doi.org/10.1080/01621459.1987.10478410">doi:10.1080/01621459.1987.10478410</a></li>
 * <li>DiCiccio, T.J. and Efron, B. (1996). Bootstrap confidence intervals. Statistical Science 11,
 *     189-228. <a href="https://doi.org/10.1214/ss/1032280214">doi:10.1214/ss/1032280214</a></li>
 * <li>Hyndman, R.J. and Fan, Y. (1996). Sample quantiles in statistical packages. The American
 *     Statistician 50, 361-365. <a href="https://doi.org/10.2307/2684934">doi:10.2307/2684934</a></li>
 * <li>Chan, L., Silverman, B.W. and Vincent, K. (2021). Multiple systems estimation for sparse
 *     capture data: inferential challenges when there are nonoverlapping lists. JASA 116,
 *     1297-1306. <a href="https://doi.org/10.1080/01621459.2019.1708748">doi:10.1080/01621459.2019.1708748</a>
 *     (R package SparseMSE, {@code bcaconfvalues}).</li>
 * </ol>
 */
public final class BootstrapIntervals {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    /** R's fuzz in {@code quantile.default}: 4 * .Machine$double.eps. */
    private static final double FUZZ = 4 * Math.ulp(1.0);

    private BootstrapIntervals() {
    }

    /**
     * R's type-8 sample quantile (Hyndman and Fan 1996, median-unbiased), computed exactly as
     * R 4.x {@code quantile.default(x, p, type = 8)}: with \( a = b = 1/3 \),
     * \( h' = a + p(n + 1 - a - b) \), \( j = \lfloor h' + 4\epsilon \rfloor \), \( h = h' - j \)
     * (set to 0 if \( |h| &lt; 4\epsilon \)), the result is
     * \( (1-h)\,x_{(j)} + h\,x_{(j+1)} \) with \( x_{(0)} = x_{(1)} \) and
     * \( x_{(n+1)} = x_{(n)} \).
     *
     * @param sorted the values in ascending order (at least one, no NaN)
     * @param p the probability in [0, 1]
     * @return the quantile
     * @throws PrevalenceException if {@code sorted} is empty or {@code p} is outside [0, 1]
     */
    public static double quantileType8(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            throw PrevalenceException.invalidArgument("replicates", "no values to take a quantile of");
        }
        if (!(p >= 0 && p <= 1)) {
            throw PrevalenceException.invalidArgument("p", "a quantile's probability must lie in [0, 1], got %s", p);
        }
        double a = 1.0 / 3;
        double b = 1.0 / 3;
        double nppm = a + p * (n + 1 - a - b);
        double j = Math.floor(nppm + FUZZ);
        double h = nppm - j;
        if (Math.abs(h) < FUZZ) {
            h = 0;
        }
        int jj = (int) j;
        double lo = sorted[Math.min(Math.max(jj - 1, 0), n - 1)];
        double hi = sorted[Math.min(Math.max(jj, 0), n - 1)];
        if (h == 1) {
            return hi;
        }
        if (h > 0 && h < 1 && lo != hi) {
            return (1 - h) * lo + h * hi;
        }
        return lo;
    }

    /**
     * The BCa bias correction \( z_0 = \Phi^{-1}(\#\{\hat\theta^*_b &lt; \hat\theta\}/B) \) (strict
     * inequality, as SparseMSE's {@code qnorm(mean(bootreps < popest))}).
     *
     * @param replicates the replicate values (any order)
     * @param estimate the estimate on the original data
     * @return \( z_0 \), finite
     * @throws PrevalenceException if there are no replicates, or if none or all of them lie below
     *     the estimate (then \( z_0 \) is infinite and the BCa interval undefined)
     */
    public static double biasCorrection(double[] replicates, double estimate) {
        int n = replicates.length;
        if (n == 0) {
            throw PrevalenceException.invalidArgument("replicates", "no replicates: the BCa interval needs at least two");
        }
        int below = 0;
        for (double v : replicates) {
            if (v < estimate) {
                below++;
            }
        }
        if (below == 0 || below == n) {
            throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, "replicates",
                    String.format(java.util.Locale.ROOT, "%s of the %d bootstrap replicates lie below the estimate %s, "
                            + "so the BCa bias correction is infinite", below == 0 ? "none" : "all", n,
                            org.prevalence.core.Format.number(estimate)),
                    new PrevalenceException.Remedy("use IntervalType.PERCENTILE, or more replicates",
                            "use more replicates (--replicates)"));
        }
        return STANDARD_NORMAL.inverseCumulativeProbability((double) below / n);
    }

    /**
     * The adjusted probability of the BCa method,
     * \( \Phi(z_0 + (z_0 + z_p)/(1 - a(z_0 + z_p))) \) with \( z_p = \Phi^{-1}(p) \).
     *
     * @param z0 the bias correction
     * @param acceleration the acceleration \( a \)
     * @param p the nominal tail probability in (0, 1)
     * @return the probability at which to take the replicates' quantile
     */
    public static double bcaProbability(double z0, double acceleration, double p) {
        double za = STANDARD_NORMAL.inverseCumulativeProbability(p);
        double za0 = za + z0;
        double q = STANDARD_NORMAL.cumulativeProbability(z0 + za0 / (1 - acceleration * za0));
        if (!(q >= 0 && q <= 1)) {
            throw PrevalenceException.notEstimable("acceleration",
                    "the BCa adjusted probability for p = %s is undefined (z0 = %s, acceleration = %s)",
                    p, z0, acceleration);
        }
        return q;
    }

    /**
     * The BCa adjusted percentiles of an interval at a level, as R {@code boot.ci(type = "bca")} prints them
     * beside the limits: \( \alpha_1 = \Phi(z_0 + (z_0 + z_{\alpha/2})/(1 - a(z_0 + z_{\alpha/2}))) \) and
     * \( \alpha_2 \) the same with \( z_{1-\alpha/2} \), \( \alpha = 1 - \) level. The limits are the replicates'
     * type-8 quantiles at these probabilities.
     *
     * @param z0 the bias correction
     * @param acceleration the acceleration \( a \)
     * @param level the level in (0, 1)
     * @return {@code {alpha1, alpha2}}
     */
    public static double[] bcaPercentiles(double z0, double acceleration, double level) {
        Checks.level("level", level);
        Checks.finite("z0", z0);
        Checks.finite("acceleration", acceleration);
        return new double[] {bcaProbability(z0, acceleration, (1 - level) / 2),
            bcaProbability(z0, acceleration, (1 + level) / 2)};
    }

    /**
     * Whether the type-8 quantile at {@code p} of {@code n} replicates is taken among the {@code k} most extreme
     * replicates of either tail: with \( j = \lfloor 1/3 + p(n + 1/3) \rfloor \) the quantile interpolates between
     * the order statistics \( j \) and \( j + 1 \), so it is among the \( k \) smallest if \( j + 1 \le k \) and
     * among the \( k \) largest if \( j \ge n - k + 1 \). Such a limit rests on a handful of replicates and its
     * Monte Carlo error is large.
     *
     * @param n the number of replicates, {@code >= 1}
     * @param p the probability in [0, 1]
     * @param k the number of extreme replicates, {@code >= 1}
     * @return whether the quantile is among the {@code k} most extreme
     */
    public static boolean amongExtremes(int n, double p, int k) {
        Checks.atLeast("n", n, 1);
        Checks.atLeast("k", k, 1);
        if (!(p >= 0 && p <= 1)) {
            throw PrevalenceException.invalidArgument("p", "a quantile's probability must lie in [0, 1], got %s", p);
        }
        double j = Math.floor(1.0 / 3 + p * (n + 1.0 / 3) + FUZZ);
        return j + 1 <= k || j >= n - k + 1;
    }

    /** The number of most extreme replicates within which a limit draws a Monte Carlo warning. */
    public static final int EXTREME_REPLICATES = 10;

    /**
     * The Monte Carlo warning of a BCa (or percentile) interval: a {@link Warning.Kind#MONTE_CARLO} warning when a
     * limit's percentile is among the {@value #EXTREME_REPLICATES} most extreme replicates ({@link #amongExtremes}).
     *
     * @param n the number of successful replicates
     * @param percentiles the percentiles of the lower and upper limit ({@link #bcaPercentiles})
     * @return the warning, or null
     */
    public static Warning extremeLimitWarning(int n, double[] percentiles) {
        boolean lower = amongExtremes(n, percentiles[0], EXTREME_REPLICATES);
        boolean upper = amongExtremes(n, percentiles[1], EXTREME_REPLICATES);
        if (!lower && !upper) {
            return null;
        }
        String which = lower && upper ? "both limits are" : lower ? "the lower limit is" : "the upper limit is";
        return Warning.of(Warning.Kind.MONTE_CARLO, String.format(java.util.Locale.ROOT,
                "%s taken among the %d most extreme of %d replicates (BCa percentiles %s and %s): the limit has a "
                        + "large Monte Carlo error; use more replicates",
                which, EXTREME_REPLICATES, n, String.format(java.util.Locale.ROOT, "%.5f", percentiles[0]),
                String.format(java.util.Locale.ROOT, "%.5f", percentiles[1])));
    }

    /**
     * One BCa limit, exactly as SparseMSE's {@code bcaconfvalues(bootreps, popest, ahat, alpha)}:
     * \( Q_8(\Phi(z_0 + (z_0 + z_p)/(1 - a(z_0 + z_p)))) \).
     *
     * @param replicates the replicate values (any order; not modified)
     * @param estimate the estimate on the original data
     * @param acceleration the acceleration \( a \) (finite)
     * @param p the nominal tail probability in (0, 1), for example 0.025 for the lower 95 % limit
     * @return the limit
     */
    public static double bcaLimit(double[] replicates, double estimate, double acceleration, double p) {
        Checks.finite("acceleration", acceleration);
        Checks.level("p", p);
        double z0 = biasCorrection(replicates, estimate);
        return quantileType8(sorted(replicates), bcaProbability(z0, acceleration, p));
    }

    /**
     * The BCa interval at a level.
     * @param replicates the replicate values (any order; not modified)
     * @param estimate the estimate on the original data
     * @param acceleration the acceleration
     * @param level the level in (0, 1)
     * @return the interval, method {@code "bca"}
     */
    public static Interval bca(double[] replicates, double estimate, double acceleration, double level) {
        Checks.level("level", level);
        Checks.finite("acceleration", acceleration);
        double[] s = sorted(replicates);
        double z0 = biasCorrection(replicates, estimate);
        double lo = quantileType8(s, bcaProbability(z0, acceleration, (1 - level) / 2));
        double hi = quantileType8(s, bcaProbability(z0, acceleration, (1 + level) / 2));
        return new Interval(lo, hi, level, IntervalType.BCA.method());
    }

    /**
     * The percentile interval \( (Q_8(\alpha/2), Q_8(1-\alpha/2)) \).
     * @param replicates the replicate values (any order; not modified)
     * @param level the level in (0, 1)
     * @return the interval, method {@code "percentile"}
     */
    public static Interval percentile(double[] replicates, double level) {
        Checks.level("level", level);
        double[] s = sorted(replicates);
        return new Interval(quantileType8(s, (1 - level) / 2), quantileType8(s, (1 + level) / 2), level,
                IntervalType.PERCENTILE.method());
    }

    /**
     * The basic interval \( (2\hat\theta - Q_8(1-\alpha/2), 2\hat\theta - Q_8(\alpha/2)) \).
     * @param replicates the replicate values (any order; not modified)
     * @param estimate the estimate on the original data
     * @param level the level in (0, 1)
     * @return the interval, method {@code "basic"}
     */
    public static Interval basic(double[] replicates, double estimate, double level) {
        Checks.level("level", level);
        double[] s = sorted(replicates);
        return new Interval(2 * estimate - quantileType8(s, (1 + level) / 2),
                2 * estimate - quantileType8(s, (1 - level) / 2), level, IntervalType.BASIC.method());
    }

    /**
     * The normal interval with bias correction \( \hat\theta - b \mp z_{1-\alpha/2} s \), as R
     * {@code boot::norm.ci}.
     * @param replicates the replicate values (at least two)
     * @param estimate the estimate on the original data
     * @param level the level in (0, 1)
     * @return the interval, method {@code "normal"}
     */
    public static Interval normal(double[] replicates, double estimate, double level) {
        Checks.level("level", level);
        atLeastTwo(replicates);
        double mean = mean(replicates);
        double sd = standardDeviation(replicates, mean);
        double centre = estimate - (mean - estimate);
        double half = sd * STANDARD_NORMAL.inverseCumulativeProbability((1 + level) / 2);
        return new Interval(centre - half, centre + half, level, IntervalType.NORMAL.method());
    }

    /**
     * The studentized (bootstrap-t) interval.
     * @param replicates the replicate values \( \hat\theta^*_b \)
     * @param replicateErrors their standard errors \( \widehat{se}^*_b \) (same length, all {@code > 0})
     * @param estimate the estimate on the original data
     * @param standardError its standard error
     * @param level the level in (0, 1)
     * @return the interval, method {@code "studentized"}
     */
    public static Interval studentized(double[] replicates, double[] replicateErrors, double estimate,
                                       double standardError, double level) {
        Checks.level("level", level);
        Checks.positive("standardError", standardError);
        Objects.requireNonNull(replicateErrors, "replicateErrors");
        if (replicateErrors.length != replicates.length) {
            throw PrevalenceException.invalidArgument("replicateErrors",
                    "%d replicate standard errors for %d replicates", replicateErrors.length, replicates.length);
        }
        atLeastTwo(replicates);
        double[] t = new double[replicates.length];
        for (int b = 0; b < t.length; b++) {
            t[b] = (replicates[b] - estimate) / replicateErrors[b];
        }
        Arrays.sort(t);
        return new Interval(estimate - standardError * quantileType8(t, (1 + level) / 2),
                estimate - standardError * quantileType8(t, (1 - level) / 2), level,
                IntervalType.STUDENTIZED.method());
    }

    static double[] sorted(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double m = sum / x.length;
        // one correction pass for accuracy
        double c = 0;
        for (double v : x) {
            c += v - m;
        }
        return m + c / x.length;
    }

    static double standardDeviation(double[] x, double mean) {
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    private static void atLeastTwo(double[] replicates) {
        if (replicates.length < 2) {
            throw PrevalenceException.invalidArgument("replicates",
                    "%d successful replicates; an interval needs at least two", replicates.length);
        }
    }
}
