package org.prevalence.datasets.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.Bootstrap;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A seeded synthetic world with a known truth, built to reproduce the published ILO 2012 regional
 * figures of forced labour (ILO SAP-FL 2012; bundled in {@code published/ilo2012_regional_forced_labour.csv}):
 * 11.7 M at 3.3 per 1,000 in Asia-Pacific, 3.7 M at 4.0 in Africa, 1.8 M at 3.1 in Latin America
 * and the Caribbean, 1.6 M at 4.2 in Central and South-Eastern Europe (non-EU) and CIS, 1.5 M at
 * 1.5 in the Developed Economies and EU, 0.6 M at 3.4 in the Middle East.
 *
 * <p>The world, in order of generation (each part from its own generator
 * {@link Bootstrap#generator(long, long) generator(seed, part)}):
 * <ol>
 * <li><b>Countries.</b> Each region's population is count / rate (Asia-Pacific 11.7 M / 3.3 per
 * 1,000 = 3.545 billion); it is split among the region's countries by log-normal shares (sd 1.2).
 * Covariates: {@code development} ~ N(0, 1) (+1.5 in the Developed Economies), {@code conflict} ~
 * Bernoulli(0.15). Country prevalence (all forms):
 * \( \mathrm{logit}\,p_c = \alpha_g - 0.4\,\mathrm{development}_c + 0.6\,\mathrm{conflict}_c + u_c \),
 * \( u_c \sim N(0, 0.3^2) \), with \( \alpha_g \) solved (bisection) so that
 * \( \sum_{c \in g} N_c p_c \) equals the published count exactly.</li>
 * <li><b>Reported cases.</b> Strata are region x form, with the published world shares of the forms
 * (state-imposed 2.2, forced labour exploitation 14.2, forced commercial sexual exploitation 4.5 of
 * 20.9 M) applied in every region. Each stratum has a universe of cases (size proportional to the
 * square root of its target stock, scaled to give the requested number of observed cases); each
 * case has a country (chosen in proportion to the country's stock), a situation starting uniformly
 * in [window start - 2 years, window end] and lasting 1 + Exponential(900) days, and a number of
 * victims proportional to a log-normal weight, calibrated so that the stratum's stock
 * \( \sum_i v_i d_i / W \) matches its target (to rounding of the victims). Two research teams find
 * each case independently with stratum-specific probabilities (team A 0.20-0.45, team B 0.15-0.40);
 * cases found by neither are unobserved. The truth of the case pipeline is the universe's stock.</li>
 * <li><b>Household surveys</b> in a share of the countries of every region (at least two per
 * region): the survey measures privately imposed forced labour, prevalence
 * \( p_c (1 - 2.2/20.9) \), with an effective sample size {@code surveySize / designEffect};
 * estimate \( k / n_{eff} \) with \( k \) binomial (0.5 / n_eff when \( k = 0 \)) and standard error
 * \( \sqrt{\hat p (1 - \hat p) / n_{eff}} \). State-imposed forced labour is given per region as an
 * outside component (truth times 1 + 0.1 Z, 95 % interval +- 19.6 %).</li>
 * </ol>
 *
 * <p>This class is immutable. It is long because the world is one generative model in one place, in the
 * order its random draws are made (countries, then cases, then surveys, from one seeded stream each):
 * splitting it across files would hide that order, on which every figure of the world depends.
 */
public final class SyntheticWorld {
    /**
     * A published regional figure.
     * @param region  the ILO 2012 region
     * @param count   persons in forced labour
     * @param per1000 per 1,000 inhabitants
     */
    public record Target(String region, double count, double per1000) {
        /** @return the implied population, count / rate */
        public double population() {
            return count / per1000 * 1000;
        }
    }

    /** The ILO 2012 regional figures (status verified, sources ILO2012_STATS and ILO2012_PT). */
    public static final List<Target> ILO_2012 = List.of(new Target("Asia-Pacific", 11.7e6, 3.3),
            new Target("Africa", 3.7e6, 4.0), new Target("Latin America and the Caribbean", 1.8e6, 3.1),
            new Target("Central and South-Eastern Europe (non-EU) and CIS", 1.6e6, 4.2),
            new Target("Developed Economies and European Union", 1.5e6, 1.5), new Target("Middle East", 0.6e6, 3.4));
    /** The forms, as in the case pipeline's defaults. */
    public static final List<String> FORMS = List.of("state-imposed", "forced labour exploitation",
            "forced commercial sexual exploitation");
    /** World shares of the forms (ILO 2012: 2.2, 14.2 and 4.5 of 20.9 million). */
    static final double[] FORM_SHARE = {2.2 / 20.9, 14.2 / 20.9, 4.5 / 20.9};
    private static final String[] CODES = {"AP", "AF", "LAC", "CSEE", "DE", "ME"};
    private static final double[] COUNTRY_SHARE = {0.2, 0.27, 0.165, 0.1, 0.2, 0.065};
    /** The reference window, 2002-01-01 to 2011-12-31 (ILO 2012). */
    public static final LocalDate WINDOW_START = LocalDate.of(2002, 1, 1);
    /** The window's last day. */
    public static final LocalDate WINDOW_END = LocalDate.of(2011, 12, 31);

    private static final SyntheticWorld DEFAULT = new SyntheticWorld(200, 50_000, 2012L, 0.3, 20_000, 2.0);

    private final int countries;
    private final int observedCases;
    private final long seed;
    private final double surveyedShare;
    private final int surveySize;
    private final double designEffect;

    private SyntheticWorld(int countries, int observedCases, long seed, double surveyedShare, int surveySize,
                           double designEffect) {
        this.countries = countries;
        this.observedCases = observedCases;
        this.seed = seed;
        this.surveyedShare = surveyedShare;
        this.surveySize = surveySize;
        this.designEffect = designEffect;
    }

    /**
     * Defaults: 200 countries, about 50,000 observed cases, seed 2012, surveys in 30 % of the
     * countries of each region (at least 2), 20,000 respondents per survey, design effect 2.
     * @return the default generator
     */
    public static SyntheticWorld withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the number of countries, {@code >= 18} (at least 3 per region)
     * @return a copy
     */
    public SyntheticWorld withCountries(int v) {
        return new SyntheticWorld(Checks.atLeast("countries", v, 18), observedCases, seed, surveyedShare, surveySize,
                designEffect);
    }

    /**
     * @param v the expected number of observed (reported) cases, {@code >= 100}
     * @return a copy
     */
    public SyntheticWorld withObservedCases(int v) {
        return new SyntheticWorld(countries, Checks.atLeast("observedCases", v, 100), seed, surveyedShare, surveySize,
                designEffect);
    }

    /**
     * @param v the seed
     * @return a copy
     */
    public SyntheticWorld withSeed(long v) {
        return new SyntheticWorld(countries, observedCases, v, surveyedShare, surveySize, designEffect);
    }

    /**
     * @param v the share of each region's countries with a survey, in (0, 1]
     * @return a copy
     */
    public SyntheticWorld withSurveyedShare(double v) {
        if (!(v > 0 && v <= 1)) {
            throw PrevalenceException.invalidArgument("surveyedShare", "surveyedShare must be in (0, 1], got %s", v);
        }
        return new SyntheticWorld(countries, observedCases, seed, v, surveySize, designEffect);
    }

    /**
     * @param v respondents per survey, {@code >= 100}
     * @return a copy
     */
    public SyntheticWorld withSurveySize(int v) {
        return new SyntheticWorld(countries, observedCases, seed, surveyedShare, Checks.atLeast("surveySize", v, 100),
                designEffect);
    }

    /**
     * Generates the world.
     * @return the world
     */
    public World generate() {
        UniformRandomProvider rngC = Bootstrap.generator(seed, 0);
        ZigguratSampler.NormalizedGaussian zC = ZigguratSampler.NormalizedGaussian.of(rngC);
        int nR = ILO_2012.size();
        int[] perRegion = allocate(countries, COUNTRY_SHARE, 3);
        int n = countries;
        String[] name = new String[n];
        int[] region = new int[n];
        double[] pop = new double[n];
        double[] dev = new double[n];
        int[] conflict = new int[n];
        double[] prev = new double[n];
        int c = 0;
        int[] firstCountry = new int[nR + 1];
        for (int g = 0; g < nR; g++) {
            firstCountry[g] = c;
            double[] w = new double[perRegion[g]];
            double sw = 0;
            for (int j = 0; j < w.length; j++) {
                w[j] = Math.exp(1.2 * zC.sample());
                sw += w[j];
            }
            double target = ILO_2012.get(g).population();
            double[] lin = new double[w.length];
            for (int j = 0; j < w.length; j++, c++) {
                name[c] = String.format(Locale.ROOT, "%s-%03d", CODES[g], j + 1);
                region[c] = g;
                pop[c] = Math.max(1000, Math.rint(target * w[j] / sw));
                dev[c] = zC.sample() + (g == 4 ? 1.5 : 0);
                conflict[c] = rngC.nextDouble() < 0.15 ? 1 : 0;
                lin[j] = -0.4 * dev[c] + 0.6 * conflict[c] + 0.3 * zC.sample();
            }
            double alpha = solveIntercept(pop, firstCountry[g], lin, ILO_2012.get(g).count());
            for (int j = 0; j < w.length; j++) {
                prev[firstCountry[g] + j] = expit(alpha + lin[j]);
            }
        }
        firstCountry[nR] = n;
        Cases cases = cases(name, region, pop, prev, firstCountry);
        Surveys surveys = surveys(region, prev, firstCountry);
        return new World(this, name, region, pop, dev, conflict, prev, cases, surveys);
    }

    /** Largest-remainder allocation with a minimum per part. */
    static int[] allocate(int total, double[] share, int min) {
        int k = share.length;
        int[] out = new int[k];
        int rest = total - min * k;
        double[] rem = new double[k];
        int used = 0;
        for (int i = 0; i < k; i++) {
            double x = rest * share[i];
            out[i] = min + (int) Math.floor(x);
            rem[i] = x - Math.floor(x);
            used += out[i];
        }
        while (used < total) {
            int best = 0;
            for (int i = 1; i < k; i++) {
                if (rem[i] > rem[best]) {
                    best = i;
                }
            }
            out[best]++;
            rem[best] = -1;
            used++;
        }
        return out;
    }

    /** Bisection for alpha with sum pop * expit(alpha + lin) = count. */
    private static double solveIntercept(double[] pop, int from, double[] lin, double count) {
        double lo = -20;
        double hi = 5;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            double s = 0;
            for (int j = 0; j < lin.length; j++) {
                s += pop[from + j] * expit(mid + lin[j]);
            }
            if (s < count) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The reported-case part of the world. */
    static final class Cases {
        final Table observed;
        final double[][] trueStock;   // [region][form]
        final double[][] trueVictims; // [region][form]
        final long[][] universe;      // [region][form]

        Cases(Table observed, double[][] trueStock, double[][] trueVictims, long[][] universe) {
            this.observed = observed;
            this.trueStock = trueStock;
            this.trueVictims = trueVictims;
            this.universe = universe;
        }
    }

    private Cases cases(String[] name, int[] region, double[] pop, double[] prev, int[] firstCountry) {
        UniformRandomProvider rng = Bootstrap.generator(seed, 1);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        int nR = ILO_2012.size();
        int nF = FORMS.size();
        long w0 = WINDOW_START.toEpochDay();
        long w1 = WINDOW_END.toEpochDay();
        double wDays = w1 - w0 + 1;
        double[][] pa = new double[nR][nF];
        double[][] pb = new double[nR][nF];
        double[][] target = new double[nR][nF];
        double sumSqrt = 0;
        double sumSqrtP = 0;
        for (int g = 0; g < nR; g++) {
            for (int f = 0; f < nF; f++) {
                pa[g][f] = 0.20 + 0.25 * rng.nextDouble();
                pb[g][f] = 0.15 + 0.25 * rng.nextDouble();
                target[g][f] = ILO_2012.get(g).count() * FORM_SHARE[f];
                double pObs = 1 - (1 - pa[g][f]) * (1 - pb[g][f]);
                sumSqrt += Math.sqrt(target[g][f]);
                sumSqrtP += Math.sqrt(target[g][f]) * pObs;
            }
        }
        StringColumn id = StringColumn.create("case_id");
        IntColumn ta = IntColumn.create("team_a");
        IntColumn tb = IntColumn.create("team_b");
        StringColumn country = StringColumn.create("country");
        StringColumn reg = StringColumn.create("region");
        StringColumn form = StringColumn.create("form");
        LongColumn victims = LongColumn.create("victims");
        DateColumn start = DateColumn.create("start_date");
        DateColumn end = DateColumn.create("end_date");
        double[][] trueStock = new double[nR][nF];
        double[][] trueVictims = new double[nR][nF];
        long[][] universe = new long[nR][nF];
        int k = 0;
        for (int g = 0; g < nR; g++) {
            // country choice in proportion to the country's stock
            int from = firstCountry[g];
            int to = firstCountry[g + 1];
            double[] cum = new double[to - from];
            double acc = 0;
            for (int j = from; j < to; j++) {
                acc += pop[j] * prev[j];
                cum[j - from] = acc;
            }
            for (int f = 0; f < nF; f++) {
                int size = (int) Math.max(30, Math.round(observedCases * Math.sqrt(target[g][f]) / sumSqrtP));
                universe[g][f] = size;
                CellDraws d = drawCell(rng, z, size, target[g][f], cum, from, acc, w0, w1);
                for (int i = 0; i < size; i++) {
                    trueStock[g][f] += (double) d.victims[i] * d.days[i] / wDays;
                    trueVictims[g][f] += d.victims[i];
                    boolean a = rng.nextDouble() < pa[g][f];
                    boolean b = rng.nextDouble() < pb[g][f];
                    if (!a && !b) {
                        continue;
                    }
                    id.append(String.format(Locale.ROOT, "C%06d", ++k));
                    ta.append(a ? 1 : 0);
                    tb.append(b ? 1 : 0);
                    country.append(name[d.country[i]]);
                    reg.append(ILO_2012.get(g).region());
                    form.append(FORMS.get(f));
                    victims.append(d.victims[i]);
                    start.append(LocalDate.ofEpochDay(d.start[i]));
                    end.append(LocalDate.ofEpochDay(d.end[i]));
                }
            }
        }
        Table t = Table.create("synthetic_cases", id, ta, tb, country, reg, form, victims, start, end);
        return new Cases(t, trueStock, trueVictims, universe);
    }

    /** One region-form cell's cases: start and end days, days in the window, country, victims. */
    private record CellDraws(long[] start, long[] end, long[] days, int[] country, long[] victims) { }

    /**
     * Draws a cell's {@code size} cases from {@code rng} (log-normal sizes, start dates uniform over the
     * window and two years before it, exponential durations of mean 900 days, countries in proportion to
     * {@code cum}), then scales the sizes in three passes so that the cell's stock in the window is
     * {@code target}.
     */
    private static CellDraws drawCell(UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian z, int size,
                                      double target, double[] cum, int from, double acc, long w0, long w1) {
        double wDays = w1 - w0 + 1;
        double[] raw = new double[size];
        long[] s0 = new long[size];
        long[] s1 = new long[size];
        long[] days = new long[size];
        int[] ctry = new int[size];
        double rawStock = 0;
        for (int i = 0; i < size; i++) {
            raw[i] = Math.exp(z.sample());
            s0[i] = w0 - 730 + (long) (rng.nextDouble() * (w1 - w0 + 731));
            s1[i] = s0[i] + (long) (-900 * Math.log(1 - rng.nextDouble()));
            days[i] = Math.max(0, Math.min(s1[i], w1) - Math.max(s0[i], w0) + 1);
            double u = rng.nextDouble() * acc;
            int pos = java.util.Arrays.binarySearch(cum, u);
            ctry[i] = from + Math.min(cum.length - 1, pos >= 0 ? pos : -pos - 1);
            rawStock += raw[i] * days[i] / wDays;
        }
        double scale = target / rawStock;
        long[] v = new long[size];
        for (int pass = 0; pass < 3; pass++) {
            double stock = 0;
            for (int i = 0; i < size; i++) {
                v[i] = Math.max(1, Math.round(raw[i] * scale));
                stock += (double) v[i] * days[i] / wDays;
            }
            scale *= target / stock;
        }
        return new CellDraws(s0, s1, days, ctry, v);
    }

    /** The survey part of the world. */
    static final class Surveys {
        final double[] prevalence; // NaN = no survey
        final double[] se;
        final double[] stateEstimate;
        final double[] stateSd;

        Surveys(double[] prevalence, double[] se, double[] stateEstimate, double[] stateSd) {
            this.prevalence = prevalence;
            this.se = se;
            this.stateEstimate = stateEstimate;
            this.stateSd = stateSd;
        }
    }

    private Surveys surveys(int[] region, double[] prev, int[] firstCountry) {
        UniformRandomProvider rng = Bootstrap.generator(seed, 2);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = region.length;
        double[] p = new double[n];
        double[] se = new double[n];
        java.util.Arrays.fill(p, Double.NaN);
        java.util.Arrays.fill(se, Double.NaN);
        int nEff = (int) Math.max(10, Math.round(surveySize / designEffect));
        double privateShare = 1 - FORM_SHARE[0];
        for (int g = 0; g < ILO_2012.size(); g++) {
            int from = firstCountry[g];
            int count = firstCountry[g + 1] - from;
            int k = (int) Math.max(2, Math.min(count, Math.round(surveyedShare * count)));
            // a random subset of k countries (partial Fisher-Yates)
            int[] idx = new int[count];
            for (int j = 0; j < count; j++) {
                idx[j] = from + j;
            }
            for (int j = 0; j < k; j++) {
                int r = j + rng.nextInt(count - j);
                int tmp = idx[j];
                idx[j] = idx[r];
                idx[r] = tmp;
                int c = idx[j];
                double truth = prev[c] * privateShare;
                int cases = MarsagliaTsangWangDiscreteSampler.Binomial.of(rng, nEff, truth).sample();
                double est = cases == 0 ? 0.5 / nEff : (double) cases / nEff;
                p[c] = est;
                se[c] = Math.sqrt(est * (1 - est) / nEff);
            }
        }
        double[] stateEstimate = new double[ILO_2012.size()];
        double[] stateSd = new double[ILO_2012.size()];
        for (int g = 0; g < ILO_2012.size(); g++) {
            double truth = ILO_2012.get(g).count() * FORM_SHARE[0];
            stateEstimate[g] = Math.max(0, truth * (1 + 0.1 * z.sample()));
            stateSd[g] = 0.1 * truth;
        }
        return new Surveys(p, se, stateEstimate, stateSd);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SyntheticWorld[%d countries, ~%s observed cases, seed %d, surveyed share %s, "
                + "survey size %s, design effect %s]", countries, Format.count(observedCases), seed,
                Format.number(surveyedShare), Format.count(surveySize), Format.number(designEffect));
    }

    /**
     * A generated world: its tables (inputs of the two pipelines) and its truth. This class is
     * immutable; every table method returns a new table.
     */
    public static final class World {
        private final SyntheticWorld config;
        private final String[] name;
        private final int[] region;
        private final double[] pop;
        private final double[] dev;
        private final int[] conflict;
        private final double[] prev;
        private final Cases cases;
        private final Surveys surveys;

        World(SyntheticWorld config, String[] name, int[] region, double[] pop, double[] dev, int[] conflict,
              double[] prev, Cases cases, Surveys surveys) {
            this.config = Objects.requireNonNull(config);
            this.name = name;
            this.region = region;
            this.pop = pop;
            this.dev = dev;
            this.conflict = conflict;
            this.prev = prev;
            this.cases = cases;
            this.surveys = surveys;
        }

        /**
         * @return the two teams' reported cases, in the default columns of the reported-case pipeline's case file:
         *     {@code case_id,team_a,team_b,country,region,form,victims,start_date,end_date}
         */
        public Table casesTable() {
            return cases.observed.copy();
        }

        /** @return {@code country,region,population} */
        public Table populationTable() {
            return Table.create("synthetic_population", StringColumn.create("country", name),
                    StringColumn.create("region", regionNames()), DoubleColumn.create("population", pop));
        }

        /** @return {@code region,population} (the regional sums) */
        public Table regionPopulationTable() {
            int nR = ILO_2012.size();
            double[] p = new double[nR];
            for (int c = 0; c < name.length; c++) {
                p[region[c]] += pop[c];
            }
            String[] r = new String[nR];
            for (int g = 0; g < nR; g++) {
                r[g] = ILO_2012.get(g).region();
            }
            return Table.create("synthetic_region_population", StringColumn.create("region", r),
                    DoubleColumn.create("population", p));
        }

        /** @return {@code country,region} (a region edition that maps countries) */
        public Table regionsTable() {
            return Table.create("synthetic_regions", StringColumn.create("country", name),
                    StringColumn.create("region", regionNames()));
        }

        /**
         * @return the survey pipeline's national rows {@code country,region,population,prevalence,se}
         *     (privately imposed forced labour; prevalence and se missing where there is no survey)
         */
        public Table nationalTable() {
            return Table.create("synthetic_national", StringColumn.create("country", name),
                    StringColumn.create("region", regionNames()), DoubleColumn.create("population", pop),
                    DoubleColumn.create("prevalence", surveys.prevalence), DoubleColumn.create("se", surveys.se));
        }

        /** @return {@code country,development,conflict} */
        public Table covariatesTable() {
            double[] cf = new double[conflict.length];
            for (int i = 0; i < cf.length; i++) {
                cf[i] = conflict[i];
            }
            return Table.create("synthetic_covariates", StringColumn.create("country", name),
                    DoubleColumn.create("development", dev), DoubleColumn.create("conflict", cf));
        }

        /**
         * @return state-imposed forced labour by region as outside components of the survey pipeline:
         *     {@code region,estimate,lower95,upper95}
         */
        public Table stateImposedTable() {
            int nR = ILO_2012.size();
            String[] r = new String[nR];
            double[] lo = new double[nR];
            double[] hi = new double[nR];
            for (int g = 0; g < nR; g++) {
                r[g] = ILO_2012.get(g).region();
                lo[g] = Math.max(0, surveys.stateEstimate[g] - 1.959963984540054 * surveys.stateSd[g]);
                hi[g] = surveys.stateEstimate[g] + 1.959963984540054 * surveys.stateSd[g];
            }
            return Table.create("synthetic_state_imposed", StringColumn.create("region", r),
                    DoubleColumn.create("estimate", surveys.stateEstimate.clone()), DoubleColumn.create("lower95", lo),
                    DoubleColumn.create("upper95", hi));
        }

        /** @return the truth by country: {@code country,region,population,prevalence,private_prevalence} */
        public Table countryTruthTable() {
            double[] priv = new double[prev.length];
            for (int i = 0; i < priv.length; i++) {
                priv[i] = prev[i] * (1 - FORM_SHARE[0]);
            }
            return Table.create("synthetic_country_truth", StringColumn.create("country", name),
                    StringColumn.create("region", regionNames()), DoubleColumn.create("population", pop),
                    DoubleColumn.create("prevalence", prev.clone()), DoubleColumn.create("private_prevalence", priv));
        }

        /**
         * @return the truth of the case pipeline by stratum: {@code region,form,universe_cases,
         *     true_victims,true_stock,target_stock}
         */
        public Table strataTruthTable() {
            StringColumn r = StringColumn.create("region");
            StringColumn f = StringColumn.create("form");
            LongColumn u = LongColumn.create("universe_cases");
            DoubleColumn v = DoubleColumn.create("true_victims");
            DoubleColumn s = DoubleColumn.create("true_stock");
            DoubleColumn t = DoubleColumn.create("target_stock");
            for (int g = 0; g < ILO_2012.size(); g++) {
                for (int k = 0; k < FORMS.size(); k++) {
                    r.append(ILO_2012.get(g).region());
                    f.append(FORMS.get(k));
                    u.append(cases.universe[g][k]);
                    v.append(cases.trueVictims[g][k]);
                    s.append(cases.trueStock[g][k]);
                    t.append(ILO_2012.get(g).count() * FORM_SHARE[k]);
                }
            }
            return Table.create("synthetic_strata_truth", r, f, u, v, s, t);
        }

        /**
         * @param regionName an ILO 2012 region, or null for the world
         * @return the true stock of the case world (persons on an average day of the window)
         */
        public double trueCaseStock(String regionName) {
            double s = 0;
            for (int g = 0; g < ILO_2012.size(); g++) {
                if (regionName == null || ILO_2012.get(g).region().equalsIgnoreCase(regionName)) {
                    for (double x : cases.trueStock[g]) {
                        s += x;
                    }
                }
            }
            return s;
        }

        /**
         * @param regionName an ILO 2012 region, or null for the world
         * @return the true number in forced labour of the country world, \( \sum_c N_c p_c \)
         *     (equal to the published figure)
         */
        public double trueTotal(String regionName) {
            double s = 0;
            for (int c = 0; c < name.length; c++) {
                if (regionName == null || ILO_2012.get(region[c]).region().equalsIgnoreCase(regionName)) {
                    s += pop[c] * prev[c];
                }
            }
            return s;
        }

        /**
         * @param regionName an ILO 2012 region, or null for the world
         * @return its population
         */
        public double population(String regionName) {
            double s = 0;
            for (int c = 0; c < name.length; c++) {
                if (regionName == null || ILO_2012.get(region[c]).region().equalsIgnoreCase(regionName)) {
                    s += pop[c];
                }
            }
            return s;
        }

        /** @return the number of countries */
        public int countries() {
            return name.length;
        }

        /** @return the number of observed cases */
        public int observedCases() {
            return cases.observed.rowCount();
        }

        private String[] regionNames() {
            String[] r = new String[name.length];
            for (int c = 0; c < r.length; c++) {
                r[c] = ILO_2012.get(region[c]).region();
            }
            return r;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %d countries, %s observed cases%n",
                    config, name.length, Format.count(observedCases())));
            for (Target t : ILO_2012) {
                sb.append(String.format(Locale.ROOT, "  %s: population %s, truth %s (%s per 1,000), case-world stock %s%n",
                        t.region(), Format.number(population(t.region())), Format.number(trueTotal(t.region())),
                        Format.number(1000 * trueTotal(t.region()) / population(t.region())),
                        Format.number(trueCaseStock(t.region()))));
            }
            sb.append(String.format(Locale.ROOT, "  World: truth %s", Format.number(trueTotal(null))));
            return sb.toString();
        }
    }
}
