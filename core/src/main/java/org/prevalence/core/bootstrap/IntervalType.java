package org.prevalence.core.bootstrap;

import org.prevalence.core.IntervalMethod;

/**
 * Bootstrap confidence interval methods. Throughout, \( \hat\theta \) is the estimate on the
 * original data, \( \hat\theta^*_1, \dots, \hat\theta^*_B \) the successful replicates,
 * \( \alpha = 1 - \text{level} \), \( \Phi \) the standard normal distribution function and
 * \( Q_8(p) \) the type-8 sample quantile of R's {@code quantile(x, p, type = 8)} (median-unbiased,
 * Hyndman and Fan 1996), see {@link BootstrapIntervals#quantileType8(double[], double)}.
 */
public enum IntervalType {
    /**
     * Percentile: \( (Q_8(\alpha/2),\ Q_8(1-\alpha/2)) \) of the replicates.
     */
    PERCENTILE(IntervalMethod.PERCENTILE),
    /**
     * Basic (reverse percentile): \( (2\hat\theta - Q_8(1-\alpha/2),\ 2\hat\theta - Q_8(\alpha/2)) \).
     */
    BASIC(IntervalMethod.BASIC),
    /**
     * Normal with bootstrap bias correction, as R {@code boot::norm.ci}:
     * \( \hat\theta - b \mp z_{1-\alpha/2}\, s \), where \( b = \bar\theta^* - \hat\theta \) and
     * \( s \) is the standard deviation (divisor \( B-1 \)) of the replicates. No quantile rule.
     */
    NORMAL(IntervalMethod.NORMAL),
    /**
     * Bias-corrected and accelerated (Efron 1987), exactly as SparseMSE's {@code bcaconfvalues}:
     * \( z_0 = \Phi^{-1}(\#\{\hat\theta^*_b &lt; \hat\theta\}/B) \) and the limit for tail
     * probability \( p \) is \( Q_8(\Phi(z_0 + (z_0 + z_p)/(1 - a(z_0 + z_p)))) \), with the
     * acceleration \( a \) from a {@link Jackknife}.
     */
    BCA(IntervalMethod.BCA),
    /**
     * Studentized (bootstrap-t): with \( t^*_b = (\hat\theta^*_b - \hat\theta)/\widehat{se}^*_b \),
     * \( (\hat\theta - \widehat{se}\, Q_8^{t}(1-\alpha/2),\ \hat\theta - \widehat{se}\, Q_8^{t}(\alpha/2)) \),
     * where \( Q_8^t \) is the type-8 quantile of the \( t^*_b \). Needs a
     * {@link StatisticWithError}.
     */
    STUDENTIZED(IntervalMethod.STUDENTIZED);

    private final IntervalMethod method;

    IntervalType(IntervalMethod method) {
        this.method = method;
    }

    /** @return the method of the intervals this type makes, {@link org.prevalence.core.Interval#method()} */
    public IntervalMethod method() {
        return method;
    }
}
