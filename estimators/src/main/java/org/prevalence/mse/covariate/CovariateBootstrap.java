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
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.bootstrap.IntervalType;
import org.prevalence.core.bootstrap.Resampler;

/**
 * The parametric bootstrap of R's {@code mse::boot_mse} for one fitted covariate model: each replicate draws
 * the full table (unobserved cells included) as one multinomial sample of size \( \lfloor \hat N \rfloor \)
 * with cell probabilities \( \hat\mu_c / \hat N \) over the cells that are not structural zeros, refits
 * the same model to the cells with an observed history, and sums its fitted values over every domain.
 * The interval of each domain is the percentile interval of its replicate sums (type-8 quantiles; R uses
 * type 7, a difference of order 1/B). Replicate i draws from {@code Bootstrap.generator(seed, i)}, so the
 * result is the same whatever the number of threads.
 *
 * <p>Reference: Cruyff, M. (2021). mse: Multiple Systems Estimation, R package 1.0 ({@code boot_mse},
 * {@code bootx}); Buckland, S.T. and Garthwaite, P.H. (1991). Quantifying precision of mark-recapture
 * estimates using the bootstrap and related methods. Biometrics 47, 255-268. doi:10.2307/2532510
 */
public final class CovariateBootstrap {
    private static final CovariateBootstrap DEFAULT = new CovariateBootstrap(Bootstrap.DEFAULT_REPLICATES,
            Bootstrap.DEFAULT_SEED, 0.95, 0);
    private final int replicates;
    private final long seed;
    private final double level;
    private final int threads;

    private CovariateBootstrap(int replicates, long seed, double level, int threads) {
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
        return new CovariateBootstrap(Checks.atLeast("replicates", v, 2), seed, level, threads);
    }

    /**
     * @param v the seed
     * @return a copy using it
     */
    public CovariateBootstrap withSeed(long v) {
        return new CovariateBootstrap(replicates, v, level, threads);
    }

    /**
     * @param v the confidence level in (0, 1)
     * @return a copy using it
     */
    public CovariateBootstrap withConfidenceLevel(double v) {
        return new CovariateBootstrap(replicates, seed, Checks.level("level", v), threads);
    }

    /**
     * @param v threads, 0 = all cores; the result does not depend on it
     * @return a copy using it
     */
    public CovariateBootstrap withThreads(int v) {
        return new CovariateBootstrap(replicates, seed, level, Checks.atLeast("threads", v, 0));
    }

    /**
     * @param fit the model to bootstrap (usually {@link CovariateMse.Result#getSelected()})
     * @param yearDegree the year coding the fit used (0 = factor), as {@link CovariateMse#withYearDegree}
     * @return the domain estimates with their percentile intervals
     */
    public Result estimate(CovariateFit fit, int yearDegree) {
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
        List<Bootstrap.Result> boots = Bootstrap.withDefaults().withReplicates(replicates).withSeed(seed)
                .withThreads(threads).withMaxFailureFraction(1.0).runMany(resampler, k, (counts, out) -> {
                    CovariateFit f = new Fitter(design, counts).fit(terms);
                    if (f.getStatus() == org.prevalence.core.Status.NOT_ESTIMATED) {
                        throw PrevalenceException.notConverged("replicate", "IRLS did not converge");
                    }
                    double[] m = f.fittedArray();
                    for (int j = 0; j < k; j++) {
                        double s = 0;
                        for (int c : members[j]) {
                            s += m[c];
                        }
                        out[j] = s;
                    }
                });
        List<DomainEstimate> out = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            DomainEstimate p = point.get(j);
            Interval iv = boots.get(j).getSucceeded() >= 2 ? boots.get(j).interval(IntervalType.PERCENTILE, level)
                    : null;
            out.add(new DomainEstimate(p.domain(), p.observed(), p.estimate(), iv));
        }
        return new Result(fit, out, boots.get(0));
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
