package org.prevalence.regional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.bootstrap.IntervalType;

/**
 * The survey pipeline of the Global Estimates of Modern Slavery (2017, 2022): national prevalences
 * from household surveys, imputation for countries without a survey, and regional and world totals
 * with Monte Carlo uncertainty and outside components. For region \( g \):
 * <p>\[ \hat T_g = \sum_{c \in g,\ \text{surveyed}} N_c \hat p_c
 *   + \sum_{c \in g,\ \text{imputed}} N_c \tilde p_c + \sum_{j \in g} C_j, \]
 * <p>where \( N_c \) is the population, \( \hat p_c \) the survey prevalence, \( \tilde p_c \) the
 * imputed prevalence of the {@link ImputationModel} and \( C_j \) the outside components. The world
 * adds the regions and the world-level components.
 *
 * <p>Monte Carlo uncertainty, draw \( b = 1..B \) with generator
 * {@link Bootstrap#generator(long, long) generator(seed, b)} (bit-identical for any thread count):
 * <ol>
 * <li>each surveyed prevalence from its sampling distribution ({@link SamplingError}; by default a
 * beta distribution with mean \( \hat p_c \) and variance \( s_c^2 \), the effective-sample-size model,
 * so that the draws of a total are centred on its survey estimate), with standardised deviation
 * \( z_c = (p_c^* - \hat p_c)/s_c \);</li>
 * <li>({@link ModelUncertainty#Q_PROFILE}, the default) \( \tau^{2*} \) from the Q-profile confidence
 * distribution of the between-country variance (Viechtbauer 2007), discretised at
 * {@value #Q_PROFILE_GRID} equally probable points, and the coefficients as the weighted refit to the
 * drawn surveys,
 * <p>\[ \beta^* = \hat\beta(\tau^{2*}) + A(\tau^{2*})\,(\sqrt{v_c}\,z_c + \tau^* Z'_c)_c, \quad
 *   A(\tau^2) = (X^\top W X)^{-1} X^\top W, \ W = \mathrm{diag}(1/(v_c + \tau^2)), \]
 * <p>which has the conditional covariance \( (X^\top W X)^{-1} \) and, unlike independent draws, the
 * positive correlation between a region's surveyed and imputed errors (a survey that came out high
 * raised its region's effect, hence the imputed prevalences);</li>
 * <li>imputed prevalences \( \mathrm{expit}(x_c^\top\beta^* + \tau^* Z_c) \) (model and
 * between-country error);</li>
 * <li>components normal with the standard deviation of their 95 % interval, truncated at 0.</li>
 * </ol>
 * <p>The standard error is the draws' standard deviation; the intervals are their 68 % and 95 %
 * percentile intervals. Imputed point prevalences are Finney-corrected
 * ({@link ImputationModel.Fit#expectedPrevalence(double[])}). On simulated worlds (ten surveys of
 * about 13 cases per region, twenty countries imputed; {@code SurveyCoverageTest}, 800 worlds) the
 * 95 % intervals cover 0.945-0.959 and the 68 % intervals 0.664-0.710 of the true totals, against
 * 0.89-0.93 and 0.60-0.67 (400 worlds) with a plug-in \( \hat\tau^2 \), coefficients drawn independently of the surveys
 * ({@link ModelUncertainty#KNAPP_HARTUNG}) and logit-normal survey draws.
 * <p>References: Viechtbauer, W. (2007), Statistics in Medicine 26, 37-52, doi:10.1002/sim.2514;
 * DerSimonian, R. and Laird, N. (1986), Controlled Clinical Trials 7, 177-188,
 * doi:10.1016/0197-2456(86)90046-2; Knapp, G. and Hartung, J. (2003), Statistics in Medicine 22,
 * 2693-2710, doi:10.1002/sim.1482.
 *
 * <p>Every region of the edition is listed: a region with no country in the national data is
 * {@link org.prevalence.core.Status#NOT_ESTIMATED} with its reason, and the world names it among
 * the parts it leaves out. A region whose total exceeds its population (only outside components can
 * do that) is an error.
 *
 * <p>This class is immutable.
 */
public final class SurveyPipeline {
    /** The default number of Monte Carlo draws, 10,000. */
    public static final int DEFAULT_DRAWS = 10_000;
    private static final SurveyPipeline DEFAULT = new SurveyPipeline(ImputationModel.withDefaults(), List.of(),
            DEFAULT_DRAWS, Bootstrap.DEFAULT_SEED, 0, SamplingError.BETA, ModelUncertainty.Q_PROFILE);
    /** Points of the discretised Q-profile distribution of tau^2. */
    static final int Q_PROFILE_GRID = 256;

    private final ImputationModel model;
    private final List<OutsideComponent> components;
    private final int draws;
    private final long seed;
    private final int threads;
    private final SamplingError samplingError;
    private final ModelUncertainty modelUncertainty;

    private SurveyPipeline(ImputationModel model, List<OutsideComponent> components, int draws, long seed, int threads,
                           SamplingError samplingError, ModelUncertainty modelUncertainty) {
        this.samplingError = samplingError;
        this.modelUncertainty = modelUncertainty;
        this.model = model;
        this.components = components;
        this.draws = draws;
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * Defaults: {@link ImputationModel#withDefaults()}, no outside components,
     * {@value #DEFAULT_DRAWS} draws, seed {@link Bootstrap#DEFAULT_SEED}, all processors,
     * {@link SamplingError#BETA}, {@link ModelUncertainty#Q_PROFILE}.
     * @return the default pipeline
     */
    public static SurveyPipeline withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the imputation model
     * @return a copy using it
     */
    public SurveyPipeline with(ImputationModel v) {
        return new SurveyPipeline(Objects.requireNonNull(v, "model"), components, draws, seed, threads, samplingError,
                modelUncertainty);
    }

    /**
     * @param v how surveyed prevalences are drawn
     * @return a copy using it
     */
    public SurveyPipeline with(SamplingError v) {
        return new SurveyPipeline(model, components, draws, seed, threads, Objects.requireNonNull(v, "samplingError"),
                modelUncertainty);
    }

    /**
     * @param v how the imputation model's uncertainty is propagated
     * @return a copy using it
     */
    public SurveyPipeline with(ModelUncertainty v) {
        return new SurveyPipeline(model, components, draws, seed, threads, samplingError,
                Objects.requireNonNull(v, "modelUncertainty"));
    }

    /**
     * @param v an outside component to add (to its region, or to the world if its region is null)
     * @return a copy with it
     */
    public SurveyPipeline with(OutsideComponent v) {
        List<OutsideComponent> c = new ArrayList<>(components);
        c.add(Objects.requireNonNull(v, "component"));
        return new SurveyPipeline(model, List.copyOf(c), draws, seed, threads, samplingError, modelUncertainty);
    }

    /**
     * @param v Monte Carlo draws, {@code >= 2}
     * @return a copy using it
     */
    public SurveyPipeline withDraws(int v) {
        return new SurveyPipeline(model, components, Checks.atLeast("draws", v, 2), seed, threads, samplingError,
                modelUncertainty);
    }

    /**
     * @param v the seed
     * @return a copy using it
     */
    public SurveyPipeline withSeed(long v) {
        return new SurveyPipeline(model, components, draws, v, threads, samplingError, modelUncertainty);
    }

    /**
     * @param v threads ({@code >= 1}, or 0 for all processors; never changes the result)
     * @return a copy using it
     */
    public SurveyPipeline withThreads(int v) {
        return new SurveyPipeline(model, components, draws, seed, Checks.atLeast("threads", v, 0), samplingError,
                modelUncertainty);
    }

    /**
     * Runs the pipeline.
     * @param data the national rows
     * @param covariates the covariates of the imputation model ({@link Covariates#none()} for region effects only)
     * @return the estimates
     * @throws PrevalenceException from the model fit, or if a component names an unknown region
     */
    public Result estimate(NationalData data, Covariates covariates) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(covariates, "covariates");
        int nRegions = data.edition.regions().size();
        boolean anyImputed = data.surveyed() < data.size();
        ImputationModel.Fit fit = anyImputed || data.surveyed() > 0 ? fitOrNull(data, covariates, anyImputed) : null;
        Countries countries = countries(data, covariates, fit);
        SurveyDraws.Components comp = components(data, countries.listed);
        double[] point = pointTotals(countries.point, comp);
        SurveyDraws mc = new SurveyDraws(nRegions, point, countries.surveyed, countries.imputed,
                modelDraws(fit, countries.imputed.x.length), comp);
        List<Bootstrap.Result> res = Bootstrap.withDefaults().withReplicates(draws).withSeed(seed).withThreads(threads)
                .runMany(mc, nRegions + 1, (buf, out) -> System.arraycopy(buf, 0, out, 0, out.length));
        return result(data, countries, res, fit);
    }

    /** The countries split into surveyed and imputed, with the point totals and populations of the regions. */
    private static final class Countries {
        final SurveyDraws.Surveyed surveyed;
        final SurveyDraws.Imputed imputed;
        final List<CountryResult> rows = new ArrayList<>();
        final double[] regionPop;
        final boolean[] listed;
        final double[] point; // regions, then the world (filled by pointTotals)

        Countries(int surveyed, int imputed, int regions) {
            this.surveyed = new SurveyDraws.Surveyed(surveyed);
            this.imputed = new SurveyDraws.Imputed(imputed);
            regionPop = new double[regions];
            listed = new boolean[regions];
            point = new double[regions + 1];
        }
    }

    /** Each country's prevalence as used: the survey's, or the imputation model's expected prevalence. */
    private Countries countries(NationalData data, Covariates covariates, ImputationModel.Fit fit) {
        int n = data.size();
        Countries out = new Countries(data.surveyed(), n - data.surveyed(), data.edition.regions().size());
        for (int r = 0; r < n; r++) {
            int g = data.region[r];
            String region = data.edition.regions().get(g);
            out.listed[g] = true;
            out.regionPop[g] += data.population[r];
            if (!Double.isNaN(data.prevalence[r])) {
                out.surveyed.add(g, data.population[r], data.prevalence[r], data.se[r], samplingError);
                out.point[g] += data.population[r] * data.prevalence[r];
                out.rows.add(new CountryResult(data.country[r], region, data.population[r], data.prevalence[r],
                        data.se[r], false));
            } else {
                double[] x = ImputationModel.designRow(data, covariates, r, fit.regionColumn, fit.firstCovariate,
                        fit.getNames().size());
                double mean = fit.expectedPrevalence(x);
                double[] pred = MetaRegression.logitNormalMoments(fit.predictLogit(x),
                        Math.sqrt(fit.parameterVariance(x) + fit.getTau2()));
                out.imputed.add(g, data.population[r], x);
                out.point[g] += data.population[r] * mean;
                out.rows.add(new CountryResult(data.country[r], region, data.population[r], mean, pred[1], true));
            }
        }
        return out;
    }

    /** The outside components, each in a region with countries (or the world). */
    private SurveyDraws.Components components(NationalData data, boolean[] listed) {
        int nComp = components.size();
        SurveyDraws.Components out = new SurveyDraws.Components(new int[nComp], new double[nComp], new double[nComp]);
        for (int j = 0; j < nComp; j++) {
            OutsideComponent c = components.get(j);
            out.region()[j] = c.region() == null ? -1 : data.edition.indexOf(c.region());
            if (c.region() != null && (out.region()[j] < 0 || !listed[out.region()[j]])) {
                throw PrevalenceException.invalidArgument("component '" + c.name() + "'",
                        "Component '%s' is for region '%s', which has no countries in the national data; the "
                                + "regions are %s", c.name(), c.region(), data.edition.regions());
            }
            out.mean()[j] = c.estimate();
            out.sd()[j] = c.standardDeviation();
        }
        return out;
    }

    /** Adds the components to the countries' regional point totals, and the world's total last. */
    private static double[] pointTotals(double[] point, SurveyDraws.Components comp) {
        int nRegions = point.length - 1;
        for (int j = 0; j < comp.mean().length; j++) {
            if (comp.region()[j] >= 0) {
                point[comp.region()[j]] += comp.mean()[j];
            }
        }
        for (int g = 0; g < nRegions; g++) {
            point[nRegions] += point[g];
        }
        for (int j = 0; j < comp.mean().length; j++) {
            if (comp.region()[j] < 0) {
                point[nRegions] += comp.mean()[j];
            }
        }
        return point;
    }

    /** The imputation model's draws: the Q-profile, or the Knapp-Hartung scaled Cholesky factor. */
    private SurveyDraws.Model modelDraws(ImputationModel.Fit fit, int nImp) {
        double[] beta = fit == null ? new double[0] : fit.getCoefficients();
        double[][] chol = fit == null || nImp == 0 ? new double[0][0] : fit.choleskyLower();
        if (fit != null && nImp > 0) {
            double scale = Math.sqrt(fit.getKnappHartungScale());
            for (double[] rowL : chol) {
                for (int j = 0; j < rowL.length; j++) {
                    rowL[j] *= scale;
                }
            }
        }
        MetaRegression.QProfile qp = fit != null && nImp > 0 && modelUncertainty == ModelUncertainty.Q_PROFILE
                ? fit.qProfile(Q_PROFILE_GRID) : null;
        return new SurveyDraws.Model(beta, chol, fit == null ? 0 : Math.sqrt(fit.getTau2()),
                fit == null ? 0 : fit.getDegreesOfFreedom(), qp);
    }

    /** The regional rows (every region of the edition) and the world from the draws. */
    private Result result(NationalData data, Countries countries, List<Bootstrap.Result> res, ImputationModel.Fit fit) {
        int nRegions = data.edition.regions().size();
        List<RegionalEstimate> regions = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        double worldPop = 0;
        for (int g = 0; g < nRegions; g++) {
            String name = data.edition.regions().get(g);
            double pop = countries.regionPop[g];
            if (countries.listed[g]) {
                RegionalEstimate e = row(name, pop, res.get(g));
                if (e.getEstimate() > pop) {
                    // only outside components can do this: a country's prevalence is at most 1
                    throw PrevalenceException.invalidArgument("region '" + name + "'",
                            "Region '%s': the estimate, %s persons, is larger than the region's population %s (the "
                                    + "sum of its countries' population rows), because of the outside components "
                                    + "added to it; check the components' estimates", name,
                            Format.number(Math.rint(e.getEstimate())), Format.number(pop));
                }
                regions.add(e);
                worldPop += pop;
            } else {
                String why = "no country of the region is in the national data";
                regions.add(RegionalEstimate.notEstimated(name, Double.NaN, why));
                leftOut.add("region '" + name + "' (" + why + ")");
            }
        }
        RegionalEstimate world = row("World", worldPop, res.get(nRegions)).leavingOut(leftOut);
        return new Result(regions, world, countries.rows, fit, draws, seed, components);
    }

    private ImputationModel.Fit fitOrNull(NationalData data, Covariates covariates, boolean needed) {
        try {
            return model.fit(data, covariates);
        } catch (PrevalenceException e) {
            if (needed) {
                throw e;
            }
            return null; // every country surveyed: the model is only informative
        }
    }

    private static RegionalEstimate row(String name, double pop, Bootstrap.Result b) {
        return new RegionalEstimate(name, pop, b.getEstimate(), b.getBootstrapStandardError(), Double.NaN,
                b.interval(IntervalType.PERCENTILE, ReportedCasePipeline.LEVELS[0]),
                b.interval(IntervalType.PERCENTILE, ReportedCasePipeline.LEVELS[1]));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SurveyPipeline[%s, %s sampling error, %s model uncertainty, %s, %s, "
                + "seed %d]", model, samplingError, modelUncertainty,
                Format.count(components.size(), "outside component", "outside components"),
                Format.count(draws, "draw", "draws"), seed);
    }

    /** A country's prevalence as used: surveyed, or imputed (predictive mean and SD). This class is immutable. */
    public static final class CountryResult {
        private final String country;
        private final String region;
        private final double population;
        private final double prevalence;
        private final double se;
        private final boolean imputed;

        CountryResult(String country, String region, double population, double prevalence, double se, boolean imputed) {
            this.country = country;
            this.region = region;
            this.population = population;
            this.prevalence = prevalence;
            this.se = se;
            this.imputed = imputed;
        }

        /** @return the country */
        public String getCountry() {
            return country;
        }

        /** @return its region */
        public String getRegion() {
            return region;
        }

        /** @return its population */
        public double getPopulation() {
            return population;
        }

        /** @return the survey prevalence, or the imputed expected prevalence */
        public double getPrevalence() {
            return prevalence;
        }

        /** @return the survey SE, or the predictive SD of an imputed prevalence (model + between-country error) */
        public double getStandardError() {
            return se;
        }

        /** @return whether the prevalence was imputed */
        public boolean isImputed() {
            return imputed;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (%s): %s per 1,000 (SE %s)%s", country, region,
                    Format.number(1000 * prevalence), Format.number(1000 * se), imputed ? ", imputed" : "");
        }
    }

    /** The survey pipeline's estimates. This class is immutable. */
    public static final class Result {
        private final List<RegionalEstimate> regions;
        private final RegionalEstimate world;
        private final List<CountryResult> countries;
        private final ImputationModel.Fit fit;
        private final int draws;
        private final long seed;
        private final List<OutsideComponent> components;

        Result(List<RegionalEstimate> regions, RegionalEstimate world, List<CountryResult> countries,
               ImputationModel.Fit fit, int draws, long seed, List<OutsideComponent> components) {
            this.regions = List.copyOf(regions);
            this.world = world;
            this.countries = List.copyOf(countries);
            this.fit = fit;
            this.draws = draws;
            this.seed = seed;
            this.components = components;
        }

        /** @return regional totals */
        public List<RegionalEstimate> getRegions() {
            return regions;
        }

        /** @return the world total */
        public RegionalEstimate getWorld() {
            return world;
        }

        /** @return the countries (in place of the case pipeline's strata) */
        public List<CountryResult> getCountries() {
            return countries;
        }

        /** @return the fitted imputation model, or null if every country was surveyed and it could not be fitted */
        public ImputationModel.Fit getModel() {
            return fit;
        }

        /** @return the Monte Carlo draws */
        public int getDraws() {
            return draws;
        }

        /** @return the seed */
        public long getSeed() {
            return seed;
        }

        /** @return the outside components added */
        public List<OutsideComponent> getComponents() {
            return components;
        }

        /**
         * @param region a region name (case-insensitive)
         * @return its estimate
         */
        public RegionalEstimate region(String region) {
            for (RegionalEstimate r : regions) {
                if (r.getName().equalsIgnoreCase(region.trim())) {
                    return r;
                }
            }
            throw PrevalenceException.invalidArgument("region '" + region + "'", "No region '%s' in the result", region);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "Survey pipeline: %s (%d imputed), Monte Carlo of %s, seed %d%n",
                    Format.count(countries.size(), "country", "countries"),
                    countries.stream().filter(CountryResult::isImputed).count(), Format.count(draws, "draw", "draws"),
                    seed));
            if (fit != null) {
                sb.append(fit).append(System.lineSeparator());
            }
            components.forEach(c -> sb.append("Component: ").append(c).append(System.lineSeparator()));
            regions.forEach(r -> sb.append("  ").append(r).append(System.lineSeparator()));
            sb.append("  ").append(world);
            return sb.toString();
        }
    }
}
