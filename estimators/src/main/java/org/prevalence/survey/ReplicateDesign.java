package org.prevalence.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.prevalence.core.Checks;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.survey.ReplicateCentre;
import org.prevalence.core.survey.ReplicateMethod;
import org.prevalence.core.survey.ReplicateWeightSpec;

/**
 * Turns a design into a replicate-weight design, as R {@code survey::as.svrepdesign} (methods:
 * {@link ReplicateMethod}), or uses the replicate-weight columns supplied with the sample, as R
 * {@code survey::svrepdesign} ({@link #supplied}). The result is a {@link SurveyDesign} whose
 * estimators ({@link SurveyMean}, {@link SurveyTotal}, {@link SurveyRatio}, with domains) take their
 * variances from the replicates (see {@link ReplicateVariance}):
 * <p>\[ \hat V = s \sum_{r=1}^{R} c_r (\hat\theta_r - \bar\theta)^2 \]
 * <p>with \( s \) the scale and \( c_r \) the rscales of the method.
 *
 * <pre>{@code
 * SurveyDesign jkn = ReplicateDesign.withDefaults().with(ReplicateMethod.JKN).build(design);
 * SurveyDesign boot = ReplicateDesign.withDefaults().with(ReplicateMethod.BOOTSTRAP)
 *         .withReplicates(200).withSeed(42).build(design);
 * SurveyMean.Result m = SurveyMean.withDefaults().estimate(boot, "api00");
 * }</pre>
 *
 * <p><b>Randomness</b> (bootstrap, subbootstrap): replicate \( r \) draws from its own generator
 * {@link Bootstrap#generator(long, long) Bootstrap.generator(seed, r)}, so the weights depend only on
 * (seed, replicate) and are bit-identical whatever the number of threads. R's own random draws cannot
 * be reproduced (different generator); R's exported bootstrap weights are reproduced exactly with
 * {@link #supplied}.
 *
 * <p>Options not supported: R's {@code compress=FALSE} (weights are always kept compressed, as
 * PSU factors), BRR's {@code small="split"/"merge"} (a stratum with 1 PSU is an error) and
 * {@code large="merge"}; {@code "mrbbootstrap"}.
 *
 * <p>References: <ol><li>Rao, J.N.K., Wu, C.F.J. (1988). Resampling inference with complex survey data.
 * JASA 83(401), 231-241. <a href="https://doi.org/10.1080/01621459.1988.10478591">doi:10.1080/01621459.1988.10478591</a></li>
 * <li>Canty, A.J., Davison, A.C. (1999). Resampling-based variance estimation for labour force surveys.
 * The Statistician 48(3), 379-391. <a href="https://doi.org/10.1111/1467-9884.00196">doi:10.1111/1467-9884.00196</a></li>
 * <li>Fay, R.E. (1989). Theory and application of replicate weighting for variance calculations.
 * Proceedings of the Survey Research Methods Section, ASA, 212-217.</li>
 * <li>Wolter, K.M. (2007). Introduction to Variance Estimation, 2nd ed. Springer.
 * <a href="https://doi.org/10.1007/978-0-387-35099-8">doi:10.1007/978-0-387-35099-8</a></li></ol>
 *
 * <p>This class is immutable.
 */
public final class ReplicateDesign {
    private static final ReplicateDesign DEFAULT =
            new ReplicateDesign(ReplicateMethod.JKN, 50, Bootstrap.DEFAULT_SEED, 0.5, ReplicateCentre.REPLICATE_MEAN);
    private final ReplicateMethod method;
    private final int replicates;
    private final long seed;
    private final double fayRho;
    private final ReplicateCentre centre;

    private ReplicateDesign(ReplicateMethod method, int replicates, long seed, double fayRho, ReplicateCentre centre) {
        this.method = method;
        this.replicates = replicates;
        this.seed = seed;
        this.fayRho = fayRho;
        this.centre = centre;
    }

    /**
     * Defaults: {@link ReplicateMethod#JKN}; 50 replicates (bootstrap, subbootstrap: R's default);
     * seed {@link Bootstrap#DEFAULT_SEED} (the library's one default seed); Fay's \( \rho = 0.5 \)
     * (used by {@link ReplicateMethod#FAY} only);
     * {@link ReplicateCentre#REPLICATE_MEAN} (R's {@code mse=FALSE}).
     * @return the default configuration
     */
    public static ReplicateDesign withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the method (not {@link ReplicateMethod#OTHER}, which only describes supplied weights)
     * @return a new configuration
     */
    public ReplicateDesign with(ReplicateMethod v) {
        if (Objects.requireNonNull(v, "method") == ReplicateMethod.OTHER || v == ReplicateMethod.SDR) {
            throw PrevalenceException.invalidArgument("method",
                    "replicate weights cannot be made by method " + v + " (it describes supplied weights); choose JK1, JKN, BRR, FAY, BOOTSTRAP or SUBBOOTSTRAP");
        }
        return new ReplicateDesign(v, replicates, seed, fayRho, centre);
    }

    /** @param v the centre (R's {@code mse}) @return a new configuration */
    public ReplicateDesign with(ReplicateCentre v) {
        return new ReplicateDesign(method, replicates, seed, fayRho, Objects.requireNonNull(v, "centre"));
    }

    /** @param v number of bootstrap replicates, &gt;= 2 @return a new configuration */
    public ReplicateDesign withReplicates(int v) {
        return new ReplicateDesign(method, Checks.atLeast("replicates", v, 2), seed, fayRho, centre);
    }

    /** @param v the seed of the bootstrap generators @return a new configuration */
    public ReplicateDesign withSeed(long v) {
        return new ReplicateDesign(method, replicates, v, fayRho, centre);
    }

    /** @param v Fay's \( \rho \) in [0, 1) @return a new configuration */
    public ReplicateDesign withFayRho(double v) {
        if (!(v >= 0 && v < 1)) {
            throw PrevalenceException.invalidArgument("rho", "Fay's rho must be in [0, 1), got %s", v);
        }
        return new ReplicateDesign(method, replicates, seed, v, centre);
    }

    /**
     * A replicate design from the replicate-weight columns of the design's sample (R's
     * {@code svrepdesign(repweights, type, scale, rscales, mse, combined.weights=TRUE)}): the columns
     * hold analysis weights; scale, rscales and centre are those of the {@link ReplicateWeightSpec}
     * (see {@link #defaultScale} for R's scale of each type).
     * @param design a design whose sample has replicate weights
     * @return the replicate design
     */
    public static SurveyDesign supplied(SurveyDesign design) {
        ReplicateWeightSpec spec = design.replicateWeightSpec();
        if (spec == null) {
            throw PrevalenceException.invalidArgument("replicate weights",
                    "the sample has no replicate-weight columns; give them to the builder (replicateWeights) "
                            + "or make replicates with ReplicateDesign.withDefaults().build(design)");
        }
        if (design.isReplicate() || design.isCalibrated()) {
            throw PrevalenceException.invalidArgument("design",
                    "make the replicate design from the uncalibrated design, then calibrate it");
        }
        double[][] cols = design.replicateWeights();
        String name = spec.type().name().toLowerCase(Locale.ROOT);
        ReplicateVariance rv = ReplicateVariance.ofColumns(name, spec.scale(), spec.rscales(), spec.centre(), cols);
        return new SurveyDesign(design, design.weightsRef(), rv, null);
    }

    /**
     * R's {@code svrepdesign} scale for a type of supplied replicate weights.
     * @param type the type
     * @param replicates the number of replicate columns
     * @param rho Fay's rho (used for {@link ReplicateMethod#FAY} only)
     * @return BRR 1/R; Fay 1/(R(1-rho)^2); JK1 (R-1)/R; bootstrap and subbootstrap 1/(R-1);
     *     successive difference 4/R; JKn and other 1
     *     (JKn needs rscales (n_h-1)/n_h)
     */
    public static double defaultScale(ReplicateMethod type, int replicates, double rho) {
        switch (type) {
            case BRR:
                return 1.0 / replicates;
            case FAY:
                return 1.0 / (replicates * (1 - rho) * (1 - rho));
            case JK1:
                return (replicates - 1.0) / replicates;
            case BOOTSTRAP:
            case SUBBOOTSTRAP:
                return 1.0 / (replicates - 1);
            case SDR:
                return 4.0 / replicates; // Fay and Train (1995); R svrepdesign "successive-difference"
            default:
                return 1.0;
        }
    }

    /**
     * Makes the replicate weights (as PSU factors) and returns the replicate design.
     * @param design an uncalibrated linearization design
     * @return a design with the same rows and weights whose variances come from the replicates
     * @throws PrevalenceException for a design that is already a replicate or calibrated design, JK1 on
     *     a stratified design, BRR/Fay without strata of 2 PSUs, a lonely PSU under {@link LonelyPsu#FAIL}
     *     (JKn), or a completely sampled population
     */
    public SurveyDesign build(SurveyDesign design) {
        Objects.requireNonNull(design, "design");
        if (design.isReplicate()) {
            throw PrevalenceException.invalidArgument("design", "the design already has replicate weights");
        }
        if (design.isCalibrated()) {
            throw PrevalenceException.invalidArgument("design",
                    "make replicates from the uncalibrated design, then calibrate the replicate design "
                            + "(the replicate weights are recalibrated too)");
        }
        ReplicateVariance rv;
        switch (method) {
            case JK1:
                rv = jk1(design);
                break;
            case JKN:
                rv = jkn(design);
                break;
            case BRR:
            case FAY:
                rv = brr(design, method == ReplicateMethod.FAY ? fayRho : 0);
                break;
            case BOOTSTRAP:
                rv = bootstrap(design, false);
                break;
            case SUBBOOTSTRAP:
                rv = bootstrap(design, true);
                break;
            default:
                throw new IllegalStateException("refused by with(ReplicateMethod): " + method);
        }
        return new SurveyDesign(design, design.weightsRef(), rv, null);
    }

    /** Population PSUs per stratum from the design's sampling fractions (+Inf without fpc). */
    private static double[] populations(SurveyDesign d) {
        double[] pop = new double[d.strataCount()];
        for (int h = 0; h < pop.length; h++) {
            int nh = d.stratumStart()[h + 1] - d.stratumStart()[h];
            double frac = d.stage1Fraction()[h];
            double v = frac == 0 ? Double.POSITIVE_INFINITY : nh / frac;
            double r = Math.rint(v);
            pop[h] = Math.abs(v - r) < 1e-9 * Math.max(1, r) ? r : v;
        }
        return pop;
    }

    private static double fpcFactor(double population, int n) {
        return population == Double.POSITIVE_INFINITY ? 1.0 : (population - n) / population;
    }

    private ReplicateVariance jk1(SurveyDesign d) {
        if (d.strataCount() > 1) {
            throw new PrevalenceException(PrevalenceException.Kind.INVALID_ARGUMENT, "strata",
                    "JK1 is for unstratified designs (R: \"Can't use JK1 for a stratified design\")",
                    new PrevalenceException.Remedy("use ReplicateMethod.JKN for a stratified design",
                            "use --variance jkn for a stratified design"));
        }
        int n = d.psuCount();
        double f = d.f1()[0];
        if (f <= 0) {
            throw PrevalenceException.notEstimable("fpc",
                    "every PSU of the population is in the sample (fpc), so there is no sampling variance");
        }
        // R jk1weights: replicate j deletes PSU j, others get n/(n-1); scale = f (n-1)/n
        double[] a = new double[n * n];
        double up = n / (n - 1.0);
        for (int p = 0; p < n; p++) {
            for (int r = 0; r < n; r++) {
                a[p * n + r] = p == r ? 0 : up;
            }
        }
        double[] rs = new double[n];
        Arrays.fill(rs, 1.0);
        return ReplicateVariance.ofFactors("jk1", f * (n - 1) / n, rs, centre, n - 1, a, d);
    }

    private ReplicateVariance jkn(SurveyDesign d) {
        int P = d.psuCount();
        int H = d.strataCount();
        double[] pop = populations(d);
        // count replicates first (R jknweights)
        int count = 0;
        for (int h = 0; h < H; h++) {
            int nh = d.stratumStart()[h + 1] - d.stratumStart()[h];
            double f = fpcFactor(pop[h], nh);
            if (f == 0) {
                continue;
            }
            if (nh == 1) {
                switch (d.lonelyPsu()) {
                    case FAIL:
                        String s = d.stratumLabels().get(h);
                        throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, "stratum '" + s + "'",
                                "Stratum '" + s + "' has only one PSU, so the jackknife cannot delete it",
                                new PrevalenceException.Remedy("choose LonelyPsu.CERTAINTY, REMOVE, ADJUST or AVERAGE "
                                        + "(R: \"Stratum" + s + "has only one PSU\")",
                                        "use --lonely-psu certainty, remove, adjust or average"));
                    case ADJUST:
                        count++;
                        continue;
                    default:
                        continue;
                }
            }
            count += nh;
        }
        if (count == 0) {
            throw PrevalenceException.notEstimable("fpc",
                    "all strata were sampled completely (fpc): you have the whole population");
        }
        int R = count;
        double[] a = new double[P * R];
        Arrays.fill(a, 1.0);
        double[] rs = new double[R];
        int r = 0;
        int contributing = 0;
        for (int h = 0; h < H; h++) {
            int from = d.stratumStart()[h];
            int to = d.stratumStart()[h + 1];
            int nh = to - from;
            double f = fpcFactor(pop[h], nh);
            if (f == 0) {
                continue;
            }
            if (nh == 1) {
                if (d.lonelyPsu() == LonelyPsu.ADJUST) {
                    // R: one replicate deleting the lonely stratum, the others scaled by H/(H-1)
                    double up = H / (H - 1.0);
                    for (int p = 0; p < P; p++) {
                        a[p * R + r] = d.psuStratum()[p] == h ? 0 : up;
                    }
                    rs[r] = (H - 1.0) / H;
                    r++;
                    contributing++;
                }
                continue;
            }
            double up = nh / (nh - 1.0);
            for (int j = from; j < to; j++) {
                for (int k = from; k < to; k++) {
                    a[d.psuOrder()[k] * R + r] = k == j ? 0 : up;
                }
                rs[r] = f * (nh - 1) / nh;
                r++;
            }
            contributing++;
        }
        double scale = 1;
        if (R < P && d.lonelyPsu() == LonelyPsu.AVERAGE) {
            scale = (double) P / R; // R: scale * n_PSU / n_replicates
        }
        return ReplicateVariance.ofFactors("jkn", scale, rs, centre, R - contributing, a, d);
    }

    private ReplicateVariance brr(SurveyDesign d, double rho) {
        if (d.strataCount() < 2) {
            throw PrevalenceException.invalidArgument("strata",
                    "BRR and Fay need a stratified design with 2 PSUs per stratum; use JK1 or BOOTSTRAP");
        }
        int H = d.strataCount();
        Integer[] order = new Integer[H];
        for (int h = 0; h < H; h++) {
            order[h] = h;
        }
        // R brrweights: strata in sorted (character) order; PSUs within a stratum in data order
        Arrays.sort(order, (x, y) -> d.stratumLabels().get(x).compareTo(d.stratumLabels().get(y)));
        List<int[]> halves = new ArrayList<>(); // {first PSU, second PSU}
        List<int[]> large = new ArrayList<>();
        List<int[]> good = new ArrayList<>();
        for (int h : order) {
            int from = d.stratumStart()[h];
            int nh = d.stratumStart()[h + 1] - from;
            String s = d.stratumLabels().get(h);
            if (nh < 2) {
                throw PrevalenceException.invalidData("stratum '" + s + "'",
                        "stratum '%s' has 1 PSU; BRR needs 2 PSUs per stratum (R: \"Some strata have fewer than 2 PSUs\"); "
                                + "merge strata or use JKN", s);
            }
            if (nh % 2 == 1) {
                throw PrevalenceException.invalidData("stratum '" + s + "'",
                        "stratum '%s' has %d PSUs; BRR needs 2 PSUs per stratum (an even number is split into pairs); "
                                + "merge strata or use JKN", s, nh);
            }
            for (int j = 0; j < nh; j += 2) {
                int[] pair = {d.psuOrder()[from + j], d.psuOrder()[from + j + 1]};
                (nh > 2 ? large : good).add(pair);
            }
        }
        halves.addAll(large); // R numbers split large strata before the 2-PSU strata
        halves.addAll(good);
        int upto = halves.size();
        int[][] had = Hadamard.forStrata(upto);
        int R = had[0].length;
        int P = d.psuCount();
        double[] a = new double[P * R];
        for (int s = 0; s < upto; s++) {
            int[] pair = halves.get(s);
            for (int r = 0; r < R; r++) {
                boolean firstIn = had[s + 1][r] == 1;
                a[pair[0] * R + r] = firstIn ? 2 - rho : rho;
                a[pair[1] * R + r] = firstIn ? rho : 2 - rho;
            }
        }
        double[] rs = new double[R];
        Arrays.fill(rs, 1.0);
        String name = rho == 0 ? "brr" : "fay:" + Double.toString(rho);
        return ReplicateVariance.ofFactors(name, 1.0 / (R * (1 - rho) * (1 - rho)), rs, centre, Math.min(upto, R - 1), a, d);
    }

    private ReplicateVariance bootstrap(SurveyDesign d, boolean sub) {
        int P = d.psuCount();
        int H = d.strataCount();
        int R = replicates;
        double[] pop = populations(d);
        for (int h = 0; h < H; h++) {
            int nh = d.stratumStart()[h + 1] - d.stratumStart()[h];
            if (sub && nh < 2) {
                String s = d.stratumLabels().get(h);
                throw PrevalenceException.notEstimable("stratum '" + s + "'",
                        "stratum '%s' has one PSU; the (n-1) subbootstrap needs 2 or more PSUs per stratum", s);
            }
        }
        double[] a = new double[P * R];
        int[] perm = new int[P];
        int[] counts = new int[P];
        for (int r = 0; r < R; r++) {
            // per-replicate generator from (seed, replicate) only: thread-count invariant
            UniformRandomProvider rng = Bootstrap.generator(seed, r);
            for (int h = 0; h < H; h++) {
                int from = d.stratumStart()[h];
                int nh = d.stratumStart()[h + 1] - from;
                for (int j = 0; j < nh; j++) {
                    counts[j] = 0;
                }
                if (sub) {
                    for (int k = 0; k < nh - 1; k++) {
                        counts[rng.nextInt(nh)]++;
                    }
                } else if (pop[h] == Double.POSITIVE_INFINITY) {
                    for (int k = 0; k < nh; k++) {
                        counts[rng.nextInt(nh)]++;
                    }
                } else {
                    // Canty-Davison: n_h draws without replacement from N_h copies of the PSUs, cycled in
                    // a random order (R bootstratum with popsize)
                    for (int j = 0; j < nh; j++) {
                        perm[j] = j;
                    }
                    for (int j = nh - 1; j > 0; j--) {
                        int k = rng.nextInt(j + 1);
                        int t = perm[j];
                        perm[j] = perm[k];
                        perm[k] = t;
                    }
                    long big = (long) Math.floor(pop[h]);
                    for (long u : floyd(rng, big, nh)) {
                        counts[perm[(int) (u % nh)]]++;
                    }
                }
                double mult = sub ? nh / (nh - 1.0) : 1.0;
                for (int j = 0; j < nh; j++) {
                    a[d.psuOrder()[from + j] * R + r] = counts[j] * mult;
                }
            }
        }
        double[] rs = new double[R];
        Arrays.fill(rs, 1.0);
        double scale;
        if (sub) {
            scale = 1.0 / (R - 1);
        } else {
            double inv = 0;
            for (int h = 0; h < H; h++) {
                inv += 1.0 / (d.stratumStart()[h + 1] - d.stratumStart()[h]);
            }
            double nbar = H / inv; // harmonic mean of PSUs per stratum
            scale = nbar / ((nbar - 1) * (R - 1));
        }
        int df = Math.min(R, P - H + 1) - 1;
        return ReplicateVariance.ofFactors(sub ? "subbootstrap" : "bootstrap", scale, rs, centre, df, a, d);
    }

    /** Robert Floyd's algorithm: k distinct values from [0, n). */
    private static long[] floyd(UniformRandomProvider rng, long n, int k) {
        Set<Long> chosen = new HashSet<>();
        long[] out = new long[k];
        int m = 0;
        for (long j = n - k; j < n; j++) {
            long t = rng.nextLong(j + 1);
            long v = chosen.add(t) ? t : j;
            if (v == j) {
                chosen.add(j);
            }
            out[m++] = v;
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ReplicateDesign[%s, replicates %d, seed %d, rho %s, %s]",
                method, replicates, seed, fayRho, centre);
    }
}
