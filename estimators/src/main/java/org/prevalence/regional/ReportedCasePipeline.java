package org.prevalence.regional;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Status;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.bootstrap.IntervalType;
import org.prevalence.core.bootstrap.MultiStatistic;

/**
 * The reported-case pipeline of the ILO global estimates of forced labour (2005 and 2012): from a
 * list of validated reported cases, each found by one or more research teams (sources), to the
 * number of persons in forced labour on an average day of a reference window, by stratum
 * (region x form), region, form and for the world, with per-1,000 rates, bootstrap standard errors
 * and 68 % and 95 % intervals. The steps are those of {@link CaseSteps}; per stratum \( h \):
 * <p>\[ \hat S_h = \hat N_h \, \frac{1}{n_h} \sum_{i \in h} \frac{v_i d_i}{W}, \]
 * <p>where \( \hat N_h \) is the capture-recapture estimate of the stratum's cases, \( n_h \) its
 * observed cases, \( v_i \) the victims of case \( i \), \( d_i \) its days inside the window and
 * \( W \) the window's length in days. Totals add the strata. Strata where capture-recapture is not
 * estimable are handled as {@link NoOverlap} says and listed with that handling.
 *
 * <p>Nothing left out is shown as zero. Every region of the edition is listed; a region with no
 * reported case, a stratum excluded under {@link NoOverlap#EXCLUDE}, and a stratum none of whose
 * cases has a day inside the window are {@link Status#NOT_ESTIMATED} with a reason, and every total
 * (region, form, world) names the parts it leaves out ({@link RegionalEstimate#getLeavesOut()}). A
 * window that contains no case at all, and a region whose estimated stock exceeds its population
 * (more than 1,000 per 1,000), are errors.
 *
 * <p>Uncertainty: a stratified bootstrap over cases (within each stratum or pool, see
 * {@link BootstrapScheme}), run on {@link Bootstrap} (seeded, parallel, bit-identical for any
 * thread count; replicate \( b \) uses {@link Bootstrap#generator(long, long) generator(seed, b)}).
 * Because the observed cases are a without-replacement sample of the stratum's universe, the
 * replicate mean per case \( \bar z^* \) is rescaled as \( \bar z + \sqrt{1 - n/\hat N}\,(\bar z^* - \bar z) \)
 * (the finite-population correction of Rao and Wu 1988), so that the intervals cover the universe's
 * actual stock rather than a super-population mean.
 * The standard error is the replicates' standard deviation, the intervals are percentile intervals
 * (type-8 quantiles) at 68 % and 95 %. The delta-method standard error
 * ({@link CaseSteps#deltaVariance}) is reported beside it as a check where the estimator has a variance.
 *
 * <p>References: <ol>
 * <li>ILO SAP-FL (2012). ILO Global Estimate of Forced Labour: Results and Methodology. ILO, Geneva.</li>
 * <li>Belser, P., de Cock, M. and Mehran, F. (2005). ILO Minimum Estimate of Forced Labour in the World. ILO, Geneva.</li>
 * <li>Chapman, D.G. (1951). Univ. Calif. Publ. Stat. 1, 131-160.</li>
 * <li>Buckland, S.T. and Garthwaite, P.H. (1991). Biometrics 47, 255-268. doi:10.2307/2532510</li>
 * </ol>
 *
 * <p>This class is immutable.
 */
public final class ReportedCasePipeline {
    /** The default number of bootstrap replicates, 2,000. */
    public static final int DEFAULT_REPLICATES = 2000;
    static final double[] LEVELS = {0.68, 0.95};

    private static final ReportedCasePipeline DEFAULT = new ReportedCasePipeline(TwoSourceEstimator.CHAPMAN,
            NoOverlap.FAIL, Map.of(), 1, DEFAULT_REPLICATES, Bootstrap.DEFAULT_SEED, 0, BootstrapScheme.POPULATION);

    private final StratumEstimator estimator;
    private final NoOverlap noOverlap;
    private final Map<String, String> neighbours;
    private final int minOverlap;
    private final int replicates;
    private final long seed;
    private final int threads;
    private final BootstrapScheme scheme;

    private ReportedCasePipeline(StratumEstimator estimator, NoOverlap noOverlap, Map<String, String> neighbours,
                                 int minOverlap, int replicates, long seed, int threads, BootstrapScheme scheme) {
        this.estimator = estimator;
        this.noOverlap = noOverlap;
        this.neighbours = neighbours;
        this.minOverlap = minOverlap;
        this.replicates = replicates;
        this.seed = seed;
        this.threads = threads;
        this.scheme = scheme;
    }

    /**
     * Defaults: {@link TwoSourceEstimator#CHAPMAN}; {@link NoOverlap#FAIL} with no neighbours;
     * minimum overlap 1; {@value #DEFAULT_REPLICATES} bootstrap replicates; seed
     * {@link Bootstrap#DEFAULT_SEED}; all available processors; {@link BootstrapScheme#POPULATION}.
     * @return the default pipeline
     */
    public static ReportedCasePipeline withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the stratum estimator ({@link TwoSourceEstimator} or a wrapped MSE model)
     * @return a copy using it
     */
    public ReportedCasePipeline with(StratumEstimator v) {
        return new ReportedCasePipeline(Objects.requireNonNull(v, "estimator"), noOverlap, neighbours, minOverlap,
                replicates, seed, threads, scheme);
    }

    /**
     * @param v the handling of strata that are not estimable
     * @return a copy using it
     */
    public ReportedCasePipeline with(NoOverlap v) {
        return new ReportedCasePipeline(estimator, Objects.requireNonNull(v, "noOverlap"), neighbours, minOverlap,
                replicates, seed, threads, scheme);
    }

    /**
     * @param v the bootstrap scheme
     * @return a copy using it
     */
    public ReportedCasePipeline with(BootstrapScheme v) {
        return new ReportedCasePipeline(estimator, noOverlap, neighbours, minOverlap, replicates, seed, threads,
                Objects.requireNonNull(v, "scheme"));
    }

    /**
     * Names the neighbour a stratum is pooled with under {@link NoOverlap#POOL}. Strata are written
     * {@code "region|form"} (matched ignoring case).
     * @param stratum the stratum, for example {@code "Middle East|state-imposed"}
     * @param neighbour its neighbour, for example {@code "Middle East|forced labour exploitation"}
     * @return a copy with that neighbour
     */
    public ReportedCasePipeline withNeighbour(String stratum, String neighbour) {
        Map<String, String> m = new LinkedHashMap<>(neighbours);
        m.put(normal(stratum), normal(neighbour));
        return new ReportedCasePipeline(estimator, noOverlap, Collections.unmodifiableMap(m), minOverlap, replicates,
                seed, threads, scheme);
    }

    /**
     * @param v the smallest number of cases found by two or more sources for a stratum to be
     *     estimable on its own, {@code >= 1}
     * @return a copy using it
     */
    public ReportedCasePipeline withMinimumOverlap(int v) {
        return new ReportedCasePipeline(estimator, noOverlap, neighbours, Checks.atLeast("minOverlap", v, 1),
                replicates, seed, threads, scheme);
    }

    /**
     * @param v the number of bootstrap replicates, {@code >= 2}
     * @return a copy using it
     */
    public ReportedCasePipeline withReplicates(int v) {
        return new ReportedCasePipeline(estimator, noOverlap, neighbours, minOverlap,
                Checks.atLeast("replicates", v, 2), seed, threads, scheme);
    }

    /**
     * @param v the seed
     * @return a copy using it
     */
    public ReportedCasePipeline withSeed(long v) {
        return new ReportedCasePipeline(estimator, noOverlap, neighbours, minOverlap, replicates, v, threads, scheme);
    }

    /**
     * @param v threads, {@code >= 1}, or 0 for all available processors (never changes the result)
     * @return a copy using it
     */
    public ReportedCasePipeline withThreads(int v) {
        return new ReportedCasePipeline(estimator, noOverlap, neighbours, minOverlap, replicates, seed,
                Checks.atLeast("threads", v, 0), scheme);
    }

    private static String normal(String stratum) {
        String[] p = stratum.split("\\|");
        if (p.length != 2) {
            throw PrevalenceException.invalidArgument("stratum '" + stratum + "'",
                    "A stratum is written 'region|form', got '%s'", stratum);
        }
        return RegionEdition.key(p[0]) + "|" + RegionEdition.key(p[1]);
    }

    /**
     * Runs the pipeline.
     * @param data the validated cases
     * @param populations the populations of the regions (every region with cases needs one)
     * @param window the reference window
     * @return the estimates
     * @throws PrevalenceException if a region with cases has no population, a stratum is not
     *     estimable under {@link NoOverlap#FAIL} (or has no usable neighbour under POOL), or too
     *     many bootstrap replicates fail
     */
    public Result estimate(CaseData data, Populations populations, ReferenceWindow window) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(window, "window");
        if (!populations.edition().regions().equals(data.edition.regions())) {
            throw PrevalenceException.invalidArgument("populations",
                    "The populations are for edition '%s' but the cases for '%s'; use the same edition",
                    populations.edition().name(), data.edition.name());
        }
        Run run = new Run(data, populations, window);
        run.indexStrata();
        run.sumCases();
        run.markEstimability();
        run.groupStrata();
        run.fitGroups();
        run.bootstrap();
        run.leftOut();
        return run.result();
    }

    /** The intermediate state of one {@link #estimate(CaseData, Populations, ReferenceWindow)}, step by step. */
    private final class Run {
        private final CaseData data;
        private final Populations populations;
        private final ReferenceWindow window;
        private final int nCases;
        private final int cells;
        private final int nForms;
        private final int nRegions;
        // strata (indexStrata)
        private int[] stratumOfCell;
        private List<int[]> strata;
        private int nStrata;
        private String[] key;
        private String[] label;
        private int[][] strataRF;
        // per-case values and per-stratum sums (sumCases)
        private int[] caseStratum;
        private double[] v;
        private double[] y;
        private long[][] counts;
        private long[] n;
        private double[] sumV;
        private double[] sumV2;
        private double[] sumY;
        private double[] sumY2;
        private double[] sumVD;
        private long[] inWindow;
        private long zeroDays;
        // estimability and pools (markEstimability, groupStrata)
        private boolean[] estimable;
        private boolean[] excluded;
        private int[] parent;
        private int[] groupOf;
        private List<List<Integer>> groups;
        private int nGroups;
        // pooled fits (fitGroups)
        private double[] groupN;
        private double[] groupVar;
        private long[] groupObs;
        // bootstrap outputs: strata stock, strata victims, regions stock, regions victims, forms stock, forms victims, world
        private int oStrataV;
        private int oRegion;
        private int oRegionV;
        private int oForm;
        private int oFormV;
        private int oWorld;
        private List<Bootstrap.Result> boot;
        // what each total leaves out (leftOut)
        private String[] stockOut;
        private String[] victimsOut;

        Run(CaseData data, Populations populations, ReferenceWindow window) {
            this.data = data;
            this.populations = populations;
            this.window = window;
            this.nCases = data.size();
            this.cells = 1 << data.sources.size();
            this.nForms = data.forms.size();
            this.nRegions = data.edition.regions().size();
        }

        /** Strata in region, form order, with keys and labels; every region with cases needs a population. */
        void indexStrata() {
            stratumOfCell = new int[nRegions * nForms];
            java.util.Arrays.fill(stratumOfCell, -1);
            for (int i = 0; i < nCases; i++) {
                stratumOfCell[data.region[i] * nForms + data.form[i]] = 0;
            }
            strata = new ArrayList<>();
            for (int c = 0; c < stratumOfCell.length; c++) {
                if (stratumOfCell[c] == 0) {
                    stratumOfCell[c] = strata.size();
                    strata.add(new int[] {c / nForms, c % nForms});
                }
            }
            nStrata = strata.size();
            key = new String[nStrata];
            label = new String[nStrata];
            for (int s = 0; s < nStrata; s++) {
                String r = data.edition.regions().get(strata.get(s)[0]);
                String f = data.forms.get(strata.get(s)[1]);
                key[s] = RegionEdition.key(r) + "|" + RegionEdition.key(f);
                label[s] = r + "|" + f;
            }
            for (int r = 0; r < nRegions; r++) {
                for (int f = 0; f < nForms; f++) {
                    if (stratumOfCell[r * nForms + f] >= 0) {
                        populations.require(r, "reported cases");
                        break;
                    }
                }
            }
            strataRF = strata.toArray(new int[0][]);
        }

        /** Per-case victims and stock contributions, and per-stratum counts and sums; refuses a window no case touches. */
        void sumCases() {
            long w = window.days();
            caseStratum = new int[nCases];
            v = new double[nCases];
            y = new double[nCases];
            counts = new long[nStrata][cells];
            n = new long[nStrata];
            sumV = new double[nStrata];
            sumV2 = new double[nStrata];
            sumY = new double[nStrata];
            sumY2 = new double[nStrata];
            sumVD = new double[nStrata];
            inWindow = new long[nStrata];
            zeroDays = 0;
            for (int i = 0; i < nCases; i++) {
                int s = stratumOfCell[data.region[i] * nForms + data.form[i]];
                caseStratum[i] = s;
                long d = window.daysInside(data.start[i], data.end[i]);
                if (d == 0) {
                    zeroDays++;
                } else {
                    inWindow[s]++;
                }
                v[i] = data.victims[i];
                y[i] = v[i] * d / w;
                counts[s][data.pattern[i]]++;
                n[s]++;
                sumV[s] += v[i];
                sumV2[s] += v[i] * v[i];
                sumY[s] += y[i];
                sumY2[s] += y[i] * y[i];
                sumVD[s] += v[i] * d;
            }
            if (nCases > 0 && zeroDays == nCases) {
                throw PrevalenceException.notEstimable("window",
                        "No case has a day inside the window %s, so no stock can be estimated; choose the window the "
                                + "cases' dates cover", window);
            }
        }

        /** Which strata are estimable; the others fail, are excluded or are pooled with their neighbour (union-find). */
        void markEstimability() {
            estimable = new boolean[nStrata];
            excluded = new boolean[nStrata];
            parent = new int[nStrata];
            Map<String, Integer> byKey = new LinkedHashMap<>();
            for (int s = 0; s < nStrata; s++) {
                parent[s] = s;
                byKey.put(key[s], s);
                estimable[s] = CaseSteps.estimable(counts[s], minOverlap) && finiteEstimate(counts[s]);
            }
            for (int s = 0; s < nStrata; s++) {
                if (estimable[s]) {
                    continue;
                }
                String where = "stratum '" + label[s] + "'";
                switch (noOverlap) {
                    case FAIL:
                        throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, where, String.format(
                                Locale.ROOT, "Stratum '%s' is not estimable by capture-recapture: %s (at least %d cases "
                                        + "on two or more sources are needed)", label[s], describe(counts[s], data.sources),
                                minOverlap), new PrevalenceException.Remedy("choose NoOverlap.POOL with a named neighbour, "
                                        + "or NoOverlap.EXCLUDE", "use --no-overlap pool --pool '" + label[s]
                                        + "=REGION|FORM', or --no-overlap exclude"));
                    case EXCLUDE:
                        excluded[s] = true;
                        break;
                    case POOL:
                        poolWithNeighbour(s, where, byKey);
                        break;
                    default:
                        throw new IllegalStateException();
                }
            }
        }

        /** Joins stratum s to the pool of its named neighbour, refusing a missing or caseless neighbour. */
        private void poolWithNeighbour(int s, String where, Map<String, Integer> byKey) {
            String nb = neighbours.get(key[s]);
            if (nb == null) {
                throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, where, String.format(
                        Locale.ROOT, "Stratum '%s' is not estimable (%s) and no neighbour is named for it",
                        label[s], describe(counts[s], data.sources)), new PrevalenceException.Remedy(
                        "name one with withNeighbour(\"" + label[s] + "\", \"region|form\"), or choose "
                                + "NoOverlap.EXCLUDE", "name one with --pool '" + label[s]
                                + "=REGION|FORM', or use --no-overlap exclude"));
            }
            Integer t = byKey.get(nb);
            if (t == null) {
                throw PrevalenceException.invalidArgument(where,
                        "The neighbour '%s' of stratum '%s' has no cases; the strata with cases are %s",
                        nb, label[s], List.of(label));
            }
            union(parent, s, t);
        }

        /** Groups (pools) of the strata not excluded, in order of their first stratum. */
        void groupStrata() {
            groupOf = new int[nStrata];
            java.util.Arrays.fill(groupOf, -1);
            groups = new ArrayList<>();
            int[] rootGroup = new int[nStrata];
            java.util.Arrays.fill(rootGroup, -1);
            for (int s = 0; s < nStrata; s++) {
                if (excluded[s]) {
                    continue;
                }
                int root = find(parent, s);
                if (rootGroup[root] < 0) {
                    rootGroup[root] = groups.size();
                    groups.add(new ArrayList<>());
                }
                groupOf[s] = rootGroup[root];
                groups.get(groupOf[s]).add(s);
            }
            nGroups = groups.size();
            if (nGroups == 0) {
                throw PrevalenceException.notEstimable("strata", "Every stratum was excluded; nothing can be estimated");
            }
        }

        /** Estimated cases and their variance for each pool; refuses a pool that is still not estimable. */
        void fitGroups() {
            groupN = new double[nGroups];
            groupVar = new double[nGroups];
            groupObs = new long[nGroups];
            for (int g = 0; g < nGroups; g++) {
                long[] c = new long[cells];
                for (int s : groups.get(g)) {
                    for (int mask = 1; mask < cells; mask++) {
                        c[mask] += counts[s][mask];
                    }
                    groupObs[g] += n[s];
                }
                if (!CaseSteps.estimable(c, minOverlap) || !finiteEstimate(c)) {
                    List<String> names = new ArrayList<>();
                    groups.get(g).forEach(s -> names.add(label[s]));
                    throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, "stratum '" + names.get(0) + "'",
                            String.format(Locale.ROOT, "The pool of strata %s is still not estimable: %s", names,
                                    describe(c, data.sources)), new PrevalenceException.Remedy("name a different "
                                    + "neighbour or choose NoOverlap.EXCLUDE", "name a different neighbour with --pool, "
                                    + "or use --no-overlap exclude"));
                }
                groupN[g] = CaseSteps.estimatedCases(estimator, c);
                groupVar[g] = estimator.variance(c);
            }
        }

        /** The resampler over the cases kept, sorted by group. */
        private CaseBootstrap resampler() {
            int[] groupStart = new int[nGroups + 1];
            for (int i = 0; i < nCases; i++) {
                int g = groupOf[caseStratum[i]];
                if (g >= 0) {
                    groupStart[g + 1]++;
                }
            }
            for (int g = 0; g < nGroups; g++) {
                groupStart[g + 1] += groupStart[g];
            }
            int[] fill = groupStart.clone();
            int kept = groupStart[nGroups];
            int[] cs = new int[kept];
            int[] cp = new int[kept];
            double[] cv = new double[kept];
            double[] cy = new double[kept];
            for (int i = 0; i < nCases; i++) {
                int g = groupOf[caseStratum[i]];
                if (g < 0) {
                    continue;
                }
                int j = fill[g]++;
                cs[j] = caseStratum[i];
                cp[j] = data.pattern[i];
                cv[j] = v[i];
                cy[j] = y[i];
            }
            return new CaseBootstrap(cells, nStrata, groupStart, cs, cp, cv, cy, groupN, scheme);
        }

        /** Bootstraps every stratum, region, form and world total at once. */
        void bootstrap() {
            CaseBootstrap resampler = resampler();
            oStrataV = nStrata;
            oRegion = 2 * nStrata;
            oRegionV = oRegion + nRegions;
            oForm = oRegionV + nRegions;
            oFormV = oForm + nForms;
            oWorld = oFormV + nForms;
            final int outputs = oWorld + 2;
            boot = Bootstrap.withDefaults().withReplicates(replicates).withSeed(seed)
                    .withThreads(threads).runMany(resampler, outputs, statistic(resampler.stride()));
        }

        /** The bootstrap statistic: all outputs of one replicate, from its per-stratum sums. */
        private MultiStatistic<CaseBootstrap.Sample> statistic(int stride) {
            final int cells = this.cells;
            final int nStrata = this.nStrata;
            final int nGroups = this.nGroups;
            final List<List<Integer>> groups = this.groups;
            final int[] groupOf = this.groupOf;
            final int oStrataV = this.oStrataV;
            final int oRegion = this.oRegion;
            final int oRegionV = this.oRegionV;
            final int oForm = this.oForm;
            final int oFormV = this.oFormV;
            final int oWorld = this.oWorld;
            final int[][] strataRF = this.strataRF;
            final StratumEstimator est = estimator;
            // Rao-Wu style rescaling of the per-case means: the observed cases are a without-replacement
            // sample of the stratum's universe, so their mean deviates by sqrt(1 - n/N) of a with-replacement draw
            final double[] shrink = new double[nGroups];
            for (int g = 0; g < nGroups; g++) {
                shrink[g] = Math.sqrt(Math.max(0, 1 - groupObs[g] / groupN[g]));
            }
            final double[] meanStock = new double[nStrata];
            final double[] meanVict = new double[nStrata];
            for (int s = 0; s < nStrata; s++) {
                if (groupOf[s] >= 0) {
                    meanStock[s] = sumY[s] / groupObs[groupOf[s]];
                    meanVict[s] = sumV[s] / groupObs[groupOf[s]];
                }
            }
            return (sample, out) -> {
                double[] buf = sample.sums;
                double[] factor = new double[nGroups];
                double[] obsOf = new double[nGroups];
                long[] cnt = new long[cells];
                for (int g = 0; g < nGroups; g++) {
                    long[] c = cnt;
                    java.util.Arrays.fill(c, 0);
                    long obs = 0;
                    for (int s : groups.get(g)) {
                        for (int mask = 1; mask < cells; mask++) {
                            long k = (long) buf[s * stride + mask];
                            c[mask] += k;
                            obs += k;
                        }
                    }
                    if (obs == 0) {
                        throw PrevalenceException.notEstimable("replicate", "a pool has no observed case in the replicate");
                    }
                    factor[g] = est.estimate(c);
                    obsOf[g] = obs;
                }
                java.util.Arrays.fill(out, 0);
                for (int s = 0; s < nStrata; s++) {
                    if (groupOf[s] < 0) {
                        continue; // excluded: stays 0 in every replicate and is not reported
                    }
                    int g = groupOf[s];
                    double c = shrink[g];
                    double stock = factor[g] * (meanStock[s] + c * (buf[s * stride + cells + 1] / obsOf[g] - meanStock[s]));
                    double vict = factor[g] * (meanVict[s] + c * (buf[s * stride + cells] / obsOf[g] - meanVict[s]));
                    out[s] = stock;
                    out[oStrataV + s] = vict;
                    out[oRegion + strataRF[s][0]] += stock;
                    out[oRegionV + strataRF[s][0]] += vict;
                    out[oForm + strataRF[s][1]] += stock;
                    out[oFormV + strataRF[s][1]] += vict;
                    out[oWorld] += stock;
                    out[oWorld + 1] += vict;
                }
            };
        }

        /** What each total leaves out: excluded strata, and (for the stock) strata with no case day in the window. */
        void leftOut() {
            stockOut = new String[nStrata];
            victimsOut = new String[nStrata];
            for (int s = 0; s < nStrata; s++) {
                if (excluded[s]) {
                    victimsOut[s] = "excluded: not estimable by capture-recapture, " + describe(counts[s], data.sources);
                    stockOut[s] = victimsOut[s];
                } else if (inWindow[s] == 0) {
                    stockOut[s] = "no case of the stratum has a day inside the window " + window;
                }
            }
        }

        /** Assembles the strata, regions, forms and world rows. */
        Result result() {
            // delta-method variances of sums over sets of strata
            double[] factor = new double[nGroups];
            for (int g = 0; g < nGroups; g++) {
                factor[g] = groupN[g] / groupObs[g];
            }
            List<StratumResult> strataOut = new ArrayList<>();
            for (int s = 0; s < nStrata; s++) {
                strataOut.add(stratumResult(s, factor));
            }
            List<RegionalEstimate> regions = new ArrayList<>();
            List<RegionalEstimate> regionVictims = new ArrayList<>();
            List<String> worldStockOut = new ArrayList<>();
            List<String> worldVictimsOut = new ArrayList<>();
            for (int r = 0; r < nRegions; r++) {
                addRegion(r, regions, regionVictims, worldStockOut, worldVictimsOut);
            }
            double worldPop = populations.total();
            List<RegionalEstimate> forms = formRows(worldPop);
            boolean[] all = new boolean[nStrata];
            java.util.Arrays.fill(all, true);
            RegionalEstimate world = row("World", worldPop, boot.get(oWorld),
                    delta(all, groupOf, groupN, groupVar, groupObs, sumY, sumY2)).leavingOut(worldStockOut);
            RegionalEstimate worldVictims = row("World", worldPop, boot.get(oWorld + 1),
                    delta(all, groupOf, groupN, groupVar, groupObs, sumV, sumV2)).leavingOut(worldVictimsOut);
            int failed = boot.get(oWorld).getFailed();
            return new Result(estimator.name(), scheme, window, replicates, seed, failed, zeroDays, nCases,
                    strataOut, regions, regionVictims, forms, world, worldVictims);
        }

        /** One stratum's row: how it was handled, its cases, victims and stock. */
        private StratumResult stratumResult(int s, double[] factor) {
            int r = strataRF[s][0];
            int f = strataRF[s][1];
            String handling;
            if (excluded[s]) {
                handling = "excluded";
            } else if (groups.get(groupOf[s]).size() > 1) {
                List<String> others = new ArrayList<>();
                for (int t : groups.get(groupOf[s])) {
                    if (t != s) {
                        others.add(label[t]);
                    }
                }
                handling = (estimable[s] ? "pooled (neighbour of " : "pooled with ") + String.join("; ", others)
                        + (estimable[s] ? ")" : "");
            } else {
                handling = "estimated";
            }
            double pop = populations.of(r);
            RegionalEstimate stock = RegionalEstimate.notEstimated(label[s], pop, String.valueOf(stockOut[s]));
            RegionalEstimate victims = RegionalEstimate.notEstimated(label[s], pop, String.valueOf(victimsOut[s]));
            double cases = Double.NaN;
            double casesSe = Double.NaN;
            if (!excluded[s]) {
                int g = groupOf[s];
                boolean[] only = new boolean[nStrata];
                only[s] = true;
                cases = factor[g] * n[s];
                casesSe = Math.sqrt(groupVar[g]) * n[s] / groupObs[g];
                if (stockOut[s] == null) {
                    stock = row(label[s], pop, boot.get(s), delta(only, groupOf, groupN, groupVar, groupObs, sumY,
                            sumY2));
                }
                victims = row(label[s], pop, boot.get(oStrataV + s), delta(only, groupOf, groupN,
                        groupVar, groupObs, sumV, sumV2));
            }
            return new StratumResult(data.edition.regions().get(r), data.forms.get(f), handling, estimable[s],
                    counts[s].clone(), n[s], sumV[s], sumV[s] == 0 ? 0 : sumVD[s] / sumV[s], cases, casesSe,
                    victims, stock);
        }

        /** Region r's stock and victims rows, and what the world totals leave out of it. */
        private void addRegion(int r, List<RegionalEstimate> regions, List<RegionalEstimate> regionVictims,
                               List<String> worldStockOut, List<String> worldVictimsOut) {
            List<Integer> members = new ArrayList<>();
            for (int s = 0; s < nStrata; s++) {
                if (strataRF[s][0] == r) {
                    members.add(s);
                }
            }
            String name = data.edition.regions().get(r);
            double pop = populations.of(r);
            if (members.isEmpty()) {
                String why = Double.isNaN(pop) ? "no population and no reported case" : "no reported case in the region";
                regions.add(RegionalEstimate.notEstimated(name, pop, why));
                regionVictims.add(RegionalEstimate.notEstimated(name, pop, why));
                worldStockOut.add("region '" + name + "' (" + why + ")");
                worldVictimsOut.add("region '" + name + "' (" + why + ")");
                return;
            }
            boolean[] set = new boolean[nStrata];
            members.forEach(s -> set[s] = true);
            RegionalEstimate stock = total(name, pop, boot.get(oRegion + r),
                    delta(set, groupOf, groupN, groupVar, groupObs, sumY, sumY2), members, stockOut, label);
            checkRate(stock, populations, r);
            regions.add(stock);
            regionVictims.add(total(name, pop, boot.get(oRegionV + r),
                    delta(set, groupOf, groupN, groupVar, groupObs, sumV, sumV2), members, victimsOut, label));
            for (int s : members) {
                if (stockOut[s] != null) {
                    worldStockOut.add(part(label[s], stockOut[s]));
                }
                if (victimsOut[s] != null) {
                    worldVictimsOut.add(part(label[s], victimsOut[s]));
                }
            }
        }

        /** The stock row of each form with a stratum. */
        private List<RegionalEstimate> formRows(double worldPop) {
            boolean[] formListed = new boolean[nForms];
            for (int s = 0; s < nStrata; s++) {
                formListed[strataRF[s][1]] = true;
            }
            List<RegionalEstimate> forms = new ArrayList<>();
            for (int f = 0; f < nForms; f++) {
                if (!formListed[f]) {
                    continue;
                }
                boolean[] set = new boolean[nStrata];
                List<Integer> members = new ArrayList<>();
                for (int s = 0; s < nStrata; s++) {
                    set[s] = strataRF[s][1] == f;
                    if (set[s]) {
                        members.add(s);
                    }
                }
                forms.add(total(data.forms.get(f), worldPop, boot.get(oForm + f),
                        delta(set, groupOf, groupN, groupVar, groupObs, sumY, sumY2), members, stockOut, label));
            }
            return forms;
        }
    }

    private boolean finiteEstimate(long[] c) {
        try {
            return Double.isFinite(estimator.estimate(c));
        } catch (PrevalenceException e) {
            return false;
        }
    }

    private static String describe(long[] c, List<String> sources) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < sources.size(); j++) {
            long nj = 0;
            for (int mask = 1; mask < c.length; mask++) {
                if ((mask & (1 << j)) != 0) {
                    nj += c[mask];
                }
            }
            sb.append(sources.get(j)).append(" found ").append(nj).append(", ");
        }
        return sb.append(CaseSteps.overlap(c)).append(" found by two or more").toString();
    }

    private static double delta(boolean[] set, int[] groupOf, double[] groupN, double[] groupVar, long[] groupObs,
                                double[] sum, double[] sum2) {
        int nGroups = groupN.length;
        double[] z = new double[nGroups];
        double[] z2 = new double[nGroups];
        for (int s = 0; s < set.length; s++) {
            if (set[s] && groupOf[s] >= 0) {
                z[groupOf[s]] += sum[s];
                z2[groupOf[s]] += sum2[s];
            }
        }
        double var = 0;
        for (int g = 0; g < nGroups; g++) {
            var += CaseSteps.deltaVariance(groupN[g], groupVar[g], groupObs[g], z[g], z2[g]);
        }
        return Math.sqrt(var);
    }

    /**
     * A total over some strata: not estimated if every stratum is left out, else the bootstrap row
     * naming the strata it leaves out.
     */
    private static RegionalEstimate total(String name, double population, Bootstrap.Result b, double deltaSe,
                                          List<Integer> members, String[] leftOut, String[] label) {
        List<String> out = new ArrayList<>();
        for (int s : members) {
            if (leftOut[s] != null) {
                out.add(part(label[s], leftOut[s]));
            }
        }
        if (out.size() == members.size()) {
            return RegionalEstimate.notEstimated(name, population, "every stratum is left out: " + String.join("; ", out));
        }
        return row(name, population, b, deltaSe).leavingOut(out);
    }

    private static String part(String stratum, String why) {
        return "stratum '" + stratum + "' (" + why + ")";
    }

    /**
     * A stock larger than the population (a rate per 1,000 above 1,000) is impossible: the population
     * is wrong (often given in thousands), so it is an error naming the region and its population rows.
     */
    private static void checkRate(RegionalEstimate stock, Populations populations, int r) {
        double pop = populations.of(r);
        if (stock.isEstimated() && stock.getEstimate() > pop) {
            String rows = populations.rowsOf(r);
            String name = stock.getName();
            throw PrevalenceException.invalidData("region '" + name + "'" + (rows == null ? "" : ", population " + rows),
                    "Region '%s': the estimated stock, %s persons on an average day, is larger than its population "
                            + "%s%s (%s per 1,000); a population counts inhabitants (not thousands) and must be "
                            + "larger than the stock", name, Format.number(Math.rint(stock.getEstimate())),
                    Format.number(pop), rows == null ? "" : " (population file " + rows + ")",
                    Format.number(stock.getPer1000()));
        }
    }

    private static RegionalEstimate row(String name, double population, Bootstrap.Result b, double deltaSe) {
        return new RegionalEstimate(name, population, b.getEstimate(), b.getBootstrapStandardError(), deltaSe,
                b.interval(IntervalType.PERCENTILE, LEVELS[0]), b.interval(IntervalType.PERCENTILE, LEVELS[1]));
    }

    private static int find(int[] parent, int s) {
        while (parent[s] != s) {
            parent[s] = parent[parent[s]];
            s = parent[s];
        }
        return s;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ReportedCasePipeline[%s, %s, minOverlap=%d, %s, seed=%d, %s]",
                estimator.name(), noOverlap, minOverlap, Format.count(replicates, "replicate", "replicates"), seed, scheme);
    }

    /**
     * One stratum (region x form): its observed data, how it was handled, and its estimated cases,
     * victims (flow over the window) and stock (persons on an average day). This class is immutable.
     */
    public static final class StratumResult {
        private final String region;
        private final String form;
        private final String handling;
        private final boolean estimable;
        private final long[] counts;
        private final long observedCases;
        private final double observedVictims;
        private final double meanDays;
        private final double estimatedCases;
        private final double casesSe;
        private final RegionalEstimate victims;
        private final RegionalEstimate stock;

        StratumResult(String region, String form, String handling, boolean estimable, long[] counts,
                      long observedCases, double observedVictims, double meanDays, double estimatedCases,
                      double casesSe, RegionalEstimate victims, RegionalEstimate stock) {
            this.region = region;
            this.form = form;
            this.handling = handling;
            this.estimable = estimable;
            this.counts = counts;
            this.observedCases = observedCases;
            this.observedVictims = observedVictims;
            this.meanDays = meanDays;
            this.estimatedCases = estimatedCases;
            this.casesSe = casesSe;
            this.victims = victims;
            this.stock = stock;
        }

        /** @return the region */
        public String getRegion() {
            return region;
        }

        /** @return the form */
        public String getForm() {
            return form;
        }

        /** @return {@code "estimated"}, {@code "pooled with ..."} or {@code "excluded"} */
        public String getHandling() {
            return handling;
        }

        /** @return whether capture-recapture was estimable in the stratum on its own */
        public boolean isEstimable() {
            return estimable;
        }

        /** @return the capture-history counts by bit mask (a copy) */
        public long[] getCounts() {
            return counts.clone();
        }

        /** @return the observed cases */
        public long getObservedCases() {
            return observedCases;
        }

        /** @return the cases found by two or more sources */
        public long getOverlap() {
            return CaseSteps.overlap(counts);
        }

        /** @return the victims of the observed cases */
        public double getObservedVictims() {
            return observedVictims;
        }

        /** @return the victim-weighted mean days inside the window */
        public double getMeanDaysInWindow() {
            return meanDays;
        }

        /** @return the estimated cases in the universe (NaN if excluded) */
        public double getEstimatedCases() {
            return estimatedCases;
        }

        /** @return the analytic standard error of the estimated cases (NaN if excluded or none) */
        public double getEstimatedCasesStandardError() {
            return casesSe;
        }

        /** @return the estimated victims over the window ({@link Status#NOT_ESTIMATED}, with its reason, if excluded) */
        public RegionalEstimate getVictims() {
            return victims;
        }

        /**
         * @return the estimated stock (persons on an average day); {@link Status#NOT_ESTIMATED}, with its
         *     reason, if the stratum was excluded or none of its cases has a day inside the window
         */
        public RegionalEstimate getStock() {
            return stock;
        }

        /** @return the stock's status: {@link Status#OK}, or {@link Status#NOT_ESTIMATED} */
        public Status getStatus() {
            return stock.getStatus();
        }

        /** @return why the stock was not estimated, or {@code null} */
        public String getReason() {
            return stock.getReason();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s | %s [%s]: observed %s (%s on 2+ sources), %s victims; "
                            + "cases %s; stock %s", region, form, handling,
                    Format.count(observedCases, "case", "cases"),
                    Format.count(getOverlap()), Format.number(observedVictims), Format.number(estimatedCases),
                    !stock.isEstimated() ? "not estimated (" + stock.getReason() + ")"
                            : Format.number(stock.getEstimate()) + " (SE " + Format.number(stock.getStandardError()) + ")");
        }
    }

    /** The pipeline's estimates. This class is immutable. */
    public static final class Result {
        private final String estimator;
        private final BootstrapScheme scheme;
        private final ReferenceWindow window;
        private final int replicates;
        private final long seed;
        private final int failed;
        private final long zeroDayCases;
        private final int cases;
        private final List<StratumResult> strata;
        private final List<RegionalEstimate> regions;
        private final List<RegionalEstimate> regionVictims;
        private final List<RegionalEstimate> forms;
        private final RegionalEstimate world;
        private final RegionalEstimate worldVictims;

        Result(String estimator, BootstrapScheme scheme, ReferenceWindow window, int replicates, long seed, int failed,
               long zeroDayCases, int cases, List<StratumResult> strata, List<RegionalEstimate> regions,
               List<RegionalEstimate> regionVictims, List<RegionalEstimate> forms, RegionalEstimate world,
               RegionalEstimate worldVictims) {
            this.estimator = estimator;
            this.scheme = scheme;
            this.window = window;
            this.replicates = replicates;
            this.seed = seed;
            this.failed = failed;
            this.zeroDayCases = zeroDayCases;
            this.cases = cases;
            this.strata = List.copyOf(strata);
            this.regions = List.copyOf(regions);
            this.regionVictims = List.copyOf(regionVictims);
            this.forms = List.copyOf(forms);
            this.world = world;
            this.worldVictims = worldVictims;
        }

        /** @return the strata, in region then form order */
        public List<StratumResult> getStrata() {
            return strata;
        }

        /** @return the stock (persons on an average day of the window) by region */
        public List<RegionalEstimate> getRegions() {
            return regions;
        }

        /** @return the victims over the whole window (flow) by region */
        public List<RegionalEstimate> getRegionVictims() {
            return regionVictims;
        }

        /** @return the stock by form, with per-1,000 rates on the world population */
        public List<RegionalEstimate> getForms() {
            return forms;
        }

        /** @return the world stock */
        public RegionalEstimate getWorld() {
            return world;
        }

        /** @return the world victims over the window (flow) */
        public RegionalEstimate getWorldVictims() {
            return worldVictims;
        }

        /**
         * @param region a region name (case-insensitive)
         * @return its stock estimate
         */
        public RegionalEstimate region(String region) {
            for (RegionalEstimate r : regions) {
                if (r.getName().equalsIgnoreCase(region.trim())) {
                    return r;
                }
            }
            throw PrevalenceException.invalidArgument("region '" + region + "'", "No region '%s' in the result", region);
        }

        /** @return the stratum estimator's name */
        public String getEstimator() {
            return estimator;
        }

        /** @return the bootstrap scheme */
        public BootstrapScheme getScheme() {
            return scheme;
        }

        /** @return the reference window */
        public ReferenceWindow getWindow() {
            return window;
        }

        /** @return bootstrap replicates requested */
        public int getReplicates() {
            return replicates;
        }

        /** @return the seed */
        public long getSeed() {
            return seed;
        }

        /** @return bootstrap replicates that failed (omitted) */
        public int getFailedReplicates() {
            return failed;
        }

        /** @return cases with no day inside the window (they add cases but no stock) */
        public long getZeroDayCases() {
            return zeroDayCases;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "Reported-case pipeline: %s, %s, window %s (%s), "
                            + "%s bootstrap (%s, %d failed, seed %d)%n", Format.count(cases, "case", "cases"), estimator,
                    window, Format.count(window.days(), "day", "days"), scheme.name().toLowerCase(Locale.ROOT),
                    Format.count(replicates, "replicate", "replicates"), failed, seed));
            sb.append("Strata:").append(System.lineSeparator());
            strata.forEach(s -> sb.append("  ").append(s).append(System.lineSeparator()));
            sb.append("Regions (stock on an average day):").append(System.lineSeparator());
            regions.forEach(r -> sb.append("  ").append(r).append(System.lineSeparator()));
            sb.append("Forms:").append(System.lineSeparator());
            forms.forEach(r -> sb.append("  ").append(r).append(System.lineSeparator()));
            sb.append("  ").append(world);
            return sb.toString();
        }
    }
}
