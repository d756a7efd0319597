package org.prevalence.mse;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.bootstrap.BootstrapIntervals;
import org.prevalence.core.bootstrap.IntervalType;
import org.prevalence.core.bootstrap.Jackknife;
import org.prevalence.core.bootstrap.ProgressListener;
import org.prevalence.core.bootstrap.Resamplers;
import org.prevalence.core.bootstrap.Statistic;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * SparseMSE's bootstrap for stepwise log-linear multiple systems estimation ({@code estimatepopulation}):
 * BCa intervals that account for model selection by re-running the stepwise selection in every
 * replicate.
 *
 * <ol>
 * <li>The point estimate \( \hat N \) is the stepwise estimate on the data ({@link LogLinearMse#stepwise},
 *     threshold {@code pthresh}).</li>
 * <li>Each of \( B \) replicates draws the observed cell counts as one multinomial sample of the
 *     \( n \) observed cases with probabilities \( n_h/n \) ({@code rmultinom(1, nobs, countsobserved)})
 *     and re-runs the stepwise selection on it, giving \( \hat N^*_b \).</li>
 * <li>The acceleration comes from the count-weighted jackknife over observed histories: for each history
 *     \( h \) with \( n_h &gt; 0 \), \( \hat N_{(h)} \) is the stepwise estimate with one case deleted from
 *     \( h \), weighted by \( n_h \) ({@link Jackknife#ofCounts}):
 *     \[ a = \frac{\sum_h n_h d_h^3}{6 (\sum_h n_h d_h^2)^{3/2}}, \quad
 *        d_h = \frac{\sum_g n_g \hat N_{(g)}}{n} - \hat N_{(h)}. \]</li>
 * <li>With \( z_0 = \Phi^{-1}(\#\{\hat N^*_b &lt; \hat N\}/B) \), the BCa limit for tail probability
 *     \( p \) is the type-8 quantile of the replicates at
 *     \( \Phi(z_0 + (z_0 + z_p)/(1 - a(z_0 + z_p))) \) ({@code bcaconfvalues}).</li>
 * </ol>
 *
 * <p>Replicates whose stepwise fit fails (a list without cases, no convergence) are counted and omitted;
 * above 5 % by default the bootstrap stops with an error. Replicate \( b \) uses the generator
 * {@link Bootstrap#generator(long, long) Bootstrap.generator(seed, b)}, so the result is bit-identical
 * for any thread count; it differs from R's, whose replicates come from R's Mersenne-Twister stream, by
 * Monte Carlo error only.
 *
 * <p>References: <ol>
 * <li>Chan, L., Silverman, B.W. and Vincent, K. (2021). Multiple systems estimation for sparse capture
 *     data: inferential challenges when there are nonoverlapping lists. JASA 116, 1297-1306.
 *     <a href="https://doi.org/10.1080/01621459.2019.1708748">doi:10.1080/01621459.2019.1708748</a></li>
 * <li>Efron, B. (1987). Better bootstrap confidence intervals. JASA 82, 171-185.
 *     <a href="https://doi.org/10.1080/01621459.1987.10478410">doi:10.1080/01621459.1987.10478410</a></li>
 * </ol>
 * Matches R SparseMSE 2.0.1 {@code estimatepopulation(zdat, nboot, pthresh, iseed)}: the jackknife and BCa
 * arithmetic exactly, the replicates to Monte Carlo error.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class MseBootstrap {
    /** Default stepwise threshold: 0.02 (SparseMSE's {@code pthresh}). */
    public static final double DEFAULT_PTHRESH = 0.02;

    private static final MseBootstrap DEFAULT = new MseBootstrap(Bootstrap.withDefaults(), DEFAULT_PTHRESH, 0.95);

    private final Bootstrap bootstrap;
    private final double pthresh;
    private final double level;

    private MseBootstrap(Bootstrap bootstrap, double pthresh, double level) {
        this.bootstrap = bootstrap;
        this.pthresh = pthresh;
        this.level = level;
    }

    /**
     * The defaults: 1,000 replicates, seed {@value Bootstrap#DEFAULT_SEED} (the library default), stepwise
     * threshold {@code pthresh = 0.02}, 95 % BCa interval, at most 5 % failed replicates, as many threads
     * as available processors, no progress listener.
     * @return the default instance
     */
    public static MseBootstrap withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the number of bootstrap replicates, {@code >= 1}
     * @return a copy using it
     */
    public MseBootstrap withReplicates(int v) {
        return new MseBootstrap(bootstrap.withReplicates(v), pthresh, level);
    }

    /**
     * @param v the seed
     * @return a copy using it
     */
    public MseBootstrap withSeed(long v) {
        return new MseBootstrap(bootstrap.withSeed(v), pthresh, level);
    }

    /**
     * @param v the number of threads ({@code >= 1}, or 0 for the available processors); never changes the result
     * @return a copy using it
     */
    public MseBootstrap withThreads(int v) {
        return new MseBootstrap(bootstrap.withThreads(v), pthresh, level);
    }

    /**
     * @param v the stepwise p-value threshold in [0, 1]
     * @return a copy using it
     */
    public MseBootstrap withPthresh(double v) {
        if (!(v >= 0 && v <= 1)) {
            throw PrevalenceException.invalidArgument("pthresh", "pthresh must lie in [0, 1], got %s", v);
        }
        return new MseBootstrap(bootstrap, v, level);
    }

    /**
     * @param v the confidence level in (0, 1)
     * @return a copy using it
     */
    public MseBootstrap withConfidenceLevel(double v) {
        return new MseBootstrap(bootstrap, pthresh, Checks.level("level", v));
    }

    /**
     * @param v the largest share of failed replicates accepted, in [0, 1]
     * @return a copy using it
     */
    public MseBootstrap withMaxFailureFraction(double v) {
        return new MseBootstrap(bootstrap.withMaxFailureFraction(v), pthresh, level);
    }

    /**
     * @param v a listener told of each completed bootstrap replicate and jackknife evaluation (total =
     *     replicates + observed histories), or null
     * @return a copy using it
     */
    public MseBootstrap withProgress(ProgressListener v) {
        return new MseBootstrap(bootstrap.withProgress(v), pthresh, level);
    }

    /**
     * Runs the stepwise bootstrap.
     *
     * @param table the list-overlap table
     * @return the estimate, the BCa interval and the replicates
     * @throws PrevalenceException if the stepwise fit fails on the data, a jackknife deletion fails, more
     *     than the allowed share of replicates fail, or the BCa interval is undefined (all replicates on one
     *     side of the estimate)
     */
    public Result estimate(ListOverlapTable table) {
        Objects.requireNonNull(table, "table");
        List<String> names = table.listNames();
        long[] counts = table.countsByMask();
        LogLinearMse stepwise = LogLinearMse.withDefaults().with(ModelSelection.STEPWISE).withPthresh(pthresh)
                .with(MseInterval.NONE).withThreads(1);
        LogLinearMse.Result original = stepwise.stepwise(table);
        Statistic<long[]> statistic = c -> stepwise.stepwiseEstimate(names, c);
        int jackCells = 0;
        for (int m = 1; m < counts.length; m++) {
            if (counts[m] > 0) {
                jackCells++;
            }
        }
        ProgressListener p = bootstrap.getProgress();
        int total = bootstrap.getReplicates() + jackCells;
        Bootstrap b = p == null ? bootstrap : bootstrap.withProgress((d, t) -> p.completed(d, total));
        Bootstrap.Result boot = b.run(Resamplers.multinomial(counts), statistic);
        int offset = bootstrap.getReplicates();
        Jackknife jk = Jackknife.withDefaults().withThreads(bootstrap.getThreads())
                .withProgress(p == null ? null : (d, t) -> p.completed(offset + d, total));
        Jackknife.Result jack = jk.ofCounts(counts, statistic);
        Bootstrap.Result withA = boot.withAcceleration(jack.getAcceleration());
        Interval ci = withA.interval(IntervalType.BCA, level);
        return new Result(original, withA, jack, ci, pthresh);
    }

    /**
     * The stepwise bootstrap's outcome. This class is immutable.
     */
    public static final class Result implements PopulationEstimate {
        private final LogLinearMse.Result original;
        private final Bootstrap.Result bootstrap;
        private final Jackknife.Result jackknife;
        private final Interval interval;
        private final double pthresh;

        Result(LogLinearMse.Result original, Bootstrap.Result bootstrap, Jackknife.Result jackknife, Interval interval,
                double pthresh) {
            this.original = original;
            this.bootstrap = bootstrap;
            this.jackknife = jackknife;
            this.interval = interval;
            this.pthresh = pthresh;
        }

        /** @return the stepwise population estimate on the data (observed cases included) */
        @Override
        public double getEstimate() {
            return bootstrap.getEstimate();
        }

        /** @return {@code "stepwise"}: the selection re-run in every replicate */
        @Override
        public String getMethod() {
            return "stepwise";
        }

        /**
         * @return what is bootstrapped: SparseMSE's stepwise selection (threshold {@code pthresh}) re-run on every
         *     replicate, so the interval accounts for model selection
         */
        public String getSelection() {
            return String.format(Locale.ROOT, "stepwise selection (SparseMSE, pthresh %s) re-run in every replicate",
                    Format.number(pthresh));
        }

        /** @return the list names */
        @Override
        public List<String> getLists() {
            return original.getLists();
        }

        /** @return the bootstrap standard error: the standard deviation of the successful replicates */
        @Override
        public double getStandardError() {
            return bootstrap.getBootstrapStandardError();
        }

        /**
         * @return the BCa adjusted percentiles {alpha1, alpha2} of the limits, as R {@code boot.ci} prints them
         *     ({@link BootstrapIntervals#bcaPercentiles})
         */
        public double[] getBcaPercentiles() {
            return BootstrapIntervals.bcaPercentiles(bootstrap.getBiasCorrection(), bootstrap.getAcceleration(),
                    interval.level());
        }

        /**
         * @return the fit's warnings (degenerate fit, empty overlaps, lists sharing no case), failed replicates
         *     ({@link org.prevalence.core.Warning.Kind#DATA}), and a
         *     {@link org.prevalence.core.Warning.Kind#MONTE_CARLO} warning when a limit is among the 10 most
         *     extreme replicates ({@link BootstrapIntervals#extremeLimitWarning})
         */
        @Override
        public List<org.prevalence.core.Warning> getWarnings() {
            List<org.prevalence.core.Warning> w = new java.util.ArrayList<>();
            org.prevalence.core.Warning mc = BootstrapIntervals.extremeLimitWarning(bootstrap.getSucceeded(),
                    getBcaPercentiles());
            if (mc != null) {
                w.add(mc);
            }
            if (bootstrap.getFailed() > 0) {
                w.add(org.prevalence.core.Warning.of(org.prevalence.core.Warning.Kind.DATA, String.format(Locale.ROOT,
                        "%d of %d replicates could not be fitted and were left out", bootstrap.getFailed(),
                        bootstrap.getRequested())));
            }
            w.addAll(original.getWarnings());
            return List.copyOf(w);
        }

        /** @return the status the warnings give ({@link PopulationChecks#status}) */
        @Override
        public org.prevalence.core.Status getStatus() {
            return PopulationChecks.status(getWarnings());
        }

        /** @return the number of observed cases */
        public long getObserved() {
            return original.getObserved();
        }

        /** @return the stepwise fit on the data */
        public LogLinearMse.Result getFit() {
            return original;
        }

        /** @return the model stepwise selection chose on the data, as a generating class ({@code [12,3,4]}) */
        public String getModelName() {
            return original.getModelName();
        }

        /** @return the BCa interval at the configured level (method {@link org.prevalence.core.IntervalMethod#BCA}) */
        public Interval getConfidenceInterval() {
            return interval;
        }

        /**
         * @param p a tail probability in (0, 1), for example one of SparseMSE's 0.025, 0.05, 0.1, 0.16,
         *     0.84, 0.9, 0.95, 0.975
         * @return the BCa limit ({@code BCaquantiles})
         */
        public double bcaLimit(double p) {
            return bootstrap.bcaLimit(p);
        }

        /** @return the jackknife acceleration {@code ahat} */
        public double getAcceleration() {
            return jackknife.getAcceleration();
        }

        /** @return the bias correction \( z_0 \) */
        public double getBiasCorrection() {
            return bootstrap.getBiasCorrection();
        }

        /** @return the successful replicate estimates, in replicate order (a copy) */
        public double[] getReplicates() {
            return bootstrap.getReplicates();
        }

        /** @return the number of replicates requested */
        public int getRequested() {
            return bootstrap.getRequested();
        }

        /** @return the number of failed (omitted) replicates */
        public int getFailed() {
            return bootstrap.getFailed();
        }

        /** @return the seed */
        public long getSeed() {
            return bootstrap.getSeed();
        }

        /** @return the stepwise threshold used */
        public double getPthresh() {
            return pthresh;
        }

        /** @return the bootstrap (replicates, failures, other interval methods) */
        public Bootstrap.Result getBootstrap() {
            return bootstrap;
        }

        /** @return the jackknife (leave-one-case-out estimates by history, weights) */
        public Jackknife.Result getJackknife() {
            return jackknife;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "MseBootstrap[N=%s, %s; model %s, replicates=%s, failed=%s, seed=%d, "
                            + "acceleration=%s, z0=%s]",
                    Format.number(getEstimate()), interval, getModelName(), Format.count(getRequested()),
                    Format.count(getFailed()), getSeed(), Format.number(getAcceleration()),
                    Format.number(getBiasCorrection()));
        }
    }
}
