/**
 * A general, seeded, parallel bootstrap engine.
 *
 * <ul>
 * <li>{@link org.prevalence.core.bootstrap.Bootstrap}: replicate count, seed, thread count, failure threshold
 *     and progress listener; runs a {@link org.prevalence.core.bootstrap.Statistic} (or several, or one with
 *     its own standard error) over resamples drawn by a {@link org.prevalence.core.bootstrap.Resampler}.
 *     Replicate i uses {@link org.prevalence.core.bootstrap.Bootstrap#generator(long, long)
 *     generator(seed, i)} only, so results are bit-identical for any thread count.</li>
 * <li>{@link org.prevalence.core.bootstrap.Resamplers}: multinomial cell counts, rows, PSUs within strata
 *     (Rao-Wu, {@link org.prevalence.core.bootstrap.PsuDraws}).</li>
 * <li>{@link org.prevalence.core.bootstrap.IntervalType} and
 *     {@link org.prevalence.core.bootstrap.BootstrapIntervals}: percentile, basic, normal, BCa (exactly as
 *     SparseMSE's {@code bcaconfvalues}, R quantile type 8), studentized.</li>
 * <li>{@link org.prevalence.core.bootstrap.Jackknife}: the (count-weighted) jackknife for the BCa
 *     acceleration.</li>
 * </ul>
 * The library prints nothing; a {@link org.prevalence.core.bootstrap.ProgressListener} reports progress.
 */
package org.prevalence.core.bootstrap;
