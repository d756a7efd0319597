package org.prevalence.mse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.core.bootstrap.ParallelLoop;
import org.prevalence.core.lists.StratifiedListTable;

/**
 * Multiple systems estimation with Poisson log-linear models on a list-overlap table, as the R
 * packages SparseMSE ({@code estimatepopulation.0}, {@code stepwisefit}, {@code modelfit},
 * {@code checkident}) and MultipleSystemsEstimation ({@code estimate_population}, BIC over
 * hierarchical models).
 *
 * <p>The \( 2^K - 1 \) observed cells \( y_h \) (history h, a non-empty set of lists) are modelled as
 * \[ \log E(y_h) = \beta_0 + \sum_{t \in M,\, t \subseteq h} \beta_t \]
 * for a hierarchical set M of terms (all main effects plus interactions). The unobserved count
 * (the dark figure) is \( e^{\hat\beta_0} \), and the population estimate is
 * \( \hat N = n + e^{\hat\beta_0} \) with n the observed cases. A term with no case in its overlap
 * follows {@link EmptyOverlaps}. Before a fit the model is checked for the existence of the MLE (the
 * Fienberg-Rinaldo linear program) and identifiability (rank), with SparseMSE's codes 0-3.
 *
 * <p><b>Length.</b> About 500 lines are the estimator (configuration, selection, fits, the result
 * assembly); the rest are its two nested immutable results, {@link Result} and {@link StratifiedResult}.
 * Stepwise selection lives in {@code StepwiseSelection}, the interval methods in
 * {@code PopulationIntervals}, the fits in {@code MseEngine}, {@code LogLinearIrls} and
 * {@code PoissonRegression}, the existence checks in {@code Existence} and {@code FastLp}.
 *
 * <p>References: <ol>
 * <li>Chan, L., Silverman, B.W. and Vincent, K. (2021). Multiple systems estimation for sparse capture
 * data: inferential challenges when there are nonoverlapping lists. JASA 116, 1297-1306.
 * doi:10.1080/01621459.2019.1708748</li>
 * <li>Silverman, B.W., Chan, L. and Vincent, K. (2024). Bootstrapping multiple systems estimates to
 * account for model selection. Statistics and Computing 34, 44. doi:10.1007/s11222-023-10346-9</li>
 * <li>Cormack, R.M. (1992). Interval estimation for mark-recapture studies of closed populations.
 * Biometrics 48, 567-576. doi:10.2307/2532310</li>
 * <li>Fienberg, S.E. and Rinaldo, A. (2012). Maximum likelihood estimation in log-linear models.
 * Ann. Statist. 40, 996-1023. doi:10.1214/12-AOS986</li></ol>
 */
public final class LogLinearMse {
    private static final LogLinearMse DEFAULT = new LogLinearMse(ModelSelection.AUTO, null, 0.02, 0,
            MseInterval.LOG_NORMAL, 0.95, EmptyOverlaps.EXTENDED_MLE, PoissonRegression.withDefaults(), 0,
            Double.POSITIVE_INFINITY);

    private final ModelSelection selection;
    private final String modelSpec;
    private final double pthresh;
    private final int maxOrder;
    private final MseInterval interval;
    private final double level;
    private final EmptyOverlaps emptyOverlaps;
    private final PoissonRegression glm;
    private final int threads;
    private final double maxEstimate;

    private LogLinearMse(ModelSelection selection, String modelSpec, double pthresh, int maxOrder,
            MseInterval interval, double level, EmptyOverlaps emptyOverlaps, PoissonRegression glm, int threads,
            double maxEstimate) {
        this.maxEstimate = maxEstimate;
        this.selection = selection;
        this.modelSpec = modelSpec;
        this.pthresh = pthresh;
        this.maxOrder = maxOrder;
        this.interval = interval;
        this.level = level;
        this.emptyOverlaps = emptyOverlaps;
        this.glm = glm;
        this.threads = threads;
    }

    /**
     * Defaults: {@link ModelSelection#AUTO} (BIC over hierarchical models for 2-5 lists, stepwise for 6 or
     * more), stepwise threshold {@code pthresh = 0.02}, maximum order for BIC/AIC by list count
     * ({@link HierarchicalModels#defaultMaxOrder}: 1/2/3/3 for 2/3/4/5 lists, 2 beyond),
     * {@link MseInterval#LOG_NORMAL} interval at level 0.95, {@link EmptyOverlaps#EXTENDED_MLE},
     * IRLS as R's {@code glm} (epsilon 1e-8, 25 iterations), exhaustive searches on all available processors.
     * @return the default estimator
     */
    public static LogLinearMse withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v how to choose the model
     * @return a copy using it
     */
    public LogLinearMse with(ModelSelection v) {
        return new LogLinearMse(Objects.requireNonNull(v), modelSpec, pthresh, maxOrder, interval, level,
                emptyOverlaps, glm, threads, maxEstimate);
    }

    /**
     * @param v the interval method
     * @return a copy using it
     */
    public LogLinearMse with(MseInterval v) {
        return new LogLinearMse(selection, modelSpec, pthresh, maxOrder, Objects.requireNonNull(v), level,
                emptyOverlaps, glm, threads, maxEstimate);
    }

    /**
     * @param v the treatment of empty overlaps
     * @return a copy using it
     */
    public LogLinearMse with(EmptyOverlaps v) {
        return new LogLinearMse(selection, modelSpec, pthresh, maxOrder, interval, level,
                Objects.requireNonNull(v), glm, threads, maxEstimate);
    }

    /**
     * A fixed model; sets the selection to {@link ModelSelection#FIXED}.
     * @param spec {@code "main"}, {@code "all-pairs"}, {@code "[12,23,4]"} or {@code "LA:NG,NG:GP"}
     *     (see {@link LogLinearModel#parse}); checked against the table's lists when estimating
     * @return a copy using it
     */
    public LogLinearMse withModel(String spec) {
        return new LogLinearMse(ModelSelection.FIXED, Objects.requireNonNull(spec, "model"), pthresh, maxOrder,
                interval, level, emptyOverlaps, glm, threads, maxEstimate);
    }

    /**
     * @param v the stepwise p-value threshold in [0, 1]
     * @return a copy using it
     */
    public LogLinearMse withPthresh(double v) {
        if (!(v >= 0 && v <= 1)) {
            throw PrevalenceException.invalidArgument("pthresh", "pthresh must lie in [0, 1], got %s", v);
        }
        return new LogLinearMse(selection, modelSpec, v, maxOrder, interval, level, emptyOverlaps, glm, threads,
                maxEstimate);
    }

    /**
     * @param v the maximum order of terms for AIC/BIC selection ({@code 0} = the default for the list count)
     * @return a copy using it
     */
    public LogLinearMse withMaxOrder(int v) {
        return new LogLinearMse(selection, modelSpec, pthresh, Checks.atLeast("maxOrder", v, 0), interval, level,
                emptyOverlaps, glm, threads, maxEstimate);
    }

    /**
     * @param v the confidence level in (0, 1)
     * @return a copy using it
     */
    public LogLinearMse withConfidenceLevel(double v) {
        return new LogLinearMse(selection, modelSpec, pthresh, maxOrder, interval, Checks.level("level", v),
                emptyOverlaps, glm, threads, maxEstimate);
    }

    /**
     * @param v the Poisson regression settings (convergence tolerance, iterations)
     * @return a copy using it
     */
    public LogLinearMse with(PoissonRegression v) {
        return new LogLinearMse(selection, modelSpec, pthresh, maxOrder, interval, level, emptyOverlaps,
                Objects.requireNonNull(v), threads, maxEstimate);
    }

    /**
     * @param v the number of threads on which exhaustive AIC/BIC searches fit their models, {@code >= 1},
     *     or 0 for all available processors (the default); results do not depend on it
     * @return a copy using it
     * @throws PrevalenceException if {@code v < 0}
     */
    public LogLinearMse withThreads(int v) {
        return new LogLinearMse(selection, modelSpec, pthresh, maxOrder, interval, level, emptyOverlaps, glm,
                Checks.atLeast("threads", v, 0), maxEstimate);
    }

    /**
     * A plausibility bound: a result whose estimate is above it gets status
     * {@link org.prevalence.core.Status#WARNING} with a leading
     * {@link org.prevalence.core.Warning.Kind#IMPLAUSIBLE} warning (the figure is kept, so the reader sees how
     * far above the bound it is). See {@link PopulationChecks}.
     * @param v the largest plausible population, {@code > 0} (infinity: no bound, the default)
     * @return a copy using it
     */
    public LogLinearMse withMaxEstimate(double v) {
        return new LogLinearMse(selection, modelSpec, pthresh, maxOrder, interval, level, emptyOverlaps, glm, threads,
                Checks.positive("maxEstimate", v));
    }

    // ------------------------------------------------------------------ entry points

    /**
     * Estimates the population with the configured model selection.
     * @param table the list-overlap table
     * @return the fitted model's result
     * @throws PrevalenceException if a list is empty, the model is not estimable, or IRLS fails
     */
    public Result estimate(ListOverlapTable table) {
        ModelSelection s = resolve(table.listCount());
        MseEngine e = engine(table);
        requireOverlap(e);
        switch (s) {
            case FIXED:
                return fit(e, LogLinearModel.parse(modelSpec, table.listNames()), "fixed");
            case STEPWISE:
                return result(e, stepwiseFit(e), "stepwise", 0);
            default:
                List<ModelScore> ranked = rank(e, s);
                if (ranked.isEmpty()) {
                    throw noModelPasses(e);
                }
                return result(e, e.fit(ranked.get(0).getModel()), s.name().toLowerCase(Locale.ROOT), ranked.size());
        }
    }

    /**
     * Fits one model (checked first).
     * @param table the table
     * @param model the model
     * @return the result
     * @throws PrevalenceException NOT_ESTIMABLE naming the terms if the MLE does not exist or the model
     *     is not identifiable; INVALID_DATA if a list has no cases
     */
    public Result fit(ListOverlapTable table, LogLinearModel model) {
        MseEngine e = engine(table);
        requireOverlap(e);
        if (model.listCount() != table.listCount()) {
            throw PrevalenceException.invalidArgument("model", "Model %s is for %d lists, the table has %d",
                    model.generatingClass(), model.listCount(), table.listCount());
        }
        return fit(e, model, "fixed");
    }

    /**
     * SparseMSE's stepwise selection ({@code stepwisefit}) with this estimator's {@code pthresh}.
     * @param table the table
     * @return the result of the selected model
     */
    public Result stepwise(ListOverlapTable table) {
        MseEngine e = engine(table);
        requireOverlap(e);
        return result(e, stepwiseFit(e), "stepwise", 0);
    }

    /**
     * The stepwise estimate alone, for resampled tables (the bootstrap): no table object, no interval.
     * @param listNames the list names (K of them)
     * @param countsByMask counts indexed by history mask, length {@code 2^K}, element 0 ignored
     * @return the population estimate of the selected model
     */
    public double stepwiseEstimate(List<String> listNames, long[] countsByMask) {
        MseEngine e = new MseEngine(listNames, countsOf(listNames, countsByMask), glm);
        e.checkLists();
        stepwiseSelect(e);
        return e.observed + Math.exp(e.fast().b0);
    }

    /**
     * The model stepwise selection chooses.
     * @param listNames the list names
     * @param countsByMask counts by mask
     * @return the model
     */
    public LogLinearModel stepwiseModel(List<String> listNames, long[] countsByMask) {
        MseEngine e = new MseEngine(listNames, countsOf(listNames, countsByMask), glm);
        e.checkLists();
        return stepwiseSelect(e);
    }

    /**
     * Scores one model on (resampled) counts, for the BIC bootstrap: check, fit, AIC and BIC.
     * @param model the model
     * @param listNames the list names
     * @param countsByMask counts by mask
     * @return the score, or {@code null} if the model fails the existence/identifiability check or does not fit
     */
    public ModelScore score(LogLinearModel model, List<String> listNames, long[] countsByMask) {
        MseEngine e = new MseEngine(listNames, countsOf(listNames, countsByMask), glm);
        e.checkLists();
        return scoreOne(e, model, 0);
    }

    /**
     * Ranks all hierarchical models up to the maximum order by BIC (or AIC if the selection is
     * {@link ModelSelection#AIC}), best first; models failing the existence/identifiability check,
     * rank-deficient or not converging are left out, as MultipleSystemsEstimation's
     * {@code assemble_bic}. Ties keep the enumeration order. Fitted on {@link #withThreads threads}
     * threads; the result does not depend on the thread count.
     * @param table the table
     * @return the ranked models
     */
    public List<ModelScore> rankModels(ListOverlapTable table) {
        MseEngine e = engine(table);
        requireOverlap(e);
        return rank(e, selection == ModelSelection.AIC ? ModelSelection.AIC : ModelSelection.BIC);
    }

    /**
     * The existence/identifiability code of a model on a table, as SparseMSE's {@code checkident}:
     * 0 fine, 1 the MLE does not exist, 2 not identifiable, 3 both.
     * @param table the table
     * @param model the model
     * @return the code
     */
    public static int checkCode(ListOverlapTable table, LogLinearModel model) {
        return MseEngine.of(table, PoissonRegression.withDefaults()).checkCode(model);
    }

    /**
     * The existence/identifiability check with a message naming the terms (SimplexSolver for the linear program).
     * @param table the table
     * @param model the model
     * @return the check
     */
    public static ModelCheck check(ListOverlapTable table, LogLinearModel model) {
        MseEngine e = MseEngine.of(table, PoissonRegression.withDefaults());
        MseEngine.Check c = e.check(model);
        List<String> empty = new ArrayList<>();
        for (int t : e.emptyTerms(model)) {
            empty.add(LogLinearModel.maskName(t, table.listNames()));
        }
        return new ModelCheck(c.code, c.code == 0 ? "ok" : c.message(), c.aliased, c.zeroCells, empty);
    }

    /**
     * Estimates every stratum with this estimator and adds the point estimates; strata that cannot be
     * estimated are reported with the reason instead of failing the whole run.
     * @param table the stratified table
     * @return the per-stratum results and the total
     */
    public StratifiedResult estimate(StratifiedListTable table) {
        Map<String, Result> ok = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (Map.Entry<String, ListOverlapTable> en : table.strata().entrySet()) {
            try {
                ok.put(en.getKey(), estimate(en.getValue()));
            } catch (PrevalenceException ex) {
                failed.put(en.getKey(), ex.getMessage());
            }
        }
        return new StratifiedResult(ok, failed);
    }

    // ------------------------------------------------------------------ internals

    /** @return the configured selection (FIXED after {@link #withModel}) */
    ModelSelection selection() {
        return selection;
    }

    private ModelSelection resolve(int k) {
        if (selection == ModelSelection.FIXED && modelSpec == null) {
            throw PrevalenceException.invalidArgument("model", "FIXED selection needs a model: call withModel(...)");
        }
        return selection.resolve(k);
    }

    /** Lists that never overlap carry no information on N (Chan, Silverman and Vincent 2021, section 2). */
    private static void requireOverlap(MseEngine e) {
        if (!PopulationChecks.anyOverlap(e.counts)) {
            throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, "lists " + e.names,
                    PopulationChecks.noOverlapMessage(e.names), new PrevalenceException.Remedy(
                            "merge lists or add a list that shares cases with them",
                            "merge lists or add a list that shares cases with them"));
        }
    }

    /** Why no hierarchical model passes the checks: the empty pairwise margins, named. */
    private PrevalenceException noModelPasses(MseEngine e) {
        List<String> emptyPairs = new ArrayList<>();
        for (int i = 0; i < e.k; i++) {
            for (int j = i + 1; j < e.k; j++) {
                if (e.nstar[1 << i | 1 << j] == 0) {
                    emptyPairs.add(e.names.get(i) + ":" + e.names.get(j));
                }
            }
        }
        List<String> emptyCells = new ArrayList<>();
        for (int m = 1; m < 1 << e.k; m++) {
            if (e.counts[m] == 0) {
                emptyCells.add(ListOverlapTable.pattern(m, e.k));
            }
        }
        String why = !emptyPairs.isEmpty() ? String.format(Locale.ROOT,
                ": the lists overlap too little (no case is on both lists of %s)", String.join(", ", emptyPairs))
                : emptyCells.isEmpty() ? "" : String.format(Locale.ROOT,
                        ": the lists do not overlap enough (the histories %s have no case)", emptyCells);
        String problem = String.format(Locale.ROOT,
                "No hierarchical model up to order %d passes the existence and identifiability checks%s",
                effectiveMaxOrder(e.k), why);
        if (emptyOverlaps == EmptyOverlaps.ERROR && !emptyPairs.isEmpty()) {
            return new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, "term '" + emptyPairs.get(0) + "'",
                    problem, new PrevalenceException.Remedy(
                            "allow empty overlaps with EmptyOverlaps.EXTENDED_MLE, use ModelSelection.STEPWISE, or merge lists",
                            "allow empty overlaps with --extended-mle, use --select stepwise, or merge lists"));
        }
        return new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, "model", problem,
                new PrevalenceException.Remedy("use ModelSelection.STEPWISE or merge lists",
                        "use --select stepwise or merge lists"));
    }

    private int effectiveMaxOrder(int k) {
        return maxOrder == 0 ? HierarchicalModels.defaultMaxOrder(k) : Math.min(maxOrder, k - 1);
    }

    private MseEngine engine(ListOverlapTable table) {
        MseEngine e = MseEngine.of(table, glm);
        e.checkLists();
        return e;
    }

    private static long[] countsOf(List<String> names, long[] counts) {
        int k = names.size();
        if (counts.length != 1 << k) {
            throw PrevalenceException.invalidArgument("counts", "Expected %d counts (2^%d), got %d", 1 << k, k,
                    counts.length);
        }
        long[] c = counts.clone();
        c[0] = 0;
        for (int m = 1; m < c.length; m++) {
            if (c[m] < 0) {
                throw PrevalenceException.invalidData("history " + ListOverlapTable.pattern(m, k),
                        "Negative count %d for history %s", c[m], ListOverlapTable.pattern(m, k));
            }
        }
        return c;
    }

    private Result fit(MseEngine e, LogLinearModel model, String method) {
        int[] empty = e.emptyTerms(model);
        if (empty.length > 0 && emptyOverlaps == EmptyOverlaps.ERROR) {
            String t = LogLinearModel.maskName(empty[0], e.names);
            throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, "term '" + t + "'",
                    String.format(Locale.ROOT, "Term %s is not estimable: no case is on all of %s", t,
                            t.replace(":", ", ")),
                    new PrevalenceException.Remedy("drop the term or use EmptyOverlaps.EXTENDED_MLE",
                            "drop the term from --model or use --extended-mle"));
        }
        MseEngine.Check c = e.check(model);
        if (c.code != 0) {
            throw c.exception();
        }
        return result(e, e.fit(model), method, 0);
    }

    /** SparseMSE stepwisefit; the final model refitted by the QR path for the reported result. */
    MseEngine.ModelFit stepwiseFit(MseEngine e) {
        return e.fit(stepwiseSelect(e));
    }

    /** SparseMSE stepwisefit on the fast path: the selected model; the engine's fast fitter holds its fit. */
    LogLinearModel stepwiseSelect(MseEngine e) {
        return StepwiseSelection.select(e, pthresh, emptyOverlaps);
    }

    /** SparseMSE's one-sided Poisson p-value: min(P(X &lt;= n), P(X &gt;= n)), X ~ Poisson(lambda). */
    static double poissonP(long n, double lambda) {
        return StepwiseSelection.poissonP(n, lambda);
    }

    private List<ModelScore> rank(MseEngine e0, ModelSelection criterion) {
        int k = e0.k;
        List<LogLinearModel> models = HierarchicalModels.enumerate(k, effectiveMaxOrder(k));
        ModelScore[] scores = new ModelScore[models.size()];
        // one engine per worker (workspaces are not shared between threads; a single worker uses e0);
        // scores land at their model's index, so the result does not depend on the thread count
        boolean oneWorker = Math.min(ParallelLoop.effectiveThreads(threads), models.size()) <= 1;
        ParallelLoop.run(models.size(), threads, () -> oneWorker ? e0 : new MseEngine(e0.names, e0.counts, glm),
                (i, e) -> scores[i] = scoreOne(e, models.get(i), i), null);
        List<ModelScore> out = new ArrayList<>();
        for (ModelScore s : scores) {
            if (s != null) {
                out.add(s);
            }
        }
        Comparator<ModelScore> cmp = criterion == ModelSelection.AIC
                ? Comparator.comparingDouble(ModelScore::getAic) : Comparator.comparingDouble(ModelScore::getBic);
        out.sort(cmp.thenComparingInt(ModelScore::getIndex));
        return Collections.unmodifiableList(out);
    }

    private ModelScore scoreOne(MseEngine e, LogLinearModel m, int index) {
        if (emptyOverlaps == EmptyOverlaps.ERROR && e.emptyTerms(m).length > 0) {
            return null;
        }
        LogLinearIrls f = e.fastFit(m, true);
        if (f == null) {
            return null;
        }
        double est = e.observed + Math.exp(f.b0);
        if (!Double.isFinite(est)) {
            return null;
        }
        int p = m.parameterCount();
        double aic = 2.0 * p - 2 * f.loglik;
        double bic = p * Math.log(e.observed) - 2 * f.loglik;
        return new ModelScore(m, est, aic, bic, f.deviance, e.lastCells.length - e.lastColumns.length, index);
    }

    private Result result(MseEngine e, MseEngine.ModelFit f, String method, int modelsCompared) {
        if (!f.fullRank()) {
            throw PrevalenceException.notEstimable("term '" + f.glm.getAliased().get(0) + "'",
                    "Model %s is not identifiable: term(s) %s are aliased", f.model.generatingClass(), f.glm.getAliased());
        }
        double est = f.estimate();
        if (!(Double.isFinite(est))) {
            throw PrevalenceException.notEstimable("model '" + f.model.generatingClass() + "'",
                    "Model %s gives an infinite estimate; choose a smaller model", f.model.generatingClass());
        }
        Interval ci = new PopulationIntervals(glm, level).of(interval, e, f);
        List<String> emptyCells = new ArrayList<>();
        for (int m = 1; m < 1 << e.k; m++) {
            if (e.counts[m] == 0) {
                emptyCells.add(ListOverlapTable.pattern(m, e.k));
            }
        }
        List<String> emptyTerms = new ArrayList<>();
        for (int t : f.empty) {
            emptyTerms.add(LogLinearModel.maskName(t, e.names));
        }
        List<String> zeroFitted = new ArrayList<>();
        for (int r : f.glm.getZeroFittedRows()) {
            zeroFitted.add(ListOverlapTable.pattern(f.cells[r], e.k));
        }
        List<org.prevalence.core.Warning> warnings = new ArrayList<>();
        org.prevalence.core.Warning implausible = PopulationChecks.implausible(est, maxEstimate);
        if (implausible != null) {
            warnings.add(implausible);
        }
        org.prevalence.core.Warning degenerate = PopulationChecks.degeneracy(est, e.observed,
                Math.exp(f.b0) * f.se0, ci);
        if (degenerate != null) {
            warnings.add(degenerate);
        }
        org.prevalence.core.Warning disconnected = PopulationChecks.disconnected(e.names, e.counts);
        if (disconnected != null) {
            warnings.add(disconnected);
        }
        if (!emptyTerms.isEmpty()) {
            // Chan, Silverman and Vincent (2021): the extended MLE sets such a term's parameter to -Inf
            warnings.add(org.prevalence.core.Warning.of(org.prevalence.core.Warning.Kind.BOUNDARY,
                    "the overlap" + (emptyTerms.size() > 1 ? "s " : " ") + String.join(", ", emptyTerms)
                            + (emptyTerms.size() > 1 ? " are" : " is") + " empty: fitted at -Inf (extended MLE)"));
        }
        return new Result(method, e.names, e.observed, f, ci, emptyCells, emptyTerms, zeroFitted, modelsCompared,
                warnings);
    }


    // ------------------------------------------------------------------ results

    /**
     * A fitted log-linear MSE model, with its {@link org.prevalence.core.Status} by the rules of
     * {@link PopulationChecks} (degenerate fit, groups of lists sharing no case, empty overlaps fitted at
     * minus infinity, an estimate above the plausibility bound). This class is immutable.
     */
    public static final class Result implements PopulationEstimate {
        private final String method;
        private final List<String> lists;
        private final long observed;
        private final double estimate;
        private final double unobserved;
        private final LogLinearModel model;
        private final String modelName;
        private final List<String> terms;
        private final Map<String, double[]> coefficients;
        private final double deviance;
        private final int df;
        private final double aic;
        private final double bic;
        private final double logLikelihood;
        private final Interval interval;
        private final List<String> emptyCells;
        private final List<String> emptyTerms;
        private final List<String> zeroFittedCells;
        private final int iterations;
        private final int modelsCompared;
        private final List<org.prevalence.core.Warning> warnings;

        Result(String method, List<String> lists, long observed, MseEngine.ModelFit f, Interval interval,
                List<String> emptyCells, List<String> emptyTerms, List<String> zeroFittedCells, int modelsCompared,
                List<org.prevalence.core.Warning> warnings) {
            this.warnings = List.copyOf(warnings);
            this.method = method;
            this.lists = List.copyOf(lists);
            this.observed = observed;
            this.estimate = f.estimate();
            this.unobserved = f.unobserved();
            this.model = f.model;
            this.modelName = f.model.generatingClass();
            this.terms = f.model.termNames(lists);
            Map<String, double[]> co = new LinkedHashMap<>();
            double[] c = f.glm.getCoefficients();
            double[] se = f.glm.getStandardErrors();
            List<String> cn = f.glm.getColumnNames();
            for (int j = 0; j < c.length; j++) {
                co.put(cn.get(j), new double[] {c[j], se[j]});
            }
            for (int t : f.empty) {
                co.put(LogLinearModel.maskName(t, lists), new double[] {Double.NEGATIVE_INFINITY, Double.NaN});
            }
            this.coefficients = co;
            this.deviance = f.glm.getDeviance();
            this.df = f.glm.getResidualDf();
            this.aic = f.aic();
            this.bic = f.bic();
            this.logLikelihood = f.glm.getLogLikelihood();
            this.interval = interval;
            this.emptyCells = List.copyOf(emptyCells);
            this.emptyTerms = List.copyOf(emptyTerms);
            this.zeroFittedCells = List.copyOf(zeroFittedCells);
            this.iterations = f.glm.getIterations();
            this.modelsCompared = modelsCompared;
        }

        /** @return how the model was chosen: {@code fixed}, {@code stepwise}, {@code bic} or {@code aic} */
        public String getMethod() {
            return method;
        }

        /** @return the list names */
        public List<String> getLists() {
            return lists;
        }

        /** @return the number of cases observed on at least one list */
        public long getObserved() {
            return observed;
        }

        /** @return the estimated population size, observed cases included */
        public double getEstimate() {
            return estimate;
        }

        /** @return the estimated dark figure \( e^{\hat\beta_0} \) */
        public double getUnobserved() {
            return unobserved;
        }

        /** @return the fitted model */
        public LogLinearModel getModel() {
            return model;
        }

        /** @return the model's generating class, e.g. {@code "[123,25,34]"} */
        public String getModelName() {
            return modelName;
        }

        /** @return the model's interaction terms by list name, e.g. {@code ["LA:NG", "NG:GP"]} */
        public List<String> getTerms() {
            return terms;
        }

        /** @return the model in term notation, {@code "main"} or e.g. {@code "LA:NG,NG:GP"} */
        public String getTermNotation() {
            return terms.isEmpty() ? "main" : String.join(",", terms);
        }

        /**
         * @return coefficient name to {estimate, standard error}; {@code "(Intercept)"} first; terms
         *     with an empty overlap have estimate minus infinity and standard error NaN
         */
        public Map<String, double[]> getCoefficients() {
            Map<String, double[]> m = new LinkedHashMap<>();
            coefficients.forEach((k, v) -> m.put(k, v.clone()));
            return m;
        }

        /**
         * @param term {@code "(Intercept)"}, a list name or a term such as {@code "LA:NG"}
         * @return its coefficient
         */
        public double getCoefficient(String term) {
            return coef(term)[0];
        }

        /**
         * @param term a coefficient name
         * @return its standard error
         */
        public double getCoefficientStandardError(String term) {
            return coef(term)[1];
        }

        private double[] coef(String term) {
            double[] v = coefficients.get(term);
            if (v == null) {
                throw PrevalenceException.invalidArgument("term '" + term + "'", "No coefficient '%s'; the terms are %s",
                        term, coefficients.keySet());
            }
            return v;
        }

        /** @return the standard error of the intercept \( \hat\beta_0 \), the log of the dark figure */
        public double getInterceptStandardError() {
            return coefficients.get("(Intercept)")[1];
        }

        /**
         * @return the delta-method standard error of N, \( e^{\hat\beta_0}\,\mathrm{se}(\hat\beta_0) \) (the
         *     observed count is fixed), the scale of the log-normal interval
         */
        @Override
        public double getStandardError() {
            return unobserved * getInterceptStandardError();
        }

        /** @return {@link org.prevalence.core.Status#OK}, or the status the warnings give ({@link PopulationChecks#status}) */
        @Override
        public org.prevalence.core.Status getStatus() {
            return PopulationChecks.status(warnings);
        }

        /** @return the warnings: implausible, degenerate, lists sharing no case, empty overlaps (extended MLE) */
        @Override
        public List<org.prevalence.core.Warning> getWarnings() {
            return warnings;
        }

        /** @return the residual deviance */
        public double getDeviance() {
            return deviance;
        }

        /** @return the residual degrees of freedom (cells fitted minus parameters estimated) */
        public int getDf() {
            return df;
        }

        /** @return AIC, every parameter counted (SparseMSE: glm AIC + 2 per empty term) */
        public double getAic() {
            return aic;
        }

        /** @return BIC as MultipleSystemsEstimation: parameters x log(observed) - 2 log-likelihood */
        public double getBic() {
            return bic;
        }

        /** @return the Poisson log-likelihood of the fitted cells */
        public double getLogLikelihood() {
            return logLikelihood;
        }

        /** @return the confidence interval of the population size, or {@code null} with {@link MseInterval#NONE} */
        public Interval getConfidenceInterval() {
            return interval;
        }

        /** @return SparseMSE's check code of the fitted model: always 0 (a failing model is never fitted) */
        public int getCheckCode() {
            return 0;
        }

        /** @return the histories (0/1 patterns, list 1 first) with no observed case */
        public List<String> getEmptyCells() {
            return emptyCells;
        }

        /** @return the model terms with an empty overlap, fitted at minus infinity (extended MLE) */
        public List<String> getEmptyTerms() {
            return emptyTerms;
        }

        /** @return fitted cells whose expected count is numerically 0 (R's "fitted rates numerically 0") */
        public List<String> getZeroFittedCells() {
            return zeroFittedCells;
        }

        /** @return the IRLS iterations of the final fit */
        public int getIterations() {
            return iterations;
        }

        /** @return for AIC/BIC selection, the number of models that passed the checks and were compared; else 0 */
        public int getModelsCompared() {
            return modelsCompared;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "LogLinearMse[%s, model %s (%s)]%n", method, modelName,
                    getTermNotation()));
            sb.append(String.format(Locale.ROOT, "  N = %s (observed %s, unobserved %s)%s%n", Format.number(estimate),
                    Format.count(observed), Format.number(unobserved), interval == null ? "" : ", " + interval));
            sb.append(String.format(Locale.ROOT, "  deviance %s on %d df, AIC %s, BIC %s", Format.number(deviance), df,
                    Format.number(aic), Format.number(bic)));
            if (!emptyTerms.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "%n  empty overlaps (extended MLE, -Inf): %s", emptyTerms));
            }
            sb.append(String.format(Locale.ROOT, "%n  status %s", getStatus().label()));
            for (org.prevalence.core.Warning w : warnings) {
                sb.append(String.format(Locale.ROOT, "%n  %s", w));
            }
            return sb.toString();
        }
    }

    /** Per-stratum results and their total. This class is immutable. */
    public static final class StratifiedResult {
        private final Map<String, Result> strata;
        private final Map<String, String> notEstimable;

        StratifiedResult(Map<String, Result> strata, Map<String, String> notEstimable) {
            this.strata = Collections.unmodifiableMap(new LinkedHashMap<>(strata));
            this.notEstimable = Collections.unmodifiableMap(new LinkedHashMap<>(notEstimable));
        }

        /** @return stratum name to result, for the strata that could be estimated, in order */
        public Map<String, Result> getStrata() {
            return strata;
        }

        /** @return stratum name to the reason it could not be estimated, in order */
        public Map<String, String> getNotEstimable() {
            return notEstimable;
        }

        /** @return the sum of the strata's point estimates (estimable strata only) */
        public double getEstimate() {
            return strata.values().stream().mapToDouble(Result::getEstimate).sum();
        }

        /** @return the sum of the strata's observed cases (estimable strata only) */
        public long getObserved() {
            return strata.values().stream().mapToLong(Result::getObserved).sum();
        }

        /** @return the sum of the strata's estimated unobserved cases */
        public double getUnobserved() {
            return strata.values().stream().mapToDouble(Result::getUnobserved).sum();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "LogLinearMse strata: total N = %s (observed %s) over %d strata",
                    Format.number(getEstimate()), Format.count(getObserved()), strata.size()));
            strata.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%n  %s: N = %s, model %s", k,
                    Format.number(v.getEstimate()), v.getModelName())));
            notEstimable.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%n  %s: not estimable: %s", k, v)));
            return sb.toString();
        }
    }
}
