/**
 * Multiple systems estimation with covariates, years and structural zeros, as Cruyff's R package {@code mse}:
 * the data model ({@link org.prevalence.mse.covariate.CovariateTable}, {@link org.prevalence.mse.covariate.Absence}),
 * Poisson log-linear fits with list x covariate interactions ({@link org.prevalence.mse.covariate.CovariateFit}),
 * {@code model_search}'s stepwise path ({@link org.prevalence.mse.covariate.CovariateMse}), estimates by domain
 * ({@link org.prevalence.mse.covariate.DomainEstimate}) and {@code boot_mse}'s parametric bootstrap
 * ({@link org.prevalence.mse.covariate.CovariateBootstrap}).
 */
package org.prevalence.mse.covariate;
