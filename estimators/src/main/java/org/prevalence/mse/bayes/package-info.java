/**
 * Bayesian multiple systems estimation: two estimators of the size of a closed population from a
 * {@link org.prevalence.core.lists.ListOverlapTable}, each reporting a posterior median as the
 * headline estimate, an equal-tailed credible interval and a
 * {@link org.prevalence.core.Status}.
 *
 * <ul>
 * <li>{@link org.prevalence.mse.bayes.BayesianModelAveraging}: model averaging over every decomposable
 *     graphical log-linear model on 2 to 6 lists (Madigan and York 1997, as R's dga {@code bma.cr}),
 *     computed exactly on a grid of population sizes; the graphs come from
 *     {@link org.prevalence.mse.bayes.DecomposableGraphs} as
 *     {@link org.prevalence.mse.bayes.DecomposableGraph}s.</li>
 * <li>{@link org.prevalence.mse.bayes.LatentClassMse}: the latent-class model of Manrique-Vallier
 *     (2016), as R's LCMCR, sampled by several seeded Gibbs chains whose draws do not depend on the
 *     number of threads.</li>
 * <li>{@link org.prevalence.mse.bayes.ConvergenceDiagnostics}: rank-normalised split R-hat and bulk and
 *     tail effective sample sizes (as R's {@code posterior}), used by the latent-class model.</li>
 * </ul>
 * Start with {@code BayesianModelAveraging} and {@code LatentClassMse}; the package-private classes
 * hold the grid computation and the sampler.
 */
package org.prevalence.mse.bayes;
