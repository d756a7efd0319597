package org.prevalence.network.rds;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.prevalence.core.Checks;
import org.prevalence.core.Estimate;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.bootstrap.Resampler;

/**
 * Salganik's (2006) RDS bootstrap, as R's {@code RDS::RDS.bootstrap.intervals(uncertainty = "Salganik")}:
 * each replicate is one recruitment chain as long as the sample's recruits plus one, whose groups
 * follow the Markov chain fitted to the recruitment matrix (an empty row replaced by the column totals)
 * and whose members are drawn within their group with probability proportional to degree; the
 * estimator is applied to each chain. The standard error is the replicates' standard deviation and the
 * interval is R's default {@code ci.type = "t"}: \( \hat\mu \pm z_{1-\alpha/2}\,\widehat{se} \)
 * ({@link IntervalMethod#WALD}). Replicate b draws from {@code Bootstrap.generator(seed, b)} on the shared
 * engine, so results are bit-identical whatever the thread count. The groups are the distinct values of
 * the outcome, so the outcome should be categorical (a 0/1 indicator for a proportion).
 *
 * <p>References: <ol><li>Salganik, M.J. (2006). Variance estimation, design effects, and sample size
 * calculations for respondent-driven sampling. Journal of Urban Health 83, i98-i112.
 * doi:10.1007/s11524-006-9106-x</li></ol>
 */
public final class RdsBootstrap {
    private static final RdsBootstrap DEFAULT = new RdsBootstrap(RdsEstimator.withDefaults(), Bootstrap.withDefaults(),
            0.95, MemberDraw.PROPORTIONAL_TO_DEGREE);

    private final RdsEstimator estimator;
    private final Bootstrap bootstrap;
    private final double level;
    private final MemberDraw draw;

    /** How a chain member is drawn among the sample's members of its group. */
    public enum MemberDraw {
        /**
         * With probability proportional to degree, as R's {@code RDS} since 0.8-0 (the default): the
         * replicates' degrees are tilted towards high degree once more, which on the simulator makes the
         * standard error about 7 % smaller than the with-replacement (iid) one.
         */
        PROPORTIONAL_TO_DEGREE,
        /**
         * Uniformly, as Salganik (2006) and R's {@code RDS} before 0.8-0: under random mixing the replicates
         * are then the with-replacement resamples of the (degree, group) pairs.
         */
        UNIFORM
    }

    private RdsBootstrap(RdsEstimator estimator, Bootstrap bootstrap, double level, MemberDraw draw) {
        this.estimator = estimator;
        this.bootstrap = bootstrap;
        this.level = level;
        this.draw = draw;
    }

    /**
     * @param v how chain members are drawn within their group
     * @return a copy using it
     */
    public RdsBootstrap with(MemberDraw v) {
        return new RdsBootstrap(estimator, bootstrap, level, Objects.requireNonNull(v, "member draw"));
    }

    /**
     * Defaults: the default {@link RdsEstimator} (RDS-II), 1,000 replicates, seed
     * {@link Bootstrap#DEFAULT_SEED}, all cores, level 0.95, members drawn
     * {@link MemberDraw#PROPORTIONAL_TO_DEGREE} (as R).
     * @return the default bootstrap
     */
    public static RdsBootstrap withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the estimator applied to each replicate
     * @return a copy using it
     */
    public RdsBootstrap with(RdsEstimator v) {
        return new RdsBootstrap(Objects.requireNonNull(v, "estimator"), bootstrap, level, draw);
    }

    /**
     * @param v replicates (at least 2)
     * @return a copy using them
     */
    public RdsBootstrap withReplicates(int v) {
        return new RdsBootstrap(estimator, bootstrap.withReplicates(Checks.atLeast("replicates", v, 2)), level, draw);
    }

    /**
     * @param v the seed
     * @return a copy using it
     */
    public RdsBootstrap withSeed(long v) {
        return new RdsBootstrap(estimator, bootstrap.withSeed(v), level, draw);
    }

    /**
     * @param v threads (0 = all cores)
     * @return a copy using them
     */
    public RdsBootstrap withThreads(int v) {
        return new RdsBootstrap(estimator, bootstrap.withThreads(v), level, draw);
    }

    /**
     * @param v the confidence level in (0, 1)
     * @return a copy using it
     */
    public RdsBootstrap withConfidenceLevel(double v) {
        return new RdsBootstrap(estimator, bootstrap, Checks.level("level", v), draw);
    }

    /**
     * @param sample the sample
     * @param y the outcome (its distinct values are the groups of the chain)
     * @return the estimate with its bootstrap standard error and interval
     */
    public Result estimate(RdsSample sample, double[] y) {
        RdsEstimator.Result point = estimator.estimate(sample, y);
        RdsEstimator.Groups g = RdsEstimator.Groups.of(sample, y);
        Chain chain = new Chain(sample, g, draw == MemberDraw.UNIFORM);
        RdsMethod method = estimator.getMethod();
        double popSize = estimator.getPopulationSize();
        RdsCore.SsConfig ss = estimator.ssConfig();
        double[] value = g.value();
        Bootstrap.Result r = bootstrap.run(chain, b -> RdsCore.estimate(method, b.deg, b.group, value, b.recruiter,
                popSize, ss, i -> Bootstrap.generator(b.ssSeed, i), 1));
        double se = r.getBootstrapStandardError();
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        Interval ci = new Interval(point.getEstimate() - z * se, point.getEstimate() + z * se, level,
                IntervalMethod.WALD);
        double[] reps = r.getReplicates();
        double mean = java.util.Arrays.stream(reps).average().orElse(Double.NaN);
        return new Result(point, se, ci, mean, r.getSucceeded(), r.getRequested(), bootstrap.getSeed(),
                "Salganik bootstrap");
    }

    /** The replicate buffer: one chain. */
    static final class Buffer {
        final double[] deg;
        final int[] group;
        final int[] recruiter;
        long ssSeed;

        Buffer(double[] deg, int[] group, int[] recruiter) {
            this.deg = deg;
            this.group = group;
            this.recruiter = recruiter;
        }

        Buffer(int m) {
            deg = new double[m];
            group = new int[m];
            recruiter = new int[m];
            for (int i = 0; i < m; i++) {
                recruiter[i] = i - 1;
            }
        }
    }

    /** Salganik's chain resampler, as {@code RDS:::salganik.bootstrap.estimates}. */
    static final class Chain implements Resampler<Buffer> {
        private final int m;
        private final int k;
        private final int[] rowGroup;          // group of each sample row (the seed group is one of them)
        private final double[][] cumTrans;     // cumulative transition weights per group
        private final double[][] groupDeg;     // degrees of each group's members
        private final double[][] cumDeg;       // cumulative degrees of each group's members
        private final Buffer original;

        Chain(RdsSample sample, RdsEstimator.Groups g, boolean uniform) {
            k = g.value().length;
            m = sample.recruits() + 1;
            rowGroup = g.group().clone();
            original = new Buffer(sample.degrees(), g.group().clone(), RdsEstimator.recruiters(sample));
            double[][] t = RdsCore.transitions(g.group(), k, RdsEstimator.recruiters(sample));
            double[] cj = new double[k];
            for (double[] row : t) {
                for (int b = 0; b < k; b++) {
                    cj[b] += row[b];
                }
            }
            cumTrans = new double[k][];
            for (int a = 0; a < k; a++) {
                double[] row = Arrays.stream(t[a]).sum() < 0.5 ? cj : t[a];
                cumTrans[a] = RdsCore.cumulative(row);
            }
            double[] deg = sample.degrees();
            groupDeg = new double[k][];
            cumDeg = new double[k][];
            for (int a = 0; a < k; a++) {
                final int ga = a;
                groupDeg[a] = java.util.stream.IntStream.range(0, deg.length).filter(i -> rowGroup[i] == ga)
                        .mapToDouble(i -> deg[i]).toArray();
                cumDeg[a] = RdsCore.cumulative(uniform ? ones(groupDeg[a].length) : groupDeg[a]);
            }
        }

        private static double[] ones(int n) {
            double[] w = new double[n];
            Arrays.fill(w, 1);
            return w;
        }

        private static int draw(double[] cum, UniformRandomProvider rng) {
            double u = rng.nextDouble() * cum[cum.length - 1];
            int j = Arrays.binarySearch(cum, u);
            j = j >= 0 ? j + 1 : -j - 1;
            return Math.min(j, cum.length - 1);
        }

        @Override
        public Buffer original() {
            return original;   // the sample itself (its recruitment trees)
        }

        @Override
        public Buffer newBuffer() {
            return new Buffer(m);
        }

        @Override
        public void resample(UniformRandomProvider rng, Buffer b) {
            int grp = rowGroup[rng.nextInt(rowGroup.length)];
            for (int i = 0; i < m; i++) {
                if (i > 0) {
                    grp = draw(cumTrans[grp], rng);
                }
                b.group[i] = grp;
                b.deg[i] = groupDeg[grp][draw(cumDeg[grp], rng)];
            }
            b.ssSeed = rng.nextLong();
        }
    }

    /**
     * An RDS estimate with its bootstrap standard error and interval (Salganik's, or Gile's SS bootstrap of
     * {@link GileBootstrap}). This class is immutable.
     */
    public static final class Result {
        private final RdsEstimator.Result point;
        private final double se;
        private final Interval interval;
        private final double replicateMean;
        private final int succeeded;
        private final int requested;
        private final long seed;
        private final String procedure;

        Result(RdsEstimator.Result point, double se, Interval interval, double replicateMean, int succeeded,
               int requested, long seed, String procedure) {
            this.procedure = procedure;
            this.point = point;
            this.replicateMean = replicateMean;
            this.se = se;
            this.interval = interval;
            this.succeeded = succeeded;
            this.requested = requested;
            this.seed = seed;
        }

        /** @return the point estimate */
        public double getEstimate() {
            return point.getEstimate();
        }

        /** @return the point estimate's full result */
        public RdsEstimator.Result getPointEstimate() {
            return point;
        }

        /** @return the bootstrap standard error */
        public double getStandardError() {
            return se;
        }

        /** @return the interval (estimate plus or minus z times the standard error) */
        public Interval getConfidenceInterval() {
            return interval;
        }

        /** @return the mean of the replicate estimates (Salganik's chains are not centred on the estimate) */
        public double getReplicateMean() {
            return replicateMean;
        }

        /** @return the replicates that gave an estimate */
        public int getSucceeded() {
            return succeeded;
        }

        /** @return the replicates requested */
        public int getRequested() {
            return requested;
        }

        /** @return the bootstrap procedure ("Salganik bootstrap" or "Gile SS bootstrap") */
        public String getProcedure() {
            return procedure;
        }

        /** @return the seed */
        public long getSeed() {
            return seed;
        }

        /** @return the generic estimate */
        public Estimate toEstimate() {
            return Estimate.of("mean (" + point.getMethod().label() + ")", getEstimate(), se, interval);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s[estimate=%s, SE=%s, %s; %s %d/%d, seed %d]",
                    point.getMethod().label(), Format.number(getEstimate()), Format.number(se), interval, procedure,
                    succeeded,
                    requested, seed);
        }
    }
}
