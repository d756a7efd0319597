/**
 * Closed-population capture-recapture models for heterogeneous capture, as R's Rcapture fits them:
 * {@link org.prevalence.mse.closed.ClosedPopulationModels} (M0, Mt, Mh, Mth, Mb, Mbh; the model table of
 * {@code closedp.t}/{@code closedp.0} and the multinomial profile interval of {@code closedpCI.t}),
 * {@link org.prevalence.mse.closed.ClosedBiasCorrection} ({@code closedp.bc}),
 * {@link org.prevalence.mse.closed.ChaoLowerBound} (Chao 1987), input as list-overlap tables or as
 * {@link org.prevalence.mse.closed.CaptureFrequencies}, and {@link org.prevalence.mse.closed.MethodComparison}, the
 * side-by-side table of every log-linear and closed method on one table. The Poisson fits use
 * {@link org.prevalence.mse.PoissonRegression}.
 */
package org.prevalence.mse.closed;
