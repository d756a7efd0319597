package org.prevalence.core.bootstrap;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;

/**
 * A general, seeded, parallel nonparametric bootstrap: a {@link Resampler} draws resamples of the
 * data, a {@link Statistic} is evaluated on each, and the replicate values are kept (as a
 * {@code double[]}) for intervals ({@link IntervalType}) and plots.
 *
 * <p><b>Determinism.</b> Replicate \( i \) (0-based) draws only from its own generator
 * {@link #generator(long, long) generator(seed, i)}: {@code RandomSource.L64_X128_MIX} seeded with
 * the four 64-bit words \( z_1, \dots, z_4 \) that SplitMix64 (Steele, Lea and Flood 2014)
 * outputs from the start state \( \mathrm{mix}(seed) \oplus i \), where \( \mathrm{mix} \) is
 * SplitMix64's output function (Stafford's variant 13). Replicate values are written into an
 * array by index, so the result is bit-identical for any thread count and schedule. (Seeding
 * {@code L64_X128_MIX} with the short array {@code {seed, i}} instead would leave commons-rng to
 * pad the 256-bit state with weakly mixed words and, because the LCG increment is forced odd, give
 * replicates \( 2k \) and \( 2k+1 \) the same LCG increment; hence the SplitMix64 expansion.)
 *
 * <p><b>Failures.</b> A replicate whose statistic throws a {@link PrevalenceException} or is not
 * finite fails; failed replicates are counted and omitted (as R's MultipleSystemsEstimation and
 * SparseMSE do when a fit has no MLE). If more than the {@linkplain #withMaxFailureFraction
 * threshold} fail, {@link #run} throws instead of returning an interval biased towards the
 * data sets where the statistic exists.
 *
 * <p>Usage:
 * <pre>{@code
 * Bootstrap.Result r = Bootstrap.withDefaults().withReplicates(1000).withSeed(1234)
 *         .run(Resamplers.multinomial(counts), c -> estimator.estimate(c));
 * Interval ci = r.withAcceleration(Jackknife.withDefaults().ofCounts(counts, estimator).getAcceleration())
 *         .interval(IntervalType.BCA, 0.95);
 * }</pre>
 *
 * <p>This class is immutable and thread-safe.
 *
 * <p>References: <ol>
 * <li>Efron, B. and Tibshirani, R.J. (1993). An Introduction to the Bootstrap. Chapman and Hall.</li>
 * <li>Steele, G.L., Lea, D. and Flood, C.H. (2014). Fast splittable pseudorandom number generators.
 *     OOPSLA 2014, 453-472. <a href="https://doi.org/10.1145/2660193.2660195">doi:10.1145/2660193.2660195</a></li>
 * <li>Steele, G.L. and Vigna, S. (2021). LXM: better splittable pseudorandom number generators (and
 *     almost as fast). OOPSLA 2021. <a href="https://doi.org/10.1145/3485525">doi:10.1145/3485525</a></li>
 * </ol>
 *
 * <p><b>Length.</b> The class holds the configured engine, the run loop and its nested
 * {@link Result}, whose interval methods (percentile, basic, normal, BCa, studentized) read the
 * replicate array the run wrote; the interval formulas themselves live in {@link BootstrapIntervals}.
 */
public final class Bootstrap {
    /** Default number of replicates: 1,000 (SparseMSE's {@code nboot}). */
    public static final int DEFAULT_REPLICATES = 1000;
    /** Default seed: 1234 (SparseMSE's {@code iseed}; the streams differ from R's). */
    public static final long DEFAULT_SEED = 1234L;
    /** Default largest share of failed replicates: 5 %. */
    public static final double DEFAULT_MAX_FAILURE_FRACTION = 0.05;

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final Bootstrap DEFAULT = new Bootstrap(DEFAULT_REPLICATES, DEFAULT_SEED, 0,
            DEFAULT_MAX_FAILURE_FRACTION, null);

    private final int replicates;
    private final long seed;
    private final int threads;
    private final double maxFailureFraction;
    private final ProgressListener progress;

    private Bootstrap(int replicates, long seed, int threads, double maxFailureFraction, ProgressListener progress) {
        this.replicates = replicates;
        this.seed = seed;
        this.threads = threads;
        this.maxFailureFraction = maxFailureFraction;
        this.progress = progress;
    }

    /**
     * The default bootstrap: {@value #DEFAULT_REPLICATES} replicates, seed {@value #DEFAULT_SEED},
     * as many threads as available processors, at most 5 % failed replicates, no progress listener.
     * @return the default instance
     */
    public static Bootstrap withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the number of replicates, {@code >= 1}
     * @return a copy with that number of replicates
     * @throws PrevalenceException if {@code v < 1}
     */
    public Bootstrap withReplicates(int v) {
        return new Bootstrap(Checks.atLeast("replicates", v, 1), seed, threads, maxFailureFraction, progress);
    }

    /**
     * @param v the seed
     * @return a copy with that seed
     */
    public Bootstrap withSeed(long v) {
        return new Bootstrap(replicates, v, threads, maxFailureFraction, progress);
    }

    /**
     * @param v the number of threads, {@code >= 1}, or 0 for the number of available processors;
     *     it never changes the result
     * @return a copy with that thread count
     * @throws PrevalenceException if {@code v < 0}
     */
    public Bootstrap withThreads(int v) {
        return new Bootstrap(replicates, seed, Checks.atLeast("threads", v, 0), maxFailureFraction, progress);
    }

    /**
     * @param v the largest share of failed replicates accepted, in [0, 1]; 1 never fails on
     *     failures (a result may then have fewer than two replicates, and its intervals refuse)
     * @return a copy with that threshold
     * @throws PrevalenceException if {@code v} is outside [0, 1]
     */
    public Bootstrap withMaxFailureFraction(double v) {
        if (!(v >= 0 && v <= 1)) {
            throw PrevalenceException.invalidArgument("maxFailureFraction",
                    "maxFailureFraction must lie in [0, 1], got %s", v);
        }
        return new Bootstrap(replicates, seed, threads, v, progress);
    }

    /**
     * @param v the progress listener, or {@code null} for none
     * @return a copy reporting progress to {@code v}
     */
    public Bootstrap withProgress(ProgressListener v) {
        return new Bootstrap(replicates, seed, threads, maxFailureFraction, v);
    }

    /** @return the number of replicates */
    public int getReplicates() {
        return replicates;
    }

    /** @return the seed */
    public long getSeed() {
        return seed;
    }

    /** @return the configured thread count (0: available processors) */
    public int getThreads() {
        return threads;
    }

    /** @return the progress listener, or null */
    public ProgressListener getProgress() {
        return progress;
    }

    /** @return the largest share of failed replicates accepted */
    public double getMaxFailureFraction() {
        return maxFailureFraction;
    }

    /**
     * The generator of replicate {@code index} for {@code seed}: {@code RandomSource.L64_X128_MIX}
     * seeded with the first four outputs of SplitMix64 started at
     * \( \mathrm{mix}(seed) \oplus index \). It depends on nothing else, so other modules (survey
     * replicate weights, regional pipelines, simulations) can use it for thread-count-invariant
     * randomness.
     *
     * @param seed the seed
     * @param index the replicate (or chain, or data set) index
     * @return a new generator
     */
    public static UniformRandomProvider generator(long seed, long index) {
        long state = mix(seed) ^ index;
        long[] words = new long[4];
        for (int k = 0; k < 4; k++) {
            state += GOLDEN_GAMMA;
            words[k] = mix(state);
        }
        return RandomSource.L64_X128_MIX.create(words);
    }

    /** SplitMix64's output function (Stafford variant 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Runs the bootstrap.
     *
     * @param resampler draws the resamples
     * @param statistic the statistic
     * @param <R> the resample type
     * @return the estimate on the original data and the replicate values
     * @throws PrevalenceException if the statistic fails on the original data (same kind, the
     *     message says so), or if more than the threshold share of replicates fail
     */
    public <R> Result run(Resampler<R> resampler, Statistic<R> statistic) {
        Objects.requireNonNull(statistic, "statistic");
        return runMany(resampler, 1, (r, out) -> out[0] = statistic.apply(r)).get(0);
    }

    /**
     * Runs the bootstrap with a statistic that gives its own standard error, so that the result
     * also supports {@link IntervalType#STUDENTIZED}.
     *
     * @param resampler draws the resamples
     * @param statistic the statistic with its standard error
     * @param <R> the resample type
     * @return the result, with replicate standard errors
     * @throws PrevalenceException as {@link #run}
     */
    public <R> Result runStudentized(Resampler<R> resampler, StatisticWithError<R> statistic) {
        Objects.requireNonNull(statistic, "statistic");
        Core core = runCore(resampler, 2, (r, out) -> {
            ValueWithError v = statistic.apply(r);
            out[0] = v.value();
            out[1] = v.standardError() > 0 ? v.standardError() : Double.NaN;
        }, true);
        return core.result(0, 1);
    }

    /**
     * Runs the bootstrap for several statistics computed together from the same resamples.
     *
     * @param resampler draws the resamples
     * @param outputs the number of statistics, {@code >= 1}
     * @param statistic fills one value per statistic
     * @param <R> the resample type
     * @return one result per statistic, in order
     * @throws PrevalenceException as {@link #run}, for any of the statistics
     */
    public <R> List<Result> runMany(Resampler<R> resampler, int outputs, MultiStatistic<R> statistic) {
        Checks.atLeast("outputs", outputs, 1);
        Core core = runCore(resampler, outputs, statistic, false);
        Result[] results = new Result[outputs];
        for (int k = 0; k < outputs; k++) {
            results[k] = core.result(k, -1);
        }
        return List.of(results);
    }

    private <R> Core runCore(Resampler<R> resampler, int k, MultiStatistic<R> statistic, boolean allRequired) {
        Objects.requireNonNull(resampler, "resampler");
        Objects.requireNonNull(statistic, "statistic");
        double[] original = new double[k];
        Arrays.fill(original, Double.NaN);
        try {
            statistic.apply(resampler.original(), original);
        } catch (PrevalenceException e) {
            throw new PrevalenceException(e.what(), e.where(),
                    "the statistic fails on the original data, so there is nothing to bootstrap: " + e.getMessage(), e);
        }
        for (int j = 0; j < k; j++) {
            if (!Double.isFinite(original[j])) {
                throw PrevalenceException.notEstimable(k == 1 ? "statistic" : "statistic " + (j + 1),
                        "the statistic%s is %s on the original data, so there is nothing to bootstrap",
                        k == 1 ? "" : " " + (j + 1), original[j]);
            }
        }
        int n = replicates;
        double[] values = new double[n * k];
        String[] failures = new String[n];
        ParallelLoop.run(n, threads, () -> new Object[] {resampler.newBuffer(), new double[k]}, (i, buf) -> {
            @SuppressWarnings("unchecked")
            R sample = (R) buf[0];
            double[] out = (double[]) buf[1];
            Arrays.fill(out, Double.NaN);
            resampler.resample(generator(seed, i), sample);
            try {
                statistic.apply(sample, out);
            } catch (PrevalenceException e) {
                Arrays.fill(out, Double.NaN);
                failures[i] = e.getMessage();
            }
            boolean anyBad = false;
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(out[j])) {
                    out[j] = Double.NaN;
                    anyBad = true;
                }
            }
            if (allRequired && anyBad) {
                Arrays.fill(out, Double.NaN);
            }
            if (anyBad && failures[i] == null) {
                failures[i] = "the statistic is not finite";
            }
            System.arraycopy(out, 0, values, i * k, k);
        }, progress);
        return new Core(original, values, failures, k);
    }

    /** Raw output of a run: values[i * k + j] for replicate i, output j; NaN = failed. */
    private final class Core {
        final double[] original;
        final double[] values;
        final String[] failures;
        final int k;

        Core(double[] original, double[] values, String[] failures, int k) {
            this.original = original;
            this.values = values;
            this.failures = failures;
            this.k = k;
        }

        Result result(int j, int errorColumn) {
            int n = replicates;
            int ok = 0;
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(values[i * k + j])) {
                    ok++;
                }
            }
            int failed = n - ok;
            double[] reps = new double[ok];
            double[] errs = errorColumn >= 0 ? new double[ok] : null;
            int[] failedIdx = new int[failed];
            String first = null;
            int a = 0;
            int f = 0;
            for (int i = 0; i < n; i++) {
                double v = values[i * k + j];
                if (Double.isNaN(v)) {
                    failedIdx[f++] = i;
                    if (first == null) {
                        first = String.format(Locale.ROOT, "replicate %d: %s", i + 1,
                                failures[i] == null ? "the statistic is not finite" : failures[i]);
                    }
                } else {
                    if (errs != null) {
                        errs[a] = values[i * k + errorColumn];
                    }
                    reps[a++] = v;
                }
            }
            if (failed > maxFailureFraction * n) {
                throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE,
                        k == 1 || errorColumn >= 0 ? "replicates" : "statistic " + (j + 1),
                        String.format(java.util.Locale.ROOT, "%d of %d bootstrap replicates failed (%s %%), more than "
                                + "the %s %% allowed; an interval from the others would be biased. First failure, %s",
                                failed, n, Format.percent((double) failed / n), Format.percent(maxFailureFraction), first),
                        new PrevalenceException.Remedy(
                                "check the data (sparse cells, empty lists) or raise withMaxFailureFraction",
                                "check the data (sparse cells, empty lists), or use another --interval"));
            }
            double se = errorColumn >= 0 ? original[errorColumn] : Double.NaN;
            return new Result(original[j], se, reps, errs, n, failedIdx, first, seed, Double.NaN);
        }
    }

    /**
     * The outcome of a bootstrap: the estimate on the original data, the successful replicate
     * values in replicate order, the failures, and intervals.
     *
     * <p>This class is immutable.
     */
    public static final class Result {
        private final double estimate;
        private final double standardError;
        private final double[] replicates;
        private final double[] replicateErrors;
        private final int requested;
        private final int[] failedIndices;
        private final String firstFailure;
        private final long seed;
        private final double acceleration;
        private final double[] sorted;

        Result(double estimate, double standardError, double[] replicates, double[] replicateErrors, int requested,
               int[] failedIndices, String firstFailure, long seed, double acceleration) {
            this.estimate = estimate;
            this.standardError = standardError;
            this.replicates = replicates;
            this.replicateErrors = replicateErrors;
            this.requested = requested;
            this.failedIndices = failedIndices;
            this.firstFailure = firstFailure;
            this.seed = seed;
            this.acceleration = acceleration;
            this.sorted = BootstrapIntervals.sorted(replicates);
        }

        /**
         * A result from replicate values computed elsewhere (for example R's), for the interval
         * arithmetic.
         * @param estimate the estimate on the original data (finite)
         * @param replicates the successful replicate values (finite; copied)
         * @return the result, with no failures, seed 0 and no acceleration
         */
        public static Result of(double estimate, double[] replicates) {
            Checks.finite("estimate", estimate);
            for (int i = 0; i < replicates.length; i++) {
                if (!Double.isFinite(replicates[i])) {
                    throw PrevalenceException.invalidArgument("replicate " + (i + 1),
                            "replicate %d is %s; replicate values must be finite", i + 1, replicates[i]);
                }
            }
            return new Result(estimate, Double.NaN, replicates.clone(), null, replicates.length, new int[0], null,
                    0L, Double.NaN);
        }

        /**
         * @param a the BCa acceleration, finite (usually {@link Jackknife.Result#getAcceleration()})
         * @return a copy carrying that acceleration, for {@link IntervalType#BCA}
         */
        public Result withAcceleration(double a) {
            return new Result(estimate, standardError, replicates, replicateErrors, requested, failedIndices,
                    firstFailure, seed, Checks.finite("acceleration", a));
        }

        /** @return the statistic on the original data */
        public double getEstimate() {
            return estimate;
        }

        /** @return the statistic's own standard error on the original data (studentized runs), else NaN */
        public double getStandardError() {
            return standardError;
        }

        /** @return the successful replicate values, in replicate order (a copy) */
        public double[] getReplicates() {
            return replicates.clone();
        }

        /** @return the replicates' own standard errors (studentized runs, a copy), else null */
        public double[] getReplicateStandardErrors() {
            return replicateErrors == null ? null : replicateErrors.clone();
        }

        /** @return the number of replicates requested */
        public int getRequested() {
            return requested;
        }

        /** @return the number of successful replicates */
        public int getSucceeded() {
            return replicates.length;
        }

        /** @return the number of failed (omitted) replicates */
        public int getFailed() {
            return failedIndices.length;
        }

        /** @return the 0-based indices of the failed replicates (a copy) */
        public int[] getFailedIndices() {
            return failedIndices.clone();
        }

        /** @return the message of the first failed replicate, or null if none failed */
        public String getFirstFailure() {
            return firstFailure;
        }

        /** @return the seed */
        public long getSeed() {
            return seed;
        }

        /** @return the BCa acceleration, or NaN if none was set */
        public double getAcceleration() {
            return acceleration;
        }

        /** @return the bootstrap standard error: the standard deviation (divisor B - 1) of the replicates */
        public double getBootstrapStandardError() {
            if (replicates.length < 2) {
                return Double.NaN;
            }
            return BootstrapIntervals.standardDeviation(replicates, BootstrapIntervals.mean(replicates));
        }

        /** @return the bootstrap bias estimate, the replicates' mean minus the estimate */
        public double getBias() {
            return BootstrapIntervals.mean(replicates) - estimate;
        }

        /**
         * @return the BCa bias correction \( z_0 \)
         * @see BootstrapIntervals#biasCorrection(double[], double)
         */
        public double getBiasCorrection() {
            return BootstrapIntervals.biasCorrection(replicates, estimate);
        }

        /**
         * The type-8 quantile of the replicates.
         * @param p the probability in [0, 1]
         * @return the quantile
         */
        public double quantile(double p) {
            return BootstrapIntervals.quantileType8(sorted, p);
        }

        /**
         * One BCa limit for a tail probability (SparseMSE's {@code BCaquantiles}).
         * @param p the tail probability in (0, 1), for example 0.025
         * @return the limit
         * @throws PrevalenceException if no acceleration was set
         */
        public double bcaLimit(double p) {
            Checks.level("p", p);
            requireAcceleration();
            double z0 = getBiasCorrection();
            return BootstrapIntervals.quantileType8(sorted, BootstrapIntervals.bcaProbability(z0, acceleration, p));
        }

        /**
         * The interval of a method at a level. {@link IntervalType#BCA} needs an acceleration
         * ({@link #withAcceleration}), {@link IntervalType#STUDENTIZED} a studentized run.
         *
         * @param type the method
         * @param level the level in (0, 1)
         * @return the interval; its method is {@link IntervalType#method()}
         * @throws PrevalenceException if the level is outside (0, 1), fewer than two replicates
         *     succeeded, or the method's requirement is not met
         */
        public Interval interval(IntervalType type, double level) {
            Objects.requireNonNull(type, "type");
            Checks.level("level", level);
            if (replicates.length < 2) {
                throw PrevalenceException.invalidArgument("replicates",
                        "%d successful replicates; an interval needs at least two", replicates.length);
            }
            switch (type) {
                case PERCENTILE:
                    return BootstrapIntervals.percentile(sorted, level);
                case BASIC:
                    return BootstrapIntervals.basic(sorted, estimate, level);
                case NORMAL:
                    return BootstrapIntervals.normal(replicates, estimate, level);
                case BCA:
                    requireAcceleration();
                    return BootstrapIntervals.bca(sorted, estimate, acceleration, level);
                case STUDENTIZED:
                    if (replicateErrors == null) {
                        throw PrevalenceException.invalidArgument("interval",
                                "the studentized interval needs replicate standard errors; "
                                        + "run the bootstrap with runStudentized");
                    }
                    return BootstrapIntervals.studentized(replicates, replicateErrors, estimate, standardError, level);
                default:
                    throw new IllegalStateException(type.name());
            }
        }

        private void requireAcceleration() {
            if (Double.isNaN(acceleration)) {
                throw PrevalenceException.invalidArgument("acceleration",
                        "the BCa interval needs an acceleration: call withAcceleration(a) with a from a Jackknife");
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Bootstrap[estimate=%s, replicates=%s, failed=%s, seed=%d%s]",
                    Format.number(estimate), Format.count(requested), Format.count(getFailed()), seed,
                    Double.isNaN(acceleration) ? "" : ", acceleration=" + Format.number(acceleration));
        }
    }
}
