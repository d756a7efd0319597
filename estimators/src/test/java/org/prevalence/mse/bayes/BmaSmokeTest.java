package org.prevalence.mse.bayes;

import org.junit.jupiter.api.Test;

class BmaSmokeTest {
    @Test
    void smoke() {
        System.setProperty("bma.debug", "true");
        long t0 = System.nanoTime();
        BayesianModelAveraging.Result r = BayesianModelAveraging.withDefaults().withGridMax(80000)
                .estimate(BmaTestData.table("uk2013_5lists"));
        System.out.println(r + "\n" + (System.nanoTime() - t0) / 1e6 + " ms mean " + r.mean() + " sd " + r.sd());
        for (int i = 0; i < 3; i++) {
            t0 = System.nanoTime();
            r = BayesianModelAveraging.withDefaults().withGridMax(80000).estimate(BmaTestData.table("uk2013_5lists"));
            System.out.println((System.nanoTime() - t0) / 1e6 + " ms");
        }
    }
}
