package org.prevalence.regional;

/**
 * How the survey pipeline's Monte Carlo draws a surveyed country's prevalence from its estimate
 * \( \hat p \) and standard error \( s \). With \( n = \hat p(1-\hat p)/s^2 \) the effective sample
 * size and \( k = n\hat p \):
 */
public enum SamplingError {
    /**
     * The default: a beta distribution with the survey's mean and variance (the effective-sample-size
     * model), \( p^* \sim \mathrm{Beta}(\hat p\,\nu, (1-\hat p)\,\nu) \), \( \nu = n - 1 \), so
     * \( E[p^*] = \hat p \) and \( \mathrm{var}(p^*) = s^2 \) exactly, skewed like the sampling
     * distribution of a proportion from a handful of cases, never outside [0, 1]. Countries with
     * \( \hat p \in \{0, 1\} \), \( s = 0 \) or \( s^2 \ge \hat p(1-\hat p) \) are drawn as NORMAL.
     * Because the draws are centred on \( \hat p \), the Monte Carlo distribution of a total is
     * centred on its (unbiased) survey estimate \( \sum_c N_c \hat p_c \).
     */
    BETA,
    /**
     * On the logit scale: \( \mathrm{expit}(y + \sqrt{v}\,Z) \) with the empirical logit
     * \( y = \log\frac{k+1/2}{n-k+1/2} \) and \( v = \frac{1}{k+1/2} + \frac{1}{n-k+1/2} \); skewed like
     * the sampling distribution of a small proportion (a survey finding a handful of cases), and never
     * outside (0, 1). But its draws have median \( (k+1/2)/n \) and mean about \( (k+1)/n \), above
     * \( \hat p = k/n \) by about one case per survey: summed over many surveys the Monte Carlo
     * distribution of a total sits above its estimate and the intervals miss low (see
     * {@code SurveyCoverageTest}). Countries with \( \hat p \in \{0, 1\} \) or \( s = 0 \) are drawn as NORMAL.
     */
    LOGIT,
    /** Normal: \( \hat p + s Z \), truncated to [0, 1]. */
    NORMAL
}
