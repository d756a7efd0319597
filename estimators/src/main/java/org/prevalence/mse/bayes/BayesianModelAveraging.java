package org.prevalence.mse.bayes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.PopulationEstimate;

/**
 * Bayesian model averaging over decomposable graphical log-linear models for the size of a
 * closed population (Madigan and York 1997), as R package dga 2.0.2 {@code bma.cr}: every
 * decomposable graph on the K lists (K = 2 to 6; 8, 61, 822 and 18,154 graphs for K = 3..6, see
 * {@link DecomposableGraphs}), a hyper-Dirichlet prior on each graph's cell probabilities, a prior
 * on the population size N, and the exact joint posterior of (graph, N) on the grid
 * N = n + m, m = 0..G.
 *
 * <p>The posterior of graph g and of m unobserved cases is
 * <p>\[ p(g, m \mid y) \propto \pi_g\, \pi(n+m)\, \frac{(n+m)!}{m!\prod_h y_h!}\,
 *   \frac{\prod_{C} L_C(m)}{\prod_{S} L_S(m)}, \qquad
 *   L_t(m) = \frac{\Gamma(A)}{\Gamma(n+m+A)}\,
 *   \frac{\Gamma(m + D_t + \delta_t)}{\Gamma(\delta_t)} \prod_{s \ne \emptyset}
 *   \frac{\Gamma(n_{t,s} + \delta_t)}{\Gamma(\delta_t)}, \]
 * <p>where C runs over the cliques and S over the separators of g; for the lists in a clique t,
 * \( n_{t,s} \) are the counts of its marginal table (s a non-empty pattern on those lists),
 * \( D_t \) the observed cases on none of them, \( \delta_t = \delta\,2^{K-|t|} \) the marginal
 * Dirichlet parameter of a hyper-Dirichlet with parameter \( \delta \) per cell,
 * \( A = 2^K\delta \); \( y_h \) are the observed history counts and n their total; \( \pi \) is
 * the prior on N (default proportional to 1/N, as dga) and \( \pi_g \) the prior weight of g
 * (default uniform). Each clique's term depends only on the clique, so it is computed once for
 * each of the at most \( 2^K - 1 \) subsets of lists; the grid is evaluated in log space, each
 * graph scaled by its maximum before exponentiating, in memory O(graphs + grid) and in parallel
 * with bit-identical results for any thread count (see {@code BmaGridEngine}). Grid points
 * where a graph's weight is provably below e<sup>-60</sup> of that graph's largest weight are
 * skipped (a rigorous bound per block of the grid); this changes no reported figure beyond
 * double rounding, but posterior masses below about 10<sup>-20</sup> (a far tail) are lower
 * bounds.
 *
 * <p><b>Summaries.</b> Posterior median, mean, SD and mode of N over the grid; quantiles are the
 * smallest N on the grid whose posterior CDF is at least p (as dga's users compute them from
 * {@code colSums} of the weights), so they are grid values; the credible interval is
 * equal-tailed. For each graph: its posterior probability and its posterior mean of N.
 *
 * <p><b>The grid.</b> By default G starts at 5,000 and doubles until the posterior mass of the
 * last 1 % of the grid (m &gt; 0.99 G) is below 10<sup>-6</sup>. A grid maximum given with
 * {@link #withGridMax(int)} is used as given, with a warning naming the G that would do when it
 * leaves more mass than that in the last 1 %.
 *
 * <p><b>Tails.</b> Under graph g the unnormalised posterior of N decays only like a power
 * \( N^{e_g} \) (the saturated graph: \( e = -1 - (2^K-1)\delta \) under the 1/N prior), so the
 * untruncated posterior mean may not exist (e_g &ge; -2): the result then warns that the mean
 * depends on the grid (when such graphs carry probability above 10<sup>-6</sup>) and the median
 * is the headline estimate. With e_g &ge; -1 the posterior is improper (for example the uniform
 * prior with the default delta), which is warned about too.
 *
 * <p>References: <ol>
 * <li>Madigan, D. and York, J.C. (1997). Bayesian methods for estimation of the size of a closed
 * population. Biometrika 84(1), 19-31. doi:10.1093/biomet/84.1.19</li>
 * <li>Dawid, A.P. and Lauritzen, S.L. (1993). Hyper Markov laws in the statistical analysis of
 * decomposable graphical models. Ann. Statist. 21(3), 1272-1317. doi:10.1214/aos/1176349260</li>
 * <li>Johndrow, J., Lum, K. and Ball, P. (2023). dga: Capture-Recapture Estimation using Bayesian
 * Model Averaging. R package version 2.0.2.</li></ol>
 *
 * <p><b>Length.</b> About 540 lines are the estimator (configuration, the grid search, the warnings on
 * the grid, the prior and the overlaps); the rest are its nested immutable results
 * {@link ModelPosterior} and {@link Result}. The computation on the grid lives in {@code BmaGridEngine},
 * the graphs in {@code DecomposableGraphs}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class BayesianModelAveraging {
    /** The grid maximum the automatic search starts from. */
    public static final int FIRST_GRID_MAX = 5000;
    /** The automatic search stops with an error beyond this grid maximum (5,000 x 2^13). */
    public static final int LARGEST_AUTOMATIC_GRID_MAX = FIRST_GRID_MAX << 13;
    /** The largest grid maximum accepted ({@code G + 1} doubles of posterior are kept: 1.6 GB). */
    public static final int LARGEST_GRID_MAX = 200_000_000;
    /** The largest posterior mass allowed in the last 1 % of the grid. */
    public static final double TAIL_MASS_LIMIT = 1e-6;
    /**
     * The posterior probability of the saturated (complete) graph from which the result is
     * {@link Status#PRIOR_DRIVEN}: under that graph N is not identified (the all-zero cell is a
     * free cell), so its posterior of N is its prior's, given only the number observed.
     */
    public static final double SATURATED_PRIOR_DRIVEN = 0.5;
    /** The interval method name of the credible interval. */
    public static final IntervalMethod INTERVAL_METHOD = IntervalMethod.CREDIBLE_BMA;

    /** The prior on the population size N. */
    public enum PriorOnN {
        /** \( \pi(N) \propto 1/N \) (dga's default, {@code logprior = -log(N)}). */
        ONE_OVER_N,
        /** \( \pi(N) \propto 1 \) on the grid. */
        UNIFORM
    }

    /** What to do when lists do not overlap. */
    public enum OverlapCheck {
        /**
         * A warning in the result names every list that overlaps no other list and every pair
         * of lists with no case in common (the posterior is then driven by the prior).
         */
        WARN,
        /** The same situations are errors ({@link PrevalenceException.Kind#NOT_ESTIMABLE}). */
        STRICT
    }

    private static final BayesianModelAveraging DEFAULT = new BayesianModelAveraging(Double.NaN,
            PriorOnN.ONE_OVER_N, null, null, 0, 0.95, OverlapCheck.WARN, 0);

    private final double delta;
    private final PriorOnN prior;
    private final DoubleUnaryOperator logPrior;
    private final ToDoubleFunction<DecomposableGraph> graphLogPrior;
    private final int gridMax;
    private final double level;
    private final OverlapCheck overlap;
    private final int threads;

    private BayesianModelAveraging(double delta, PriorOnN prior, DoubleUnaryOperator logPrior,
                                   ToDoubleFunction<DecomposableGraph> graphLogPrior, int gridMax, double level,
                                   OverlapCheck overlap, int threads) {
        this.delta = delta;
        this.prior = prior;
        this.logPrior = logPrior;
        this.graphLogPrior = graphLogPrior;
        this.gridMax = gridMax;
        this.level = level;
        this.overlap = overlap;
        this.threads = threads;
    }

    /**
     * The defaults: delta = 2^-K (dga's suggestion), prior on N proportional to 1/N, uniform prior
     * over graphs, automatic grid maximum (from 5,000, doubling), 95 % credible interval,
     * non-overlapping lists warned about ({@link OverlapCheck#WARN}), as many threads as
     * available processors.
     * @return the default configuration
     */
    public static BayesianModelAveraging withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the hyper-Dirichlet parameter per cell of the 2^K table, &gt; 0
     * @return a copy with this delta
     * @throws PrevalenceException if {@code v} is not finite and &gt; 0
     */
    public BayesianModelAveraging withDelta(double v) {
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_ARGUMENT, "delta",
                    String.format(Locale.ROOT, "delta must be finite and > 0, got %s", v),
                    new PrevalenceException.Remedy("give withDelta(d) a positive d (dga's suggestion: 2^-K)",
                            "give --delta a positive number (default 2^-K)"));
        }
        return new BayesianModelAveraging(v, prior, logPrior, graphLogPrior, gridMax, level, overlap, threads);
    }

    /**
     * @param v a built-in prior on N (replaces a prior given with {@link #withLogPrior})
     * @return a copy with this prior
     */
    public BayesianModelAveraging with(PriorOnN v) {
        return new BayesianModelAveraging(delta, Objects.requireNonNull(v, "prior"), null, graphLogPrior,
                gridMax, level, overlap, threads);
    }

    /**
     * @param v what to do when lists do not overlap
     * @return a copy with this check
     */
    public BayesianModelAveraging with(OverlapCheck v) {
        return new BayesianModelAveraging(delta, prior, logPrior, graphLogPrior, gridMax, level,
                Objects.requireNonNull(v, "overlap"), threads);
    }

    /**
     * A user prior on N, as dga's {@code logprior} argument.
     * @param logPriorOfN the log prior density (up to a constant) as a function of the total
     *     population size N = n + m; it must be finite on the grid
     * @return a copy with this prior
     */
    public BayesianModelAveraging withLogPrior(DoubleUnaryOperator logPriorOfN) {
        return new BayesianModelAveraging(delta, prior, Objects.requireNonNull(logPriorOfN, "logPriorOfN"),
                graphLogPrior, gridMax, level, overlap, threads);
    }

    /**
     * Prior weights on graphs, as dga's {@code log.prior.model.weights}.
     * @param logWeight the log prior weight of each graph (up to a constant); finite, or
     *     {@code -Infinity} to leave the graph out
     * @return a copy with these weights
     */
    public BayesianModelAveraging withGraphLogPrior(ToDoubleFunction<DecomposableGraph> logWeight) {
        return new BayesianModelAveraging(delta, prior, logPrior, Objects.requireNonNull(logWeight, "logWeight"),
                gridMax, level, overlap, threads);
    }

    /**
     * @param v the grid maximum G (the grid is m = 0..G unobserved cases), 1 to
     *     {@link #LARGEST_GRID_MAX}
     * @return a copy with this grid maximum instead of the automatic search
     * @throws PrevalenceException if {@code v < 1} or {@code v > LARGEST_GRID_MAX}
     */
    public BayesianModelAveraging withGridMax(int v) {
        if (v < 1 || v > LARGEST_GRID_MAX) {
            String problem = v < 1 ? String.format(Locale.ROOT, "grid maximum must be >= 1, got %d", v)
                    : String.format(Locale.ROOT, "grid maximum must be <= %,d (the posterior is kept for every grid "
                            + "point), got %,d", LARGEST_GRID_MAX, v);
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_ARGUMENT, "grid maximum", problem,
                    new PrevalenceException.Remedy(String.format(Locale.ROOT, "give withGridMax(g) a g from 1 to %,d, "
                            + "or use withAutomaticGridMax()", LARGEST_GRID_MAX), String.format(Locale.ROOT,
                            "give --grid-max a number from 1 to %,d, or leave it out for the automatic grid",
                            LARGEST_GRID_MAX)));
        }
        return new BayesianModelAveraging(delta, prior, logPrior, graphLogPrior, v, level, overlap, threads);
    }

    /** @return a copy with the automatic grid maximum (the default) */
    public BayesianModelAveraging withAutomaticGridMax() {
        return new BayesianModelAveraging(delta, prior, logPrior, graphLogPrior, 0, level, overlap, threads);
    }

    /**
     * @param v the credible level of the headline interval, in (0, 1)
     * @return a copy with this level
     */
    public BayesianModelAveraging withConfidenceLevel(double v) {
        return new BayesianModelAveraging(delta, prior, logPrior, graphLogPrior, gridMax,
                Checks.level("level", v), overlap, threads);
    }

    /**
     * @param v the number of threads, &ge; 1, or 0 for all available processors (the default); results
     *     do not depend on it
     * @return a copy with this thread count
     * @throws PrevalenceException if v &lt; 0
     */
    public BayesianModelAveraging withThreads(int v) {
        return new BayesianModelAveraging(delta, prior, logPrior, graphLogPrior, gridMax, level, overlap,
                Checks.atLeast("threads", v, 0));
    }

    /**
     * Averages over every decomposable graph on the table's lists.
     * @param table the list-overlap table, 2 to 6 lists, at least one observed case
     * @return the posterior summaries
     * @throws PrevalenceException if the table has more than 6 lists or no case; under
     *     {@link OverlapCheck#STRICT} if lists do not overlap; if the user prior on N is not
     *     finite on the grid or every graph weight is {@code -Infinity}; if the automatic grid
     *     exceeds {@link #LARGEST_AUTOMATIC_GRID_MAX}
     */
    public Result estimate(ListOverlapTable table) {
        Objects.requireNonNull(table, "table");
        int k = table.listCount();
        if (k > DecomposableGraphs.MAX_LISTS) {
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_ARGUMENT, "lists", String.format(Locale.ROOT,
                    "Model averaging over decomposable graphs supports at most %d lists, got %d %s",
                    DecomposableGraphs.MAX_LISTS, k, table.listNames()), new PrevalenceException.Remedy(
                    "merge lists (collapse) or drop some", "merge lists or choose at most 6 with --lists"));
        }
        long n = table.observedTotal();
        if (n < 1) {
            throw PrevalenceException.notEstimable("table", "The table has no observed case");
        }
        double d = Double.isNaN(delta) ? Math.scalb(1.0, -k) : delta;
        List<Warning> warnings = new ArrayList<>();
        overlapWarnings(table, warnings);

        List<DecomposableGraph> all = DecomposableGraphs.of(k);
        List<DecomposableGraph> graphs = new ArrayList<>();
        List<Double> lpw = new ArrayList<>();
        for (DecomposableGraph g : all) {
            double w = graphLogPrior == null ? 0 : graphLogPrior.applyAsDouble(g);
            if (w == Double.NEGATIVE_INFINITY) {
                continue;
            }
            if (!(Math.abs(w) < Double.POSITIVE_INFINITY)) {
                throw PrevalenceException.invalidArgument("graph " + g,
                        "The log prior weight of graph %s is %s; give a finite value, or -Infinity to leave it out", g, w);
            }
            graphs.add(g);
            lpw.add(w);
        }
        if (graphs.isEmpty()) {
            throw PrevalenceException.invalidArgument("graph prior", "Every graph has log prior weight -Infinity");
        }
        double[] lpwArr = lpw.stream().mapToDouble(Double::doubleValue).toArray();
        BmaGridEngine.PriorKind kind = logPrior != null ? BmaGridEngine.PriorKind.USER
                : prior == PriorOnN.ONE_OVER_N ? BmaGridEngine.PriorKind.ONE_OVER_N : BmaGridEngine.PriorKind.UNIFORM;
        BmaGridEngine engine = new BmaGridEngine(k, table.countsByMask(), d, kind, logPrior, graphs, lpwArr);

        List<Integer> trailG = new ArrayList<>();
        List<Double> trailTail = new ArrayList<>();
        BmaGridEngine.Output out;
        double tail;
        if (gridMax > 0) {
            out = run(engine, gridMax, n);
            tail = tailMass(out.posterior, gridMax);
            trailG.add(gridMax);
            trailTail.add(tail);
            if (!(tail < TAIL_MASS_LIMIT)) {
                warnings.add(gridWarning(engine, n, gridMax, tail));
            }
        } else {
            int g = FIRST_GRID_MAX;
            while (true) {
                out = run(engine, g, n);
                tail = tailMass(out.posterior, g);
                trailG.add(g);
                trailTail.add(tail);
                if (tail < TAIL_MASS_LIMIT) {
                    break;
                }
                if (g >= LARGEST_AUTOMATIC_GRID_MAX) {
                    throw PrevalenceException.notConverged("grid maximum",
                            "The posterior mass of the last 1%% of the grid is still %s at grid maximum %s: the "
                                    + "posterior of N has a very heavy tail (improper prior/posterior?); use the 1/N "
                                    + "prior, a larger delta, or give the grid maximum explicitly",
                            fmt(tail), Format.count(g));
                }
                g *= 2;
            }
        }
        tailWarnings(engine, out, n, kind, warnings);
        saturatedWarning(table, graphs, out, warnings);
        return new Result(this, table.listNames(), n, d, kind, gridMax == 0, out, graphs, tail,
                trailG.stream().mapToInt(Integer::intValue).toArray(),
                trailTail.stream().mapToDouble(Double::doubleValue).toArray(), warnings);
    }

    private BmaGridEngine.Output run(BmaGridEngine engine, int g, long n) {
        double[] lp = null;
        if (logPrior != null) {
            lp = new double[g + 1];
            for (int m = 0; m <= g; m++) {
                double v = logPrior.applyAsDouble((double) n + m);
                if (!(Math.abs(v) < Double.POSITIVE_INFINITY)) {
                    throw PrevalenceException.invalidArgument("prior at N = " + (n + m),
                            "The log prior on N is %s at N = %d; it must be finite on the grid N = %d..%d",
                            v, n + m, n, n + g);
                }
                lp[m] = v;
            }
        }
        return engine.run(g, lp, threads);
    }

    /** Posterior mass of m &gt; 0.99 G (as the reference computations: {@code Nmissing > 0.99 * G}). */
    static double tailMass(double[] post, int g) {
        double cut = 0.99 * g;
        double s = 0;
        for (int m = post.length - 1; m >= 0 && m > cut; m--) {
            s += post[m];
        }
        return s;
    }

    private Warning gridWarning(BmaGridEngine engine, long n, int g, double tail) {
        String would;
        long gg = g;
        String found = null;
        while (2 * gg <= LARGEST_AUTOMATIC_GRID_MAX) {
            gg *= 2;
            BmaGridEngine.Output o = run(engine, (int) gg, n);
            if (tailMass(o.posterior, (int) gg) < TAIL_MASS_LIMIT) {
                found = Format.count(gg);
                break;
            }
        }
        would = found == null ? "no grid maximum up to " + Format.count(LARGEST_AUTOMATIC_GRID_MAX) + " would do"
                : "grid maximum " + found + " would do";
        return Warning.of(Warning.Kind.TRUNCATED, String.format(Locale.ROOT, "The posterior mass of the last 1%% of "
                        + "the grid (N > %s) is %s, not below %s: grid maximum %s truncates the posterior of N; %s",
                Format.count(n + (long) Math.floor(0.99 * g)), fmt(tail), fmt(TAIL_MASS_LIMIT), Format.count(g), would));
    }

    private static void tailWarnings(BmaGridEngine engine, BmaGridEngine.Output out, long n,
                                     BmaGridEngine.PriorKind kind, List<Warning> warnings) {
        double pe;
        if (kind == BmaGridEngine.PriorKind.ONE_OVER_N) {
            pe = -1;
        } else if (kind == BmaGridEngine.PriorKind.UNIFORM) {
            pe = 0;
        } else {
            pe = Double.NaN; // a user prior: its tail exponent is not known
        }
        if (Double.isNaN(pe)) {
            return;
        }
        double[] e = engine.tailExponents(pe);
        double heavy = 0;
        int worst = -1;
        int improper = -1;
        for (int g = 0; g < e.length; g++) {
            if (e[g] >= -2) {
                heavy += out.graphProb[g];
                if (worst < 0 || out.graphProb[g] > out.graphProb[worst]) {
                    worst = g;
                }
            }
            if (e[g] >= -1 && (improper < 0 || e[g] > e[improper])) {
                improper = g;
            }
        }
        if (improper >= 0) {
            warnings.add(Warning.of(Warning.Kind.TRUNCATED, String.format(Locale.ROOT, "Improper posterior: under "
                            + "graph %s the posterior of N decays only like N^%.4g (exponent >= -1), so every summary "
                            + "depends on the grid maximum; use the 1/N prior or a larger delta",
                    engine.graphName(improper), e[improper])));
        }
        if (heavy > 1e-6) {
            warnings.add(Warning.of(Warning.Kind.TRUNCATED, String.format(Locale.ROOT, "The posterior mean of N "
                            + "depends on the grid maximum: graphs whose posterior of N decays like N^e with e >= -2 "
                            + "(no finite mean; largest: %s, N^%.4g) carry posterior probability %s > 1e-6; the mean "
                            + "%s is over N <= %s only, so prefer the median and the credible interval",
                    engine.graphName(worst), e[worst], fmt(heavy), Format.number(mean(out.posterior, n)),
                    Format.count(n + out.gridMax))));
        }
    }

    static double mean(double[] post, long n) {
        double s = 0;
        for (int m = 0; m < post.length; m++) {
            s += ((double) n + m) * post[m];
        }
        return s;
    }

    /**
     * The saturated graph (one clique of every list) leaves N unidentified: its posterior of N is
     * its prior's given n alone (Madigan and York 1997, section 2). When it carries at least
     * {@link #SATURATED_PRIOR_DRIVEN} of the posterior, the result is prior-driven.
     */
    private static void saturatedWarning(ListOverlapTable table, List<DecomposableGraph> graphs,
                                         BmaGridEngine.Output out, List<Warning> warnings) {
        int all = (1 << table.listCount()) - 1;
        for (int g = 0; g < graphs.size(); g++) {
            int[] c = graphs.get(g).cliques();
            if (c.length == 1 && c[0] == all && out.graphProb[g] >= SATURATED_PRIOR_DRIVEN) {
                warnings.add(Warning.of(Warning.Kind.PRIOR_DRIVEN, String.format(Locale.ROOT, "The saturated graph %s, "
                                + "under which N is not identified by the data (every interaction of the lists %s is "
                                + "free), carries posterior probability %s >= %s: the posterior of N is driven by the "
                                + "prior", graphs.get(g), table.listNames(), fmt(out.graphProb[g]),
                        fmt(SATURATED_PRIOR_DRIVEN))));
            }
        }
    }

    private void overlapWarnings(ListOverlapTable table, List<Warning> warnings) {
        int k = table.listCount();
        long[][] ov = table.pairwiseOverlaps();
        List<String> names = table.listNames();
        List<String> problems = new ArrayList<>();
        List<String> where = new ArrayList<>();
        boolean[] isolated = new boolean[k];
        for (int i = 0; i < k; i++) {
            boolean any = false;
            for (int j = 0; j < k; j++) {
                if (j != i && ov[i][j] > 0) {
                    any = true;
                }
            }
            if (!any) {
                isolated[i] = true;
                problems.add(String.format(Locale.ROOT, "list '%s' overlaps no other list", names.get(i)));
                where.add("list '" + names.get(i) + "'");
            }
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                if (ov[i][j] == 0 && !isolated[i] && !isolated[j]) {
                    pairs.add("'" + names.get(i) + "' and '" + names.get(j) + "'");
                    where.add("lists '" + names.get(i) + "', '" + names.get(j) + "'");
                }
            }
        }
        if (!pairs.isEmpty()) {
            problems.add("these pairs of lists have no case in common: " + String.join(", ", pairs));
        }
        if (problems.isEmpty()) {
            return;
        }
        String msg = String.join("; ", problems);
        if (overlap == OverlapCheck.STRICT) {
            throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, String.join("; ", where),
                    String.format(Locale.ROOT, "Lists do not overlap: %s. Their dependence is then informed by the "
                            + "prior alone", msg), new PrevalenceException.Remedy(
                            "merge or drop such lists, or allow this with OverlapCheck.WARN (the result is then "
                                    + "prior-driven)",
                            "merge or drop such lists, or leave out --strict (the result is then prior-driven)"));
        }
        List<String> lonely = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (isolated[i]) {
                lonely.add("'" + names.get(i) + "'");
            }
        }
        if (!lonely.isEmpty()) {
            // nothing in the table links such a list to the others: its dependence on them is the prior's
            warnings.add(Warning.of(Warning.Kind.PRIOR_DRIVEN, String.format(Locale.ROOT, "%s no other list: "
                            + "the data cannot inform %s dependence on the other lists, so the posterior of N is "
                            + "driven by the prior", lonely.size() == 1 ? "List " + lonely.get(0) + " overlaps"
                            : "Lists " + String.join(", ", lonely) + " overlap", lonely.size() == 1 ? "its" : "their")));
        }
        if (!pairs.isEmpty()) {
            warnings.add(Warning.of(Warning.Kind.NO_OVERLAP, "These pairs of lists have no case in common: "
                    + String.join(", ", pairs) + ": the posterior of their dependence is driven by the prior"));
        }
    }

    /**
     * @param warnings the warnings, in any order
     * @return {@link Status#PRIOR_DRIVEN} if one is of that kind, else {@link Status#WARNING} if there is one,
     *     else {@link Status#OK}
     */
    static Status status(List<Warning> warnings) {
        if (warnings.stream().anyMatch(w -> w.kind() == Warning.Kind.PRIOR_DRIVEN)) {
            return Status.PRIOR_DRIVEN;
        }
        return warnings.isEmpty() ? Status.OK : Status.WARNING;
    }

    /** @return the warnings with those that set the status (prior-driven, then not converged) first, stable otherwise */
    static List<Warning> ordered(List<Warning> warnings) {
        List<Warning> w = new ArrayList<>(warnings);
        w.sort(Comparator.comparingInt(x -> x.kind() == Warning.Kind.PRIOR_DRIVEN ? 0
                : x.kind() == Warning.Kind.NOT_CONVERGED ? 1 : 2));
        return List.copyOf(w);
    }

    static String fmt(double x) {
        return String.format(Locale.ROOT, "%.3g", x);
    }

    /** The posterior probability of one graph and its conditional posterior mean of N. This class is immutable. */
    public static final class ModelPosterior {
        private final DecomposableGraph graph;
        private final double probability;
        private final double mean;

        ModelPosterior(DecomposableGraph graph, double probability, double mean) {
            this.graph = graph;
            this.probability = probability;
            this.mean = mean;
        }

        /** @return the graph */
        public DecomposableGraph getGraph() {
            return graph;
        }

        /** @return the graph in the {@code "[123,25,34]"} notation */
        public String getModel() {
            return graph.toString();
        }

        /** @return the posterior probability of the graph */
        public double getProbability() {
            return probability;
        }

        /** @return the posterior mean of N given the graph (on the grid) */
        public double getConditionalMean() {
            return mean;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s p=%s mean=%s", graph, fmt(probability), Format.number(mean));
        }
    }

    /**
     * The posterior of N and of the graphs. Quantiles are grid values: the smallest N whose
     * posterior CDF is at least p.
     *
     * <p><b>Status.</b> {@link Status#PRIOR_DRIVEN} when some list overlaps no other list, or when
     * the saturated graph (under which N is not identified) carries posterior probability of at
     * least {@link #SATURATED_PRIOR_DRIVEN}; the posterior summaries are still reported (they are
     * those of a proper posterior), but they reflect the prior on the dependence between the lists,
     * not the data. Otherwise {@link Status#WARNING} when there is any warning (pairs of lists
     * without a common case, a mean or a posterior truncated by the grid maximum), else
     * {@link Status#OK}. As a {@link PopulationEstimate}: the estimate is the posterior median,
     * the standard error the posterior SD, the interval the equal-tailed credible interval (method
     * {@link #INTERVAL_METHOD}), the model the most probable graph. This class is immutable.
     */
    public static final class Result implements PopulationEstimate {
        private final List<String> lists;
        private final long observed;
        private final double delta;
        private final String prior;
        private final boolean automaticGrid;
        private final int gridMax;
        private final double tailMass;
        private final int[] gridTrail;
        private final double[] tailTrail;
        private final double[] posterior;
        private final double mean;
        private final double sd;
        private final long median;
        private final long mode;
        private final Interval interval;
        private final List<ModelPosterior> models;
        private final List<Warning> warnings;
        private final Status status;

        Result(BayesianModelAveraging config, List<String> lists, long observed, double delta,
               BmaGridEngine.PriorKind prior, boolean automaticGrid, BmaGridEngine.Output out,
               List<DecomposableGraph> graphs, double tailMass, int[] gridTrail, double[] tailTrail,
               List<Warning> warnings) {
            this.lists = List.copyOf(lists);
            this.observed = observed;
            this.delta = delta;
            this.prior = prior == BmaGridEngine.PriorKind.ONE_OVER_N ? "one-over-n"
                    : prior == BmaGridEngine.PriorKind.UNIFORM ? "uniform" : "user";
            this.automaticGrid = automaticGrid;
            this.gridMax = out.gridMax;
            this.tailMass = tailMass;
            this.gridTrail = gridTrail;
            this.tailTrail = tailTrail;
            this.posterior = out.posterior;
            this.mean = BayesianModelAveraging.mean(posterior, observed);
            double v = 0;
            for (int m = 0; m < posterior.length; m++) {
                double dev = (double) observed + m - mean;
                v += dev * dev * posterior[m];
            }
            this.sd = Math.sqrt(v);
            this.median = quantile(0.5);
            int im = 0;
            for (int m = 1; m < posterior.length; m++) {
                if (posterior[m] > posterior[im]) {
                    im = m;
                }
            }
            this.mode = observed + im;
            this.interval = getCredibleInterval(config.level);
            List<ModelPosterior> ms = new ArrayList<>();
            for (int g = 0; g < graphs.size(); g++) {
                ms.add(new ModelPosterior(graphs.get(g), out.graphProb[g], out.graphMean[g]));
            }
            ms.sort(Comparator.comparingDouble(ModelPosterior::getProbability).reversed());
            this.models = Collections.unmodifiableList(ms);
            this.warnings = ordered(warnings);
            this.status = BayesianModelAveraging.status(warnings);
        }



        /** @return the hyper-Dirichlet parameter used */
        public double getDelta() {
            return delta;
        }

        /** @return the prior on N: "one-over-n", "uniform" or "user" */
        public String getPrior() {
            return prior;
        }

        /** @return whether G was chosen automatically */
        public boolean isAutomaticGridMax() {
            return automaticGrid;
        }

        /** @return G, the grid maximum of unobserved cases (N runs over n..n+G) */
        public int getGridMax() {
            return gridMax;
        }

        /** @return the posterior mass of the last 1 % of the grid (m &gt; 0.99 G) */
        public double getTailMass() {
            return tailMass;
        }

        /** @return every grid maximum computed, in order (the doubling search, or the one given) */
        public int[] getGridSearch() {
            return gridTrail.clone();
        }

        /** @return the tail mass at each grid maximum of {@link #getGridSearch()} */
        public double[] getGridSearchTailMass() {
            return tailTrail.clone();
        }

        /** @return the posterior median of N (the headline estimate) */
        public long getMedian() {
            return median;
        }

        /** @return the posterior mean of N over the grid (see {@link #getGridMax()}; may depend on it) */
        public double getMean() {
            return mean;
        }

        /** @return the posterior SD of N over the grid */
        public double getStandardDeviation() {
            return sd;
        }

        /** @return the posterior mode of N (the smallest N of largest posterior probability) */
        public long getMode() {
            return mode;
        }

        /** @return the equal-tailed credible interval at the configured level */
        public Interval getCredibleInterval() {
            return interval;
        }

        /**
         * @param p a probability in (0, 1)
         * @return the smallest N on the grid whose posterior CDF is at least p
         */
        public long quantile(double p) {
            Checks.level("p", p);
            double cdf = 0;
            for (int m = 0; m < posterior.length; m++) {
                cdf += posterior[m];
                if (cdf >= p) {
                    return observed + m;
                }
            }
            return observed + posterior.length - 1;
        }

        /**
         * @param level the credible level in (0, 1)
         * @return the equal-tailed interval: quantiles (1 - level)/2 and (1 + level)/2
         */
        public Interval getCredibleInterval(double level) {
            Checks.level("level", level);
            return new Interval(quantile((1 - level) / 2), quantile((1 + level) / 2), level, INTERVAL_METHOD);
        }

        /** @return the posterior probability of N = getObserved() + m, for m = 0..getGridMax() (a copy) */
        public double[] getPosteriorMass() {
            return posterior.clone();
        }

        /** @return the posterior probability of each graph with its conditional mean, most probable first */
        public List<ModelPosterior> getModels() {
            return models;
        }


        @Override
        public List<Warning> getWarnings() {
            return warnings;
        }

        @Override
        public Status getStatus() {
            return status;
        }

        /** @return {@code "bma"} */
        @Override
        public String getMethod() {
            return "bma";
        }

        @Override
        public List<String> getLists() {
            return lists;
        }

        @Override
        public long getObserved() {
            return observed;
        }

        /** @return the posterior median of N, as {@link #getMedian()} */
        @Override
        public double getEstimate() {
            return median;
        }

        /** @return the posterior SD of N, as {@link #getStandardDeviation()} */
        @Override
        public double getStandardError() {
            return sd;
        }

        /** @return the credible interval, as {@link #getCredibleInterval()} (method {@link #INTERVAL_METHOD}) */
        @Override
        public Interval getConfidenceInterval() {
            return interval;
        }

        /** @return the most probable graph (the estimate averages over all of them; see {@link #getModels()}) */
        @Override
        public String getModelName() {
            return models.get(0).getModel();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (status != Status.OK) {
                // the status is the headline: a prior-driven or warned figure is never shown as a plain number
                sb.append(String.format(Locale.ROOT, "status %s: %s%n", status.label(), warnings.get(0).message()));
            }
            sb.append(String.format(Locale.ROOT, "Bayesian model averaging over %d decomposable graphs (dga bma.cr), "
                            + "%d lists %s, %s observed, delta %s, prior on N %s%n", models.size(), lists.size(), lists,
                    Format.count(observed), fmt(delta), prior));
            sb.append(String.format(Locale.ROOT, "  N: median %s, %s%n", Format.count(median), interval));
            sb.append(String.format(Locale.ROOT, "     mean %s (over N <= %s), sd %s, mode %s%n", Format.number(mean),
                    Format.count(observed + gridMax), Format.number(sd), Format.count(mode)));
            sb.append(String.format(Locale.ROOT, "  grid maximum %s (%s), tail mass of the last 1%% %s%n",
                    Format.count(gridMax), automaticGrid ? "automatic" : "given", fmt(tailMass)));
            sb.append("  graphs (top 10): probability, mean of N given the graph\n");
            for (int i = 0; i < Math.min(10, models.size()); i++) {
                ModelPosterior m = models.get(i);
                sb.append(String.format(Locale.ROOT, "    %-20s %-10s %s%n", m.getModel(), fmt(m.getProbability()),
                        Format.number(m.getConditionalMean())));
            }
            // the headline already gave the first warning
            for (Warning w : warnings.subList(status == Status.OK ? 0 : 1, warnings.size())) {
                sb.append("  warning: ").append(w.message()).append('\n');
            }
            return sb.toString();
        }
    }
}
