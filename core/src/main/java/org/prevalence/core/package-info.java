/**
 * The types every module shares: what an estimate is, how far it can be trusted, and how a
 * problem is reported.
 *
 * <ul>
 * <li>{@link org.prevalence.core.PrevalenceException}: the one exception for anything a user can fix,
 *     with its {@link org.prevalence.core.PrevalenceException.Kind kind}, its place (row, column,
 *     stratum, model term) and an optional {@link org.prevalence.core.PrevalenceException.Remedy}.</li>
 * <li>{@link org.prevalence.core.Status} and {@link org.prevalence.core.Warning}: the status every
 *     reportable result carries, so that a figure that was not estimated is never shown as a plain
 *     number, and structured warnings that code can test.</li>
 * <li>{@link org.prevalence.core.Estimate} and {@link org.prevalence.core.Interval}: a generic point
 *     estimate with its standard error, interval and diagnostics; an interval names its
 *     {@link org.prevalence.core.IntervalMethod method} (profile, BCa, credible, logit with t degrees of
 *     freedom, ...), whose label is what reports print.</li>
 * <li>{@link org.prevalence.core.Checks} (NaN-safe argument checks) and
 *     {@link org.prevalence.core.Format} (readable numbers, never E-notation).</li>
 * </ul>
 * Start with {@code PrevalenceException} and {@code Status}; the subpackages hold the list-overlap
 * tables ({@code lists}), CSV input ({@code io}), the survey data model ({@code survey}) and the
 * bootstrap engine ({@code bootstrap}).
 */
package org.prevalence.core;
