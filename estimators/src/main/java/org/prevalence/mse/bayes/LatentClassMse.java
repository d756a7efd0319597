package org.prevalence.mse.bayes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.bootstrap.ParallelLoop;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.PopulationEstimate;

/**
 * Bayesian multiple systems estimation with the latent-class model of Manrique-Vallier (2016), as
 * the R function {@code LCMCR::lcmCR} followed by {@code LCMCR::lcmCR_PostSampl}, with several
 * chains and the convergence diagnostics that LCMCR lacks.
 *
 * <p><b>Model.</b> Each of the \( N \) individuals belongs to one of \( K \) latent classes; within
 * class \( k \) the \( J \) lists capture independently with probabilities \( \lambda_{jk} \)
 * (local independence), so a capture pattern \( x \in \{0,1\}^J \) has probability
 * <p>\[ p(x) = \sum_{k=1}^{K} \pi_k \prod_{j=1}^{J} \lambda_{jk}^{x_j} (1-\lambda_{jk})^{1-x_j}, \]
 * <p>and the counts of the \( 2^J \) patterns are multinomial with size \( N \), the all-zero cell
 * (\( n_0 = N - n \) unobserved individuals) being unknown. Priors: the truncated stick-breaking
 * (Dirichlet-process) weights \( \pi_k = V_k \prod_{h&lt;k}(1-V_h) \), \( V_k \sim
 * \mathrm{Beta}(1, \alpha) \) for \( k &lt; K \), \( V_K = 1 \); \( \alpha \sim
 * \mathrm{Gamma}(a_\alpha, b_\alpha) \) (shape, rate); \( \lambda_{jk} \sim \mathrm{Beta}(1,1) \);
 * \( p(N) \propto 1/N \). Symbols: \( n \) the number observed, \( J \) the number of lists.
 *
 * <p><b>Sampler.</b> The data-augmentation Gibbs sampler of the paper: classes of the observed
 * individuals, Beta capture probabilities, stick weights, \( n_0 \) (negative binomial), classes of
 * the unobserved, \( \alpha \) (gamma); see {@code LcmChain} for the six steps. It works on capture
 * patterns: the individuals sharing a pattern share their class probabilities, so one multinomial
 * draw per pattern replaces a draw per person. Like LCMCR, \( n_0 \) is restricted to
 * \( n_0 \le 20 n \) (by rejection), unless {@link #withMaximumPopulation(long)} sets a proper
 * prior \( p(N) \propto 1/N \) on \( 1 \le N \le N_{\max} \). A warning says the posterior is
 * truncated when at least {@value #CAP_WARNING_FRACTION} of the pooled draws (and at least one) lie
 * within 5 % of that upper bound; a lone tail draw near it does not move the summaries.
 *
 * <p><b>Chains and reproducibility.</b> Each chain runs the LCMCR start (500 warm-up sweeps), then
 * {@code burnIn} sweeps, then keeps \( N \) after every {@code thinning}-th of {@code samples}
 * &times; {@code thinning} sweeps. Chain \( c \) (0-based) draws from its own generator
 * {@link Bootstrap#generator(long, long) Bootstrap.generator(seed, c)}, the library's one derivation
 * of replicate and chain streams, so the draws depend only on the seed and the chain index, never on
 * the number of threads (the chains run on a {@link ParallelLoop}).
 *
 * <p><b>Summaries.</b> Over the pooled draws of all chains: the posterior median (the headline
 * estimate), mean, standard deviation (divisor \( S-1 \)) and the equal-tailed credible interval
 * whose limits are the \( (1-\text{level})/2 \) and \( (1+\text{level})/2 \) quantiles. Quantiles
 * are R's type 7 (the default of {@code quantile()}, which LCMCR users apply): with \( S \) sorted
 * draws \( x_{(1)} \le \dots \le x_{(S)} \) and \( h = (S-1)p + 1 \),
 * \( Q(p) = x_{(\lfloor h \rfloor)} + (h - \lfloor h \rfloor)(x_{(\lfloor h \rfloor+1)} -
 * x_{(\lfloor h \rfloor)}) \); the median is the mean of the two middle draws when \( S \) is even.
 * Diagnostics of \( N \): rank-normalised split \( \hat R \), bulk and tail ESS
 * ({@link ConvergenceDiagnostics}); a warning is added when \( \hat R &gt; 1.01 \) or an ESS is
 * below 400 (Vehtari et al. 2021).
 *
 * <p>References: <ol>
 * <li>Manrique-Vallier, D. (2016). Bayesian population size estimation using Dirichlet process
 * mixtures. Biometrics 72(4), 1246-1254. doi:10.1111/biom.12502</li>
 * <li>Ishwaran, H. &amp; James, L.F. (2001). Gibbs sampling methods for stick-breaking priors.
 * JASA 96(453), 161-173. doi:10.1198/016214501750332758</li>
 * <li>Vehtari, A., Gelman, A., Simpson, D., Carpenter, B. &amp; Bürkner, P.-C. (2021). Bayesian
 * Analysis 16(2), 667-718. doi:10.1214/20-BA1221</li>
 * <li>Hyndman, R.J. &amp; Fan, Y. (1996). Sample quantiles in statistical packages. The American
 * Statistician 50(4), 361-365. doi:10.1080/00031305.1996.10473566</li>
 * </ol>
 *
 * <p><b>Length.</b> About 500 lines are the estimator (configuration, chains, summaries and the warnings
 * that go with them); the rest is the nested immutable {@link Result}. The Gibbs sampler lives in
 * {@code LcmChain}, its random draws in {@code LcmRandom}, the diagnostics in
 * {@code ConvergenceDiagnostics}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class LatentClassMse {
    /** R-hat above this value gives a warning. */
    public static final double RHAT_WARNING = 1.01;
    /** An effective sample size below this value gives a warning. */
    public static final double ESS_WARNING = 400;
    /** The fraction of draws near the upper bound of N from which a truncation warning is given. */
    public static final double CAP_WARNING_FRACTION = 0.001;
    /** LCMCR's cap: at most this many unobserved individuals per observed one. */
    public static final long LCMCR_CAP_FACTOR = 20;
    /** Largest number of observed individuals accepted. */
    public static final long MAX_OBSERVED = 100_000_000L;
    /** The interval method name of the credible interval. */
    public static final IntervalMethod INTERVAL_METHOD = IntervalMethod.CREDIBLE_LATENT_CLASS;

    /** Whether convergence diagnostics are computed. */
    public enum Diagnostics {
        /** Rank-normalised split R-hat, bulk and tail ESS of N (needs at least 2 chains). */
        RANK_NORMALIZED,
        /** No diagnostics (allows a single chain); the result reports NaN for them and a warning. */
        NONE
    }

    private static final LatentClassMse DEFAULT =
            new LatentClassMse(10, 4, 10_000, 2_000, 50, Bootstrap.DEFAULT_SEED, 0.25, 0.25, 0.95, 0, Diagnostics.RANK_NORMALIZED, 0);

    private final int classes;
    private final int chains;
    private final int burnIn;
    private final int samples;
    private final int thinning;
    private final long seed;
    private final double aAlpha;
    private final double bAlpha;
    private final double level;
    private final int threads;
    private final Diagnostics diagnostics;
    private final long maxPopulation;

    private LatentClassMse(int classes, int chains, int burnIn, int samples, int thinning, long seed,
                           double aAlpha, double bAlpha, double level, int threads, Diagnostics diagnostics,
                           long maxPopulation) {
        this.classes = classes;
        this.chains = chains;
        this.burnIn = burnIn;
        this.samples = samples;
        this.thinning = thinning;
        this.seed = seed;
        this.aAlpha = aAlpha;
        this.bAlpha = bAlpha;
        this.level = level;
        this.threads = threads;
        this.diagnostics = diagnostics;
        this.maxPopulation = maxPopulation;
    }

    /**
     * The defaults: K = 10 classes, 4 chains, burn-in 10,000, 2,000 kept samples per chain,
     * thinning 50 (LCMCR's settings in the reference runs: 110,000 sweeps per chain after the 500
     * warm-up sweeps), seed {@value Bootstrap#DEFAULT_SEED} (the library's default seed),
     * \( a_\alpha = b_\alpha = 0.25 \), credible level 0.95, all available processors (at most one
     * thread per chain), {@link Diagnostics#RANK_NORMALIZED}, and LCMCR's cap
     * \( n_0 \le 20 n \) (no maximum population).
     *
     * <p>These defaults converge on the US Western site and New Orleans tables (R-hat at most 1.01).
     * On UK 2013 5 lists, whose posterior has a second mode near N = 12,400 that LCMCR's chains also
     * fall into, no affordable setting does reliably: R-hat exceeded 1.01 for each of seeds 1-10 with
     * these defaults (1.03 to 1.73), and, with the earlier chain streams (seeds {@code {seed, c}}), with
     * 8 chains of 1,000 draws (1.17 to 1.60) and for 8 of 10 with a burn-in of 50,000 (150,000 sweeps a
     * chain instead of 110,000). The default seed happens to put all four chains in the high mode there
     * (R-hat 1.001, median 22,585): another seed can disagree. Such a result has status
     * {@link Status#WARNING} with {@link Warning.Kind#NOT_CONVERGED} first, and its text starts with
     * it.
     *
     * @return the default estimator
     */
    public static LatentClassMse withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the number of latent classes K (truncation level), &gt;= 1
     * @return a copy with K classes
     * @throws PrevalenceException if v &lt; 1
     */
    public LatentClassMse withClasses(int v) {
        return new LatentClassMse(atLeastOne("classes", v, "withClasses", "--classes"), chains, burnIn, samples, thinning, seed,
                aAlpha, bAlpha, level, threads, diagnostics, maxPopulation);
    }

    /**
     * @param v the number of chains, &gt;= 1 (>= 2 with diagnostics)
     * @return a copy
     * @throws PrevalenceException if v &lt; 1
     */
    public LatentClassMse withChains(int v) {
        return new LatentClassMse(classes, atLeastOne("chains", v, "withChains", "--chains"), burnIn, samples, thinning, seed,
                aAlpha, bAlpha, level, threads, diagnostics, maxPopulation);
    }

    /**
     * @param v the burn-in sweeps per chain (after LCMCR's 500 warm-up sweeps), &gt;= 1
     * @return a copy
     * @throws PrevalenceException if v &lt; 1
     */
    public LatentClassMse withBurnIn(int v) {
        return new LatentClassMse(classes, chains, atLeastOne("burn-in", v, "withBurnIn", "--burnin"), samples, thinning, seed,
                aAlpha, bAlpha, level, threads, diagnostics, maxPopulation);
    }

    /**
     * @param v the draws kept per chain, &gt;= 1 (>= 6 with diagnostics)
     * @return a copy
     * @throws PrevalenceException if v &lt; 1
     */
    public LatentClassMse withSamples(int v) {
        return new LatentClassMse(classes, chains, burnIn, atLeastOne("samples", v, "withSamples", "--samples"), thinning, seed,
                aAlpha, bAlpha, level, threads, diagnostics, maxPopulation);
    }

    /**
     * @param v keep one draw every v sweeps, &gt;= 1
     * @return a copy
     * @throws PrevalenceException if v &lt; 1
     */
    public LatentClassMse withThinning(int v) {
        return new LatentClassMse(classes, chains, burnIn, samples, atLeastOne("thinning", v, "withThinning", "--thin"), seed,
                aAlpha, bAlpha, level, threads, diagnostics, maxPopulation);
    }

    /**
     * @param v the seed; chain c draws from {@link Bootstrap#generator(long, long) Bootstrap.generator(v, c)}
     * @return a copy
     */
    public LatentClassMse withSeed(long v) {
        return new LatentClassMse(classes, chains, burnIn, samples, thinning, v,
                aAlpha, bAlpha, level, threads, diagnostics, maxPopulation);
    }

    /**
     * @param shape \( a_\alpha \), &gt; 0
     * @param rate \( b_\alpha \), &gt; 0
     * @return a copy with the gamma prior (shape, rate) on the concentration \( \alpha \)
     * @throws PrevalenceException if either is not finite and positive
     */
    public LatentClassMse withConcentrationPrior(double shape, double rate) {
        return new LatentClassMse(classes, chains, burnIn, samples, thinning, seed,
                Checks.positive("a_alpha", shape), Checks.positive("b_alpha", rate), level, threads,
                diagnostics, maxPopulation);
    }

    /**
     * @param v the credible level in (0, 1)
     * @return a copy
     * @throws PrevalenceException if v is outside (0, 1)
     */
    public LatentClassMse withConfidenceLevel(double v) {
        return new LatentClassMse(classes, chains, burnIn, samples, thinning, seed,
                aAlpha, bAlpha, Checks.level("level", v), threads, diagnostics, maxPopulation);
    }

    /**
     * @param v the number of threads, &gt;= 1, or 0 for all available processors (at most one per
     *     chain is used; the draws do not depend on it)
     * @return a copy
     * @throws PrevalenceException if v &lt; 0
     */
    public LatentClassMse withThreads(int v) {
        return new LatentClassMse(classes, chains, burnIn, samples, thinning, seed,
                aAlpha, bAlpha, level, Checks.atLeast("threads", v, 0), diagnostics, maxPopulation);
    }

    /**
     * @param v whether to compute diagnostics
     * @return a copy
     */
    public LatentClassMse with(Diagnostics v) {
        return new LatentClassMse(classes, chains, burnIn, samples, thinning, seed,
                aAlpha, bAlpha, level, threads, Objects.requireNonNull(v, "diagnostics"), maxPopulation);
    }

    /**
     * Replaces LCMCR's data-dependent cap \( n_0 \le 20 n \) by the proper prior
     * \( p(N) \propto 1/N \) on \( 1 \le N \le N_{\max} \) (used by simulation-based calibration,
     * where the prior must be proper and must not depend on the data).
     *
     * @param v \( N_{\max} \), &gt;= 1
     * @return a copy
     * @throws PrevalenceException if v &lt; 1
     */
    public LatentClassMse withMaximumPopulation(long v) {
        return new LatentClassMse(classes, chains, burnIn, samples, thinning, seed,
                aAlpha, bAlpha, level, threads, diagnostics, Checks.atLeast("maximum population", v, 1L));
    }

    /** A count option that must be at least 1, with the fix in Java and CLI terms. */
    private static int atLeastOne(String name, int v, String method, String option) {
        if (v >= 1) {
            return v;
        }
        throw new PrevalenceException(PrevalenceException.Kind.INVALID_ARGUMENT, name,
                String.format(Locale.ROOT, "%s must be >= 1, got %d", name, v), new PrevalenceException.Remedy(
                        "give " + method + "(n) an n >= 1", "give " + option + " a whole number >= 1"));
    }

    /**
     * Runs the chains and summarises the posterior of N.
     *
     * @param table the list-overlap table (2..15 lists)
     * @return the posterior summaries, diagnostics and draws
     * @throws PrevalenceException if nobody is observed, more than {@value #MAX_OBSERVED} are, the
     *     maximum population is below the number observed, or diagnostics are requested with fewer
     *     than 2 chains or fewer than 6 samples
     */
    public Result estimate(ListOverlapTable table) {
        Objects.requireNonNull(table, "table");
        if (diagnostics == Diagnostics.RANK_NORMALIZED && chains < 2) {
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_ARGUMENT, "chains",
                    String.format(Locale.ROOT, "convergence diagnostics need at least 2 chains, got %d", chains),
                    new PrevalenceException.Remedy("use withChains(2) or more, or with(Diagnostics.NONE)",
                            "use --chains 2 or more"));
        }
        if (diagnostics == Diagnostics.RANK_NORMALIZED && samples < 6) {
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_ARGUMENT, "samples",
                    String.format(Locale.ROOT, "convergence diagnostics need at least 6 samples per chain, got %d",
                            samples), new PrevalenceException.Remedy("use withSamples(6) or more", "use --samples 6 or more"));
        }
        final long n = table.observedTotal();
        if (n < 1) {
            throw PrevalenceException.notEstimable("table",
                    "nobody is observed on any list: the population size cannot be estimated");
        }
        if (n > MAX_OBSERVED) {
            throw PrevalenceException.invalidData("table",
                    "%d individuals observed; the latent-class sampler accepts at most %d", n, MAX_OBSERVED);
        }
        final long cap;
        if (maxPopulation > 0) {
            if (maxPopulation < n) {
                throw PrevalenceException.invalidArgument("maximum population",
                        "the maximum population %d is below the %d individuals observed", maxPopulation, n);
            }
            // unobserved counts are multinomial sizes (int): a larger N_max is never reached in practice
            cap = Math.min(maxPopulation - n, Integer.MAX_VALUE - 8L);
        } else {
            cap = LCMCR_CAP_FACTOR * n;
        }
        final int[] masks = table.observedHistories();
        final int[] freq = new int[masks.length];
        for (int m = 0; m < masks.length; m++) {
            freq[m] = (int) table.count(masks[m]);
        }
        final int lists = table.listCount();
        long[][] draws = new long[chains][];
        ParallelLoop.run(chains, threads, c -> draws[c] = runChain(c, lists, masks, freq, cap));
        return summarise(table, n, cap, draws);
    }

    /** Runs chain c; its stream is {@code Bootstrap.generator(seed, c)}, so it depends on (seed, c) only. */
    long[] runChain(int c, int lists, int[] masks, int[] freq, long cap) {
        LcmRandom rnd = new LcmRandom(Bootstrap.generator(seed, c));
        LcmChain chain = new LcmChain(lists, classes, masks, freq, cap, aAlpha, bAlpha, rnd);
        for (int i = 0; i < burnIn; i++) {
            chain.iterate();
        }
        long[] out = new long[samples];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < thinning; i++) {
                chain.iterate();
            }
            out[s] = chain.population();
        }
        return out;
    }

    Result summarise(ListOverlapTable table, long n, long cap, long[][] draws) {
        int total = chains * samples;
        double[] all = new double[total];
        double[][] asDouble = new double[chains][samples];
        long atCap = 0;
        for (int c = 0; c < chains; c++) {
            for (int s = 0; s < samples; s++) {
                double v = draws[c][s];
                asDouble[c][s] = v;
                all[c * samples + s] = v;
                if (draws[c][s] - n >= 0.95 * cap) {
                    atCap++;
                }
            }
        }
        double mean = 0;
        for (double v : all) {
            mean += v;
        }
        mean /= total;
        double ss = 0;
        for (double v : all) {
            ss += (v - mean) * (v - mean);
        }
        double sd = total > 1 ? Math.sqrt(ss / (total - 1)) : 0;
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        double median = ConvergenceDiagnostics.quantileSorted(sorted, 0.5);
        double lower = ConvergenceDiagnostics.quantileSorted(sorted, (1 - level) / 2);
        double upper = ConvergenceDiagnostics.quantileSorted(sorted, (1 + level) / 2);
        Interval interval = new Interval(lower, upper, level, INTERVAL_METHOD);
        List<Warning> warnings = new ArrayList<>();
        priorDrivenWarnings(table, warnings);
        double rhat = Double.NaN;
        double essBulk = Double.NaN;
        double essTail = Double.NaN;
        if (diagnostics == Diagnostics.RANK_NORMALIZED) {
            rhat = ConvergenceDiagnostics.rhat(asDouble);
            essBulk = ConvergenceDiagnostics.essBulk(asDouble);
            essTail = ConvergenceDiagnostics.essTail(asDouble);
            if (Double.isNaN(rhat) || Double.isNaN(essBulk) || Double.isNaN(essTail)) {
                // constant draws (every draw N = n, say): posterior's NA; reported as R-hat 1, ESS = draws
                warnings.add(Warning.of(Warning.Kind.DEGENERATE, String.format(Locale.ROOT,
                        "all %d draws of N are equal to %s: convergence diagnostics are undefined "
                        + "(reported as R-hat 1 and ESS %d)", total, Format.number(sorted[0]), total)));
                rhat = Double.isNaN(rhat) ? 1 : rhat;
                essBulk = Double.isNaN(essBulk) ? total : essBulk;
                essTail = Double.isNaN(essTail) ? total : essTail;
            }
            if (rhat > RHAT_WARNING) {
                warnings.add(Warning.of(Warning.Kind.NOT_CONVERGED, String.format(Locale.ROOT,
                        "R-hat of N is %.3f > %.2f: the %d chains disagree (chain medians %s; some may sit in "
                        + "different modes of the posterior); do not trust the estimate: run longer chains or "
                        + "more chains and compare seeds", rhat, RHAT_WARNING, chains, chainMedians(asDouble))));
            }
            if (essBulk < ESS_WARNING) {
                warnings.add(Warning.of(Warning.Kind.MONTE_CARLO, String.format(Locale.ROOT,
                        "bulk effective sample size of N is %.0f < %.0f: the posterior median and mean are "
                        + "imprecise; increase samples or thinning", essBulk, ESS_WARNING)));
            }
            if (essTail < ESS_WARNING) {
                warnings.add(Warning.of(Warning.Kind.MONTE_CARLO, String.format(Locale.ROOT,
                        "tail effective sample size of N is %.0f < %.0f: the credible limits are imprecise; "
                        + "increase samples or thinning", essTail, ESS_WARNING)));
            }
        } else {
            warnings.add(Warning.of(Warning.Kind.NOT_CONVERGED,
                    "convergence diagnostics were not computed (Diagnostics.NONE): convergence is not checked"));
        }
        if (atCap > 0 && atCap >= CAP_WARNING_FRACTION * total) {
            warnings.add(Warning.of(Warning.Kind.TRUNCATED, String.format(Locale.ROOT,
                    "%d of %d draws of N lie within 5%% of the upper bound N = %s (%s): the posterior is "
                    + "truncated there", atCap, total, Format.count(n + cap),
                    maxPopulation > 0 ? "the maximum population" : "LCMCR's cap of 21 times the observed")));
        }
        return new Result(table.listNames(), n, median, mean, sd, interval, rhat, essBulk, essTail,
                chains, samples, draws, warnings, classes, burnIn, thinning, seed);
    }

    /**
     * When the data cannot inform the dependence between the lists, and so N: a list that overlaps
     * no other list (nothing links its cases to the others'), or two lists with two or more classes
     * (a latent-class model on two lists is not identified: its three observed cells fit every
     * heterogeneity between the classes, Goodman 1974, doi:10.1093/biomet/61.2.215).
     */
    private void priorDrivenWarnings(ListOverlapTable table, List<Warning> warnings) {
        int k = table.listCount();
        long[][] ov = table.pairwiseOverlaps();
        List<String> lonely = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            boolean any = false;
            for (int j = 0; j < k; j++) {
                any |= j != i && ov[i][j] > 0;
            }
            if (!any) {
                lonely.add("'" + table.listNames().get(i) + "'");
            }
        }
        if (!lonely.isEmpty()) {
            warnings.add(Warning.of(Warning.Kind.PRIOR_DRIVEN, String.format(Locale.ROOT, "%s no other list: the "
                            + "data cannot inform %s dependence on the other lists, so the posterior of N is driven "
                            + "by the prior", lonely.size() == 1 ? "List " + lonely.get(0) + " overlaps"
                            : "Lists " + String.join(", ", lonely) + " overlap", lonely.size() == 1 ? "its" : "their")));
        } else if (k == 2 && classes >= 2) {
            warnings.add(Warning.of(Warning.Kind.PRIOR_DRIVEN, String.format(Locale.ROOT, "A latent-class model with "
                    + "%d classes is not identified on 2 lists %s: the 3 observed cells fit any heterogeneity between "
                    + "the classes, so the posterior of N is driven by the prior; use 3 or more lists", classes,
                    table.listNames())));
        }
    }

    /** @return each chain's median of N (type 7), rounded, as {@code [12,405, 22,005]} */
    static String chainMedians(double[][] chainDraws) {
        List<String> out = new ArrayList<>();
        for (double[] d : chainDraws) {
            double[] s = d.clone();
            Arrays.sort(s);
            out.add(Format.count(Math.round(ConvergenceDiagnostics.quantileSorted(s, 0.5))));
        }
        return "[" + String.join("; ", out) + "]";
    }

    /**
     * The posterior of the population size N from the latent-class model.
     *
     * <p><b>Status.</b> {@link Status#PRIOR_DRIVEN} when some list overlaps no other list, or with 2
     * lists and 2 or more classes (see the warning); the posterior summaries are still reported but
     * reflect the prior, not the data. Otherwise {@link Status#WARNING} when there is any warning,
     * non-convergence (R-hat above {@link #RHAT_WARNING}) first, else {@link Status#OK}. The
     * {@link #toString()} of a result that is not OK starts with its status and first warning. As
     * a {@link PopulationEstimate}: the estimate is the posterior median, the standard error the
     * posterior SD, the interval the credible interval (method {@link #INTERVAL_METHOD}), the model
     * {@code "K=10 classes"}. Immutable.
     */
    public static final class Result implements PopulationEstimate {
        private final List<String> lists;
        private final long observed;
        private final double median;
        private final double mean;
        private final double sd;
        private final Interval interval;
        private final double rhat;
        private final double essBulk;
        private final double essTail;
        private final int chains;
        private final int samples;
        private final long[][] draws;
        private final List<Warning> warnings;
        private final Status status;
        private final int classes;
        private final int burnIn;
        private final int thinning;
        private final long seed;

        Result(List<String> lists, long observed, double median, double mean, double sd, Interval interval,
               double rhat, double essBulk, double essTail, int chains, int samples, long[][] draws,
               List<Warning> warnings, int classes, int burnIn, int thinning, long seed) {
            this.lists = List.copyOf(lists);
            this.observed = observed;
            this.median = median;
            this.mean = mean;
            this.sd = sd;
            this.interval = interval;
            this.rhat = rhat;
            this.essBulk = essBulk;
            this.essTail = essTail;
            this.chains = chains;
            this.samples = samples;
            this.draws = draws;
            this.warnings = BayesianModelAveraging.ordered(warnings);
            this.status = BayesianModelAveraging.status(warnings);
            this.classes = classes;
            this.burnIn = burnIn;
            this.thinning = thinning;
            this.seed = seed;
        }

        /** @return the posterior median of N (the headline estimate; type-7 quantile) */
        @Override
        public double getEstimate() {
            return median;
        }

        /** @return the posterior standard deviation of N, as {@link #getStandardDeviation()} */
        @Override
        public double getStandardError() {
            return sd;
        }

        /** @return the credible interval, as {@link #getCredibleInterval()} */
        @Override
        public Interval getConfidenceInterval() {
            return interval;
        }

        /** @return {@code "latent-class"} */
        @Override
        public String getMethod() {
            return "latent-class";
        }

        @Override
        public List<String> getLists() {
            return lists;
        }

        /** @return the number of classes, as {@code "K=10 classes"} */
        @Override
        public String getModelName() {
            return "K=" + classes + " classes";
        }

        @Override
        public Status getStatus() {
            return status;
        }

        /** @return the posterior mean of N */
        public double getMean() {
            return mean;
        }

        /** @return the posterior standard deviation of N (divisor draws - 1) */
        public double getStandardDeviation() {
            return sd;
        }

        /** @return the equal-tailed credible interval, method {@link LatentClassMse#INTERVAL_METHOD} */
        public Interval getCredibleInterval() {
            return interval;
        }

        /** @return the rank-normalised split R-hat of N (NaN with Diagnostics.NONE) */
        public double getRhat() {
            return rhat;
        }

        /** @return the bulk effective sample size of N (NaN with Diagnostics.NONE) */
        public double getEssBulk() {
            return essBulk;
        }

        /** @return the tail effective sample size of N (NaN with Diagnostics.NONE) */
        public double getEssTail() {
            return essTail;
        }

        /** @return the number of chains */
        public int getChains() {
            return chains;
        }

        /** @return the draws of N kept in total (chains x samples) */
        public int getDraws() {
            return chains * samples;
        }

        /** @return the draws kept per chain */
        public int getSamplesPerChain() {
            return samples;
        }

        /**
         * @param chain a chain index, 0-based
         * @return a copy of that chain's draws of N, in sampling order (for trace plots)
         */
        public long[] getChainDraws(int chain) {
            return draws[chain].clone();
        }

        /** @return all draws of N, chain after chain (a copy, for density plots) */
        public long[] getPooledDraws() {
            long[] out = new long[chains * samples];
            for (int c = 0; c < chains; c++) {
                System.arraycopy(draws[c], 0, out, c * samples, samples);
            }
            return out;
        }

        /** @return the warnings (prior-driven, convergence, Monte Carlo error, truncation), possibly empty */
        @Override
        public List<Warning> getWarnings() {
            return warnings;
        }

        /** @return the list names */
        public List<String> getListNames() {
            return lists;
        }

        /** @return the number of individuals observed on at least one list */
        @Override
        public long getObserved() {
            return observed;
        }

        /** @return the number of latent classes K */
        public int getClasses() {
            return classes;
        }

        /** @return the burn-in sweeps per chain */
        public int getBurnIn() {
            return burnIn;
        }

        /** @return the thinning */
        public int getThinning() {
            return thinning;
        }

        /** @return the seed */
        public long getSeed() {
            return seed;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            if (status != Status.OK) {
                // non-convergence or a prior-driven posterior is the headline, before any figure
                b.append(String.format(Locale.ROOT, "status %s: %s%n", status.label(), warnings.get(0).message()));
            }
            b.append(String.format(Locale.ROOT,
                    "LatentClassMse[N median=%s, mean=%s, SD=%s, %s; observed=%s, lists=%d, K=%d; "
                    + "R-hat=%s, ESS bulk=%s, tail=%s; %d chains x %d draws (burn-in %d, thin %d, seed %d)]",
                    Format.number(median), Format.number(mean), Format.number(sd), interval,
                    Format.count(observed), lists.size(), classes, Format.number(rhat), Format.number(essBulk),
                    Format.number(essTail), chains, samples, burnIn, thinning, seed));
            // the headline already gave the first warning
            for (Warning w : warnings.subList(status == Status.OK ? 0 : 1, warnings.size())) {
                b.append(System.lineSeparator()).append("warning: ").append(w.message());
            }
            return b.toString();
        }
    }
}
