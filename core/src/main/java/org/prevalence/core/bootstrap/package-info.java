/**
 * A general, seeded, parallel bootstrap engine, and the library's one way to be random and one way
 * to be parallel. Start with {@link org.prevalence.core.bootstrap.Bootstrap}.
 *
 * <ul>
 * <li>{@link org.prevalence.core.bootstrap.Bootstrap}: replicate count, seed, thread count, failure threshold
 *     and progress listener; runs a {@link org.prevalence.core.bootstrap.Statistic} (or several, or one with
 *     its own standard error) over resamples drawn by a {@link org.prevalence.core.bootstrap.Resampler}.
 *     Replicate i uses {@link org.prevalence.core.bootstrap.Bootstrap#generator(long, long)
 *     generator(seed, i)} only, so results are bit-identical for any thread count.</li>
 * <li>{@link org.prevalence.core.bootstrap.Bootstrap#generator(long, long)} and
 *     {@link org.prevalence.core.bootstrap.Bootstrap#DEFAULT_SEED}: every seeded procedure of the library
 *     (bootstraps, replicate weights, Monte Carlo draws, MCMC chains) derives the generator of its replicate
 *     or chain i from (seed, i) through this one function, with this one default seed.</li>
 * <li>{@link org.prevalence.core.bootstrap.ParallelLoop}: runs tasks 0..n-1 on a given number of threads
 *     (0: all processors) with per-worker buffers, closing its pool; every {@code withThreads(int)} of the
 *     library runs through it, and results do not depend on the thread count.</li>
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
