/**
 * Multiple systems estimation (capture-recapture on list-overlap tables).
 *
 * <ul>
 * <li>{@link org.prevalence.mse.LincolnPetersen} and {@link org.prevalence.mse.Chapman}: two lists.</li>
 * <li>{@link org.prevalence.mse.LogLinearMse}: Poisson log-linear models on K = 2..15 lists, with
 * SparseMSE's stepwise selection, AIC/BIC over all hierarchical models (MultipleSystemsEstimation),
 * existence/identifiability checks ({@link org.prevalence.mse.ModelCheck}), the extended-MLE convention
 * for empty overlaps, log-normal and profile-likelihood intervals, and strata.</li>
 * <li>{@link org.prevalence.mse.LogLinearModel}: hierarchical models and their notations;
 * {@link org.prevalence.mse.HierarchicalModels}: enumeration.</li>
 * <li>{@link org.prevalence.mse.PoissonRegression}: the general Poisson IRLS (R's {@code glm.fit} rules),
 * for other closed-population designs too.</li>
 * </ul>
 */
package org.prevalence.mse;
