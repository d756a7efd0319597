package org.prevalence.mse.covariate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.prevalence.core.Checks;
import org.prevalence.core.Interval;
import org.prevalence.core.IntervalMethod;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.bootstrap.IntervalType;
import org.prevalence.core.bootstrap.MultiStatistic;
import org.prevalence.core.bootstrap.Resampler;

/**
 * The parametric bootstrap of R's {@code mse::boot_mse} for one fitted covariate model: each replicate draws
 * the full table (unobserved cells included) as one multinomial sample of size \( \lfloor \hat N \rfloor \)
 * with cell probabilities \( \hat\mu_c / \hat N \) over the cells that are not structural zeros, refits
 * the same model to the cells with an observed history, and sums its fitted values over every domain.
 * The interval of each domain is the percentile interval of its replicate sums (type-8 quantiles; R uses
 * type 7, a difference of order 1/B), or by {@link #withMethod} BCa or Chao's log-normal; a lower limit
 * below the domain's observed count is raised to it. Replicates are refitted by the warm-started
 * normal-equation IRLS from the model's fitted values (glm.fit's QR where that defers). Replicate i draws from {@code Bootstrap.generator(seed, i)}, so the
 * result is the same whatever the number of threads.
 *
 * <p>Reference: Cruyff, M. (2021). mse: Multiple Systems Estimation, R package 1.0 ({@code boot_mse},
 * {@code bootx}); Buckland, S.T. and Garthwaite, P.H. (1991). Quantifying precision of mark-recapture
 * estimates using the bootstrap and related methods. Biometrics 47, 255-268. doi:10.2307/2532510
 */
public final class CovariateBootstrap {
    private static final CovariateBootstrap DEFAULT = new CovariateBootstrap(Bootstrap.DEFAULT_REPLICATES,
            Bootstrap.DEFAULT_SEED, 0.95, 0, Method.PERCENTILE);
    private final int replicates;
    private final Method method;
    private final long seed;
    private final double level;
    private final int threads;

    private CovariateBootstrap(int replicates, long seed, double level, int threads, Method method) {
        this.method = method;
        this.replicates = replicates;
        this.seed = seed;
        this.level = level;
        this.threads = threads;
    }

    /**
     * Defaults: 1000 replicates, seed {@link Bootstrap#DEFAULT_SEED}, 95 % level, all cores.
     * @return the default bootstrap
     */
    public static CovariateBootstrap withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the number of replicates, {@code >= 2}
     * @return a copy using it
     */
    public CovariateBootstrap withReplicates(int v) {
        return new CovariateBootstrap(Checks.atLeast("replicates", v, 2), seed, level, threads, method);
    }

    /**
     * @param v the seed
     * @return a copy using it
     */
    public CovariateBootstrap withSeed(long v) {
        return new CovariateBootstrap(replicates, v, level, threads, method);
    }

    /**
     * @param v the confidence level in (0, 1)
     * @return a copy using it
     */
    public CovariateBootstrap withConfidenceLevel(double v) {
        return new CovariateBootstrap(replicates, seed, Checks.level("level", v), threads, method);
    }

    /**
     * @param v threads, 0 = all cores; the result does not depend on it
     * @return a copy using it
     */
    public CovariateBootstrap withThreads(int v) {
        return new CovariateBootstrap(replicates, seed, level, Checks.atLeast("threads", v, 0), method);
    }

    /**
     * @param v the interval method (default {@link Method#PERCENTILE}, boot_mse's)
     * @return a copy using it
     */
    public CovariateBootstrap withMethod(Method v) {
        return new CovariateBootstrap(replicates, seed, level, threads, java.util.Objects.requireNonNull(v));
    }

    /** The interval of each domain from its replicate sums. */
    public enum Method {
        /** boot_mse's percentile interval (type-8 quantiles). */
        PERCENTILE,
        /**
         * Bias-corrected and accelerated (Efron 1987), the acceleration from the delete-one-case jackknife of
         * the same model (each observed cell once, weighted by its count).
         */
        BCA,
        /**
         * Chao's (1987) log-normal interval with the bootstrap variance: with \( f_0 = \hat N - n \) and
         * \( C = \exp(z \sqrt{\log(1 + \widehat{var}/f_0^2)}) \), \( (n + f_0/C,\ n + f_0 C) \); it never goes
         * below the observed count.
         */
        LOG_NORMAL
    }

    /**
     * @param fit the model to bootstrap (usually {@link CovariateMse.Result#getSelected()})
     * @param yearDegree the year coding the fit used (0 = factor), as {@link CovariateMse#withYearDegree}
     * @return the domain estimates with their percentile intervals
     */
    public Result estimate(CovariateFit fit, int yearDegree) {
        return estimate(fit, yearDegree, java.util.EnumSet.of(method)).get(method);
    }

    /**
     * The intervals of several methods from one set of replicates (the same replicates as {@link #estimate}
     * with each method; the jackknife runs only if BCa is asked for).
     * @param fit the model to bootstrap
     * @param yearDegree the year coding the fit used (0 = factor)
     * @param methods the interval methods
     * @return one result per method
     */
    public Map<Method, Result> estimate(CovariateFit fit, int yearDegree, java.util.Set<Method> methods) {
        if (!fit.getStatus().hasFigure() && fit.getStatus() != org.prevalence.core.Status.DEGENERATE) {
            throw PrevalenceException.notEstimable("model", "The model %s has no estimate to bootstrap",
                    fit.getModelName());
        }
        CovariateTable table = fit.getTable();
        ModelDesign design = new ModelDesign(table, yearDegree);
        List<Term> terms = new ArrayList<>(CovariateMse.parse(table, String.join(",", fit.getTerms()), "model"));
        double[] mu = fit.fittedArray();
        int[] cells = design.predictRows();
        double[] prob = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            prob[i] = mu[cells[i]] / fit.getEstimate();
        }
        long size = (long) Math.floor(fit.getEstimate()); // rmultinom's size = as.integer(N)
        int nCells = table.cells();
        List<DomainEstimate> point = fit.getDomains();
        int k = point.size();
        int[][] members = membership(table, point);
        Resampler<long[]> resampler = new Resampler<>() {
            @Override
            public long[] original() {
                return table.countsArray().clone();
            }

            @Override
            public long[] newBuffer() {
                return new long[nCells];
            }

            @Override
            public void resample(UniformRandomProvider rng, long[] buffer) {
                java.util.Arrays.fill(buffer, 0);
                SharedStateDiscreteSampler s = AliasMethodDiscreteSampler.of(rng, prob);
                for (long d = 0; d < size; d++) {
                    buffer[cells[s.sample()]]++;
                }
            }
        };
        int[] fitRows = design.fitRows();
        double[] start = new double[fitRows.length];
        for (int i = 0; i < fitRows.length; i++) {
            start[i] = mu[fitRows[i]];
        }
        int[] pred = design.predictRows();
        int p = design.width(terms);
        double[] predX = new double[pred.length * p];
        design.fill(terms, pred, predX);
        ThreadLocal<NormalFitter> fitters = ThreadLocal.withInitial(() -> new NormalFitter(design));
        MultiStatistic<long[]> refit = (counts, out) -> {
            double[] m = refit(design, terms, fitters.get(), counts, start, predX);
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int c : members[j]) {
                    s += m[c];
                }
                out[j] = s;
            }
        };
        List<Bootstrap.Result> boots = Bootstrap.withDefaults().withReplicates(replicates).withSeed(seed)
                .withThreads(threads).withMaxFailureFraction(1.0).runMany(resampler, k, refit);
        double[][] jack = methods.contains(Method.BCA) ? jackknife(table, design, k, refit) : null;
        double[] weights = jack == null ? null : jackWeights(table, design);
        Map<Method, Result> results = new java.util.EnumMap<>(Method.class);
        for (Method m : methods) {
            List<DomainEstimate> out = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                DomainEstimate pt = point.get(j);
                Bootstrap.Result bj = boots.get(j);
                Interval iv = null;
                if (bj.getSucceeded() >= 2) {
                    iv = switch (m) {
                        case PERCENTILE -> bj.interval(IntervalType.PERCENTILE, level);
                        case BCA -> bca(bj, jack[j], weights, level);
                        case LOG_NORMAL -> logNormal(pt, bj, level);
                    };
                }
                if (iv != null && iv.lower() < pt.observed()) {
                    // a domain holds at least its observed cases (a replicate's sum may fall below them)
                    iv = new Interval(pt.observed(), Math.max(pt.observed(), iv.upper()), iv.level(), iv.method());
                }
                out.add(new DomainEstimate(pt.domain(), pt.observed(), pt.estimate(), iv));
            }
            results.put(m, new Result(fit, out, boots.get(0)));
        }
        return results;
    }

    /**
     * Refits the model to replicate counts by the warm-started normal-equation IRLS (glm.fit's QR where it
     * defers) and returns every cell's fitted value (NaN for structural zeros).
     */
    private static double[] refit(ModelDesign design, List<Term> terms, NormalFitter nf, long[] counts,
            double[] start, double[] predX) {
        int[] fitRows = design.fitRows();
        double[] y = new double[fitRows.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = counts[fitRows[i]];
        }
        nf.counts(y);
        if (!nf.fit(terms, start)) {
            CovariateFit f = new Fitter(design, counts).fit(terms);
            if (f.getStatus() == org.prevalence.core.Status.NOT_ESTIMATED) {
                throw PrevalenceException.notConverged("replicate", "IRLS did not converge");
            }
            return f.fittedArray();
        }
        double[] beta = nf.coefficients();
        int[] pred = design.predictRows();
        int p = design.width(terms);
        double[] m = CovariateFit.nanArray(design.table().cells());
        for (int i = 0; i < pred.length; i++) {
            double eta = 0;
            for (int j = 0; j < p; j++) {
                eta += beta[j] * predX[j * pred.length + i];
            }
            m[pred[i]] = Math.exp(eta);
        }
        return m;
    }

    /** The delete-one-case values of every domain: [domain][observed fit cell]. */
    private double[][] jackknife(CovariateTable table, ModelDesign design, int k, MultiStatistic<long[]> refit) {
        int[] cells = jackCells(table, design);
        double[][] out = new double[k][cells.length];
        long[] base = table.countsArray();
        org.prevalence.core.bootstrap.ParallelLoop.run(cells.length, threads, () -> new double[k], (i, buf) -> {
            long[] c = base.clone();
            c[cells[i]]--;
            refit.apply(c, buf);
            for (int j = 0; j < k; j++) {
                out[j][i] = buf[j];
            }
        }, null);
        return out;
    }

    private static int[] jackCells(CovariateTable table, ModelDesign design) {
        return java.util.Arrays.stream(design.fitRows()).filter(c -> table.count(c) > 0).toArray();
    }

    private static double[] jackWeights(CovariateTable table, ModelDesign design) {
        return java.util.Arrays.stream(jackCells(table, design)).mapToDouble(table::count).toArray();
    }

    private static Interval bca(Bootstrap.Result b, double[] jack, double[] weights, double level) {
        double a = org.prevalence.core.bootstrap.Jackknife.of(jack, weights).getAcceleration();
        return b.withAcceleration(Double.isFinite(a) ? a : 0).interval(IntervalType.BCA, level);
    }

    private static Interval logNormal(DomainEstimate pt, Bootstrap.Result b, double level) {
        // Chao (1987): log(N - n) normal, its variance from the bootstrap's
        double f0 = pt.estimate() - pt.observed();
        double sd = b.getBootstrapStandardError();
        if (!(f0 > 0) || !(sd > 0)) {
            return new Interval(pt.estimate(), pt.estimate(), level, IntervalMethod.LOGNORMAL);
        }
        double z = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                .inverseSurvivalProbability((1 - level) / 2);
        double c = Math.exp(z * Math.sqrt(Math.log(1 + sd * sd / (f0 * f0))));
        return new Interval(pt.observed() + f0 / c, pt.observed() + f0 * c, level, IntervalMethod.LOGNORMAL);
    }

    private static int[][] membership(CovariateTable table, List<DomainEstimate> domains) {
        int[][] out = new int[domains.size()][];
        for (int j = 0; j < domains.size(); j++) {
            Map<String, String> d = domains.get(j).domain();
            List<Integer> cells = new ArrayList<>();
            for (int c = 0; c < table.cells(); c++) {
                if (table.isStructuralZero(c)) {
                    continue;
                }
                boolean in = true;
                for (Map.Entry<String, String> e : d.entrySet()) {
                    int cov = table.covariates().indexOf(e.getKey());
                    in &= table.levels(cov).get(table.level(c, cov)).equals(e.getValue());
                }
                if (in) {
                    cells.add(c);
                }
            }
            out[j] = cells.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** The bootstrapped domain estimates. This class is immutable. */
    public static final class Result {
        private final CovariateFit fit;
        private final List<DomainEstimate> domains;
        private final Bootstrap.Result total;

        Result(CovariateFit fit, List<DomainEstimate> domains, Bootstrap.Result total) {
            this.fit = fit;
            this.domains = List.copyOf(domains);
            this.total = total;
        }

        /** @return the model bootstrapped */
        public CovariateFit getFit() {
            return fit;
        }

        /** @return the domain estimates with intervals, in {@link CovariateFit#getDomains()}'s order */
        public List<DomainEstimate> getDomains() {
            return domains;
        }

        /** @return the whole population's replicates */
        public Bootstrap.Result getTotal() {
            return total;
        }

        /** @return the whole population's interval */
        public Interval getConfidenceInterval() {
            return domains.get(0).interval();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "CovariateBootstrap.Result: N = %.2f, %s, %d of %d replicates fitted",
                    fit.getEstimate(), getConfidenceInterval(), total.getSucceeded(), total.getRequested());
        }
    }
}
