package org.prevalence.mse.bayes;

import org.junit.jupiter.api.Test;

class LcmScratchTest {
    @Test
    void run() {
        for (String ds : new String[] {"us_western_site_5lists", "neworleans_5lists", "uk2013_5lists"}) {
            long t0 = System.nanoTime();
            LatentClassMse.Result r = LatentClassMse.withDefaults().estimate(LcmFixtures.table(ds));
            System.out.println(ds + " " + (System.nanoTime() - t0) / 1e9 + " s\n" + r);
        }
    }
}
