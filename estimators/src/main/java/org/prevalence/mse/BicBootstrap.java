package org.prevalence.mse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.bootstrap.BootstrapIntervals;
import org.prevalence.core.bootstrap.IntervalType;
import org.prevalence.core.bootstrap.Jackknife;
import org.prevalence.core.bootstrap.MultiStatistic;
import org.prevalence.core.bootstrap.ProgressListener;
import org.prevalence.core.bootstrap.Resamplers;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * The BIC bootstrap of Silverman, Chan and Vincent (2024): BCa intervals for the population size that
 * account for BIC model selection, re-selecting the model in every bootstrap replicate among the
 * {@code ntop} models with the lowest BIC on the data.
 *
 * <ol>
 * <li>Every hierarchical log-linear model with interactions up to the maximum order is fitted to the
 *     data and ranked by \( \mathrm{BIC} = p \log n - 2\hat\ell \) ({@link LogLinearMse#rankModels});
 *     models whose MLE does not exist, that are not identifiable or do not converge are left out. The
 *     point estimate \( \hat N \) is that of the best model.</li>
 * <li>Each of \( B \) replicates draws the observed cells as one multinomial sample of the \( n \)
 *     cases, fits the first {@code ntop} models of the ranking (those failing the existence check on
 *     the replicate are skipped), and for every \( k = 1, \dots, \) {@code ntop} records the estimate of
 *     the model with the lowest replicate BIC among the first \( k \) (earlier models win ties). A
 *     replicate where none of the first \( k \) models can be fitted fails for that \( k \).</li>
 * <li>The acceleration for each \( k \) comes from the count-weighted jackknife over observed histories
 *     (one case deleted from history \( h \), weight \( n_h \)), with the same re-selection; BCa limits
 *     as {@link MseBootstrap} ({@link IntervalType#BCA}).</li>
 * </ol>
 * The nested intervals show how the interval widens as more models are allowed; the interval reported
 * as {@link Result#getConfidenceInterval()} is the one for {@code ntop} itself.
 *
 * <p>Replicate \( b \) uses {@link Bootstrap#generator(long, long) Bootstrap.generator(seed, b)}; results
 * are bit-identical for any thread count. The existence/identifiability check depends only on the model
 * and on which cells are zero (Fienberg and Rinaldo 2012), so its outcome is cached by (model, zero
 * pattern) across replicates.
 *
 * <p>References: <ol>
 * <li>Silverman, B.W., Chan, L. and Vincent, K. (2024). Bootstrapping multiple systems estimates to
 *     account for model selection. Statistics and Computing 34, 44.
 *     <a href="https://doi.org/10.1007/s11222-023-10346-9">doi:10.1007/s11222-023-10346-9</a></li>
 * <li>Fienberg, S.E. and Rinaldo, A. (2012). Maximum likelihood estimation in log-linear models.
 *     Ann. Statist. 40, 996-1023. <a href="https://doi.org/10.1214/12-AOS986">doi:10.1214/12-AOS986</a></li>
 * </ol>
 * Matches R MultipleSystemsEstimation 1.2.0 {@code estimate_population_bic(zdat, nboot, iseed,
 * ntopmodels)} (and {@code vary_ntop_bca}): the ranking, re-selection, jackknife and BCa arithmetic; the
 * replicates to Monte Carlo error.
 *
 * <p><b>Length.</b> About 390 lines are the estimator and its {@code Scorer} (the cumulative BIC
 * selection evaluated on every resample); the rest is the nested immutable {@link Result}, which keeps
 * the nested intervals of every ntop. The resampling, jackknife and BCa arithmetic live in
 * {@code org.prevalence.core.bootstrap}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class BicBootstrap {
    private static final BicBootstrap DEFAULT = new BicBootstrap(Bootstrap.withDefaults(), 0, 0, 0.95);

    private final Bootstrap bootstrap;
    private final int ntop;
    private final int maxOrder;
    private final double level;

    private BicBootstrap(Bootstrap bootstrap, int ntop, int maxOrder, double level) {
        this.bootstrap = bootstrap;
        this.ntop = ntop;
        this.maxOrder = maxOrder;
        this.level = level;
    }

    /**
     * The defaults: 1,000 replicates, seed {@value Bootstrap#DEFAULT_SEED} (the library default),
     * {@code ntop} by list count ({@link #defaultNtop}: all models for 2-3 lists, 20 for 4, 100 for 5-6), maximum
     * interaction order by list count ({@link HierarchicalModels#defaultMaxOrder}: 1, 2, 3, 3, 2 for 2, 3,
     * 4, 5, 6 lists), 95 % BCa interval, at most 5 % failed replicates for the reported {@code ntop}, as
     * many threads as available processors, no progress listener.
     * @return the default instance
     */
    public static BicBootstrap withDefaults() {
        return DEFAULT;
    }

    /**
     * MultipleSystemsEstimation's default {@code ntopmodels}.
     * @param k the number of lists
     * @return {@link Integer#MAX_VALUE} (all models) for 2-3 lists, 20 for 4, 100 for 5 or more
     */
    public static int defaultNtop(int k) {
        return k <= 3 ? Integer.MAX_VALUE : k == 4 ? 20 : 100;
    }

    /**
     * @param v the number of replicates, {@code >= 1}
     * @return a copy using it
     */
    public BicBootstrap withReplicates(int v) {
        return new BicBootstrap(bootstrap.withReplicates(v), ntop, maxOrder, level);
    }

    /**
     * @param v the seed
     * @return a copy using it
     */
    public BicBootstrap withSeed(long v) {
        return new BicBootstrap(bootstrap.withSeed(v), ntop, maxOrder, level);
    }

    /**
     * @param v the number of threads ({@code >= 1}, or 0 for the available processors); never changes the result
     * @return a copy using it
     */
    public BicBootstrap withThreads(int v) {
        return new BicBootstrap(bootstrap.withThreads(v), ntop, maxOrder, level);
    }

    /**
     * @param v the number of top-BIC models among which each replicate re-selects, {@code >= 1}
     *     ({@link Integer#MAX_VALUE} for all), or 0 for {@link #defaultNtop}
     * @return a copy using it
     */
    public BicBootstrap withNtop(int v) {
        return new BicBootstrap(bootstrap, Checks.atLeast("ntop", v, 0), maxOrder, level);
    }

    /**
     * @param v the largest interaction order of the candidate models (1 to K-1), or 0 for the default
     * @return a copy using it
     */
    public BicBootstrap withMaxOrder(int v) {
        return new BicBootstrap(bootstrap, ntop, Checks.atLeast("maxOrder", v, 0), level);
    }

    /**
     * @param v the confidence level in (0, 1)
     * @return a copy using it
     */
    public BicBootstrap withConfidenceLevel(double v) {
        return new BicBootstrap(bootstrap, ntop, maxOrder, Checks.level("level", v));
    }

    /**
     * @param v the largest share of failed replicates accepted for an interval, in [0, 1]
     * @return a copy using it
     */
    public BicBootstrap withMaxFailureFraction(double v) {
        return new BicBootstrap(bootstrap.withMaxFailureFraction(v), ntop, maxOrder, level);
    }

    /**
     * @param v a listener told of each completed replicate and jackknife evaluation (total = replicates +
     *     observed histories), or null
     * @return a copy using it
     */
    public BicBootstrap withProgress(ProgressListener v) {
        return new BicBootstrap(bootstrap.withProgress(v), ntop, maxOrder, level);
    }

    /**
     * Runs the BIC bootstrap.
     *
     * @param table the list-overlap table (2 to 6 lists)
     * @return the estimate, the nested BCa intervals and the replicates
     * @throws PrevalenceException if the table has more than 6 lists, a list is empty, no model can be
     *     fitted, a jackknife deletion fails, more than the allowed share of replicates fail for
     *     {@code ntop}, or the BCa interval for {@code ntop} is undefined
     */
    public Result estimate(ListOverlapTable table) {
        Objects.requireNonNull(table, "table");
        int k = table.listCount();
        checkLists(k);
        int order = maxOrder == 0 ? HierarchicalModels.defaultMaxOrder(k) : maxOrder;
        return estimate(table, LogLinearMse.withDefaults().with(ModelSelection.BIC).withMaxOrder(order)
                .withThreads(bootstrap.getThreads()).rankModels(table));
    }

    /**
     * Runs the BIC bootstrap from a ranking already computed, for example by the caller that reported the
     * point estimate: {@code LogLinearMse.withDefaults().with(ModelSelection.BIC).withMaxOrder(order)
     * .rankModels(table)} with the order of this instance (see {@link #withMaxOrder}).
     *
     * @param table the list-overlap table the ranking was computed on
     * @param ranked the models fitted to {@code table}, by increasing BIC
     * @return as {@link #estimate(ListOverlapTable)}
     * @throws PrevalenceException as {@link #estimate(ListOverlapTable)}, or if a model is for another
     *     number of lists
     */
    public Result estimate(ListOverlapTable table, List<ModelScore> ranked) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(ranked, "ranked");
        int k = table.listCount();
        checkLists(k);
        int order = maxOrder == 0 ? HierarchicalModels.defaultMaxOrder(k) : maxOrder;
        checkRanking(ranked, k, order);
        int want = ntop == 0 ? defaultNtop(k) : ntop;
        int used = Math.min(want, ranked.size());
        List<ModelScore> top = ranked.subList(0, used);
        long[] counts = table.countsByMask();
        MultiStatistic<long[]> statistic = new Scorer(table.listNames(), top)::cumulative;
        Replicates reps = replicates(counts, used, statistic);
        List<Bootstrap.Result> withA = new ArrayList<>(used);
        List<Interval> intervals = new ArrayList<>(used);
        for (int i = 0; i < used; i++) {
            Bootstrap.Result r = reps.boots().get(i);
            Jackknife.Result jk = reps.jacks().get(i);
            if (jk != null) {
                r = r.withAcceleration(jk.getAcceleration());
            }
            withA.add(r);
            intervals.add(nestedInterval(r, jk, used, i == used - 1));
        }
        return new Result(ranked.get(0), ranked.size(), top, withA, intervals, level, order, table.listNames(),
                table.observedTotal());
    }

    /** The ranking must be for k lists and not empty. */
    private static void checkRanking(List<ModelScore> ranked, int k, int order) {
        for (ModelScore m : ranked) {
            if (m.getModel().listCount() != k) {
                throw PrevalenceException.invalidArgument("ranked", "Model %s is for %d lists, the table has %d",
                        m.getModel().generatingClass(), m.getModel().listCount(), k);
            }
        }
        if (ranked.isEmpty()) {
            throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, "model", String.format(Locale.ROOT,
                    "No hierarchical model up to order %d passes the existence and identifiability checks", order),
                    new PrevalenceException.Remedy("merge lists or use MseBootstrap (stepwise)",
                            "merge lists or use --select stepwise"));
        }
    }

    /** The bootstrap replicates and jackknife deletions of the nested statistics, one result per ntop. */
    private record Replicates(List<Bootstrap.Result> boots, List<Jackknife.Result> jacks) {
    }

    /**
     * Runs the bootstrap (failures kept, judged per ntop afterwards) and the jackknife for the BCa
     * accelerations, with one progress count over both.
     */
    private Replicates replicates(long[] counts, int used, MultiStatistic<long[]> statistic) {
        int jackCells = 0;
        for (int m = 1; m < counts.length; m++) {
            if (counts[m] > 0) {
                jackCells++;
            }
        }
        ProgressListener p = bootstrap.getProgress();
        int total = bootstrap.getReplicates() + jackCells;
        int offset = bootstrap.getReplicates();
        Bootstrap b = bootstrap.withMaxFailureFraction(1.0)
                .withProgress(p == null ? null : (d, t) -> p.completed(d, total));
        List<Bootstrap.Result> boots = b.runMany(Resamplers.multinomial(counts), used, statistic);
        List<Jackknife.Result> jacks = Jackknife.withDefaults().withThreads(bootstrap.getThreads())
                .withProgress(p == null ? null : (d, t) -> p.completed(offset + d, total))
                .ofCountsMany(counts, used, statistic);
        return new Replicates(boots, jacks);
    }

    /**
     * The BCa interval of one ntop, or null where it is undefined (too many failed replicates, no
     * jackknife acceleration, or a refused interval); for the last (the requested) ntop these throw.
     */
    private Interval nestedInterval(Bootstrap.Result r, Jackknife.Result jk, int used, boolean last) {
        double threshold = bootstrap.getMaxFailureFraction();
        if (r.getFailed() > threshold * r.getRequested()) {
            if (last) {
                throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, "replicates",
                        String.format(Locale.ROOT, "%d of %d bootstrap replicates have no model among the top %d "
                                + "that can be fitted (%s %%, more than the %s %% allowed)", r.getFailed(),
                                r.getRequested(), used, Format.percent((double) r.getFailed() / r.getRequested()),
                                Format.percent(threshold)),
                        new PrevalenceException.Remedy("raise withNtop or withMaxFailureFraction", "raise --ntop"));
            }
            return null;
        }
        if (jk == null) {
            if (last) {
                throw PrevalenceException.notEstimable("jackknife",
                        "The jackknife acceleration for ntop = %d is undefined: deleting one case from some "
                                + "history leaves no model among the top %d that can be fitted", used, used);
            }
            return null;
        }
        try {
            return r.interval(IntervalType.BCA, level);
        } catch (PrevalenceException e) {
            if (last) {
                throw e;
            }
            return null;
        }
    }

    private static void checkLists(int k) {
        if (k > 6) {
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_ARGUMENT, "lists", String.format(Locale.ROOT,
                    "The BIC bootstrap enumerates hierarchical models and supports 2 to 6 lists (as "
                            + "MultipleSystemsEstimation), the table has %d", k),
                    new PrevalenceException.Remedy("use MseBootstrap (stepwise) or merge lists",
                            "use --select stepwise or merge lists"));
        }
    }

    /**
     * Fits the top models to (resampled) counts and applies the cumulative BIC selection. The existence
     * and identifiability check is a function of the model and the zero pattern of the cells; its code is
     * cached by zero pattern (K &le; 6, so a pattern fits in a {@code long}). Fits use
     * the fast IRLS of model searches ({@link LogLinearIrls}, {@code glm.fit}'s rules) and fall back to
     * {@link MseEngine#fit} (the QR path) if it fails.
     */
    static final class Scorer {
        private final List<String> names;
        private final LogLinearModel[] models;
        private final PoissonRegression glm = PoissonRegression.withDefaults();
        private final ConcurrentHashMap<Long, byte[]> checks = new ConcurrentHashMap<>();

        Scorer(List<String> names, List<ModelScore> top) {
            this.names = names;
            this.models = new LogLinearModel[top.size()];
            for (int i = 0; i < models.length; i++) {
                models[i] = top.get(i).getModel();
            }
        }

        /** out[k] = estimate of the lowest-BIC model among the first k + 1 that can be fitted, else NaN. */
        void cumulative(long[] counts, double[] out) {
            MseEngine e = new MseEngine(names, counts, glm);
            e.checkLists();
            long support = 0;
            for (int m = 1; m < counts.length; m++) {
                if (counts[m] > 0) {
                    support |= 1L << m;
                }
            }
            byte[] codes = checks.computeIfAbsent(support, s -> {
                byte[] c = new byte[models.length];
                Arrays.fill(c, (byte) -1);
                return c;
            });
            double logN = Math.log(e.observed);
            double best = Double.POSITIVE_INFINITY;
            double bestEstimate = Double.NaN;
            for (int i = 0; i < models.length; i++) {
                int code = codes[i];
                if (code < 0) {
                    // benign race: every thread computes the same value
                    code = e.checkCode(models[i]);
                    codes[i] = (byte) code;
                }
                if (code == 0) {
                    LogLinearModel m = models[i];
                    double est;
                    double bic;
                    LogLinearIrls fit = e.fastFit(m, false);
                    if (fit != null) {
                        est = e.observed + Math.exp(fit.b0);
                        bic = m.parameterCount() * logN - 2 * fit.loglik;
                    } else {
                        try {
                            MseEngine.ModelFit f = e.fit(m);
                            est = f.fullRank() ? f.estimate() : Double.NaN;
                            bic = f.bic();
                        } catch (PrevalenceException ex) {
                            est = Double.NaN; // does not converge: skipped, as R's NA BIC
                            bic = Double.NaN;
                        }
                    }
                    if (Double.isFinite(est) && Double.isFinite(bic) && bic < best) {
                        best = bic;
                        bestEstimate = est;
                    }
                }
                out[i] = bestEstimate;
            }
        }
    }

    /**
     * The BIC bootstrap's outcome: the best model, and for every {@code k = 1..ntop} the replicates and BCa
     * interval with re-selection among the top {@code k} models. This class is immutable.
     */
    public static final class Result implements PopulationEstimate {
        private final ModelScore best;
        private final List<String> lists;
        private final long observed;
        private final int modelsCompared;
        private final List<ModelScore> top;
        private final List<Bootstrap.Result> boots;
        private final List<Interval> intervals;
        private final double level;
        private final int maxOrder;

        Result(ModelScore best, int modelsCompared, List<ModelScore> top, List<Bootstrap.Result> boots,
                List<Interval> intervals, double level, int maxOrder, List<String> lists, long observed) {
            this.lists = List.copyOf(lists);
            this.observed = observed;
            this.best = best;
            this.modelsCompared = modelsCompared;
            this.top = List.copyOf(top);
            this.boots = List.copyOf(boots);
            this.intervals = Collections.unmodifiableList(new ArrayList<>(intervals));
            this.level = level;
            this.maxOrder = maxOrder;
        }

        /** @return {@code "bic"}: the selection re-run in every replicate */
        @Override
        public String getMethod() {
            return "bic";
        }

        /**
         * @return what is bootstrapped: in every replicate, the lowest-BIC model among the top {@code ntop} models by
         *     BIC on the data (Silverman, Chan and Vincent 2024)
         */
        public String getSelection() {
            return String.format(Locale.ROOT, "BIC selection among the top %d of %s models by BIC on the data "
                    + "(order up to %d), re-run in every replicate (Silverman, Chan and Vincent 2024)", getNtop(),
                    Format.count(modelsCompared), maxOrder);
        }

        /** @return the list names */
        @Override
        public List<String> getLists() {
            return lists;
        }

        /** @return the observed cases */
        @Override
        public long getObserved() {
            return observed;
        }

        /** @return the bootstrap standard error: the standard deviation of the successful replicates */
        @Override
        public double getStandardError() {
            return boots.get(boots.size() - 1).getBootstrapStandardError();
        }

        /**
         * @return the BCa adjusted percentiles {alpha1, alpha2} of the limits, as R {@code boot.ci} prints them
         *     ({@link BootstrapIntervals#bcaPercentiles})
         */
        public double[] getBcaPercentiles() {
            return BootstrapIntervals.bcaPercentiles(boots.get(boots.size() - 1).getBiasCorrection(), boots.get(boots.size() - 1).getAcceleration(),
                    level);
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
            org.prevalence.core.Warning mc = BootstrapIntervals.extremeLimitWarning(boots.get(boots.size() - 1).getSucceeded(),
                    getBcaPercentiles());
            if (mc != null) {
                w.add(mc);
            }
            if (boots.get(boots.size() - 1).getFailed() > 0) {
                w.add(org.prevalence.core.Warning.of(org.prevalence.core.Warning.Kind.DATA, String.format(Locale.ROOT,
                        "%d of %d replicates could not be fitted and were left out", boots.get(boots.size() - 1).getFailed(),
                        boots.get(boots.size() - 1).getRequested())));
            }
            w.addAll(fitWarnings());
            return List.copyOf(w);
        }

        /** @return the status the warnings give ({@link PopulationChecks#status}) */
        @Override
        public org.prevalence.core.Status getStatus() {
            return PopulationChecks.status(getWarnings());
        }

        private List<org.prevalence.core.Warning> fitWarnings() {
            List<org.prevalence.core.Warning> w = new java.util.ArrayList<>();
            org.prevalence.core.Warning d = PopulationChecks.degeneracy(getEstimate(), observed, Double.NaN,
                    getConfidenceInterval());
            if (d != null) {
                w.add(d);
            }
            return w;
        }

        /** @return the estimate of the lowest-BIC model on the data */
        @Override
        public double getEstimate() {
            return best.getEstimate();
        }

        /** @return the lowest-BIC model as a generating class ({@code [123,25,34]}) */
        public String getModelName() {
            return best.getModel().generatingClass();
        }

        /** @return the best model's BIC */
        public double getBic() {
            return best.getBic();
        }

        /** @return the number of models that could be fitted and were ranked */
        public int getModelsCompared() {
            return modelsCompared;
        }

        /** @return the largest interaction order of the candidate models */
        public int getMaxOrder() {
            return maxOrder;
        }

        /** @return the number of top models used ({@code ntop}, at most the models compared) */
        public int getNtop() {
            return top.size();
        }

        /** @return the top {@code ntop} models by BIC on the data, best first */
        public List<ModelScore> getTopModels() {
            return top;
        }

        /** @return the BCa interval for {@code ntop} (method {@link org.prevalence.core.IntervalMethod#BCA}) */
        public Interval getConfidenceInterval() {
            return intervals.get(intervals.size() - 1);
        }

        /**
         * @param k the number of top models re-selected among, 1 to {@link #getNtop()}
         * @return the BCa interval with re-selection among the top {@code k}, or null if it is not
         *     available (too many failed replicates, undefined jackknife or bias correction)
         */
        public Interval getInterval(int k) {
            return intervals.get(index(k));
        }

        /**
         * @param k the number of top models, 1 to {@link #getNtop()}
         * @return the bootstrap for that {@code k} (replicates, failures; acceleration if defined)
         */
        public Bootstrap.Result getBootstrap(int k) {
            return boots.get(index(k));
        }

        /**
         * @param k the number of top models
         * @param p a tail probability in (0, 1)
         * @return the BCa limit for {@code k} (R's {@code BCaquantiles[k, p]})
         */
        public double bcaLimit(int k, double p) {
            return boots.get(index(k)).bcaLimit(p);
        }

        /** @return the successful replicate estimates for {@code ntop}, in replicate order (a copy) */
        public double[] getReplicates() {
            return boots.get(boots.size() - 1).getReplicates();
        }

        /** @return the number of replicates requested */
        public int getRequested() {
            return boots.get(0).getRequested();
        }

        /** @return the number of failed replicates for {@code ntop} */
        public int getFailed() {
            return boots.get(boots.size() - 1).getFailed();
        }

        /** @return the seed */
        public long getSeed() {
            return boots.get(0).getSeed();
        }

        /** @return the confidence level */
        public double getLevel() {
            return level;
        }

        private int index(int k) {
            if (k < 1 || k > top.size()) {
                throw PrevalenceException.invalidArgument("ntop", "k must be 1 to %d, got %d", top.size(), k);
            }
            return k - 1;
        }

        @Override
        public String toString() {
            Interval one = intervals.get(0);
            return String.format(Locale.ROOT, "BicBootstrap[N=%s, %s with ntop=%d; best model %s (BIC %s) of %s; "
                            + "best model only: %s; replicates=%s, failed=%s, seed=%d]",
                    Format.number(getEstimate()), getConfidenceInterval(), getNtop(), getModelName(),
                    Format.number(getBic()), Format.count(modelsCompared), one == null ? "n/a" : one,
                    Format.count(getRequested()), Format.count(getFailed()), getSeed());
        }
    }
}
