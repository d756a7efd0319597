package org.prevalence.regional;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Status;
import org.prevalence.core.bootstrap.Bootstrap;

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
        CaseRun run = new CaseRun(new Settings(estimator, noOverlap, neighbours, minOverlap, replicates, seed, threads,
                scheme), data, populations, window);
        run.indexStrata();
        run.sumCases();
        run.markEstimability();
        run.groupStrata();
        run.fitGroups();
        run.bootstrap();
        return new CaseRows(run).leftOut().result();
    }

    /** The pipeline's settings, handed to one {@link CaseRun}. */
    record Settings(StratumEstimator estimator, NoOverlap noOverlap, Map<String, String> neighbours, int minOverlap,
                    int replicates, long seed, int threads, BootstrapScheme scheme) {
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
