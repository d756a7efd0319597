package org.prevalence.network.rds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prevalence.core.IntervalMethod;

class RdsBootstrapTest {
    private static final Map<String, Double> R = RdsData.expected("rds-bootstrap-expected.csv");

    @Test
    void salganikStandardErrorMatchesRWithinMonteCarlo() {
        RdsData d = RdsData.load("fauxmadrona");
        RdsBootstrap.Result b = RdsBootstrap.withDefaults().withReplicates(1000).withSeed(1234)
                .estimate(d.sample, d.disease);
        // R: mean and sd over 5 seeds of RDS.bootstrap.intervals(..., 'RDS-II', 'Salganik', 1000)$interval[1,5]
        // (on the rows ordered by disease, see the resource's notes)
        double mean = R.get("boot-se-mean5/fauxmadrona");
        double tol = 4 * mean / Math.sqrt(2 * 999) * Math.sqrt(1 + 1.0 / 5);
        assertEquals(mean, b.getStandardError(), tol, "SE vs R");
        assertEquals(R.get("boot-replicate-mean5/fauxmadrona"), b.getReplicateMean(),
                4 * mean / Math.sqrt(1000) * Math.sqrt(1 + 1.0 / 5), "replicate mean vs R");
        assertEquals(R.get("boot-lower-mean5/fauxmadrona"), b.getConfidenceInterval().lower(), 1.96 * tol, "lower");
        assertEquals(R.get("boot-upper-mean5/fauxmadrona"), b.getConfidenceInterval().upper(), 1.96 * tol, "upper");
        assertEquals(IntervalMethod.WALD, b.getConfidenceInterval().method());
        assertEquals(1000, b.getSucceeded());
        assertTrue(b.toString().contains("Salganik bootstrap 1000/1000"), b.toString());
    }

    @Test
    void threadCountInvariantForEveryMethod() {
        RdsData d = RdsData.load("fauxsycamore");
        for (RdsMethod m : new RdsMethod[] {RdsMethod.RDS_II, RdsMethod.RDS_I, RdsMethod.RDS_I_SMOOTHED}) {
            RdsBootstrap b = RdsBootstrap.withDefaults().with(RdsEstimator.withDefaults().with(m))
                    .withReplicates(100).withSeed(7);
            double se1 = b.withThreads(1).estimate(d.sample, d.disease).getStandardError();
            assertEquals(se1, b.withThreads(2).estimate(d.sample, d.disease).getStandardError(), 0.0, m.name());
            assertTrue(se1 > 0.005 && se1 < 0.1, m + " " + se1);
        }
        RdsBootstrap ss = RdsBootstrap.withDefaults().with(RdsEstimator.withDefaults().with(RdsMethod.SS)
                .withPopulationSize(1000).withSsSimulation(1, 20)).withReplicates(4).withSeed(7);
        assertEquals(ss.withThreads(1).estimate(d.sample, d.disease).getStandardError(),
                ss.withThreads(2).estimate(d.sample, d.disease).getStandardError(), 0.0, "SS");
    }

    @Test
    void uniformMemberDrawEqualsRsWhenDegreesAreEqual() {
        RdsData d = RdsData.load("fauxmadrona");
        double[] same = new double[d.sample.size()];
        java.util.Arrays.fill(same, 7);
        String[] id = new String[same.length];
        String[] rec = new String[same.length];
        for (int i = 0; i < same.length; i++) {
            id[i] = d.sample.id(i);
            rec[i] = d.sample.isSeed(i) ? "seed" : d.sample.id(d.sample.recruiterRow(i));
        }
        RdsSample equal = RdsSample.of(id, rec, same);
        RdsBootstrap b = RdsBootstrap.withDefaults().withReplicates(200).withSeed(11);
        // every degree equal: a draw proportional to degree is a uniform draw, replicate for replicate
        assertEquals(b.estimate(equal, d.disease).getStandardError(),
                b.with(RdsBootstrap.MemberDraw.UNIFORM).estimate(equal, d.disease).getStandardError(), 0.0);
        // unequal degrees: thread-invariant (its coverage is HiddenPopulationCoverageTest's)
        RdsBootstrap u = b.with(RdsBootstrap.MemberDraw.UNIFORM);
        assertEquals(u.withThreads(1).estimate(d.sample, d.disease).getStandardError(),
                u.withThreads(2).estimate(d.sample, d.disease).getStandardError(), 0.0);
    }
}
