package org.prevalence.network.rds;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.Estimate;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.Bootstrap;

/**
 * The population mean of an outcome from a respondent-driven sample: RDS-I, its data-smoothed form,
 * RDS-II and Gile's successive-sampling estimator ({@link RdsMethod}), as R's {@code RDS} package
 * ({@code RDS.I.estimates}, {@code RDS.II.estimates}, {@code RDS.SS.estimates}).
 *
 * <p>RDS-II (the default) is the Hajek mean \( \hat\mu = \sum_i y_i/d_i \big/ \sum_i 1/d_i \) with
 * \( d_i \) the reported degree and \( y_i \) the outcome. For a proportion, \( y_i \) is the 0/1
 * indicator of the level. RDS-I works on groups: the distinct values of the outcome are the groups, so
 * for a 0/1 indicator it gives the proportion of group 1, as {@code RDS.I.estimates} on a factor.
 * Gile's SS needs the population size N ({@link #withPopulationSize}); its weights come from a simulation
 * (5 iterations of 500 successive samples, as R's defaults), drawn from
 * {@code Bootstrap.generator(seed, k)}, so the SS estimate depends on the seed at the Monte Carlo level
 * (about 3e-4 on {@code fauxmadrona}) and is bit-identical whatever the thread count. When \( n/N \) is
 * at most 0.01 ({@code control.rds.estimates()$SS.infinity}) SS equals RDS-II, as in R.
 *
 * <p>References: <ol>
 * <li>Salganik, M.J., Heckathorn, D.D. (2004). Sampling and estimation in hidden populations using
 * respondent-driven sampling. Sociological Methodology 34, 193-240. doi:10.1111/j.0081-1750.2004.00152.x</li>
 * <li>Volz, E., Heckathorn, D.D. (2008). Probability based estimation theory for respondent driven
 * sampling. Journal of Official Statistics 24, 79-97.</li>
 * <li>Gile, K.J. (2011). Improved inference for respondent-driven sampling data with application to HIV
 * prevalence estimation. JASA 106, 135-146. doi:10.1198/jasa.2011.ap09475</li></ol>
 */
public final class RdsEstimator {
    /** Default number of SS iterations ({@code number.ss.iterations}). */
    public static final int DEFAULT_SS_ITERATIONS = 5;
    /** Default simulated samples per SS iteration ({@code number.ss.samples.per.iteration}). */
    public static final int DEFAULT_SS_SAMPLES = 500;
    /** Sampling fraction below which SS uses the with-replacement probabilities ({@code SS.infinity}). */
    public static final double SS_INFINITY = 0.01;

    private static final RdsEstimator DEFAULT = new RdsEstimator(RdsMethod.RDS_II, Double.NaN,
            DEFAULT_SS_ITERATIONS, DEFAULT_SS_SAMPLES, Bootstrap.DEFAULT_SEED, 0);

    private final RdsMethod method;
    private final double populationSize;
    private final int ssIterations;
    private final int ssSamples;
    private final long seed;
    private final int threads;

    private RdsEstimator(RdsMethod method, double populationSize, int ssIterations, int ssSamples, long seed,
                         int threads) {
        this.method = method;
        this.populationSize = populationSize;
        this.ssIterations = ssIterations;
        this.ssSamples = ssSamples;
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * Defaults: {@link RdsMethod#RDS_II}, no population size, SS with 5 iterations of 500 samples,
     * seed {@link Bootstrap#DEFAULT_SEED}, all cores.
     * @return the default estimator
     */
    public static RdsEstimator withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the estimator
     * @return a copy using it
     */
    public RdsEstimator with(RdsMethod v) {
        return new RdsEstimator(Objects.requireNonNull(v, "method"), populationSize, ssIterations, ssSamples, seed,
                threads);
    }

    /**
     * @param v the size N of the hidden population (required by {@link RdsMethod#SS})
     * @return a copy using it
     */
    public RdsEstimator withPopulationSize(double v) {
        if (!(v >= 1) || Double.isInfinite(v)) {
            throw PrevalenceException.invalidArgument("population size",
                    "the population size must be a finite number of at least 1, got %s", v);
        }
        return new RdsEstimator(method, v, ssIterations, ssSamples, seed, threads);
    }

    /**
     * @param iterations SS iterations (at least 0)
     * @param samples simulated samples per iteration (at least 1)
     * @return a copy using them
     */
    public RdsEstimator withSsSimulation(int iterations, int samples) {
        return new RdsEstimator(method, populationSize, Checks.atLeast("SS iterations", iterations, 0),
                Checks.atLeast("SS samples", samples, 1), seed, threads);
    }

    /**
     * @param v the seed of the SS simulation
     * @return a copy using it
     */
    public RdsEstimator withSeed(long v) {
        return new RdsEstimator(method, populationSize, ssIterations, ssSamples, v, threads);
    }

    /**
     * @param v threads (0 = all cores)
     * @return a copy using them
     */
    public RdsEstimator withThreads(int v) {
        return new RdsEstimator(method, populationSize, ssIterations, ssSamples, seed,
                Checks.atLeast("threads", v, 0));
    }

    /** @return the estimator */
    public RdsMethod getMethod() {
        return method;
    }

    /** @return the population size, NaN when none is set */
    public double getPopulationSize() {
        return populationSize;
    }

    RdsCore.SsConfig ssConfig() {
        return new RdsCore.SsConfig(ssIterations, ssSamples, SS_INFINITY);
    }

    long seed() {
        return seed;
    }

    /**
     * Checks the population size against the method and the sample.
     * @param n the sample size
     */
    void checkPopulation(int n) {
        if (method == RdsMethod.SS && Double.isNaN(populationSize)) {
            throw PrevalenceException.invalidArgument("population size",
                    "Gile's SS estimator needs the population size N; give withPopulationSize(N) "
                            + "(CLI: --population N)");
        }
        if (!Double.isNaN(populationSize) && populationSize < n) {
            throw PrevalenceException.invalidArgument("population size",
                    "the population size %s is smaller than the sample size %d; N must be at least n",
                    Format.plain(populationSize), n);
        }
    }

    /**
     * The estimate of the population mean of y.
     * @param sample the sample
     * @param y the outcome of each row (finite); a 0/1 indicator gives a proportion
     * @return the result
     */
    public Result estimate(RdsSample sample, double[] y) {
        Groups g = Groups.of(sample, y);
        checkPopulation(sample.size());
        double est = RdsCore.estimate(method, sample.degrees(), g.group(), g.value(), recruiters(sample),
                populationSize, ssConfig(), i -> Bootstrap.generator(seed, i), threads);
        return new Result(method, est, sample.size(), populationSize);
    }

    /**
     * The convergence diagnostic: the estimate on the respondents of waves 0 to k, for each wave k, as R's
     * {@code RDS::cumulative.estimate} (without recruitment times) and {@code convergence.plot}.
     * @param sample the sample
     * @param y the outcome of each row
     * @return the estimate and the number of respondents up to each wave
     */
    public ByWave byWave(RdsSample sample, double[] y) {
        Groups g = Groups.of(sample, y);
        return byWave(sample, g, null);
    }

    /**
     * The bottleneck diagnostic: the convergence diagnostic on each recruitment tree alone, as the data of
     * R's {@code RDS::bottleneck.plot} ({@code cumulative.estimate} on the rows of each seed). Trees whose
     * estimates settle apart point to a bottleneck (weak ties between parts of the population).
     * @param sample the sample
     * @param y the outcome of each row
     * @return one entry per seed, in the order the seeds appear
     */
    public java.util.List<SeedTree> bottleneck(RdsSample sample, double[] y) {
        Groups g = Groups.of(sample, y);
        int[] seedRow = sample.seedRows();
        java.util.List<SeedTree> out = new java.util.ArrayList<>();
        for (int s = 0; s < sample.size(); s++) {
            if (sample.isSeed(s)) {
                final int seed = s;
                boolean[] keep = new boolean[seedRow.length];
                for (int i = 0; i < keep.length; i++) {
                    keep[i] = seedRow[i] == seed;
                }
                out.add(new SeedTree(s, byWave(sample, g, keep)));
            }
        }
        return out;
    }

    /**
     * The convergence diagnostic of one recruitment tree.
     * @param seedRow the 0-based row of the tree's seed
     * @param byWave the estimate on the tree's respondents of waves 0..k
     */
    public record SeedTree(int seedRow, ByWave byWave) {
    }

    private ByWave byWave(RdsSample sample, Groups g, boolean[] keep) {
        int[] wave = sample.waves();
        int max = 0;
        for (int i = 0; i < wave.length; i++) {
            if (keep == null || keep[i]) {
                max = Math.max(max, wave[i]);
            }
        }
        double[] est = new double[max + 1];
        int[] count = new int[max + 1];
        double[] deg = sample.degrees();
        for (int k = 0; k <= max; k++) {
            int[] newRow = new int[wave.length];
            int m = 0;
            for (int i = 0; i < wave.length; i++) {
                newRow[i] = wave[i] <= k && (keep == null || keep[i]) ? m++ : -1;
            }
            double[] d = new double[m];
            int[] grp = new int[m];
            int[] rec = new int[m];
            for (int i = 0; i < wave.length; i++) {
                if (newRow[i] >= 0) {
                    int j = newRow[i];
                    d[j] = deg[i];
                    grp[j] = g.group()[i];
                    rec[j] = sample.isSeed(i) ? -1 : newRow[sample.recruiterRow(i)];
                }
            }
            checkPopulation(m);
            est[k] = RdsCore.estimate(method, d, grp, g.value(), rec, populationSize, ssConfig(),
                    i -> Bootstrap.generator(seed, i), threads);
            count[k] = m;
        }
        return new ByWave(method, est, count);
    }

    /**
     * Estimates by wave (the convergence diagnostic).
     * @param method the estimator
     * @param estimates the estimate on waves 0..k, indexed by k
     * @param respondents the respondents of waves 0..k, indexed by k
     */
    public record ByWave(RdsMethod method, double[] estimates, int[] respondents) {
        /** Copies the arrays. */
        public ByWave {
            estimates = estimates.clone();
            respondents = respondents.clone();
        }

        @Override
        public double[] estimates() {
            return estimates.clone();
        }

        @Override
        public int[] respondents() {
            return respondents.clone();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(method.label()).append(" by wave[");
            for (int k = 0; k < estimates.length; k++) {
                b.append(k == 0 ? "" : ", ").append(k).append(": ").append(Format.number(estimates[k]))
                        .append(" (n=").append(respondents[k]).append(')');
            }
            return b.append(']').toString();
        }
    }

    static int[] recruiters(RdsSample s) {
        int[] r = new int[s.size()];
        Arrays.setAll(r, s::recruiterRow);
        return r;
    }

    /** The outcome coded as groups: the distinct values, sorted, and each row's group. */
    record Groups(int[] group, double[] value) {
        static Groups of(RdsSample s, double[] y) {
            Objects.requireNonNull(y, "outcome");
            if (y.length != s.size()) {
                throw PrevalenceException.invalidArgument("outcome", "the outcome has %d rows, the sample %d",
                        y.length, s.size());
            }
            for (int i = 0; i < y.length; i++) {
                if (!Double.isFinite(y[i])) {
                    throw PrevalenceException.invalidData(RdsSample.where(i, "outcome"),
                            "Row %d has no outcome value", i + 1);
                }
            }
            double[] v = Arrays.stream(y).distinct().sorted().toArray();
            int[] g = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                g[i] = Arrays.binarySearch(v, y[i]);
            }
            return new Groups(g, v);
        }
    }

    /** An RDS estimate of a population mean. This class is immutable. */
    public static final class Result {
        private final RdsMethod method;
        private final double estimate;
        private final int n;
        private final double populationSize;

        Result(RdsMethod method, double estimate, int n, double populationSize) {
            this.method = method;
            this.estimate = estimate;
            this.n = n;
            this.populationSize = populationSize;
        }

        /** @return the estimator */
        public RdsMethod getMethod() {
            return method;
        }

        /** @return the estimated population mean (a proportion for a 0/1 outcome) */
        public double getEstimate() {
            return estimate;
        }

        /** @return the sample size */
        public int getSampleSize() {
            return n;
        }

        /** @return the population size used, NaN when none */
        public double getPopulationSize() {
            return populationSize;
        }

        /** @return the generic estimate (no standard error: use {@link RdsBootstrap}) */
        public Estimate toEstimate() {
            return Estimate.of("mean (" + method.label() + ")", estimate, Double.NaN, null);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s[estimate=%s; n=%d%s]", method.label(), Format.number(estimate), n,
                    Double.isNaN(populationSize) ? "" : ", N=" + Format.plain(populationSize));
        }
    }
}
