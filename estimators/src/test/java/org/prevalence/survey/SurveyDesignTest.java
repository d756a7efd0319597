package org.prevalence.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;

/**
 * Design properties, bad input (each error names the row, stratum or domain), missing
 * values, and survey-style identities (tests/domain.R: a domain mean equals a ratio).
 */
class SurveyDesignTest {

    static PrevalenceException fails(Executable e, String... words) {
        PrevalenceException ex = assertThrows(PrevalenceException.class, e);
        for (String w : words) {
            assertTrue(ex.getMessage().contains(w), () -> "'" + w + "' not in: " + ex.getMessage());
        }
        return ex;
    }

    @Test
    void designFiguresForTheCli() {
        SurveyDesign d = Fixtures.design("dstrat");
        assertEquals(200, d.rows());
        assertEquals(3, d.strataCount());
        assertEquals(200, d.psuCount());
        assertEquals(197, d.degreesOfFreedom());
        // sum of pw = 6194 population schools (single-precision noise in pw: compare to 1e-6)
        Tolerance.assertRelative(6194, d.weightSum(), 1e-6, "weights sum");
        assertEquals(39, Fixtures.design("dclus2").degreesOfFreedom());
        assertTrue(Fixtures.design("dclus2").isMultistage());
        assertTrue(!Fixtures.design("dclus2wr").isMultistage());
        assertTrue(d.toString().contains("197"), d.toString());
    }

    @Test
    void missingValueFailsWithItsRowByDefaultAndDropReportsTheCount() {
        SurveyDesign d = Fixtures.design("dclus2");
        PrevalenceException e = fails(() -> SurveyTotal.withDefaults().estimate(d, "enroll"), "column 'enroll'",
                "missing value", "MissingValues.DROP");
        assertTrue(e.where().startsWith("row ") && e.where().endsWith("column 'enroll'"), e.where());
        SurveyTotal.Result r = SurveyTotal.withDefaults().with(MissingValues.DROP).estimate(d, "enroll");
        assertEquals(6, r.getDropped()); // apiclus2 has 6 missing enroll
        assertEquals(126 - 6, r.getN());
        assertTrue(r.toString().contains("dropped 6 missing"), r.toString());
    }

    @Test
    void lonelyPsuUnderFailNamesTheStratumAlsoInDomains() {
        SurveyDesign d = Fixtures.design("dlonely");
        PrevalenceException e = fails(() -> SurveyMean.withDefaults().estimateBy(d, "api00", "stype"),
                "Stratum 'H' has only one PSU", "LonelyPsu.CERTAINTY");
        assertEquals(PrevalenceException.Kind.NOT_ESTIMABLE, e.what());
        // a domain without rows in the lonely stratum is estimable, as R
        SurveyMean.Result m = SurveyMean.withDefaults().estimate(d, "api00", Domain.of(d, "stype", "E"));
        assertEquals(100, m.getN());
    }

    @Test
    void emptyDomainIsNamed() {
        SurveyDesign d = Fixtures.design("dstrat");
        fails(() -> SurveyMean.withDefaults().estimate(d, "api00", Domain.where("api00>2000", new boolean[200])),
                "api00>2000", "no rows");
    }

    @Test
    void domainWithOnePsuHasNoDegreesOfFreedomForAtInterval() {
        SurveyDesign d = Fixtures.design("dclus1");
        double[] dnum = d.numeric("dnum");
        boolean[] in = new boolean[dnum.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = dnum[i] == dnum[0];
        }
        Domain one = Domain.where("one district", in);
        SurveyMean.Result m = SurveyMean.withDefaults().estimate(d, "api00", one);
        assertEquals(0, m.getDegreesOfFreedom());
        fails(() -> SurveyMean.withDefaults().with(IntervalDistribution.T_DESIGN_DF).estimate(d, "api00", one),
                "0 degrees of freedom");
    }

    @Test
    void ratioWithZeroDenominatorTotalIsRefused() {
        SurveyDesign d = SurveyDesign.builder(4).equalProbability().variable("y", new double[] {1, 2, 3, 4})
                .variable("x", new double[] {0, 0, 0, 0}).build();
        PrevalenceException e = fails(() -> SurveyRatio.withDefaults().estimate(d, "y", "x"), "'x'", "zero");
        assertEquals("column 'x'", e.where());
        SurveyDesign s = Fixtures.design("dstrat");
        fails(() -> SurveyRatio.withDefaults().estimate(SurveyDesign.builder(Fixtures.table("apistrat.csv"))
                .strata("stype").weights("pw").variable("x0", zeroX(s)).build(), "api00", "x0",
                Domain.of(s, "stype", "H")), "zero", "stype=H");
    }

    static double[] zeroX(SurveyDesign s) {
        double[] x = new double[s.rows()];
        java.util.Arrays.fill(x, 0);
        return x;
    }

    @Test
    void domainMeanEqualsRatioAsInSurveyTestsDomainR() {
        // svymean on a domain == svyratio(~I(y*inDomain), ~inDomain): same estimate and SE
        SurveyDesign d0 = Fixtures.design("dclus2");
        double[] y = d0.numeric("api00");
        double[] h = new double[y.length];
        double[] yh = new double[y.length];
        int[] c = d0.factor("stype").codes();
        for (int i = 0; i < y.length; i++) {
            h[i] = c[i] == 1 ? 1 : 0;
            yh[i] = y[i] * h[i];
        }
        SurveyDesign d = SurveyDesign.builder(Fixtures.table("apiclus2.csv")).clusters("dnum", "snum")
                .fpc("fpc1", "fpc2").variable("h", h).variable("yh", yh).build();
        SurveyMean.Result m = SurveyMean.withDefaults().estimateBy(d, "api00", "stype").get(1);
        assertEquals(Map.of("stype", "H"), m.getDomain());
        SurveyRatio.Result r = SurveyRatio.withDefaults().estimate(d, "yh", "h");
        Tolerance.assertRelative(r.getEstimate(), m.getEstimate(), 1e-12, "estimate");
        Tolerance.assertRelative(r.getStandardError(), m.getStandardError(), 1e-10, "se");
    }

    @Test
    void engineGivesTheMeanVarianceFromInfluenceValues() {
        // LinearizationVariance of w_i (y_i - ybar)/sum(w) is the SE^2 of SurveyMean
        SurveyDesign d = Fixtures.design("dclus1");
        double[] y = d.numeric("api00");
        double[] w = d.weights();
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < y.length; i++) {
            sw += w[i];
            swy += w[i] * y[i];
        }
        double[] z = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            z[i] = w[i] * (y[i] - swy / sw) / sw;
        }
        double v = LinearizationVariance.of(d).variance(z);
        Tolerance.assertRelative(23.54224069, Math.sqrt(v), 1e-8, "dclus1_mean_api00 se from the engine");
    }

    @Test
    void levelAndDistributionOptions() {
        SurveyMean.Result r = SurveyMean.withDefaults().withConfidenceLevel(0.9).with(IntervalDistribution.T_DESIGN_DF)
                .estimate(Fixtures.design("dclus1"), "api00");
        assertEquals(0.9, r.getConfidenceInterval().level());
        assertEquals("t(14)", r.getConfidenceInterval().label());
        // t(14) 0.95 quantile = 1.761310136 (R: qt(0.95, 14))
        Tolerance.assertRelative(644.1693989 - 1.761310136 * 23.54224069, r.getConfidenceInterval().lower(), 1e-8, "lower");
        fails(() -> SurveyMean.withDefaults().withConfidenceLevel(1.5), "level");
        List<SurveyMean.Result> f = SurveyMean.withDefaults().estimateFactor(Fixtures.design("dsrs"), "stype");
        assertEquals(List.of("stypeE", "stypeH", "stypeM"), f.stream().map(SurveyMean.Result::getVariable).toList());
    }

    @Test
    void toStringReadsWell() {
        SurveyMean.Result r = SurveyMean.withDefaults().estimateBy(Fixtures.design("dstrat"), "api00", "stype").get(0);
        String s = r.toString();
        assertTrue(s.startsWith("mean(api00) in stype=E = 674.43, SE 12.38"), s);
        assertTrue(s.contains("95% normal ("), s);
        assertTrue(s.contains("n=100, df=99"), s);
        assertEquals("mean(api00)", r.toEstimate().quantity());
    }
}
