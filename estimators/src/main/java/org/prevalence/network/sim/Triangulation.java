package org.prevalence.network.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.network.nsum.GeneralizedScaleUp;
import org.prevalence.network.nsum.KnownPopulations;
import org.prevalence.network.nsum.NetworkScaleUp;
import org.prevalence.network.rds.GileBootstrap;
import org.prevalence.network.rds.Multiplier;
import org.prevalence.network.rds.RdsBootstrap;
import org.prevalence.network.rds.RdsEstimator;
import org.prevalence.network.rds.RdsMethod;
import org.prevalence.network.rds.RdsSample;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.SurveyRatio;
import org.prevalence.survey.SurveyTotal;

/**
 * Every applicable estimator on one set of hidden-population data, each with its interval, beside the
 * truth when known: the household survey (direct: the weighted total of members and victims, and their
 * ratio), RDS-II and Gile's SS (prevalence among the hidden group; SS with the NSUM size as N), the network
 * scale-up (size and victims; linearization), the generalized scale-up (size; visibility from the RDS
 * sample weighted by 1/degree), the multiplier (size: list 1's size over its RDS-II share) and log-linear
 * MSE on the case lists (victims). This class is immutable.
 */
public final class Triangulation {
    /** The hidden group's size. */
    public static final String SIZE = "hidden population size";
    /** The forced-labour prevalence among the hidden group. */
    public static final String PREVALENCE = "forced-labour prevalence among the hidden";
    /** The number of forced-labour victims. */
    public static final String VICTIMS = "forced-labour victims";

    private static final Triangulation DEFAULT = new Triangulation(1000, 1234L, 0.95, 0,
            RdsBootstrap.MemberDraw.PROPORTIONAL_TO_DEGREE);

    private final int replicates;
    private final long seed;
    private final double level;
    private final int threads;
    private final RdsBootstrap.MemberDraw draw;

    private Triangulation(int replicates, long seed, double level, int threads, RdsBootstrap.MemberDraw draw) {
        this.replicates = replicates;
        this.seed = seed;
        this.level = level;
        this.threads = threads;
        this.draw = draw;
    }

    /**
     * Defaults: 1,000 bootstrap replicates, seed 1234, level 0.95, all cores, Salganik's bootstrap drawing chain
     * members {@link RdsBootstrap.MemberDraw#PROPORTIONAL_TO_DEGREE} (as R).
     * @return the default
     */
    public static Triangulation withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v bootstrap replicates (at least 2)
     * @return a copy using them
     */
    public Triangulation withReplicates(int v) {
        return new Triangulation(org.prevalence.core.Checks.atLeast("replicates", v, 2), seed, level, threads,
                draw);
    }

    /**
     * @param v the seed of the bootstraps
     * @return a copy using it
     */
    public Triangulation withSeed(long v) {
        return new Triangulation(replicates, v, level, threads, draw);
    }

    /**
     * @param v the confidence level
     * @return a copy using it
     */
    public Triangulation withConfidenceLevel(double v) {
        return new Triangulation(replicates, seed, org.prevalence.core.Checks.level("level", v), threads,
                draw);
    }

    /**
     * @param v threads (0 = all cores)
     * @return a copy using them
     */
    public Triangulation withThreads(int v) {
        return new Triangulation(replicates, seed, level, org.prevalence.core.Checks.atLeast("threads", v, 0),
                draw);
    }

    /**
     * @param v how Salganik's bootstrap (RDS-II and the multiplier's share) draws chain members within their
     *          group; Gile's SS bootstrap does not use it
     * @return a copy using it
     */
    public Triangulation with(RdsBootstrap.MemberDraw v) {
        return new Triangulation(replicates, seed, level, threads, Objects.requireNonNull(v, "member draw"));
    }

    /**
     * The data of the methods, as {@code prevalence simulate hidden} writes them.
     * @param populationSize N, known to the analyst
     * @param known the known populations (names are the household columns)
     * @param household the household survey: weights, the known-population columns, {@code q_hidden},
     *     {@code q_fl}, {@code hidden}, {@code fl}
     * @param rds the RDS sample
     * @param rdsFl its forced-labour indicator
     * @param rdsVisibility its visibility
     * @param rdsOnList1 whether each RDS respondent is on list 1
     * @param listNames the case lists
     * @param listCases the capture histories (one row per case, 0/1 per list)
     */
    public record Data(double populationSize, KnownPopulations known, SurveyDesign household, RdsSample rds,
                       double[] rdsFl, double[] rdsVisibility, double[] rdsOnList1, List<String> listNames,
                       int[][] listCases) {
    }

    /**
     * One estimate beside its truth.
     * @param quantity {@link #SIZE}, {@link #PREVALENCE} or {@link #VICTIMS}
     * @param method the method
     * @param estimate the estimate
     * @param interval its interval (null when none)
     * @param truth the truth, NaN when unknown
     */
    public record Row(String quantity, String method, double estimate, Interval interval, double truth) {
        /** @return whether the interval covers the truth (false when either is missing) */
        public boolean covers() {
            return interval != null && !Double.isNaN(truth) && interval.lower() <= truth && truth <= interval.upper();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s by %s: %s %s (truth %s)", quantity, method, Format.number(estimate),
                    interval, Format.number(truth));
        }
    }

    /**
     * The data of a simulated world.
     * @param w the world
     * @return its data
     */
    public static Data data(HiddenPopulationSimulator.World w) {
        int[] ks = w.knownSizes();
        Map<String, Double> kp = new LinkedHashMap<>();
        for (int k = 0; k < ks.length; k++) {
            kp.put("k" + (k + 1), (double) ks[k]);
        }
        int n = w.householdSize();
        double[][] cols = new double[ks.length + 4][n];
        for (int r = 0; r < n; r++) {
            int[] row = w.householdRow(r);
            for (int c = 0; c < row.length; c++) {
                cols[c][r] = row[c];
            }
        }
        double[] wt = new double[n];
        java.util.Arrays.fill(wt, w.populationSize() / (double) n);
        SurveyDesign.Builder b = SurveyDesign.builder(n).weights(wt);
        for (int k = 0; k < ks.length; k++) {
            b.variable("k" + (k + 1), cols[k]);
        }
        b.variable("q_hidden", cols[ks.length]).variable("q_fl", cols[ks.length + 1])
                .variable("hidden", cols[ks.length + 2]).variable("fl", cols[ks.length + 3]);
        int m = w.rdsSize();
        String[] id = new String[m];
        String[] rec = new String[m];
        double[] deg = new double[m];
        double[] fl = new double[m];
        double[] vis = new double[m];
        double[] on1 = new double[m];
        for (int r = 0; r < m; r++) {
            id[r] = Integer.toString(r + 1);
            rec[r] = w.rdsRecruiter(r) < 0 ? "seed" : Integer.toString(w.rdsRecruiter(r) + 1);
            deg[r] = w.rdsDegree(r);
            fl[r] = w.rdsForcedLabour(r) ? 1 : 0;
            vis[r] = w.rdsVisibility(r);
            on1[r] = w.rdsOnList(r, 0) ? 1 : 0;
        }
        List<String> lists = new ArrayList<>();
        for (int l = 0; l < w.lists(); l++) {
            lists.add("list" + (l + 1));
        }
        return new Data(w.populationSize(), KnownPopulations.of(kp), b.build(), RdsSample.of(id, rec, deg), fl, vis,
                on1, lists, w.listCases());
    }

    /**
     * The truths of a world.
     * @param w the world
     * @return size, prevalence and victims, by quantity
     */
    public static Map<String, Double> truth(HiddenPopulationSimulator.World w) {
        Map<String, Double> t = new LinkedHashMap<>();
        t.put(SIZE, (double) w.hiddenSize());
        t.put(PREVALENCE, w.prevalence());
        t.put(VICTIMS, (double) w.forcedLabour());
        return t;
    }

    /**
     * Runs every estimator.
     * @param d the data
     * @param truth the truths by quantity (empty when unknown)
     * @return one row per estimate, in a fixed order
     */
    public List<Row> run(Data d, Map<String, Double> truth) {
        List<Row> out = new ArrayList<>();
        double ts = truth.getOrDefault(SIZE, Double.NaN);
        double tp = truth.getOrDefault(PREVALENCE, Double.NaN);
        double tv = truth.getOrDefault(VICTIMS, Double.NaN);
        SurveyDesign hh = d.household();
        SurveyTotal total = SurveyTotal.withDefaults().withConfidenceLevel(level);
        SurveyTotal.Result hs = total.estimate(hh, "hidden");
        out.add(new Row(SIZE, "household survey", hs.getEstimate(), hs.getConfidenceInterval(), ts));
        NetworkScaleUp nsum = NetworkScaleUp.withDefaults().withPopulationSize(d.populationSize())
                .withConfidenceLevel(level);
        NetworkScaleUp.Result ns = nsum.estimate(hh, d.known(), "q_hidden");
        out.add(new Row(SIZE, "NSUM", ns.getEstimate(), ns.getConfidenceInterval(), ts));
        // the hidden sample's weights: RDS-II, 1 / reported degree
        double[] deg = d.rds().degrees();
        double[] w = new double[deg.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 / deg[i];
        }
        SurveyDesign hidden = SurveyDesign.builder(deg.length).weights(w).variable("visibility", d.rdsVisibility())
                .build();
        GeneralizedScaleUp.Result g = GeneralizedScaleUp.withDefaults().withFrameSize(d.populationSize())
                .withConfidenceLevel(level).estimate(hh, "q_hidden", hidden, "visibility");
        out.add(new Row(SIZE, "generalized NSUM", g.getEstimate(), g.getConfidenceInterval(), ts));
        RdsBootstrap salganik = RdsBootstrap.withDefaults().with(draw).withReplicates(replicates).withSeed(seed)
                .withThreads(threads).withConfidenceLevel(level);
        long listOne = 0;
        for (int[] c : d.listCases()) {
            listOne += c[0];
        }
        RdsBootstrap.Result share = salganik.estimate(d.rds(), d.rdsOnList1());
        if (listOne > 0 && share.getEstimate() > 0) {
            Multiplier.Result mu = Multiplier.estimate(listOne, share);
            out.add(new Row(SIZE, "multiplier (list 1 / RDS-II)", mu.getEstimate(), mu.getConfidenceInterval(), ts));
        }
        SurveyRatio.Result hp = SurveyRatio.withDefaults().withConfidenceLevel(level).estimate(hh, "fl", "hidden");
        out.add(new Row(PREVALENCE, "household survey", hp.getEstimate(), hp.getConfidenceInterval(), tp));
        RdsBootstrap.Result r2 = salganik.estimate(d.rds(), d.rdsFl());
        out.add(new Row(PREVALENCE, "RDS-II", r2.getEstimate(), r2.getConfidenceInterval(), tp));
        double bigN = Math.max(Math.rint(ns.getEstimate()), d.rds().size());
        RdsBootstrap.Result ss = GileBootstrap.withDefaults()
                .with(RdsEstimator.withDefaults().with(RdsMethod.SS).withPopulationSize(bigN).withSeed(seed)
                        .withThreads(threads))
                .withReplicates(replicates).withSeed(seed).withThreads(threads).withConfidenceLevel(level)
                .estimate(d.rds(), d.rdsFl());
        out.add(new Row(PREVALENCE, "Gile's SS (N = NSUM)", ss.getEstimate(), ss.getConfidenceInterval(), tp));
        SurveyTotal.Result hv = total.estimate(hh, "fl");
        out.add(new Row(VICTIMS, "household survey", hv.getEstimate(), hv.getConfidenceInterval(), tv));
        NetworkScaleUp.Result nv = nsum.estimate(hh, d.known(), "q_fl");
        out.add(new Row(VICTIMS, "NSUM", nv.getEstimate(), nv.getConfidenceInterval(), tv));
        if (d.listCases().length > 0) {
            try {
                LogLinearMse.Result mse = LogLinearMse.withDefaults().withConfidenceLevel(level).withThreads(threads)
                        .estimate(ListOverlapTable.fromCases(d.listNames(), d.listCases()));
                out.add(new Row(VICTIMS, "MSE (log-linear, " + mse.getModelName() + ")", mse.getEstimate(),
                        mse.getConfidenceInterval(), tv));
            } catch (PrevalenceException e) {
                // too few overlaps for a model: the row is left out, as the method does not apply
            }
        }
        return out;
    }
}
