package org.prevalence.mse;

/** Confidence intervals for the population size from a log-linear model. */
public enum MseInterval {
    /**
     * Log-normal Wald interval on the dark figure, as SparseMSE's {@code estimatepopulation.0}:
     * \( n + \exp(\hat\beta_0 \pm z_{1-\alpha/2}\, \widehat{\mathrm{se}}(\hat\beta_0)) \), with
     * \( \hat\beta_0 \) the intercept and \( n \) the observed cases.
     */
    LOG_NORMAL,
    /**
     * Poisson profile likelihood: the intercept \( \beta_0 \) values whose profile deviance
     * \( 2\{\ell(\hat\beta) - \max_{\beta_{-0}} \ell(\beta_0, \beta_{-0})\} \) is at most the
     * \( \chi^2_1 \) quantile, mapped to \( n + e^{\beta_0} \).
     */
    PROFILE_POISSON,
    /**
     * Multinomial profile likelihood for N (Cormack 1992), as Rcapture's {@code closedpCI.t}: the
     * N whose profile deviance \( 2\{\ell(\hat N) - \ell(N)\} \le \chi^2_1 \), with
     * \( \ell(N) = \log N! - \log (N-n)! + \sum_h y_h \log(\hat\mu_h(N)/N) \), the model fitted to the
     * complete table whose unobserved cell holds \( N - n \).
     */
    PROFILE_MULTINOMIAL,
    /** No interval. */
    NONE
}
