package org.prevalence.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prevalence.linkage.cluster.ClusterMethod;
import org.prevalence.linkage.cluster.Clusters;
import org.prevalence.linkage.compare.Comparer;
import org.prevalence.linkage.synthetic.SyntheticLists;

/**
 * About 10,000 generated records of one population on 4 lists (SyntheticLists defaults, 9,000
 * people, seed 20240601). Target at the default threshold: pairwise precision at least 0.98 and
 * recall at least 0.95.
 */
class SyntheticLinkageTest {
    static SyntheticLists.World world;
    static Linkage.Result result;

    @BeforeAll
    static void link() {
        world = SyntheticLists.withDefaults().withPeople(9000).generate();
        result = Linkage.withDefaults().with(Comparer.withDefaults().withNameSwap("given_name", "surname")).link(world.records());
    }

    /** @return {precision, recall} of the pairs in the same cluster against the pairs of the same person */
    static double[] precisionRecall(SyntheticLists.World w, Clusters c) {
        Map<Long, Integer> cell = new HashMap<>();
        Map<Integer, Integer> perCluster = new HashMap<>();
        Map<Integer, Integer> perPerson = new HashMap<>();
        for (int i = 0; i < c.size(); i++) {
            cell.merge((long) c.cluster(i) << 32 | w.person(i), 1, Integer::sum);
            perCluster.merge(c.cluster(i), 1, Integer::sum);
            perPerson.merge(w.person(i), 1, Integer::sum);
        }
        double tp = cell.values().stream().mapToDouble(x -> x * (x - 1) / 2.0).sum();
        double pred = perCluster.values().stream().mapToDouble(x -> x * (x - 1) / 2.0).sum();
        double truth = perPerson.values().stream().mapToDouble(x -> x * (x - 1) / 2.0).sum();
        return new double[] {tp / pred, tp / truth};
    }

    @Test
    void precisionAndRecallAtTheDefaultThreshold() {
        System.out.println(world);
        System.out.println(result);
        System.out.println(result.parameters().toTable());
        for (ClusterMethod m : ClusterMethod.values()) {
            double[] pr = precisionRecall(world, result.clusters(m));
            System.out.printf("generated %d records: %s precision %.4f recall %.4f, %d clusters for %d people%n",
                    world.records().size(), m, pr[0], pr[1], result.clusters(m).count(), world.observedPeople());
        }
        double[] pr = precisionRecall(world, result.clusters());
        assertTrue(pr[0] >= 0.98, "precision " + pr[0]);
        assertTrue(pr[1] >= 0.95, "recall " + pr[1]);
        assertEquals(world.observedPeople(), result.table().orElseThrow().observedTotal(), 0.05 * world.observedPeople());
    }
}
