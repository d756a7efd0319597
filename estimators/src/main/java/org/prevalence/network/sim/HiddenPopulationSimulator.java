package org.prevalence.network.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.prevalence.core.Checks;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.Bootstrap;

/**
 * A seeded simulator of a population with a hidden group of known size and a known prevalence of forced
 * labour within it, and of the data every hidden-population method needs: a household survey with
 * network scale-up questions, a respondent-driven sample of the hidden group, and case lists of the
 * forced-labour victims. It shows which method breaks when its assumptions fail.
 *
 * <p>The network: every person has a degree \( 1 + \mathrm{Poisson}(G) \), \( G \sim \Gamma(2, (\bar d - 1)/2) \)
 * (mean \( \bar d \)). A hidden member sends a share s of its ties ({@link #withHiddenTieShare}) to other
 * hidden members (the network RDS recruits on), a within-hidden tie joining the same forced-labour status
 * with extra probability h ({@link #withHomophily}); the other ties of everyone are paired at random
 * (configuration model; self-ties dropped). A barrier b ({@link #withBarrier}) removes a share b of the
 * hidden members' ties to the rest, so their degree to the general population is \( (1-b) \) times that of
 * others (the degree ratio \( \delta &lt; 1 \) of Feehan and Salganik). Visibility \( \tau \)
 * ({@link #withVisibility}): a person outside the group knows a hidden alter's membership with
 * probability \( \tau \) per tie (hidden members know each other's). Known populations: everyone belongs
 * to known population k independently with probability \( f_k \).
 *
 * <p>The data: a household survey (simple random sample without replacement, weight N/n) asking how many
 * members of each known population, of the hidden group and of forced-labour victims each respondent knows,
 * and the respondent's own membership and forced-labour status; an RDS sample of the hidden group (uniform
 * seeds, each respondent offered {@code coupons} coupons, each recruiting a distinct, not yet sampled
 * hidden alter with probability 0.8; a new seed when every chain dies), whose reported degree is the number
 * of hidden alters times \( e^{\varepsilon} \), \( \varepsilon \sim N(0, \sigma^2) \) ({@link
 * #withDegreeError}), rounded and at least 1, with its visibility (the alters who know its membership) and
 * whether it is on list 1; and case lists of the forced-labour victims, each victim on list l
 * independently with probability \( c_l \).
 *
 * <p>Every draw comes from {@code Bootstrap.generator(seed, k)} with a fixed k per stage, so a seed gives
 * the same world on every machine. Defaults make every method's assumptions hold (no homophily, barrier or
 * reporting error, full visibility, independent lists). This class is immutable.
 */
public final class HiddenPopulationSimulator {
    private static final HiddenPopulationSimulator DEFAULT = new HiddenPopulationSimulator(20_000, 1_000, 0.3, 20,
            0.5, 0, 0, 1, 0, 2_000, 300, 10, 3, new double[] {0.005, 0.01, 0.02, 0.03, 0.05},
            new double[] {0.3, 0.25, 0.2}, Bootstrap.DEFAULT_SEED);

    private final int populationSize;
    private final int hiddenSize;
    private final double prevalence;
    private final double meanDegree;
    private final double hiddenTieShare;
    private final double homophily;
    private final double barrier;
    private final double visibility;
    private final double degreeError;
    private final int householdSample;
    private final int rdsSample;
    private final int rdsSeeds;
    private final int coupons;
    private final double[] knownShares;
    private final double[] listCapture;
    private final long seed;

    private HiddenPopulationSimulator(int populationSize, int hiddenSize, double prevalence, double meanDegree,
                                      double hiddenTieShare, double homophily, double barrier, double visibility,
                                      double degreeError, int householdSample, int rdsSample, int rdsSeeds,
                                      int coupons, double[] knownShares, double[] listCapture, long seed) {
        this.populationSize = populationSize;
        this.hiddenSize = hiddenSize;
        this.prevalence = prevalence;
        this.meanDegree = meanDegree;
        this.hiddenTieShare = hiddenTieShare;
        this.homophily = homophily;
        this.barrier = barrier;
        this.visibility = visibility;
        this.degreeError = degreeError;
        this.householdSample = householdSample;
        this.rdsSample = rdsSample;
        this.rdsSeeds = rdsSeeds;
        this.coupons = coupons;
        this.knownShares = knownShares;
        this.listCapture = listCapture;
        this.seed = seed;
    }

    /**
     * Defaults: N = 20,000 people, 1,000 hidden, forced-labour prevalence 0.3 among them, mean degree 20,
     * hidden tie share 0.5, no homophily, no barrier, visibility 1, no degree error; household survey of
     * 2,000, RDS sample of 300 from 10 seeds with 3 coupons; known populations of shares 0.005, 0.01, 0.02,
     * 0.03, 0.05; three lists with capture probabilities 0.3, 0.25, 0.2; seed {@link Bootstrap#DEFAULT_SEED}.
     * @return the default simulator
     */
    public static HiddenPopulationSimulator withDefaults() {
        return DEFAULT;
    }

    private HiddenPopulationSimulator copy(int bigN, int nh, double p, double d, double s, double h, double b,
                                           double tau, double err, int nhh, int nrds, int seeds, int coup,
                                           double[] known, double[] lists, long sd) {
        return new HiddenPopulationSimulator(bigN, nh, p, d, s, h, b, tau, err, nhh, nrds, seeds, coup, known, lists,
                sd);
    }

    /**
     * @param population the population size N (at least 100)
     * @param hidden the hidden group's size (at least 10, below N)
     * @return a copy using them
     */
    public HiddenPopulationSimulator withSizes(int population, int hidden) {
        Checks.atLeast("population", population, 100);
        Checks.atLeast("hidden", hidden, 10);
        if (hidden >= population) {
            throw PrevalenceException.invalidArgument("hidden", "the hidden group (%d) must be smaller than the "
                    + "population (%d)", hidden, population);
        }
        return copy(population, hidden, prevalence, meanDegree, hiddenTieShare, homophily, barrier, visibility,
                degreeError, householdSample, rdsSample, rdsSeeds, coupons, knownShares, listCapture, seed);
    }

    /**
     * @param v the forced-labour prevalence among the hidden group, in (0, 1)
     * @return a copy using it
     */
    public HiddenPopulationSimulator withPrevalence(double v) {
        return copy(populationSize, hiddenSize, open("prevalence", v), meanDegree, hiddenTieShare, homophily, barrier,
                visibility, degreeError, householdSample, rdsSample, rdsSeeds, coupons, knownShares, listCapture,
                seed);
    }

    /**
     * @param v the mean degree (at least 2)
     * @return a copy using it
     */
    public HiddenPopulationSimulator withMeanDegree(double v) {
        if (!(v >= 2) || Double.isInfinite(v)) {
            throw PrevalenceException.invalidArgument("mean degree", "the mean degree must be at least 2, got %s", v);
        }
        return copy(populationSize, hiddenSize, prevalence, v, hiddenTieShare, homophily, barrier, visibility,
                degreeError, householdSample, rdsSample, rdsSeeds, coupons, knownShares, listCapture, seed);
    }

    /**
     * @param v the share of a hidden member's ties to other hidden members, in (0, 1)
     * @return a copy using it
     */
    public HiddenPopulationSimulator withHiddenTieShare(double v) {
        return copy(populationSize, hiddenSize, prevalence, meanDegree, open("hidden tie share", v), homophily,
                barrier, visibility, degreeError, householdSample, rdsSample, rdsSeeds, coupons, knownShares,
                listCapture, seed);
    }

    /**
     * @param v homophily by forced-labour status of the within-hidden ties, in [0, 1): the probability a
     *     tie is forced to join the same status (0: random mixing)
     * @return a copy using it
     */
    public HiddenPopulationSimulator withHomophily(double v) {
        return copy(populationSize, hiddenSize, prevalence, meanDegree, hiddenTieShare, halfOpen("homophily", v),
                barrier, visibility, degreeError, householdSample, rdsSample, rdsSeeds, coupons, knownShares,
                listCapture, seed);
    }

    /**
     * @param v the barrier effect in [0, 1): the share of the hidden members' ties to others removed
     * @return a copy using it
     */
    public HiddenPopulationSimulator withBarrier(double v) {
        return copy(populationSize, hiddenSize, prevalence, meanDegree, hiddenTieShare, homophily,
                halfOpen("barrier", v), visibility, degreeError, householdSample, rdsSample, rdsSeeds, coupons,
                knownShares, listCapture, seed);
    }

    /**
     * @param v the visibility (transmission rate) \( \tau \) in (0, 1]
     * @return a copy using it
     */
    public HiddenPopulationSimulator withVisibility(double v) {
        if (!(v > 0 && v <= 1)) {
            throw PrevalenceException.invalidArgument("visibility", "the visibility must lie in (0, 1], got %s", v);
        }
        return copy(populationSize, hiddenSize, prevalence, meanDegree, hiddenTieShare, homophily, barrier, v,
                degreeError, householdSample, rdsSample, rdsSeeds, coupons, knownShares, listCapture, seed);
    }

    /**
     * @param v the standard deviation \( \sigma \) of the log reporting error of the RDS degree (0: exact)
     * @return a copy using it
     */
    public HiddenPopulationSimulator withDegreeError(double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw PrevalenceException.invalidArgument("degree error", "the degree error must be at least 0, got %s",
                    v);
        }
        return copy(populationSize, hiddenSize, prevalence, meanDegree, hiddenTieShare, homophily, barrier,
                visibility, v, householdSample, rdsSample, rdsSeeds, coupons, knownShares, listCapture, seed);
    }

    /**
     * @param household the household survey's sample size (at least 2, at most N)
     * @param rds the RDS sample size (at least 2, at most the hidden group)
     * @param seeds RDS seeds (at least 1)
     * @param couponsEach coupons per respondent (at least 1)
     * @return a copy using them
     */
    public HiddenPopulationSimulator withSamples(int household, int rds, int seeds, int couponsEach) {
        Checks.atLeast("household sample", household, 2);
        Checks.atLeast("RDS sample", rds, 2);
        Checks.atLeast("RDS seeds", seeds, 1);
        Checks.atLeast("coupons", couponsEach, 1);
        return copy(populationSize, hiddenSize, prevalence, meanDegree, hiddenTieShare, homophily, barrier,
                visibility, degreeError, household, rds, seeds, couponsEach, knownShares, listCapture, seed);
    }

    /**
     * @param v capture probabilities of the case lists (two or more, each in (0, 1))
     * @return a copy using them
     */
    public HiddenPopulationSimulator withListCapture(double... v) {
        if (v.length < 2) {
            throw PrevalenceException.invalidArgument("lists", "give two or more lists, got %d", v.length);
        }
        for (double c : v) {
            open("list capture", c);
        }
        return copy(populationSize, hiddenSize, prevalence, meanDegree, hiddenTieShare, homophily, barrier,
                visibility, degreeError, householdSample, rdsSample, rdsSeeds, coupons, knownShares, v.clone(), seed);
    }

    /**
     * @param v the seed
     * @return a copy using it
     */
    public HiddenPopulationSimulator withSeed(long v) {
        return copy(populationSize, hiddenSize, prevalence, meanDegree, hiddenTieShare, homophily, barrier,
                visibility, degreeError, householdSample, rdsSample, rdsSeeds, coupons, knownShares, listCapture, v);
    }

    private static double open(String what, double v) {
        if (!(v > 0 && v < 1)) {
            throw PrevalenceException.invalidArgument(what, "the %s must lie in (0, 1), got %s", what, v);
        }
        return v;
    }

    private static double halfOpen(String what, double v) {
        if (!(v >= 0 && v < 1)) {
            throw PrevalenceException.invalidArgument(what, "the %s must lie in [0, 1), got %s", what, v);
        }
        return v;
    }

    /** @return the parameters, for truth.json */
    public java.util.Map<String, Object> parameters() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("population_size", populationSize);
        m.put("hidden_size_target", hiddenSize);
        m.put("prevalence_target", prevalence);
        m.put("mean_degree", meanDegree);
        m.put("hidden_tie_share", hiddenTieShare);
        m.put("homophily", homophily);
        m.put("barrier", barrier);
        m.put("visibility", visibility);
        m.put("degree_error", degreeError);
        m.put("household_sample", householdSample);
        m.put("rds_sample", rdsSample);
        m.put("rds_seeds", rdsSeeds);
        m.put("coupons", coupons);
        m.put("known_shares", knownShares.clone());
        m.put("list_capture", listCapture.clone());
        m.put("seed", seed);
        return m;
    }

    /**
     * Simulates one world and its samples.
     * @return the world
     * @throws PrevalenceException if the RDS sample is larger than the hidden group or the household sample
     *     larger than the population
     */
    public World simulate() {
        if (rdsSample > hiddenSize) {
            throw PrevalenceException.invalidArgument("RDS sample", "the RDS sample (%d) exceeds the hidden group (%d)",
                    rdsSample, hiddenSize);
        }
        if (householdSample > populationSize) {
            throw PrevalenceException.invalidArgument("household sample",
                    "the household sample (%d) exceeds the population (%d)", householdSample, populationSize);
        }
        int n = populationSize;
        int nh = hiddenSize;   // persons 0..nh-1 are hidden
        UniformRandomProvider rng = Bootstrap.generator(seed, 0);
        boolean[] fl = new boolean[n];
        int nfl = (int) Math.round(prevalence * nh);
        for (int i = 0; i < nfl; i++) {
            fl[i] = true;   // persons 0..nfl-1 are in forced labour
        }
        // degrees and stubs
        ContinuousSampler gamma = AhrensDieterMarsagliaTsangGammaSampler.of(rng, 2,
                (meanDegree - 1) / 2);
        int[] deg = new int[n];
        for (int i = 0; i < n; i++) {
            deg[i] = 1 + PoissonSampler.of(rng, Math.max(1e-9, gamma.sample())).sample();
        }
        IntList inFl = new IntList();
        IntList inOther = new IntList();
        IntList inAny = new IntList();
        IntList ext = new IntList();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < deg[i]; k++) {
                if (i < nh && rng.nextDouble() < hiddenTieShare) {
                    if (rng.nextDouble() < homophily) {
                        (fl[i] ? inFl : inOther).add(i);
                    } else {
                        inAny.add(i);
                    }
                } else if (i >= nh || rng.nextDouble() >= barrier) {
                    ext.add(i);
                }
            }
        }
        List<IntList> adj = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            adj.add(new IntList());
        }
        for (IntList stubs : List.of(inFl, inOther, inAny, ext)) {
            stubs.shuffle(rng);
            for (int k = 0; k + 1 < stubs.size; k += 2) {
                int a = stubs.data[k];
                int b = stubs.data[k + 1];
                if (a != b) {
                    adj.get(a).add(b);
                    adj.get(b).add(a);
                }
            }
        }
        // awareness of membership: per (person outside, hidden alter) tie; hidden members know each other's
        UniformRandomProvider rngAware = Bootstrap.generator(seed, 1);
        int[] knownHidden = new int[n];     // hidden alters whose membership person i knows
        int[] knownFl = new int[n];
        int[] visible = new int[nh];        // alters who know hidden member j's membership
        int[] hiddenAlters = new int[nh];   // hidden member j's hidden alters (its RDS degree)
        for (int j = 0; j < nh; j++) {
            IntList a = adj.get(j);
            for (int k = 0; k < a.size; k++) {
                int i = a.data[k];
                boolean aware = i < nh || rngAware.nextDouble() < visibility;
                if (i < nh) {
                    hiddenAlters[j]++;
                }
                if (aware) {
                    visible[j]++;
                    knownHidden[i]++;
                    if (fl[j]) {
                        knownFl[i]++;
                    }
                }
            }
        }
        // known populations
        UniformRandomProvider rngKnown = Bootstrap.generator(seed, 2);
        int kk = knownShares.length;
        boolean[][] member = new boolean[kk][n];
        int[] knownSize = new int[kk];
        for (int k = 0; k < kk; k++) {
            for (int i = 0; i < n; i++) {
                member[k][i] = rngKnown.nextDouble() < knownShares[k];
                if (member[k][i]) {
                    knownSize[k]++;
                }
            }
            if (knownSize[k] == 0) {
                member[k][0] = true;
                knownSize[k] = 1;
            }
        }
        // the finite-population NSUM estimand: the estimate on a census (known-population degrees of everyone)
        double reports = 0;
        double sizes = 0;
        for (int k = 0; k < kk; k++) {
            sizes += knownSize[k];
            for (int i = 0; i < n; i++) {
                if (member[k][i]) {
                    reports += adj.get(i).size;   // each member is reported once by each of its alters
                }
            }
        }
        double seen = 0;
        for (int j = 0; j < nh; j++) {
            seen += visible[j];
        }
        double estimand = seen * sizes / reports;
        // household survey: SRS without replacement
        UniformRandomProvider rngHh = Bootstrap.generator(seed, 3);
        int[] perm = permutation(n, rngHh);
        int[] hh = Arrays.copyOf(perm, householdSample);
        Arrays.sort(hh);
        int[][] hhKnown = new int[householdSample][kk];
        for (int r = 0; r < householdSample; r++) {
            IntList a = adj.get(hh[r]);
            for (int q = 0; q < a.size; q++) {
                for (int k = 0; k < kk; k++) {
                    if (member[k][a.data[q]]) {
                        hhKnown[r][k]++;
                    }
                }
            }
        }
        // RDS
        UniformRandomProvider rngRds = Bootstrap.generator(seed, 4);
        int[] order = permutation(nh, rngRds);
        boolean[] sampled = new boolean[nh];
        int[] rdsPerson = new int[rdsSample];
        int[] rdsRecruiter = new int[rdsSample];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int m = 0;
        int nextSeed = 0;
        int seedsUsed = 0;
        while (m < rdsSample) {
            if (queue.isEmpty() || (seedsUsed < rdsSeeds && m == seedsUsed)) {
                while (sampled[order[nextSeed]]) {
                    nextSeed++;
                }
                int s = order[nextSeed];
                sampled[s] = true;
                rdsPerson[m] = s;
                rdsRecruiter[m] = -1;
                queue.add(m);
                m++;
                seedsUsed++;
                continue;
            }
            int row = queue.poll();
            int who = rdsPerson[row];
            IntList a = adj.get(who);
            IntList cand = new IntList();
            for (int q = 0; q < a.size; q++) {
                int j = a.data[q];
                if (j < nh && !sampled[j]) {
                    cand.add(j);
                }
            }
            cand.shuffle(rngRds);
            for (int c = 0, used = 0; c < coupons && used < cand.size && m < rdsSample; c++) {
                if (rngRds.nextDouble() < 0.8) {
                    int j = cand.data[used++];
                    if (sampled[j]) {
                        continue;
                    }
                    sampled[j] = true;
                    rdsPerson[m] = j;
                    rdsRecruiter[m] = row;
                    queue.add(m);
                    m++;
                }
            }
        }
        double[] rdsDegree = new double[rdsSample];
        UniformRandomProvider rngErr = Bootstrap.generator(seed, 5);
        for (int r = 0; r < rdsSample; r++) {
            double e = degreeError == 0 ? 1 : Math.exp(degreeError * gaussian(rngErr));
            rdsDegree[r] = Math.max(1, Math.round(Math.max(1, hiddenAlters[rdsPerson[r]]) * e));
        }
        // lists of the forced-labour victims
        UniformRandomProvider rngList = Bootstrap.generator(seed, 6);
        int nl = listCapture.length;
        boolean[][] onList = new boolean[nl][nh];
        for (int l = 0; l < nl; l++) {
            for (int j = 0; j < nfl; j++) {
                onList[l][j] = rngList.nextDouble() < listCapture[l];
            }
        }
        return new World(this, n, nh, fl, deg, knownSize, hh, hhKnown, knownHidden, knownFl, rdsPerson, rdsRecruiter,
                rdsDegree, visible, onList, seedsUsed, estimand);
    }

    private static double gaussian(UniformRandomProvider rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static int[] permutation(int n, UniformRandomProvider rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** A growable int array. */
    static final class IntList {
        int[] data = new int[4];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        void shuffle(UniformRandomProvider rng) {
            for (int i = size - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = data[i];
                data[i] = data[j];
                data[j] = t;
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HiddenPopulationSimulator[N=%d, hidden=%d, prevalence=%s, homophily=%s, "
                + "barrier=%s, visibility=%s, degree error=%s, seed=%d]", populationSize, hiddenSize, prevalence,
                homophily, barrier, visibility, degreeError, seed);
    }

    /**
     * One simulated world: the truths and the samples drawn from it. Persons are numbered 0..N-1, the hidden
     * ones first, the forced-labour victims first among them. This class is immutable (accessors copy).
     */
    public static final class World {
        private final HiddenPopulationSimulator config;
        private final int populationSize;
        private final int hiddenSize;
        private final boolean[] fl;
        private final int forcedLabour;
        private final int[] knownSize;
        private final int[] hh;
        private final int[][] hhKnown;
        private final int[] knownHidden;
        private final int[] knownFl;
        private final int[] rdsPerson;
        private final int[] rdsRecruiter;
        private final double[] rdsDegree;
        private final int[] visible;
        private final boolean[][] onList;
        private final int seedsUsed;
        private final double meanDegree;
        private final double hiddenMeanDegree;
        private final double nsumEstimand;

        World(HiddenPopulationSimulator config, int n, int nh, boolean[] fl, int[] deg, int[] knownSize, int[] hh,
              int[][] hhKnown, int[] knownHidden, int[] knownFl, int[] rdsPerson, int[] rdsRecruiter,
              double[] rdsDegree, int[] visible, boolean[][] onList, int seedsUsed, double nsumEstimand) {
            this.config = config;
            this.nsumEstimand = nsumEstimand;
            this.populationSize = n;
            this.hiddenSize = nh;
            this.fl = fl;
            int c = 0;
            for (int j = 0; j < nh; j++) {
                c += fl[j] ? 1 : 0;
            }
            this.forcedLabour = c;
            this.knownSize = knownSize;
            this.hh = hh;
            this.hhKnown = hhKnown;
            this.knownHidden = knownHidden;
            this.knownFl = knownFl;
            this.rdsPerson = rdsPerson;
            this.rdsRecruiter = rdsRecruiter;
            this.rdsDegree = rdsDegree;
            this.visible = visible;
            this.onList = onList;
            this.seedsUsed = seedsUsed;
            this.meanDegree = Arrays.stream(deg).average().orElse(0);
            this.hiddenMeanDegree = Arrays.stream(deg, 0, nh).average().orElse(0);
        }

        /** @return the simulator that made it */
        public HiddenPopulationSimulator config() {
            return config;
        }

        /** @return N */
        public int populationSize() {
            return populationSize;
        }

        /** @return the hidden group's size (the truth) */
        public int hiddenSize() {
            return hiddenSize;
        }

        /** @return the forced-labour victims (the truth) */
        public int forcedLabour() {
            return forcedLabour;
        }

        /** @return the forced-labour prevalence among the hidden group (the truth) */
        public double prevalence() {
            return forcedLabour / (double) hiddenSize;
        }

        /**
         * @return the finite-population NSUM estimand: the NSUM estimate on a census of this world (it differs
         *     from the hidden group's size by the realized degree ratio and visibility)
         */
        public double nsumEstimand() {
            return nsumEstimand;
        }

        /** @return the mean degree of the population and of the hidden group */
        public double[] meanDegrees() {
            return new double[] {meanDegree, hiddenMeanDegree};
        }

        /** @return the known populations' sizes */
        public int[] knownSizes() {
            return knownSize.clone();
        }

        /** @return the household survey's size */
        public int householdSize() {
            return hh.length;
        }

        /**
         * @param r a household respondent
         * @return the respondent's reports: known population 1..K, hidden, forced labour, own membership (0/1),
         *     own forced-labour status (0/1)
         */
        public int[] householdRow(int r) {
            int p = hh[r];
            int kk = hhKnown[r].length;
            int[] out = Arrays.copyOf(hhKnown[r], kk + 4);
            out[kk] = knownHidden[p];
            out[kk + 1] = knownFl[p];
            out[kk + 2] = p < hiddenSize ? 1 : 0;
            out[kk + 3] = fl[p] ? 1 : 0;
            return out;
        }

        /** @return the RDS sample's size */
        public int rdsSize() {
            return rdsPerson.length;
        }

        /** @return the seeds used */
        public int rdsSeeds() {
            return seedsUsed;
        }

        /**
         * @param r an RDS row
         * @return its recruiter row, -1 for a seed
         */
        public int rdsRecruiter(int r) {
            return rdsRecruiter[r];
        }

        /**
         * @param r an RDS row
         * @return its reported degree
         */
        public double rdsDegree(int r) {
            return rdsDegree[r];
        }

        /**
         * @param r an RDS row
         * @return whether the respondent is in forced labour
         */
        public boolean rdsForcedLabour(int r) {
            return fl[rdsPerson[r]];
        }

        /**
         * @param r an RDS row
         * @return its visibility (alters who know its membership)
         */
        public int rdsVisibility(int r) {
            return visible[rdsPerson[r]];
        }

        /**
         * @param r an RDS row
         * @param list a list
         * @return whether the respondent is on it
         */
        public boolean rdsOnList(int r, int list) {
            return onList[list][rdsPerson[r]];
        }

        /** @return the number of lists */
        public int lists() {
            return onList.length;
        }

        /**
         * @param list a list
         * @return its size
         */
        public int listSize(int list) {
            int c = 0;
            for (boolean b : onList[list]) {
                c += b ? 1 : 0;
            }
            return c;
        }

        /** @return the capture history (one row per victim on at least one list, 0/1 per list) */
        public int[][] listCases() {
            List<int[]> out = new ArrayList<>();
            for (int j = 0; j < forcedLabour; j++) {
                int[] h = new int[onList.length];
                boolean any = false;
                for (int l = 0; l < onList.length; l++) {
                    h[l] = onList[l][j] ? 1 : 0;
                    any |= onList[l][j];
                }
                if (any) {
                    out.add(h);
                }
            }
            return out.toArray(new int[0][]);
        }
    }
}
