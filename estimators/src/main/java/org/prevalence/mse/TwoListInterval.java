package org.prevalence.mse;

/**
 * Confidence intervals for the two-list estimators {@link Chapman} and {@link LincolnPetersen}.
 */
public enum TwoListInterval {
    /**
     * Chao's (1987) log-normal interval: with \( \hat f_0 = \hat N - n \) the estimated unseen
     * cases, \( n = n_1 + n_2 - m \) the observed cases and
     * \( C = \exp\{ z \sqrt{\log(1 + \widehat{\mathrm{var}}(\hat N) / \hat f_0^2)} \} \), the interval is
     * \( (n + \hat f_0 / C,\; n + \hat f_0 C) \). It never falls below the observed count.
     */
    LOG_NORMAL,
    /**
     * The Wald interval \( \hat N \pm z\,\widehat{\mathrm{se}}(\hat N) \), with the lower limit
     * raised to the observed count \( n \) if it falls below it.
     */
    WALD
}
