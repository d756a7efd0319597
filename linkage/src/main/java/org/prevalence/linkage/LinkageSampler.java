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
 * configured). Each draw's overlap table counts its clusters. The draws depend only on (seed, s), so
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
            out[s] = clusterer.cluster(n, left, right, z, drawn);
        });
        return List.of(out);
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
     * The link and false-link rates of a link's clustering, from its pair probabilities, for the
     * Ding-Fienberg correction (both approximate: they count candidate pairs of records on different lists
     * only, and take the probabilities as calibrated).
     *
     * <p>\( \hat\alpha = \sum_{p \in L} \pi_p / \sum_{p} \pi_p \), the expected share of true links that the
     * clustering made, where \( L \) are the candidate pairs in one cluster; and
     * \( \hat\beta = \sum_{p \in L} (1 - \pi_p) / (R - \sum_p \pi_p) \), the expected false links over the
     * records on the second and later lists less the expected true links (the records a false link could take).
     *
     * @param r a link
     * @return alpha and beta
     */
    public static ErrorRates errorRates(Linkage.Result r) {
        int[] left = r.lefts();
        int[] right = r.rights();
        double[] prob = r.probabilities();
        Clusters c = r.clusters();
        double all = 0;
        double kept = 0;
        double falseLinks = 0;
        for (int p = 0; p < prob.length; p++) {
            if (r.records().list(left[p]) == r.records().list(right[p])) {
                continue;
            }
            all += prob[p];
            if (c.cluster(left[p]) == c.cluster(right[p])) {
                kept += prob[p];
                falseLinks += 1 - prob[p];
            }
        }
        long later = 0;
        for (int i = 0; i < r.records().size(); i++) {
            if (r.records().list(i) > 0) {
                later++;
            }
        }
        double alpha = all > 0 ? kept / all : 1;
        double beta = falseLinks / Math.max(1, later - all);
        return new ErrorRates(Math.max(alpha, 1e-6), Math.min(beta, Math.max(alpha, 1e-6) / 2));
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
