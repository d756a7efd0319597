package org.prevalence.mse.bayes;

import org.junit.jupiter.api.Test;
import org.prevalence.core.lists.ListOverlapTable;

class LcmScratchTest {
    @Test
    void run() {
        ListOverlapTable t = LcmFixtures.table("uk2013_5lists");
        LatentClassMse e = LatentClassMse.withDefaults().withChains(1).with(LatentClassMse.Diagnostics.NONE);
        for (int rep = 0; rep < 5; rep++) {
            long t0 = System.nanoTime();
            LatentClassMse.Result r = e.withSeed(rep).estimate(t);
            System.out.println("1 chain " + (System.nanoTime() - t0) / 1e9 + " s " + r.getEstimate());
        }
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            LatentClassMse.Result r = LatentClassMse.withDefaults().withSeed(rep).estimate(t);
            System.out.println("4 chains " + (System.nanoTime() - t0) / 1e9 + " s " + r.getEstimate());
        }
    }
}
