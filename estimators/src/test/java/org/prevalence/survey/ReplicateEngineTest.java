package org.prevalence.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.survey.ReplicateCentre;
import org.prevalence.core.survey.ReplicateMethod;
import org.prevalence.core.survey.ReplicateWeightSpec;

/**
 * The replicate engine's two paths agree (replicate estimates from PSU totals and PSU factors, versus
 * row-by-row replicate weights), and bad input is refused with messages naming the stratum or option.
 */
class ReplicateEngineTest {

    /** The JKn design of dstrat again, as supplied columns (the row-by-row path). */
    private static SurveyDesign asSupplied(SurveyDesign rep) {
        ReplicateVariance rv = rep.replicateVariance();
        SurveyDesign.Builder b = SurveyDesign.builder(RepFixtures.table("apiclus1.csv")).weights("pw");
        List<String> names = new ArrayList<>();
        for (int r = 0; r < rv.replicates(); r++) {
            b.variable("rw" + r, rv.replicateWeights(r));
            names.add("rw" + r);
        }
        b.replicateWeights(new ReplicateWeightSpec(names, ReplicateMethod.OTHER, rv.scale(), rv.rscales(), rv.centre()));
        return ReplicateDesign.supplied(b.build());
    }

    @Test
    void psuTotalPathEqualsRowPath() {
        for (ReplicateMethod m : new ReplicateMethod[] {ReplicateMethod.JK1, ReplicateMethod.BOOTSTRAP, ReplicateMethod.SUBBOOTSTRAP}) {
            SurveyDesign fast = ReplicateDesign.withDefaults().with(m).withReplicates(30).withSeed(5)
                    .with(ReplicateCentre.FULL_SAMPLE).build(RepFixtures.dclus1());
            SurveyDesign slow = asSupplied(fast);
            Tolerance.assertRelative(SurveyMean.withDefaults().estimate(fast, "api00").getStandardError(),
                    SurveyMean.withDefaults().estimate(slow, "api00").getStandardError(), 1e-10, m + " mean");
            Tolerance.assertRelative(SurveyTotal.withDefaults().estimate(fast, "enroll").getStandardError(),
                    SurveyTotal.withDefaults().estimate(slow, "enroll").getStandardError(), 1e-10, m + " total");
            Tolerance.assertRelative(SurveyRatio.withDefaults().estimate(fast, "api.stu", "enroll").getStandardError(),
                    SurveyRatio.withDefaults().estimate(slow, "api.stu", "enroll").getStandardError(), 1e-10, m + " ratio");
            List<SurveyMean.Result> a = SurveyMean.withDefaults().estimateBy(fast, "api00", "stype");
            List<SurveyMean.Result> b = SurveyMean.withDefaults().estimateBy(slow, "api00", "stype");
            assertEquals(a.size(), b.size());
            for (int k = 0; k < a.size(); k++) {
                Tolerance.assertRelative(a.get(k).getStandardError(), b.get(k).getStandardError(), 1e-10, m + " domain " + k);
            }
        }
    }

    @Test
    void domainMeanOnReplicatesEqualsRatioOfIndicatorTotals() {
        // svyby mean in a domain = svyratio(y 1_D, 1_D) on the same replicate design (survey tests/domain.R)
        SurveyDesign jk = ReplicateDesign.withDefaults().with(ReplicateMethod.JK1).build(RepFixtures.dclus1());
        SurveyMean.Result byE = SurveyMean.withDefaults().estimateBy(jk, "api00", "stype").get(0);
        int[] st = jk.factor("stype").codes();
        double[] y = jk.numeric("api00");
        double[] yd = new double[y.length];
        double[] ind = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            ind[i] = st[i] == 0 ? 1 : 0;
            yd[i] = y[i] * ind[i];
        }
        SurveyDesign withVars = ReplicateDesign.withDefaults().with(ReplicateMethod.JK1).build(
                SurveyDesign.builder(RepFixtures.table("apiclus1.csv")).clusters("dnum").weights("pw").fpc("fpc")
                        .variable("yd", yd).variable("ind", ind).build());
        SurveyRatio.Result r = SurveyRatio.withDefaults().estimate(withVars, "yd", "ind");
        Tolerance.assertRelative(byE.getEstimate(), r.getEstimate(), 1e-12, "estimate");
        Tolerance.assertRelative(byE.getStandardError(), r.getStandardError(), 1e-12, "se");
    }

    @Test
    void badDesignsAreRefused() {
        PrevalenceException jk1 = assertThrows(PrevalenceException.class,
                () -> ReplicateDesign.withDefaults().with(ReplicateMethod.JK1).build(RepFixtures.dstrat()));
        assertTrue(jk1.getMessage().contains("JKN"), jk1.getMessage());
        // OTHER names supplied weights whose scales the user gives: no replicates can be made by it
        PrevalenceException other = assertThrows(PrevalenceException.class,
                () -> ReplicateDesign.withDefaults().with(ReplicateMethod.OTHER));
        assertTrue(other.getMessage().contains("cannot be made by method OTHER"), other.getMessage());
        PrevalenceException brr = assertThrows(PrevalenceException.class,
                () -> ReplicateDesign.withDefaults().with(ReplicateMethod.BRR).build(RepFixtures.dlonely(LonelyPsu.REMOVE)));
        assertTrue(brr.getMessage().contains("stratum 'H' has 1 PSU"), brr.getMessage());
        assertEquals("stratum 'H'", brr.where());
        // R's large="split": strata of 100, 50 and 50 PSUs are split into 100 pairs; hadamard(100) is
        // Paley's 104 x 104. R 4.2.2 + survey 4.1-1 (this machine, same versions as shared/refdata):
        // r <- as.svrepdesign(dstrat, type="BRR"); degf(r) = 100; ncol = 104; SE(svymean(~api00, r)) = 9.899700919
        SurveyDesign brrStrat = ReplicateDesign.withDefaults().with(ReplicateMethod.BRR).build(RepFixtures.dstrat());
        assertEquals(100, brrStrat.degreesOfFreedom());
        assertEquals(104, brrStrat.replicateVariance().replicates());
        Tolerance.assertRelative(9.899700919, SurveyMean.withDefaults().estimate(brrStrat, "api00").getStandardError(),
                1e-8, "BRR split strata, mean api00 SE");
        PrevalenceException noStrata = assertThrows(PrevalenceException.class,
                () -> ReplicateDesign.withDefaults().with(ReplicateMethod.BRR).build(RepFixtures.dclus1()));
        assertTrue(noStrata.getMessage().contains("stratified"), noStrata.getMessage());
        PrevalenceException twice = assertThrows(PrevalenceException.class, () -> ReplicateDesign.withDefaults()
                .build(ReplicateDesign.withDefaults().build(RepFixtures.dstrat())));
        assertTrue(twice.getMessage().contains("already"), twice.getMessage());
        PrevalenceException none = assertThrows(PrevalenceException.class, () -> ReplicateDesign.supplied(RepFixtures.dstrat()));
        assertTrue(none.getMessage().contains("no replicate-weight columns"), none.getMessage());
        PrevalenceException rho = assertThrows(PrevalenceException.class, () -> ReplicateDesign.withDefaults().withFayRho(1));
        assertTrue(rho.getMessage().contains("[0, 1)"), rho.getMessage());
        PrevalenceException sub = assertThrows(PrevalenceException.class, () -> ReplicateDesign.withDefaults()
                .with(ReplicateMethod.SUBBOOTSTRAP).build(RepFixtures.dlonely(LonelyPsu.REMOVE)));
        assertEquals("stratum 'H'", sub.where());
        // calibrate first, then replicate: refused (R would silently drop the calibration)
        SurveyDesign cal = PostStratify.withDefaults().apply(RepFixtures.dclus1(), CalibrationTest.popTypes());
        PrevalenceException order = assertThrows(PrevalenceException.class,
                () -> ReplicateDesign.withDefaults().with(ReplicateMethod.JK1).build(cal));
        assertTrue(order.getMessage().contains("uncalibrated"), order.getMessage());
    }

    @Test
    void varianceMethodNames() {
        assertEquals("linearization", RepFixtures.dstrat().varianceMethod());
        assertEquals("bootstrap", ReplicateDesign.withDefaults().with(ReplicateMethod.BOOTSTRAP).build(RepFixtures.dstrat())
                .varianceMethod());
        assertEquals("subbootstrap", ReplicateDesign.withDefaults().with(ReplicateMethod.SUBBOOTSTRAP)
                .build(RepFixtures.dstrat()).varianceMethod());
        assertEquals("fay:0.3", ReplicateDesign.withDefaults().with(ReplicateMethod.FAY).withFayRho(0.3)
                .build(RepFixtures.dpairs()).varianceMethod());
    }

    @Test
    void proportionOnReplicateDesignMatchesR() {
        // R 4.2.2 + survey 4.1-1 (this machine, same versions as shared/refdata): rclus1 <- as.svrepdesign(dclus1, type="JK1");
        // svyciprop(~I(sch.wide=="Yes"), rclus1, method=m): estimate 0.87431693989, SE 0.02055601425;
        // mean (0.83022867416, 0.91840520562), beta (0.82314207130, 0.91506159735), xlogit (0.82324138338,
        // 0.91220777128), asin (0.82705279102, 0.91496959492). (R's logit on a replicate design takes the replicate
        // variance of the glm coefficient: (0.82346354827, 0.91208536451); here LOGIT uses the delta method, = xlogit.)
        SurveyDesign jk = ReplicateDesign.withDefaults().with(ReplicateMethod.JK1).build(RepFixtures.dclus1());
        String[] methods = {"MEAN", "BETA", "XLOGIT", "ASIN"};
        double[][] ci = {{0.83022867416, 0.91840520562}, {0.82314207130, 0.91506159735}, {0.82324138338, 0.91220777128},
            {0.82705279102, 0.91496959492}};
        for (int k = 0; k < methods.length; k++) {
            SurveyProportion.Result r = SurveyProportion.withDefaults().with(CiMethod.valueOf(methods[k])).estimate(jk, "sch.wide", "Yes");
            Tolerance.assertRelative(0.87431693989, r.getEstimate(), 1e-9, methods[k] + " estimate");
            Tolerance.assertRelative(0.02055601425, r.getStandardError(), 1e-9, methods[k] + " se");
            Tolerance.assertRelative(ci[k][0], r.getConfidenceInterval().lower(), 1e-8, methods[k] + " lower");
            Tolerance.assertRelative(ci[k][1], r.getConfidenceInterval().upper(), 1e-8, methods[k] + " upper");
        }
    }
}
