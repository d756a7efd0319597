package org.prevalence.network.rds;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.bootstrap.Resampler;

/**
 * Gile's (2011) successive-sampling bootstrap of the SS estimate, as R's
 * {@code RDS::RDS.bootstrap.intervals(weight.type = "Gile's SS", uncertainty = "Gile")} with its defaults
 * ({@code fast = TRUE}, {@code useC = TRUE}: the C routine {@code bsC} on a categorical outcome).
 *
 * <p>From the sample, a synthetic population of N members is built: its (degree, group) class counts are
 * the SS-weighted sample counts \( N \hat p_c \) rounded (the rounding remainder spread at random in each
 * replicate), and the number of ties between groups a and b is the symmetrized
 * \( (T_{ab} + T_{ba})/2 \), \( T_{ab} = R_{ab}\, \bar d_a\, \hat\mu_a N \), with \( R_{ab} \) the observed
 * share of group a's recruits in group b, \( \bar d_a \) the SS mean degree of group a and \( \hat\mu_a \)
 * its SS proportion. Each replicate draws as many seeds as the sample has, without replacement and with
 * probability proportional to degree, then grows the sample respondent by respondent: the active
 * respondent's recruit is of group b with probability proportional to the remaining ties from its group to
 * b (the ties into b shrink in proportion to the degree removed), and is a member of b drawn without
 * replacement proportionally to degree; each respondent recruits a number drawn from the observed numbers
 * of recruits of those who recruited. The replicate's SS estimate reuses the sample's inclusion
 * probabilities by degree ({@code fast = TRUE}). The standard error is the replicates' standard deviation
 * and the interval is \( \hat\mu \pm z_{1-\alpha/2}\widehat{se} \) ({@link IntervalMethod#WALD}), as R.
 * When \( N \cdot 0.01 > n \) N is lowered to \( n/0.01 \) (R's {@code SS.infinity}).
 * Replicate b draws from {@code Bootstrap.generator(seed, b)} on the shared engine, so results are
 * bit-identical whatever the thread count. The groups are the distinct outcome values.
 *
 * <p>References: <ol><li>Gile, K.J. (2011). Improved inference for respondent-driven sampling data with
 * application to HIV prevalence estimation. JASA 106, 135-146. doi:10.1198/jasa.2011.ap09475</li></ol>
 */
public final class GileBootstrap {
    private static final GileBootstrap DEFAULT = new GileBootstrap(RdsEstimator.withDefaults().with(RdsMethod.SS),
            Bootstrap.withDefaults(), 0.95);

    private final RdsEstimator estimator;
    private final Bootstrap bootstrap;
    private final double level;

    private GileBootstrap(RdsEstimator estimator, Bootstrap bootstrap, double level) {
        this.estimator = estimator;
        this.bootstrap = bootstrap;
        this.level = level;
    }

    /**
     * Defaults: Gile's SS estimator with its defaults (the population size must still be given),
     * 1,000 replicates, seed {@link Bootstrap#DEFAULT_SEED}, all cores, level 0.95.
     * @return the default bootstrap
     */
    public static GileBootstrap withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v Gile's SS estimator with its population size (its seed drives the point estimate's simulation)
     * @return a copy using it
     * @throws PrevalenceException if the estimator is not {@link RdsMethod#SS}
     */
    public GileBootstrap with(RdsEstimator v) {
        if (Objects.requireNonNull(v, "estimator").getMethod() != RdsMethod.SS) {
            throw PrevalenceException.invalidArgument("estimator",
                    "Gile's bootstrap resamples Gile's SS estimator; got %s (use RdsBootstrap for it)",
                    v.getMethod().label());
        }
        return new GileBootstrap(v, bootstrap, level);
    }

    /**
     * @param v the population size N
     * @return a copy whose estimator uses it
     */
    public GileBootstrap withPopulationSize(double v) {
        return new GileBootstrap(estimator.withPopulationSize(v), bootstrap, level);
    }

    /**
     * @param v replicates (at least 2)
     * @return a copy using them
     */
    public GileBootstrap withReplicates(int v) {
        return new GileBootstrap(estimator, bootstrap.withReplicates(Checks.atLeast("replicates", v, 2)), level);
    }

    /**
     * @param v the seed of the replicates
     * @return a copy using it
     */
    public GileBootstrap withSeed(long v) {
        return new GileBootstrap(estimator, bootstrap.withSeed(v), level);
    }

    /**
     * @param v threads (0 = all cores)
     * @return a copy using them
     */
    public GileBootstrap withThreads(int v) {
        return new GileBootstrap(estimator.withThreads(v), bootstrap.withThreads(v), level);
    }

    /**
     * @param v the confidence level in (0, 1)
     * @return a copy using it
     */
    public GileBootstrap withConfidenceLevel(double v) {
        return new GileBootstrap(estimator, bootstrap, Checks.level("level", v));
    }

    /**
     * @param sample the sample
     * @param y the outcome (its distinct values are the groups)
     * @return the SS estimate with its Gile bootstrap standard error and interval
     * @throws PrevalenceException if no population size is set, or it is smaller than the sample, or the
     *     sample has no recruit
     */
    public RdsBootstrap.Result estimate(RdsSample sample, double[] y) {
        RdsEstimator.Groups g = RdsEstimator.Groups.of(sample, y);
        estimator.checkPopulation(sample.size());
        if (sample.recruits() == 0) {
            throw PrevalenceException.notEstimable("recruiter",
                    "Gile's bootstrap needs at least one recruit; the sample has seeds only");
        }
        int n = sample.size();
        double bigN = estimator.getPopulationSize();
        if (bigN * RdsEstimator.SS_INFINITY > n) {
            bigN = Math.rint(n / RdsEstimator.SS_INFINITY);   // R: n <- round(nsamp / SS.infinity)
        }
        final long seed = estimator.seed();
        RdsCore.SsMapping map = RdsCore.ssMapping(sample.degrees(), bigN, estimator.ssConfig(),
                i -> Bootstrap.generator(seed, i), threads());
        Population pop = new Population(sample, g, map, (long) bigN);
        double[] value = g.value();
        double point = pop.estimate(pop.sampleClass, value);
        Bootstrap.Result r = bootstrap.run(pop, b -> pop.estimate(b, value));
        double se = r.getBootstrapStandardError();
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        Interval ci = new Interval(point - z * se, point + z * se, level, IntervalMethod.WALD);
        double mean = Arrays.stream(r.getReplicates()).average().orElse(Double.NaN);
        RdsEstimator.Result pr = new RdsEstimator.Result(RdsMethod.SS, point, n, bigN);
        return new RdsBootstrap.Result(pr, se, ci, mean, r.getSucceeded(), r.getRequested(), bootstrap.getSeed(),
                "Gile SS bootstrap");
    }

    private int threads() {
        return bootstrap.getThreads();
    }

    /** The synthetic population and the C routine {@code bsC}'s resampler; a replicate is its classes. */
    static final class Population implements Resampler<int[]> {
        private final int n;
        private final int n0;
        private final int groups;
        private final int[] idis;        // group of each (degree, group) class
        private final double[] ideg;     // degree of each class
        private final double[] invPi;    // 1 / inclusion probability of each class
        private final long[] nbyclass;
        private final double[] props2;
        private final long offby;
        private final long bigN;
        private final double[][] ties;   // symmetrized tie counts between groups
        private final double[] cumRefs;  // cumulative weights of the recruit counts 1..max
        private final boolean whole;     // every degree a whole number: class masses are exact integers
        final int[] sampleClass;

        Population(RdsSample sample, RdsEstimator.Groups g, RdsCore.SsMapping map, long bigN) {
            this.bigN = bigN;
            n = sample.size();
            n0 = sample.seeds();
            groups = g.value().length;
            double[] classes = map.classes();
            int kd = classes.length;
            int nc = kd * groups;
            idis = new int[nc];
            ideg = new double[nc];
            invPi = new double[nc];
            for (int a = 0; a < groups; a++) {
                for (int c = 0; c < kd; c++) {
                    idis[a * kd + c] = a;
                    ideg[a * kd + c] = classes[c];
                    invPi[a * kd + c] = 1 / map.pvec()[c];
                }
            }
            double[] deg = sample.degrees();
            int[] grp = g.group();
            sampleClass = new int[n];
            double[] counts = new double[nc];
            for (int i = 0; i < n; i++) {
                sampleClass[i] = grp[i] * kd + Arrays.binarySearch(classes, deg[i]);
                counts[sampleClass[i]]++;
            }
            // probtodist: the SS-weighted class shares, then rounded counts (R round() is half-even)
            props2 = new double[nc];
            double s = 0;
            for (int c = 0; c < nc; c++) {
                props2[c] = counts[c] * invPi[c];
                s += props2[c];
            }
            nbyclass = new long[nc];
            long tot = 0;
            for (int c = 0; c < nc; c++) {
                props2[c] /= s;
                nbyclass[c] = (long) Math.rint(bigN * props2[c]);
                tot += nbyclass[c];
            }
            offby = bigN - tot;
            // group proportions, SS mean degree by group, recruitment shares, tie counts
            double[] est = new double[groups];
            double[] wsum = new double[groups];
            double[] dsum = new double[groups];
            double all = 0;
            for (int i = 0; i < n; i++) {
                double w = invPi[sampleClass[i]];
                est[grp[i]] += w;
                wsum[grp[i]] += w;
                dsum[grp[i]] += w * deg[i];
                all += w;
            }
            double[][] cc = new double[groups][groups];
            for (int i = 0; i < n; i++) {
                int r = sample.recruiterRow(i);
                if (r >= 0) {
                    cc[grp[r]][grp[i]]++;
                }
            }
            double[][] t = new double[groups][groups];
            for (int a = 0; a < groups; a++) {
                double rs = Arrays.stream(cc[a]).sum();
                double meanDeg = dsum[a] / wsum[a];
                for (int b = 0; b < groups; b++) {
                    double rab = rs > 0 ? cc[a][b] / rs : 0;
                    t[a][b] = rab * meanDeg * (est[a] / all) * bigN;
                }
            }
            ties = new double[groups][groups];
            for (int a = 0; a < groups; a++) {
                for (int b = 0; b < groups; b++) {
                    ties[a][b] = (t[a][b] + t[b][a]) / 2;
                }
            }
            int[] refs = sample.recruitCounts();
            int max = Arrays.stream(refs).max().orElse(0);
            double[] hist = new double[max];
            for (int r : refs) {
                if (r > 0) {
                    hist[r - 1]++;
                }
            }
            cumRefs = RdsCore.cumulative(hist);
            boolean w = bigN < (1L << 20);
            for (double d : classes) {
                w &= d == Math.rint(d) && d < (1L << 20);
            }
            whole = w;
        }

        /** The first index whose cumulative weight reaches u * total, as {@code bsC}. */
        private static int pick(double[] w, UniformRandomProvider rng) {
            double total = 0;
            for (double x : w) {
                total += x;
            }
            double u = rng.nextDouble() * total;
            double acc = 0;
            for (int j = 0; j < w.length; j++) {
                acc += w[j];
                if (u <= acc && w[j] > 0) {
                    return j;
                }
            }
            for (int j = w.length - 1; j >= 0; j--) {
                if (w[j] > 0) {
                    return j;
                }
            }
            return 0;
        }

        private int numberOfRecruits(UniformRandomProvider rng) {
            double u = rng.nextDouble() * cumRefs[cumRefs.length - 1];
            for (int j = 0; j < cumRefs.length; j++) {
                if (u <= cumRefs[j]) {
                    return j + 1;
                }
            }
            return cumRefs.length;
        }

        /** The SS (Hajek) estimate of the mean of value[group] on a sample of classes. */
        double estimate(int[] cls, double[] value) {
            double num = 0;
            double den = 0;
            for (int c : cls) {
                num += invPi[c] * value[idis[c]];
                den += invPi[c];
            }
            return num / den;
        }

        @Override
        public int[] original() {
            return sampleClass;
        }

        @Override
        public int[] newBuffer() {
            return new int[n];
        }

        @Override
        public void resample(UniformRandomProvider rng, int[] out) {
            int nc = idis.length;
            long[] nb = nbyclass.clone();
            double[] dif = new double[nc];
            for (long step = 0; step < Math.abs(offby); step++) {
                boolean any = false;
                for (int j = 0; j < nc; j++) {
                    double d = offby > 0 ? props2[j] - nb[j] / (double) bigN : nb[j] / (double) bigN - props2[j];
                    dif[j] = d < 0 || (offby < 0 && nb[j] <= 1) ? 0 : d;
                    any |= dif[j] > 0;
                }
                if (!any && offby < 0) {
                    for (int j = 0; j < nc; j++) {
                        dif[j] = nb[j] <= 1 ? 0 : 1.0 - (props2[j] - nb[j] / (double) bigN);
                    }
                }
                int j = pick(dif, rng);
                nb[j] += offby > 0 ? 1 : -1;
            }
            double[] pclass = new double[nc];
            double[] nprop = new double[groups];
            for (int c = 0; c < nc; c++) {
                pclass[c] = ideg[c] * nb[c];
                nprop[idis[c]] += nb[c];
            }
            double[] gmass = new double[groups];   // exact sums of pclass by group when degrees are whole
            for (int c = 0; c < nc; c++) {
                gmass[idis[c]] += pclass[c];
            }
            double np = Arrays.stream(nprop).sum();
            for (int a = 0; a < groups; a++) {
                nprop[a] /= np;
            }
            for (int i = 0; i < n0; i++) {
                int j = pick(pclass, rng);
                out[i] = j;
                pclass[j] -= ideg[j];
                gmass[idis[j]] -= ideg[j];
            }
            double[][] ntt = new double[groups][];
            for (int a = 0; a < groups; a++) {
                ntt[a] = ties[a].clone();
            }
            for (int a = 0; a < groups; a++) {   // a group without ties: its share of the population
                if (Arrays.stream(ntt[a]).sum() <= 0) {
                    ntt[a] = nprop.clone();
                }
                double col = 0;
                for (int b = 0; b < groups; b++) {
                    col += ntt[b][a];
                }
                if (col <= 0) {
                    for (int b = 0; b < groups; b++) {
                        ntt[b][a] = nprop[b];
                    }
                }
            }
            int numberFrom = numberOfRecruits(rng);
            int active = 0;
            int count = 0;
            int kd = nc / groups;   // the classes of group a are a * kd ... a * kd + kd - 1
            for (int mm = n0; mm < n; mm++) {
                int thisDis = idis[out[active]];
                int nextDis = pick(ntt[thisDis], rng);
                int from = nextDis * kd;
                double total = 0;
                if (whole) {
                    total = gmass[nextDis];
                } else {
                    for (int c = from; c < from + kd; c++) {
                        total += pclass[c];
                    }
                }
                int resp;
                if (total == 0) {   // the group is exhausted: any remaining member
                    total = Arrays.stream(pclass).sum();
                    resp = pick(pclass, 0, nc, total, rng);
                } else {
                    resp = pick(pclass, from, from + kd, total, rng);
                }
                pclass[resp] -= ideg[resp];
                gmass[idis[resp]] -= ideg[resp];
                double shrink = (total - ideg[resp]) / total;
                for (int a = 0; a < groups; a++) {
                    ntt[a][idis[resp]] *= shrink;
                }
                out[mm] = resp;
                if (++count == numberFrom) {
                    active++;
                    count = 0;
                    numberFrom = numberOfRecruits(rng);
                }
            }
        }

        /**
         * {@link #pick(double[], UniformRandomProvider)} restricted to the indices from..to-1, whose weights sum
         * to total (the weights outside are taken as 0).
         */
        private static int pick(double[] w, int from, int to, double total, UniformRandomProvider rng) {
            double u = rng.nextDouble() * total;
            double acc = 0;
            for (int j = from; j < to; j++) {
                acc += w[j];
                if (u <= acc && w[j] > 0) {
                    return j;
                }
            }
            for (int j = to - 1; j >= from; j--) {
                if (w[j] > 0) {
                    return j;
                }
            }
            return 0;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GileBootstrap[N=%s, %d replicates, seed %d, level %s]",
                Format.plain(estimator.getPopulationSize()), bootstrap.getReplicates(), bootstrap.getSeed(),
                Format.number(level));
    }
}
