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
        double expected = 0;
        double variance = 0;
        double linked = 0;
        int isolated = 0;
        for (int p = 0; p < result.pairCount(); p++) {
            Linkage.Result.Pair pair = result.pair(p);
            if (pair.probability() < 0.01 || pair.probability() > 0.99 || others[pair.left()] != 1 || others[pair.right()] != 1) {
                continue;
            }
            isolated++;
            expected += pair.probability() * draws;
            variance += pair.probability() * (1 - pair.probability()) * draws;
            for (Clusters x : c) {
                linked += x.cluster(pair.left()) == x.cluster(pair.right()) ? 1 : 0;
            }
        }
        System.out.printf("%d isolated uncertain pairs: expected links %.1f (sd %.1f), drawn %.0f%n", isolated, expected,
                Math.sqrt(variance), linked);
        assertTrue(isolated >= 5, "isolated uncertain pairs " + isolated);
        assertEquals(expected, linked, 4 * Math.sqrt(variance));
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
        // the model's rate counts only the matches blocking found, with the model's own confidence: it overstates
        // the true rate (here 0.990 against 0.919), so the correction it drives under-corrects (reported, not hidden)
        assertTrue(e.alpha() >= trueAlpha - 0.01 && e.alpha() <= 1, "alpha " + e.alpha() + " true " + trueAlpha);
        assertTrue(e.beta() >= 0 && e.beta() < 0.05, "beta " + e.beta());
    }
}
