package org.prevalence.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.bootstrap.ParallelLoop;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.linkage.cluster.Clusterer;
import org.prevalence.linkage.cluster.Clusters;

/**
 * Draws clusterings of linked records from their pair match probabilities, for linkage averaging
 * (Sadinle 2018), and estimates the link and false-link rates of the point clustering for the
 * Ding-Fienberg correction.
 *
 * <p>Draw \( s \): every record pair is declared a link, independently, with its match probability
 * (candidate pairs in pair order from the generator {@code Bootstrap.generator(seed, s)}; any other pair
 * that the clustering asks about from a uniform hashed from that generator's first number and the pair),
 * and the 0/1 links are clustered by the table's clustering (average linkage by default, merging two
 * clusters while at least half of their record pairs are links; connected components if so
 * configured); then the links the pairwise probabilities leave out (the model's missed links, which the
 * probabilities of the pairs understate) are added, drawn among the most plausible unlinked pairs (see
 * {@code withMissedLinks}). Each draw's overlap table counts its clusters. The draws depend only on (seed, s), so
 * the tables are the same whatever the thread count.
 *
 * <p>References: Sadinle, M. (2018). Bayesian propagation of record linkage uncertainty into population
 * size estimation of human rights violations. Annals of Applied Statistics 12(2), 1013-1038.
 *
 * <p>This class is immutable.
 */
public final class LinkageSampler {
    /** The default number of drawn clusterings. */
    public static final int DEFAULT_DRAWS = 100;
    /** The least match probability of a pair drawn as a missed link (see {@link #clusterings}). */
    static final double MIN_EXTRA_PROBABILITY = 1e-4;
    private static final LinkageSampler DEFAULT = new LinkageSampler(DEFAULT_DRAWS, Bootstrap.DEFAULT_SEED, 0);
    private final int draws;
    private final long seed;
    private final int threads;

    private LinkageSampler(int draws, long seed, int threads) {
        this.draws = draws;
        this.seed = seed;
        this.threads = threads;
    }

    /** @return the defaults: {@value #DEFAULT_DRAWS} draws, seed {@link Bootstrap#DEFAULT_SEED}, all cores */
    public static LinkageSampler withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the number of clusterings to draw, at least 2
     * @return a copy drawing that many
     */
    public LinkageSampler withDraws(int v) {
        if (v < 2) {
            throw PrevalenceException.invalidArgument("draws", "linkage averaging needs at least 2 draws, got %d", v);
        }
        return new LinkageSampler(v, seed, threads);
    }

    /**
     * @param v the seed
     * @return a copy using it
     */
    public LinkageSampler withSeed(long v) {
        return new LinkageSampler(draws, v, threads);
    }

    /**
     * @param v the number of threads, 0 for all cores
     * @return a copy using them (the draws do not depend on it)
     */
    public LinkageSampler withThreads(int v) {
        if (v < 0) {
            throw PrevalenceException.invalidArgument("threads", "threads must be >= 0 (0 = all cores), got %d", v);
        }
        return new LinkageSampler(draws, seed, v);
    }

    /**
     * @param r a link
     * @return the overlap table of each drawn clustering, in draw order
     * @throws PrevalenceException if the records are not on 2 to 15 lists
     */
    public List<ListOverlapTable> tables(Linkage.Result r) {
        List<Clusters> c = clusterings(r);
        List<ListOverlapTable> out = new ArrayList<>(c.size());
        for (Clusters x : c) {
            out.add(r.overlap(x));
        }
        return out;
    }

    /**
     * @param r a link
     * @return the drawn clusterings, in draw order
     * @throws PrevalenceException if the records are not on 2 to 15 lists
     */
    public List<Clusters> clusterings(Linkage.Result r) {
        int k = r.records().listNames().size();
        if (k < ListOverlapTable.MIN_LISTS || k > ListOverlapTable.MAX_LISTS) {
            throw PrevalenceException.invalidArgument("lists", "linkage averaging needs records on 2 to 15 lists, got %d", k);
        }
        int[] left = r.lefts();
        int[] right = r.rights();
        double[] prob = r.probabilities();
        long[] codes = r.codes();
        Clusterer.PairScore model = r.score();
        int n = r.records().size();
        Clusterer clusterer = Clusterer.withDefaults().with(r.tableMethod()).withThreshold(0.5);
        // The links the pairwise probabilities leave out: the model's missed links (Fellegi-Sunter FNR and the
        // blocking's loss, see rateModel) less the expected matches the draws already find among the candidates
        // scored below the threshold.
        RateModel rates = rateModel(r);
        double below = 0;
        int eligible = 0;
        for (int p = 0; p < prob.length; p++) {
            if (prob[p] < r.threshold() && r.records().list(left[p]) != r.records().list(right[p])) {
                below += prob[p];
                eligible += prob[p] >= MIN_EXTRA_PROBABILITY ? 1 : 0;
            }
        }
        double deficit = rates.missedByBlocking() + Math.max(0, rates.missedByModel() - below);
        int[] pool = new int[eligible];
        for (int p = 0, q = 0; p < prob.length; p++) {
            if (prob[p] < r.threshold() && r.records().list(left[p]) != r.records().list(right[p])
                    && prob[p] >= MIN_EXTRA_PROBABILITY) {
                pool[q++] = p;
            }
        }
        Clusters[] out = new Clusters[draws];
        ParallelLoop.run(draws, threads, s -> {
            UniformRandomProvider g = Bootstrap.generator(seed, s);
            long key = g.nextLong();
            double[] z = new double[prob.length];
            for (int p = 0; p < prob.length; p++) {
                z[p] = g.nextDouble() < prob[p] ? 1 : 0;
            }
            Clusterer.PairScore drawn = (i, j) -> {
                int q = Arrays.binarySearch(codes, (long) i << 32 | j);
                if (q >= 0) {
                    return z[q];
                }
                return uniform(key, i, j) < model.probability(i, j) ? 1 : 0;
            };
            Clusters drawnClusters = clusterer.cluster(n, left, right, z, drawn);
            out[s] = deficit > 0 && pool.length > 0 ? withMissedLinks(drawnClusters, g, deficit, pool, left, right, prob)
                    : drawnClusters;
        });
        return List.of(out);
    }

    /**
     * Adds to a drawn clustering the links its pairwise probabilities leave out: their number
     * \( K \sim \mathrm{Poisson}(\delta) \), with \( \delta \) the model's expected missed links
     * (Fellegi-Sunter FNR over the candidates, plus the blocking's loss; see {@link #rateModel}) less the
     * expected matches among the candidates below the threshold, which the draws already link at their
     * probability; the K links are candidate cross-list pairs below the threshold, in different clusters,
     * drawn without replacement with probability proportional to \( \pi_p \) (Efraimidis and Spirakis
     * 2006, keys \( U^{1/\pi_p} \)). The blocking's missed pairs are not known one by one, so their share
     * is drawn among the most plausible proposed pairs: on the table, a missed link and such a link both
     * merge two units of different lists. Without this step every draw misses the links the point
     * clustering misses, and the averaged N kept the naive 2 % upward bias (Sadinle 2018 draws from a
     * model whose match probabilities are calibrated; these ones are not, see {@link #rateModel}).
     * References: Efraimidis, P.S. and Spirakis, P.G. (2006). Weighted random sampling with a reservoir.
     * Information Processing Letters 97(5), 181-185.
     */
    private static Clusters withMissedLinks(Clusters c, UniformRandomProvider g, double deficit, int[] pool, int[] left,
                                            int[] right, double[] prob) {
        int k = org.apache.commons.rng.sampling.distribution.PoissonSampler.of(g, deficit).sample();
        if (k == 0) {
            return c;
        }
        double[] key = new double[pool.length];
        Integer[] order = new Integer[pool.length];
        for (int q = 0; q < pool.length; q++) {
            key[q] = Math.log(g.nextDouble()) / prob[pool[q]];
            order[q] = q;
        }
        Arrays.sort(order, (x, y) -> Double.compare(key[y], key[x]));
        int[] parent = new int[c.count()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        List<int[]> links = new ArrayList<>();
        for (int q = 0; q < order.length && links.size() < k; q++) {
            int p = pool[order[q]];
            int x = root(parent, c.cluster(left[p]));
            int y = root(parent, c.cluster(right[p]));
            if (x != y) {
                parent[Math.max(x, y)] = Math.min(x, y);
                links.add(new int[] {left[p], right[p]});
            }
        }
        int[] a = new int[links.size()];
        int[] b = new int[links.size()];
        for (int q = 0; q < a.length; q++) {
            a[q] = links.get(q)[0];
            b[q] = links.get(q)[1];
        }
        return c.merged(a, b);
    }

    private static int root(int[] parent, int c) {
        while (parent[c] != c) {
            c = parent[c];
        }
        return c;
    }

    /** A uniform in [0, 1) from the draw's key and the pair (SplitMix64's finaliser). */
    private static double uniform(long key, int i, int j) {
        long z = key ^ ((long) i * 0x9E3779B97F4A7C15L + j * 0xC2B2AE3D27D4EB4FL);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    /**
     * The link and false-link rates of a link's clustering for the Ding-Fienberg correction: the point
     * estimate of {@link #rateModel(Linkage.Result)}.
     *
     * @param r a link
     * @return alpha and beta
     */
    public static ErrorRates errorRates(Linkage.Result r) {
        return rateModel(r).point();
    }

    /**
     * The link and false-link rates of a link, with their standard errors, from the fitted model over all
     * cross-list record pairs, those the blocking proposed and those it did not.
     *
     * <p>With \( T_B = \sum_p \pi_p \) the expected true links among the candidate cross-list pairs,
     * \( M_U \) the expected true links among the pairs no rule proposed ({@link Linkage.Result#unblocked()},
     * from a sample of them), \( T = T_B + M_U \), and FNR, FPR the Fellegi-Sunter error rates of the
     * threshold rule ({@link org.prevalence.linkage.model.Parameters#errorRates(double)}):
     * <p>\[ \hat\alpha = 1 - D / T, \quad D = \mathrm{FNR}\, T_B + M_U, \qquad
     * \hat\beta = \mathrm{FPR}\,(P - T) / (R - T) \]
     * <p>where \( D \) is the expected missed links (matches the rule scores below the threshold, and
     * matches the blocking never proposed), \( P \) the number of cross-list pairs and \( R \) the records on
     * the second and later lists. (A sum of the candidate pairs' probabilities instead counts a match scored
     * 0.1 as 0.9 of a kept link, and leaves out the pairs no rule proposed: on generated worlds it put alpha
     * 0.012 above the truth.) The variances add the realised count's Poisson variance around its expectation
     * to the estimate's own: \( \mathrm{Var}(D) = \mathrm{FNR}\,T_B + \mathrm{FNR}(1 - \mathrm{FNR})\,T_B
     * + M_U + \mathrm{se}(M_U)^2 \), \( \mathrm{se}(\hat\alpha) = \sqrt{\mathrm{Var}(D)} / T \); with
     * \( F = \mathrm{FPR}(P - T) \) the expected false links, \( \mathrm{se}(\hat\beta) = \sqrt{2F} / (R - T) \).
     *
     * <p>References: Fellegi, I.P. and Sunter, A.B. (1969). A theory for record linkage. JASA 64,
     * 1183-1210 (the rule's error rates from m and u); Di Consiglio, L. and Tuoto, T. (2015). Coverage
     * evaluation on probabilistic data linkage. Survey Methodology 41(2), 397-415 (alpha and beta from the
     * linkage model, and their estimation error in the variance of N).
     *
     * @param r a link
     * @return the rates and their standard errors
     */
    public static RateModel rateModel(Linkage.Result r) {
        int[] left = r.lefts();
        int[] right = r.rights();
        double[] prob = r.probabilities();
        double tb = 0;
        for (int p = 0; p < prob.length; p++) {
            if (r.records().list(left[p]) != r.records().list(right[p])) {
                tb += prob[p];
            }
        }
        double crossPairs = Linkage.crossListPairs(r.records());
        long later = 0;
        for (int i = 0; i < r.records().size(); i++) {
            later += r.records().list(i) > 0 ? 1 : 0;
        }
        Linkage.Unblocked u = r.unblocked();
        double mu = u.expectedMatches();
        double[] fs = r.parameters().errorRates(r.threshold());
        double fnr = fs[0];
        double fpr = fs[1];
        double t = tb + mu;
        if (!(t > 0)) {
            return new RateModel(new ErrorRates(1, 0), 0, 0, 0, 0, 0, 0);
        }
        double missed = fnr * tb + mu;
        double alpha = Math.max(1 - missed / t, 1e-6);
        double falseLinks = fpr * Math.max(0, crossPairs - t);
        double room = Math.max(1, later - t);
        double beta = Math.min(falseLinks / room, alpha / 2);
        double varMissed = fnr * tb + fnr * (1 - fnr) * tb + mu + u.standardError() * u.standardError();
        return new RateModel(new ErrorRates(alpha, beta), Math.sqrt(varMissed) / t, Math.sqrt(2 * falseLinks) / room, t,
                fnr * tb, mu, falseLinks);
    }

    /**
     * Rates drawn around the model's estimate, one pair per draw, for carrying their estimation error into the
     * corrected N (the correction run once per draw and the runs combined by the law of total variance, Rubin
     * 1987): draw \( s \) takes \( \alpha_s = \hat\alpha + \mathrm{se}(\hat\alpha) z_1 \) and
     * \( \beta_s = \hat\beta + \mathrm{se}(\hat\beta) z_2 \), \( z \) standard normal from
     * {@code Bootstrap.generator(seed, s)}, then \( \beta_s \) clipped to \( [0, \infty) \) and
     * \( \alpha_s \) to \( (2\beta_s, 1] \). Depends only on (seed, s).
     *
     * @param r a link
     * @return this sampler's number of rate draws
     */
    public List<ErrorRates> rateDraws(Linkage.Result r) {
        return rateDraws(rateModel(r));
    }

    /**
     * @param model the rates and their standard errors
     * @return this sampler's number of rate draws (see {@link #rateDraws(Linkage.Result)})
     */
    public List<ErrorRates> rateDraws(RateModel model) {
        List<ErrorRates> out = new ArrayList<>(draws);
        for (int s = 0; s < draws; s++) {
            UniformRandomProvider g = Bootstrap.generator(seed, s);
            org.apache.commons.rng.sampling.distribution.ContinuousSampler z =
                    org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(g);
            double a = model.point().alpha() + model.alphaSe() * z.sample();
            double b = Math.max(0, model.point().beta() + model.betaSe() * z.sample());
            a = Math.min(1, Math.max(a, Math.max(2 * b, 1e-6)));
            out.add(new ErrorRates(a, Math.min(b, a / 2)));
        }
        return List.copyOf(out);
    }

    /**
     * The model's link and false-link rates and what they are made of (see {@link #rateModel(Linkage.Result)}).
     *
     * @param point alpha and beta
     * @param alphaSe the standard error of alpha
     * @param betaSe the standard error of beta
     * @param expectedLinks \( T \), the expected true cross-list links
     * @param missedByModel \( \mathrm{FNR}\,T_B \), the expected true links among the candidates scored below the threshold
     * @param missedByBlocking \( M_U \), the expected true links among the pairs no rule proposed
     * @param expectedFalseLinks \( F \), the expected false links
     */
    public record RateModel(ErrorRates point, double alphaSe, double betaSe, double expectedLinks, double missedByModel,
                            double missedByBlocking, double expectedFalseLinks) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "RateModel[alpha %.6f (se %.6f), beta %.6f (se %.6f); expected links %.1f, "
                    + "missed by the model %.2f, by the blocking %.2f, false links %.2f]", point.alpha(), alphaSe,
                    point.beta(), betaSe, expectedLinks, missedByModel, missedByBlocking, expectedFalseLinks);
        }
    }

    /**
     * Link rates of a clustering.
     *
     * @param alpha the probability that a true link is made
     * @param beta the probability that a record with no true match on an earlier list is falsely linked
     */
    public record ErrorRates(double alpha, double beta) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "ErrorRates[alpha %.6f, beta %.6f]", alpha, beta);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LinkageSampler[%d draws, seed %d, threads %d]", draws, seed, threads);
    }
}
