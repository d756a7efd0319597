package org.prevalence.network.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.prevalence.core.bootstrap.ParallelLoop;
import org.prevalence.network.nsum.NetworkScaleUp;
import org.prevalence.network.rds.RdsBootstrap;

/**
 * Coverage of the RDS-II (Salganik bootstrap) and NSUM (linearization) 95 % intervals on the simulator,
 * whose truth is known: at the nominal rate when the methods' assumptions hold, and how far below it under
 * homophily (RDS) and a barrier effect and low visibility (NSUM). Each run draws a fresh world from
 * {@code withSeed(run)}. Monte Carlo tolerance: with R runs the rate's sd is sqrt(0.95 * 0.05 / R)
 * (about 0.0097 at 500); NSUM's coverage of its census estimand is held to 0.95 +- 3 sd; the other bounds
 * are stated beside each assertion (60 runs for each broken scenario).
 *
 * <p>Why RDS-II fell short (0.918 of 500 with R's bootstrap on 200 of 1,000): (1) R's Salganik bootstrap
 * (RDS 0.9-10, since 0.8-0) draws each chain member within its group with probability proportional to
 * degree, so replicates see too few low-degree (high-weight) members: its SE was 0.0408 against an
 * empirical sd of the error of 0.0466 (200 worlds), while the with-replacement linearization SE of the same
 * samples was 0.0441; with the uniform draw of Salganik (2006) ({@link RdsBootstrap.MemberDraw#UNIFORM}) it is
 * 0.0454 against 0.0463 (300 worlds). (2) With weights 1/d and degrees down to 1 the Wald interval needs a
 * large sample: even iid draws with probability proportional to degree (RDS-II's model exactly) cover 0.926
 * at n = 200, 0.935 at 500 and 0.944 at 1,000 (2,000 / 2,000 / 1,000 draws of this degree law). The bias
 * is small (-0.001 +- 0.003 at n = 200). So the test where RDS-II's assumptions hold takes 1,000 of 5,000
 * with the uniform draw, and records R's default draw on the smaller design beside it.
 */
@Tag("slow")
class HiddenPopulationCoverageTest {
    static final int RUNS = Integer.getInteger("coverage.runs", 500);

    private static final HiddenPopulationSimulator BASE = HiddenPopulationSimulator.withDefaults()
            .withSizes(10_000, 1_000).withSamples(1_500, 200, 10, 3);

    /** RDS-II's large-sample setting: 1,000 respondents of 5,000 hidden members. */
    private static final HiddenPopulationSimulator LARGE = HiddenPopulationSimulator.withDefaults()
            .withSizes(20_000, 5_000).withSamples(1_500, 1_000, 10, 3);

    /** Coverage over RUNS worlds: {RDS-II of the prevalence, NSUM of N_H, NSUM of its census estimand}. */
    static double[] coverage(HiddenPopulationSimulator sim, int runs) {
        return coverage(sim, runs, RdsBootstrap.MemberDraw.PROPORTIONAL_TO_DEGREE);
    }

    static double[] coverage(HiddenPopulationSimulator sim, int runs, RdsBootstrap.MemberDraw draw) {
        boolean[] rds = new boolean[runs];
        boolean[] nsum = new boolean[runs];
        boolean[] census = new boolean[runs];
        ParallelLoop.run(runs, 0, r -> {
            HiddenPopulationSimulator.World w = sim.withSeed(r + 1).simulate();
            Triangulation.Data d = Triangulation.data(w);
            RdsBootstrap.Result b = RdsBootstrap.withDefaults().with(draw).withReplicates(300).withSeed(r + 1).withThreads(1)
                    .estimate(d.rds(), d.rdsFl());
            rds[r] = b.getConfidenceInterval().lower() <= w.prevalence()
                    && w.prevalence() <= b.getConfidenceInterval().upper();
            NetworkScaleUp.Result n = NetworkScaleUp.withDefaults().withPopulationSize(w.populationSize())
                    .estimate(d.household(), d.known(), "q_hidden");
            nsum[r] = n.getConfidenceInterval().lower() <= w.hiddenSize()
                    && w.hiddenSize() <= n.getConfidenceInterval().upper();
            census[r] = n.getConfidenceInterval().lower() <= w.nsumEstimand()
                    && w.nsumEstimand() <= n.getConfidenceInterval().upper();
        });
        double cr = 0;
        double cn = 0;
        double cc = 0;
        for (int r = 0; r < runs; r++) {
            cr += rds[r] ? 1 : 0;
            cn += nsum[r] ? 1 : 0;
            cc += census[r] ? 1 : 0;
        }
        return new double[] {cr / runs, cn / runs, cc / runs};
    }

    @Test
    void nominalWhenAssumptionsHoldAndBelowWhenBroken() {
        long t0 = System.nanoTime();
        double[] ok = coverage(BASE, RUNS);
        double[] large = coverage(LARGE, RUNS, RdsBootstrap.MemberDraw.UNIFORM);
        int broken = Math.max(10, Math.min(60, RUNS / 5));
        double[] homophily = coverage(BASE.withHomophily(0.8), broken);
        double[] barrier = coverage(BASE.withBarrier(0.4), broken);
        double[] visibility = coverage(BASE.withVisibility(0.7), broken);
        System.out.printf(Locale.ROOT, "RDS-II, 1,000 of 5,000, uniform member draw (%d runs): %.3f%n", RUNS, large[0]);
        System.out.printf(Locale.ROOT, "coverage over %d runs (assumptions hold): RDS-II %.3f, NSUM %.3f (of its "
                + "census estimand %.3f)%nhomophily 0.8 (%d runs): RDS-II %.3f, NSUM %.3f%nbarrier 0.4: RDS-II %.3f, "
                + "NSUM %.3f%nvisibility 0.7: RDS-II %.3f, NSUM %.3f%n(%.1f s)%n", RUNS, ok[0], ok[1], ok[2], broken,
                homophily[0], homophily[1], barrier[0], barrier[1], visibility[0], visibility[1],
                (System.nanoTime() - t0) / 1e9);
        double tol = 3 * Math.sqrt(0.95 * 0.05 / RUNS);
        // NSUM's linearization interval is design-based: nominal for its finite-population (census) estimand
        assertTrue(Math.abs(ok[2] - 0.95) <= tol, "NSUM coverage of its estimand " + ok[2]);
        // of N_H itself it falls short by the realized degree ratio of each world (delta = mean hidden degree /
        // mean degree, sd about 0.023 here against a relative SE of about 0.06): expected about 0.93
        assertTrue(ok[1] >= 0.90, "NSUM coverage of N_H " + ok[1]);
        // RDS-II where its assumptions hold (random mixing, a large sample) with Salganik's uniform draw:
        // nominal, 0.93-0.97 (about 3 Monte Carlo sd below 0.95 and 2 above; the iid limit here is 0.944)
        assertTrue(large[0] >= 0.93 && large[0] <= 0.97, "RDS-II coverage, large sample " + large[0]);
        // R's default draw on 200 of 1,000 is anti-conservative (about 0.92; see the class comment)
        assertTrue(ok[0] >= 0.88 && ok[0] <= 0.97, "RDS-II coverage, R's draw " + ok[0]);
        assertTrue(barrier[1] < 0.50, "NSUM under a barrier " + barrier[1]);
        assertTrue(visibility[1] < 0.60, "NSUM under low visibility " + visibility[1]);
    }
}
