package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.prevalence.core.Interval;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.linkage.Linkage;
import org.prevalence.linkage.LinkageSampler;
import org.prevalence.linkage.compare.Comparer;
import org.prevalence.linkage.records.CaseRecords;
import org.prevalence.linkage.synthetic.SyntheticLists;
import org.prevalence.mse.LinkageAveraging;
import org.prevalence.mse.LinkageCorrection;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.PopulationEstimate;

/**
 * End to end on generated worlds with known N (SyntheticLists: 4 lists, capture 0.35/0.30/0.25/0.20, no capture
 * heterogeneity so that the main-effects model is the true one and only the linkage can move N; seeds 1000..):
 * records linked at the default settings, N by the main-effects log-linear model, its 95 % interval on the true
 * table (oracle), on the linked table (naive), by linkage averaging (20 draws) and by the correction. Prints each
 * coverage of the true N; the bar asserted is only that the oracle's coverage is near 95 % (the model is right),
 * so that the printed linkage figures are figures of the linkage. Slow: {@code mvn -Pslow}.
 */
@Tag("slow")
class LinkageCoverageTest {
    private static final int WORLDS = Integer.getInteger("prevalence.linkageWorlds", 200);
    private static final int PEOPLE = Integer.getInteger("prevalence.linkagePeople", 2000);
    private static final int DRAWS = 20;

    @Test
    void coverageOfTheTrueN() {
        LogLinearMse mse = LogLinearMse.withDefaults().withModel("main");
        String[] names = {"oracle", "naive", "averaging", "correction"};
        int[] covered = new int[names.length];
        double[] sum = new double[names.length];
        double[] width = new double[names.length];
        long start = System.nanoTime();
        for (int w = 0; w < WORLDS; w++) {
            SyntheticLists.World world = SyntheticLists.withDefaults().withPeople(PEOPLE).withHeterogeneity(1e-9)
                    .withSeed(1000 + w).generate();
            CaseRecords rec = world.records();
            Linkage.Result r = Linkage.withDefaults().with(Comparer.withDefaults().withNameSwap("given_name", "surname"))
                    .link(rec);
            List<String> ids = new ArrayList<>();
            List<String> lists = new ArrayList<>();
            for (int i = 0; i < rec.size(); i++) {
                ids.add("p" + world.person(i));
                lists.add(rec.listNames().get(rec.list(i)));
            }
            ListOverlapTable truth = ListOverlapTable.fromLongForm(rec.listNames(), ids, lists);
            ListOverlapTable linked = r.table().orElseThrow();
            LinkageSampler.ErrorRates e = LinkageSampler.errorRates(r);
            PopulationEstimate[] est = {
                mse.estimate(truth),
                mse.estimate(linked),
                LinkageAveraging.withDefaults().estimate(LinkageSampler.withDefaults().withDraws(DRAWS).withSeed(w)
                        .withThreads(1).tables(r), mse::estimate),
                LinkageCorrection.withDefaults().estimate(linked, e.alpha(), e.beta(), mse::estimate)};
            for (int k = 0; k < est.length; k++) {
                Interval iv = est[k].getConfidenceInterval();
                sum[k] += est[k].getEstimate();
                if (iv != null) {
                    width[k] += iv.upper() - iv.lower();
                    covered[k] += iv.contains(world.people()) ? 1 : 0;
                }
            }
            if (w == 0) {
                System.out.printf("world 0: N %d, %d records, observed %d (linked %d); %s%n", world.people(), rec.size(),
                        truth.observedTotal(), linked.observedTotal(), e);
            }
        }
        System.out.printf("%d worlds of %d people, %.0f s%n", WORLDS, PEOPLE, (System.nanoTime() - start) / 1e9);
        for (int k = 0; k < names.length; k++) {
            System.out.printf("%-10s coverage %.3f, mean estimate / N %.4f, mean width %.1f%n", names[k],
                    covered[k] / (double) WORLDS, sum[k] / WORLDS / PEOPLE, width[k] / WORLDS);
        }
        double oracle = covered[0] / (double) WORLDS;
        assertTrue(oracle >= 0.90 && oracle <= 0.99, "oracle coverage " + oracle);
    }
}
