package org.prevalence.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.core.lists.StratifiedListTable;

/** Rcapture Mt (independence) rows, intervals, model notation, strata, errors. */
class IntervalsAndModelsTest {

    private static Map<String, Double> rcapture(String dataset) throws Exception {
        Map<String, Double> out = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                IntervalsAndModelsTest.class.getResourceAsStream("rcapture-mt-expected.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                if (f[1].equals(dataset)) {
                    out.put((f[0].contains("closedpCI") ? "ci." : "") + f[2], Double.parseDouble(f[3]));
                }
            }
        }
        return out;
    }

    /** Independence model = Rcapture Mt: estimate, deviance, df, AIC (1e-6 relative; file has 10 digits). */
    @ParameterizedTest
    @ValueSource(strings = {"uk2013_5lists", "us_western_site_5lists", "neworleans_5lists", "netherlands2010_2015_5lists"})
    void independenceMatchesRcaptureMt(String dataset) throws Exception {
        Map<String, Double> ref = rcapture(dataset);
        ListOverlapTable t = Fixtures.table(dataset);
        LogLinearMse.Result r = LogLinearMse.withDefaults().with(MseInterval.PROFILE_MULTINOMIAL).withModel("main").estimate(t);
        Tolerance.assertRelative(ref.get("abundance"), r.getEstimate(), 1e-6, dataset + " abundance");
        Tolerance.assertRelative(ref.get("deviance"), r.getDeviance(), 1e-6, dataset + " deviance");
        assertEquals(ref.get("df").intValue(), r.getDf());
        Tolerance.assertRelative(ref.get("AIC"), r.getAic(), 1e-6, dataset + " AIC");
        // closedpCI.t multinomial profile interval: Rcapture locates the limits only to a few parts in
        // 1e6 (New Orleans infCL 665.5825 where the exact root is 665.5845, see profileLimitsExact), so 5e-6
        Tolerance.assertRelative(ref.get("ci.infCL"), r.getConfidenceInterval().lower(), 5e-6, dataset + " infCL");
        Tolerance.assertRelative(ref.get("ci.supCL"), r.getConfidenceInterval().upper(), 5e-6, dataset + " supCL");
        assertEquals("profile-multinomial", r.getConfidenceInterval().label());
    }

    /**
     * The exact roots of the multinomial profile deviance, computed independently in R 4.2.2 with
     * glm.fit on the complete 2^5 table (unobserved cell = N - n), optimize and uniroot (tol 1e-10):
     * UK (11985.1157571, 15165.8990550), New Orleans (665.584545135, 1762.034153524). 1e-8 relative.
     */
    @Test
    void profileLimitsExact() {
        LogLinearMse est = LogLinearMse.withDefaults().with(MseInterval.PROFILE_MULTINOMIAL).withModel("main");
        var uk = est.estimate(Fixtures.table("uk2013_5lists")).getConfidenceInterval();
        Tolerance.assertRelative(11985.1157571, uk.lower(), 1e-8, "UK lower");
        Tolerance.assertRelative(15165.8990550, uk.upper(), 1e-8, "UK upper");
        var no = est.estimate(Fixtures.table("neworleans_5lists")).getConfidenceInterval();
        Tolerance.assertRelative(665.584545135, no.lower(), 1e-8, "NO lower");
        Tolerance.assertRelative(1762.034153524, no.upper(), 1e-8, "NO upper");
    }

    @Test
    void poissonProfileIsCloseToTheWaldInterval() {
        ListOverlapTable t = Fixtures.table("uk2013_5lists");
        LogLinearMse.Result ln = LogLinearMse.withDefaults().withModel("main").estimate(t);
        LogLinearMse.Result pr = LogLinearMse.withDefaults().withModel("main").with(MseInterval.PROFILE_POISSON).estimate(t);
        assertEquals("profile", pr.getConfidenceInterval().label());
        // same likelihood, large counts: limits within 1 % of the log-normal ones, and contain the estimate
        Tolerance.assertRelative(ln.getConfidenceInterval().lower(), pr.getConfidenceInterval().lower(), 0.01, "lower");
        Tolerance.assertRelative(ln.getConfidenceInterval().upper(), pr.getConfidenceInterval().upper(), 0.01, "upper");
        assertTrue(pr.getConfidenceInterval().contains(pr.getEstimate()));
        // exact roots computed independently in R 4.2.2: glm.fit without intercept, offset theta on every
        // cell, dpois log-likelihood, uniroot(tol 1e-12) of 2(lmax - l(theta)) - qchisq(0.95, 1)
        Tolerance.assertRelative(12003.9974326, pr.getConfidenceInterval().lower(), 1e-8, "profile lower");
        Tolerance.assertRelative(15160.2912014, pr.getConfidenceInterval().upper(), 1e-8, "profile upper");
        // the profile deviance at each limit is the chi-square quantile: checked by the multinomial
        // limits matching Rcapture above; here the Poisson limits bracket the multinomial ones' centre
        assertNull(LogLinearMse.withDefaults().withModel("main").with(MseInterval.NONE).estimate(t).getConfidenceInterval());
    }

    @Test
    void mainEffectsCoefficientsMatchGlm() {
        // R 4.2.2 glm via SparseMSE modelfit(UKdat_5, NULL): coefficients and sqrt(diag(cov.unscaled)), 12 digits
        LogLinearMse.Result r = LogLinearMse.withDefaults().withModel("main").estimate(Fixtures.table("uk2013_5lists"));
        Tolerance.assertRelative(9.27801128290, r.getCoefficient("(Intercept)"), 1e-9, "b0");
        Tolerance.assertRelative(-4.95598670990, r.getCoefficient("LA"), 1e-9, "LA");
        Tolerance.assertRelative(-3.66387685965, r.getCoefficient("GP"), 1e-9, "GP");
        Tolerance.assertRelative(0.0747908643099, r.getInterceptStandardError(), 1e-8, "se b0");
        Tolerance.assertRelative(0.0827166698750, r.getCoefficientStandardError("GP"), 1e-8, "se GP");
        assertEquals(5, r.getIterations(), "R's glm took 5 iterations");
    }

    @Test
    void stepwiseCoefficientsMatchGlm() {
        LogLinearMse.Result r = LogLinearMse.withDefaults().stepwise(Fixtures.table("uk2013_5lists"));
        Tolerance.assertRelative(9.055905185448, r.getCoefficient("(Intercept)"), 1e-8, "b0");
        Tolerance.assertRelative(0.0930530939805, r.getInterceptStandardError(), 1e-7, "se b0");
        Tolerance.assertRelative(-2.921702064928, r.getCoefficient("NG:GP"), 1e-7, "NG:GP");
        Tolerance.assertRelative(1.0058151410600, r.getCoefficientStandardError("NG:GP"), 1e-7, "se NG:GP");
        assertEquals(6, r.getIterations(), "R's glm took 6 iterations");
        assertEquals("LA:NG,NG:GP,PFNCA:GP,LA:PFNCA,GO:GP,NG:GO", r.getTermNotation());
        assertTrue(r.toString().contains("11,312.99"), r.toString());
    }

    @Test
    void notationBothWays() {
        List<String> uk = List.of("LA", "NG", "PFNCA", "GO", "GP");
        LogLinearModel m = LogLinearModel.parse("[123,25,34]", uk);
        assertEquals("[123,25,34]", m.generatingClass());
        assertEquals(LogLinearModel.parse("[34,25,123]", uk), m);
        assertEquals("LA:NG,LA:PFNCA,NG:PFNCA,PFNCA:GO,NG:GP,LA:NG:PFNCA", m.termNotation(uk));
        assertEquals(m, LogLinearModel.parse(m.termNotation(uk), uk));
        assertEquals("[15,2,3,4]", LogLinearModel.parse("A:E", List.of("A", "B", "C", "D", "E")).generatingClass());
        assertEquals("[1,2,3,4,5]", LogLinearModel.parse("main", uk).generatingClass());
        assertEquals("main", LogLinearModel.parse("[1,2,3,4,5]", uk).termNotation(uk));
        assertEquals(10, LogLinearModel.parse("all-pairs", uk).interactionTerms().length);
        assertEquals("[12,13,14,15,23,24,25,34,35,45]", LogLinearModel.allPairs(5).generatingClass());
        assertEquals(3, m.order());
        assertEquals(1 + 5 + 6, m.parameterCount());
    }

    @Test
    void badModelsNameTheTerm() {
        List<String> uk = List.of("LA", "NG", "PFNCA", "GO", "GP");
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> LogLinearModel.parse("LA:XX", uk));
        assertEquals("term 'LA:XX'", e.where());
        assertTrue(e.getMessage().contains("unknown list 'XX'"), e.getMessage());
        e = assertThrows(PrevalenceException.class, () -> LogLinearModel.parse("LA:NG:GP,LA:NG", uk));
        assertTrue(e.getMessage().contains("not hierarchical") && e.getMessage().contains("NG:GP"), e.getMessage());
        assertEquals("term 'LA:NG:GP'", e.where());
        e = assertThrows(PrevalenceException.class, () -> LogLinearModel.parse("[12,36]", uk));
        assertEquals("term '36'", e.where());
        e = assertThrows(PrevalenceException.class, () -> LogLinearModel.parse("[12,3]", uk));
        assertTrue(e.getMessage().contains("leaves out list 4 (GO)"), e.getMessage());
        e = assertThrows(PrevalenceException.class, () -> LogLinearModel.parse("[12,3", uk));
        assertTrue(e.getMessage().contains("does not close"), e.getMessage());
    }

    @Test
    void emptyListIsAnError() {
        ListOverlapTable t = ListOverlapTable.ofMaskCounts(List.of("A", "B", "C"), new long[] {0, 5, 6, 2, 0, 0, 0, 0});
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> LogLinearMse.withDefaults().withModel("main").estimate(t));
        assertEquals("list 'C'", e.where());
    }

    @Test
    void strataAreEstimatedSeparatelyAndSummed() {
        ListOverlapTable uk = Fixtures.table("uk2013_5lists");
        ListOverlapTable west = Fixtures.table("us_western_site_5lists");
        ListOverlapTable bad = ListOverlapTable.ofMaskCounts(west.listNames(), new long[32]);
        long[] c = new long[32];
        c[1] = 3;
        c[2] = 4;
        c[4] = 1;
        c[8] = 1; // list E has no case
        ListOverlapTable noE = ListOverlapTable.ofMaskCounts(west.listNames(), c);
        ListOverlapTable ukRenamed = ListOverlapTable.ofMaskCounts(west.listNames(), uk.countsByMask());
        Map<String, ListOverlapTable> m = new LinkedHashMap<>();
        m.put("uk", ukRenamed);
        m.put("west", west);
        m.put("empty-list", noE);
        LogLinearMse est = LogLinearMse.withDefaults().with(ModelSelection.STEPWISE);
        LogLinearMse.StratifiedResult r = est.estimate(StratifiedListTable.of(m));
        assertEquals(List.of("uk", "west"), List.copyOf(r.getStrata().keySet()));
        assertTrue(r.getNotEstimable().get("empty-list").contains("'E' has no cases"), r.getNotEstimable().toString());
        Tolerance.assertRelative(11312.99028944 + 2483.38392023, r.getEstimate(), 1e-6, "sum of strata");
        assertEquals(2744 + 345, r.getObserved());
        assertTrue(r.toString().contains("not estimable"), r.toString());
        assertEquals(0, bad.observedTotal());
    }
}
