package org.prevalence.survey;

import org.prevalence.core.IntervalMethod;

/**
 * Confidence-interval methods for a proportion estimated from a complex sample, as R
 * {@code survey::svyciprop(method=)}. Throughout \( \hat p \) is the weighted mean of the 0/1
 * variable, \( v \) its linearization variance, \( t \) the upper \( 1-\alpha/2 \) quantile of
 * Student's t with the design degrees of freedom (PSUs - strata of the domain).
 */
public enum CiMethod {
    /**
     * Wald interval on the logit scale from the survey-weighted logistic regression with only an
     * intercept (R's default {@code "logit"}): \( \operatorname{expit}(\operatorname{logit}\hat p
     * \pm t \sqrt{v}/(\hat p(1-\hat p))) \); for an intercept-only model the sandwich variance of the
     * intercept is exactly the delta-method variance, so it equals {@link #XLOGIT}.
     */
    LOGIT,
    /**
     * Rao-Scott scaled profile likelihood of the intercept-only quasibinomial model: the limits solve
     * \( (D(b) - D(\hat b))/\phi = \lambda\, t^2 \), \( D \) the binomial deviance with weights
     * scaled to mean 1, \( \phi \) the Pearson dispersion and \( \lambda \) the ratio of design-based
     * to model-based variance of the intercept. As R ({@code confint(svyglm, method="likelihood")},
     * adapted from {@code MASS::profile.glm}), the root is read off a cubic spline (Forsythe-Malcolm-Moler)
     * through a profile of at most 10 steps each side, by linear interpolation on 3x as many spline
     * points; this reproduces R's figures, which differ from the exact root by up to ~3e-6.
     */
    LIKELIHOOD,
    /**
     * Arcsine square-root transform: \( \sin^2(\arcsin\sqrt{\hat p} \pm t\sqrt{v}/(2\sqrt{\hat p(1-\hat p)})) \)
     * (R {@code "asin"}).
     */
    ASIN,
    /**
     * Korn and Graubard (1998) Clopper-Pearson interval with effective sample size
     * \( n^* = \hat p(1-\hat p)/v \cdot (t_{n-1}/t_{df})^2 \): limits
     * \( B^{-1}(\alpha/2; n^*\hat p, n^*(1-\hat p)+1) \) and \( B^{-1}(1-\alpha/2; n^*\hat p+1, n^*(1-\hat p)) \)
     * (R {@code "beta"}). Korn, E.L., Graubard, B.I. (1998). Confidence intervals for proportions
     * with small expected number of positive counts estimated from survey data. Survey Methodology
     * 24, 193-201.
     */
    BETA,
    /** Wald interval on the probability scale, \( \hat p \pm t\sqrt v \), not truncated to [0, 1] (R {@code "mean"}). */
    MEAN,
    /** Delta-method Wald interval on the logit scale (R {@code "xlogit"}); see {@link #LOGIT}. */
    XLOGIT;

    /** @return the method of a proportion interval made this way */
    IntervalMethod proportionInterval() {
        return switch (this) {
            case LOGIT -> IntervalMethod.LOGIT;
            case LIKELIHOOD -> IntervalMethod.LIKELIHOOD;
            case ASIN -> IntervalMethod.ASIN;
            case BETA -> IntervalMethod.BETA;
            case MEAN -> IntervalMethod.MEAN;
            case XLOGIT -> IntervalMethod.XLOGIT;
        };
    }

    /** @return the method of a Woodruff quantile interval whose CDF interval is made this way */
    IntervalMethod woodruffInterval() {
        return switch (this) {
            case MEAN -> IntervalMethod.WOODRUFF_MEAN;
            case BETA -> IntervalMethod.WOODRUFF_BETA;
            case ASIN -> IntervalMethod.WOODRUFF_ASIN;
            case LOGIT, XLOGIT -> IntervalMethod.WOODRUFF_XLOGIT;
            case LIKELIHOOD -> throw new IllegalStateException("no Woodruff interval from the likelihood method");
        };
    }
}
