package org.prevalence.regional;

/**
 * How the survey pipeline's Monte Carlo draws a surveyed country's prevalence from its estimate
 * \( \hat p \) and standard error \( s \). With \( n = \hat p(1-\hat p)/s^2 \) the effective sample
 * size and \( k = n\hat p \):
 */
public enum SamplingError {
    /**
     * On the logit scale (the default): \( \mathrm{expit}(y + \sqrt{v}\,Z) \) with the empirical logit
     * \( y = \log\frac{k+1/2}{n-k+1/2} \) and \( v = \frac{1}{k+1/2} + \frac{1}{n-k+1/2} \); skewed like
     * the sampling distribution of a small proportion (a survey finding a handful of cases), and never
     * outside (0, 1). Countries with \( \hat p \in \{0, 1\} \) or \( s = 0 \) are drawn as NORMAL.
     */
    LOGIT,
    /** Normal: \( \hat p + s Z \), truncated to [0, 1]. */
    NORMAL
}
