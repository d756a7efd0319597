package org.prevalence.core.engine;

/**
 * The GLM families an engine computes IRLS steps for, each with its canonical link (the mean
 * \( \mu = g^{-1}(\eta) \), the variance function \( V(\mu) \) and R's starting mean for a unit
 * weight, as {@code stats::glm}).
 */
public enum GlmKind {
    /** Gaussian, identity link: \( \mu = \eta \), \( V = 1 \), start \( y \). */
    GAUSSIAN_IDENTITY,
    /**
     * Binomial (or quasibinomial), logit link: \( \mu = 1/(1+e^{-\eta}) \), \( V = \mu(1-\mu) \), start
     * \( (y + 1/2)/2 \); \( \mu'(\eta) \) is \( \mu(1-\mu) \) (at least the machine epsilon) for
     * \( |\eta| \le 30 \) and the machine epsilon beyond, \( \mu \) clamped to
     * \( [\epsilon, 1-\epsilon] \), as R's {@code make.link("logit")}.
     */
    BINOMIAL_LOGIT,
    /**
     * Poisson (or quasipoisson), log link: \( \mu = \max(e^\eta, \epsilon) \), \( V = \mu \), start
     * \( y + 0.1 \).
     */
    POISSON_LOG;

    /** The machine epsilon, R's {@code .Machine$double.eps}. */
    static final double EPS = Math.ulp(1.0);

    /** @param y a response @return R's starting mean for a unit weight */
    public double start(double y) {
        switch (this) {
            case BINOMIAL_LOGIT:
                return (y + 0.5) / 2;
            case POISSON_LOG:
                return y + 0.1;
            default:
                return y;
        }
    }

    /** @param mu a mean @return the link \( g(\mu) \) */
    public double link(double mu) {
        switch (this) {
            case BINOMIAL_LOGIT:
                return Math.log(mu / (1 - mu));
            case POISSON_LOG:
                return Math.log(mu);
            default:
                return mu;
        }
    }

    /** @param eta a linear predictor @return the mean \( g^{-1}(\eta) \) */
    public double mean(double eta) {
        switch (this) {
            case BINOMIAL_LOGIT:
                return eta < -30 ? EPS : eta > 30 ? 1 - EPS : 1 / (1 + Math.exp(-eta));
            case POISSON_LOG:
                return Math.max(Math.exp(eta), EPS);
            default:
                return eta;
        }
    }

    /**
     * @param eta a linear predictor
     * @param mu its mean
     * @return \( \mu'(\eta) \) as the in-JVM IRLS uses it
     */
    public double derivative(double eta, double mu) {
        switch (this) {
            case BINOMIAL_LOGIT:
                return eta >= -30 && eta <= 30 ? Math.max(mu * (1 - mu), EPS) : EPS;
            case POISSON_LOG:
                return Math.max(Math.exp(eta), EPS);
            default:
                return 1;
        }
    }

    /** @param mu a mean @return the variance function \( V(\mu) \) */
    public double variance(double mu) {
        switch (this) {
            case BINOMIAL_LOGIT:
                return mu * (1 - mu);
            case POISSON_LOG:
                return mu;
            default:
                return 1;
        }
    }

    /** @param y a response @param mu a mean @return the unit deviance (R's {@code dev.resids}, weight 1) */
    public double unitDeviance(double y, double mu) {
        switch (this) {
            case BINOMIAL_LOGIT:
                return 2 * (ylogy(y, mu) + ylogy(1 - y, 1 - mu));
            case POISSON_LOG:
                return 2 * (ylogy(y, mu) - (y - mu));
            default:
                return (y - mu) * (y - mu);
        }
    }

    private static double ylogy(double y, double mu) {
        return y == 0 ? 0 : y * Math.log(y / mu);
    }
}
