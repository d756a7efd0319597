package org.prevalence.survey.model;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The link functions of {@link SurveyGlm} (R's {@code make.link}), with R's guards against fitted
 * values of exactly 0 or 1 (logit, probit, cloglog) and a derivative kept at least machine epsilon.
 */
public enum GlmLink {
    /** \( \eta = \mu \). */
    IDENTITY("identity"),
    /** \( \eta = \log \mu \). */
    LOG("log"),
    /** \( \eta = \log(\mu/(1-\mu)) \). */
    LOGIT("logit"),
    /** \( \eta = \Phi^{-1}(\mu) \). */
    PROBIT("probit"),
    /** \( \eta = \log(-\log(1-\mu)) \). */
    CLOGLOG("cloglog");

    static final double EPS = Math.ulp(1.0);
    private static final NormalDistribution STD = NormalDistribution.of(0, 1);
    private static final double PROBIT_THRESH = -STD.inverseCumulativeProbability(EPS);
    private final String label;

    GlmLink(String label) {
        this.label = label;
    }

    /** @return R's name of the link */
    public String label() {
        return label;
    }

    /** @param mu a mean @return \( g(\mu) \) */
    double link(double mu) {
        switch (this) {
            case IDENTITY:
                return mu;
            case LOG:
                return Math.log(mu);
            case LOGIT:
                return Math.log(mu / (1 - mu));
            case PROBIT:
                return STD.inverseCumulativeProbability(mu);
            default:
                return Math.log(-Math.log1p(-mu));
        }
    }

    /** @param eta a linear predictor @return \( g^{-1}(\eta) \) */
    double inverse(double eta) {
        switch (this) {
            case IDENTITY:
                return eta;
            case LOG:
                return Math.max(Math.exp(eta), EPS);
            case LOGIT:
                if (eta < -30) {
                    return EPS;
                }
                if (eta > 30) {
                    return 1 - EPS;
                }
                return 1 / (1 + Math.exp(-eta));
            case PROBIT:
                double e = Math.min(Math.max(eta, -PROBIT_THRESH), PROBIT_THRESH);
                return STD.cumulativeProbability(e);
            default:
                return Math.max(Math.min(-Math.expm1(-Math.exp(eta)), 1 - EPS), EPS);
        }
    }

    /** @param eta a linear predictor @return \( d\mu/d\eta \), at least machine epsilon */
    double derivative(double eta) {
        switch (this) {
            case IDENTITY:
                return 1;
            case LOG:
                return Math.max(Math.exp(eta), EPS);
            case LOGIT:
                if (Math.abs(eta) > 30) {
                    return EPS;
                }
                double t = Math.exp(-Math.abs(eta));
                return Math.max(t / ((1 + t) * (1 + t)), EPS);
            case PROBIT:
                return Math.max(STD.density(eta), EPS);
            default:
                double x = Math.min(eta, 700);
                return Math.max(Math.exp(x) * Math.exp(-Math.exp(x)), EPS);
        }
    }
}
