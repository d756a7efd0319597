package org.prevalence.regional;

/**
 * How the survey pipeline's Monte Carlo propagates the uncertainty of the {@link ImputationModel}'s
 * coefficients \( \beta \) and between-country variance \( \tau^2 \) into the imputed prevalences.
 */
public enum ModelUncertainty {
    /**
     * The default: in each draw, \( \tau^{2*} \) from the Q-profile confidence distribution of
     * \( \tau^2 \) (Viechtbauer 2007: \( Q(\tau^{2*}) = \chi^{2*}_{k-p} \), 0 when \( Q(0) \) is below the
     * drawn \( \chi^2 \)), then \( \beta^* \sim N(\hat\beta(\tau^{2*}), (X^\top W(\tau^{2*}) X)^{-1}) \), the
     * weighted least-squares fit at that \( \tau^2 \), then between-country effects
     * \( u_c \sim N(0, \tau^{2*}) \). Unlike a plug-in \( \hat\tau^2 \), this reflects how poorly
     * \( \tau^2 \) is known from a few surveyed countries per region.
     * <p>Viechtbauer, W. (2007). Confidence intervals for the amount of heterogeneity in
     * meta-analysis. Statistics in Medicine 26, 37-52. doi:10.1002/sim.2514
     */
    Q_PROFILE,
    /**
     * Plug-in \( \hat\tau^2 \) (DerSimonian-Laird) and coefficients from a multivariate t with
     * \( k - p \) degrees of freedom and the Knapp-Hartung-scaled covariance (Knapp and Hartung
     * 2003, doi:10.1002/sim.1482); the behaviour before the Q-profile default, which under-covers
     * with few surveyed countries per region.
     */
    KNAPP_HARTUNG
}
