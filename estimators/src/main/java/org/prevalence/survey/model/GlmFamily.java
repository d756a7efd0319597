package org.prevalence.survey.model;

/**
 * The error families of {@link SurveyGlm} (R's {@code gaussian()}, {@code binomial()},
 * {@code quasibinomial()}, {@code poisson()}, {@code quasipoisson()}). In a survey GLM the family
 * gives the variance function and the default link only: the coefficients and their design-based
 * standard errors do not depend on a dispersion, so binomial and quasibinomial (poisson and
 * quasipoisson) give the same figures, as in R's {@code svyglm} (which warns about non-integer
 * successes for binomial).
 */
public enum GlmFamily {
    /** Variance 1, default link identity. */
    GAUSSIAN("gaussian", GlmLink.IDENTITY),
    /** Variance \( \mu(1-\mu) \), default link logit; response in [0, 1] or a two-level factor. */
    BINOMIAL("binomial", GlmLink.LOGIT),
    /** As {@link #BINOMIAL}. */
    QUASIBINOMIAL("quasibinomial", GlmLink.LOGIT),
    /** Variance \( \mu \), default link log; response \( \ge 0 \). */
    POISSON("poisson", GlmLink.LOG),
    /** As {@link #POISSON}. */
    QUASIPOISSON("quasipoisson", GlmLink.LOG);

    private final String label;
    private final GlmLink defaultLink;

    GlmFamily(String label, GlmLink defaultLink) {
        this.label = label;
        this.defaultLink = defaultLink;
    }

    /** @return R's name of the family */
    public String label() {
        return label;
    }

    /** @return the canonical (R default) link */
    public GlmLink defaultLink() {
        return defaultLink;
    }

    boolean isBinomial() {
        return this == BINOMIAL || this == QUASIBINOMIAL;
    }

    boolean isPoisson() {
        return this == POISSON || this == QUASIPOISSON;
    }

    /** @return whether the link is allowed: binomial logit, probit, cloglog; poisson log; gaussian identity */
    boolean allows(GlmLink link) {
        if (isBinomial()) {
            return link == GlmLink.LOGIT || link == GlmLink.PROBIT || link == GlmLink.CLOGLOG;
        }
        return link == (isPoisson() ? GlmLink.LOG : GlmLink.IDENTITY);
    }

    /** @param mu a mean @return the variance function \( V(\mu) \) */
    double variance(double mu) {
        if (isBinomial()) {
            return mu * (1 - mu);
        }
        return isPoisson() ? mu : 1;
    }

    /** @return the unit deviance \( d(y, \mu) \) (R's {@code dev.resids} for a weight of 1) */
    double unitDeviance(double y, double mu) {
        if (isBinomial()) {
            return 2 * (ylogy(y, mu) + ylogy(1 - y, 1 - mu));
        }
        if (isPoisson()) {
            return 2 * (ylogy(y, mu) - (y - mu));
        }
        double e = y - mu;
        return e * e;
    }

    private static double ylogy(double y, double mu) {
        return y == 0 ? 0 : y * Math.log(y / mu);
    }

    /** @param y a response @return R's starting mean ({@code mustart}) for a unit weight */
    double start(double y) {
        if (isBinomial()) {
            return (y + 0.5) / 2;
        }
        return isPoisson() ? y + 0.1 : y;
    }
}
