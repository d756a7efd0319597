package org.prevalence.core;

import java.util.Locale;

/**
 * How an {@link Interval} was made. Each constant has the label reports print for it; constants
 * whose interval uses a Student t reference distribution print its degrees of freedom
 * ({@link Interval#degreesOfFreedom()}) in the label, as {@code "t(14)"} or {@code "logit, t(14)"}.
 *
 * <p>Start with the family: population intervals for list data ({@link #WALD}, {@link #LOGNORMAL},
 * {@link #PROFILE}, ...), bootstrap intervals ({@link #PERCENTILE} ... {@link #STUDENTIZED}), Bayesian
 * credible intervals ({@link #CREDIBLE_BMA}, {@link #CREDIBLE_LATENT_CLASS}), and design-based survey
 * intervals ({@link #SURVEY_NORMAL} ... {@link #WOODRUFF_XLOGIT}).
 */
public enum IntervalMethod {
    /** Symmetric normal interval around a population estimate, truncated below at the observed count. */
    WALD("wald"),
    /** Chao (1987) log-normal interval for the unobserved count, added to the observed count. */
    LOGNORMAL("lognormal"),
    /** The same log-normal interval, as the closed-population Chao lower bound reports it. */
    CHAO_LOGNORMAL("log-normal (Chao 1987)"),
    /** Profile-likelihood interval of a Poisson log-linear model (Cormack 1992). */
    PROFILE("profile"),
    /** Profile-likelihood interval of the multinomial (conditional) likelihood, as Rcapture. */
    PROFILE_MULTINOMIAL("profile-multinomial"),
    /** Bootstrap percentile interval. */
    PERCENTILE("percentile"),
    /** Bootstrap basic (reverse percentile) interval. */
    BASIC("basic"),
    /** Bias-corrected normal bootstrap interval, as R {@code boot::norm.ci}. */
    NORMAL("normal"),
    /** Bias-corrected and accelerated bootstrap interval (Efron 1987). */
    BCA("bca"),
    /** Studentized (bootstrap-t) interval. */
    STUDENTIZED("studentized"),
    /** Equal-tailed credible interval of the model-averaged posterior of N (Madigan and York 1997). */
    CREDIBLE_BMA("credible (bma)"),
    /** Equal-tailed credible interval of the latent-class posterior of N (Manrique-Vallier 2016). */
    CREDIBLE_LATENT_CLASS("credible (latent-class)"),
    /** Design-based Wald interval with a normal reference distribution: estimate +/- z SE. */
    SURVEY_NORMAL("normal"),
    /** Design-based Wald interval with a t reference distribution on the design's degrees of freedom. */
    SURVEY_T("t(%d)"),
    /** Proportion interval on the logit scale, as R {@code svyciprop(method = "logit")}. */
    LOGIT("logit, t(%d)"),
    /** Proportion interval from the design-adjusted likelihood, as {@code svyciprop(method = "likelihood")}. */
    LIKELIHOOD("likelihood, t(%d)"),
    /** Proportion interval on the arcsine-square-root scale, as {@code svyciprop(method = "asin")}. */
    ASIN("asin, t(%d)"),
    /** Proportion interval from the beta distribution (Korn and Graubard 1998), {@code method = "beta"}. */
    BETA("beta, t(%d)"),
    /** Proportion interval on the mean (Wald) scale, as {@code svyciprop(method = "mean")}. */
    MEAN("mean, t(%d)"),
    /** Proportion interval on the logit scale via {@code svymean}, as {@code svyciprop(method = "xlogit")}. */
    XLOGIT("xlogit, t(%d)"),
    /** Woodruff (1952) quantile interval from a Wald interval of the CDF, {@code interval.type = "mean"}. */
    WOODRUFF_MEAN("woodruff mean, t(%d)"),
    /** Woodruff quantile interval from a beta interval of the CDF. */
    WOODRUFF_BETA("woodruff beta, t(%d)"),
    /** Woodruff quantile interval from an arcsine interval of the CDF. */
    WOODRUFF_ASIN("woodruff asin, t(%d)"),
    /** Woodruff quantile interval from a logit interval of the CDF. */
    WOODRUFF_XLOGIT("woodruff xlogit, t(%d)");

    private final String label;

    IntervalMethod(String label) {
        this.label = label;
    }

    /** @return {@code true} if the label names a t distribution's degrees of freedom */
    public boolean usesDegreesOfFreedom() {
        return label.contains("%d");
    }

    /**
     * @param degreesOfFreedom the t reference distribution's degrees of freedom (ignored by methods
     *                         without one)
     * @return the label reports print, for example {@code "bca"} or {@code "logit, t(14)"}
     */
    public String label(int degreesOfFreedom) {
        return usesDegreesOfFreedom() ? String.format(Locale.ROOT, label, degreesOfFreedom) : label;
    }
}
