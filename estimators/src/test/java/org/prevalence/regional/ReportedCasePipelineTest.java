package org.prevalence.regional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;
import org.prevalence.core.io.CsvInput;
import tech.tablesaw.api.Table;

class ReportedCasePipelineTest {
    static final String HEADER = "case_id,team_a,team_b,country,region,form,victims,start_date,end_date\n";
    static final ReferenceWindow W = ReferenceWindow.parse("2002-01-01:2011-12-31");
    // Africa / forced labour exploitation: masks 1, 3, 2, 3 -> n1 = 3, n2 = 3, m = 2
    static final String AFRICA =
            "c1,1,0,Ghana,Africa,forced labour exploitation,10,2002-01-01,2002-12-31\n"
            + "c2,1,1,Ghana,Africa,forced labour exploitation,20,2003-01-01,2003-01-10\n"
            + "c3,0,1,Mali,Africa,forced labour exploitation,5,2001-01-01,2011-12-31\n"
            + "c4,1,1,Mali,Africa,forced labour exploitation,1,2010-06-01,2010-06-01\n";
    // Middle East / state-imposed: no overlap
    static final String MIDDLE_EAST =
            "c5,1,0,Oman,Middle East,state-imposed,7,2005-01-01,2005-12-31\n"
            + "c6,0,1,Oman,Middle East,state-imposed,3,2006-01-01,2006-01-31\n";
    // Middle East / forced labour exploitation: n1 = 2, n2 = 2, m = 1
    static final String MIDDLE_EAST_FLE =
            "c7,1,1,Oman,Middle East,forced labour exploitation,4,2005-01-01,2005-01-31\n"
            + "c8,1,0,Oman,Middle East,forced labour exploitation,2,2004-01-01,2004-12-31\n"
            + "c9,0,1,Oman,Middle East,forced labour exploitation,6,2007-01-01,2007-03-31\n";
    static final String POPS = "region,population\nAfrica,1000000\nMiddle East,200000\n";

    static Table csv(String text) {
        return CsvInput.withDefaults().read(text, "test.csv");
    }

    static CaseData cases(String rows) {
        return CaseFile.withDefaults().read(csv(HEADER + rows));
    }

    static Populations pops(String text) {
        return Populations.fromTable(RegionEdition.ILO_2012, csv(text));
    }

    @Test
    void singleStratumByHand() {
        ReportedCasePipeline.Result r = ReportedCasePipeline.withDefaults().withReplicates(200).withSeed(7)
                .estimate(cases(AFRICA), pops(POPS), W);
        double n = 4.0 * 4.0 / 3.0 - 1; // Chapman with n1 = n2 = 3, m = 2
        double sumVd = 10 * 365 + 20 * 10 + 5 * 3652 + 1;
        double stock = n * sumVd / (4 * 3652.0);
        ReportedCasePipeline.StratumResult s = r.getStrata().get(0);
        assertEquals("estimated", s.getHandling());
        Tolerance.assertRelative(n, s.getEstimatedCases(), 1e-14, "cases");
        Tolerance.assertRelative(n * 36 / 4, s.getVictims().getEstimate(), 1e-14, "victims = N x 36/4");
        Tolerance.assertRelative(sumVd / 36, s.getMeanDaysInWindow(), 1e-14, "victim-weighted days");
        Tolerance.assertRelative(stock, s.getStock().getEstimate(), 1e-14, "stock");
        Tolerance.assertRelative(stock, r.region("Africa").getEstimate(), 1e-14, "region");
        Tolerance.assertRelative(stock / 1000, r.region("Africa").getPer1000(), 1e-14, "per 1,000 of 1,000,000");
        Tolerance.assertRelative(stock, r.getWorld().getEstimate(), 1e-14, "world");
        Tolerance.assertRelative(stock * 1000 / 1.2e6, r.getWorld().getPer1000(), 1e-14, "world rate on 1.2 M");
        // a region with a population but no case is not estimated (never 0), and the world says it leaves it out
        RegionalEstimate me = r.region("Middle East");
        assertEquals(org.prevalence.core.Status.NOT_ESTIMATED, me.getStatus(), "region with population but no cases");
        assertTrue(Double.isNaN(me.getEstimate()) && Double.isNaN(me.getLower95()), me.toString());
        assertEquals("no reported case in the region", me.getReason());
        assertEquals(org.prevalence.core.Status.WARNING, r.getWorld().getStatus());
        assertTrue(r.getWorld().getLeavesOut().contains("region 'Middle East' (no reported case in the region)"),
                r.getWorld().getLeavesOut().toString());
        assertEquals(org.prevalence.core.Warning.Kind.INCOMPLETE, r.getWorld().getWarnings().get(0).kind());
        assertTrue(r.getWorld().getLower95() <= r.getWorld().getLower68());
        assertTrue(r.getWorld().getUpper68() <= r.getWorld().getUpper95());
    }

    @Test
    void noOverlapFailsByDefaultNamingTheStratum() {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> ReportedCasePipeline.withDefaults()
                .withReplicates(50).estimate(cases(AFRICA + MIDDLE_EAST), pops(POPS), W));
        assertEquals(PrevalenceException.Kind.NOT_ESTIMABLE, e.what());
        assertTrue(e.getMessage().contains("Middle East|state-imposed"), e.getMessage());
        assertTrue(e.getMessage().contains("NoOverlap.POOL"), e.getMessage());
    }

    @Test
    void excludedStratumIsListedNotDropped() {
        ReportedCasePipeline.Result r = ReportedCasePipeline.withDefaults().with(NoOverlap.EXCLUDE)
                .withReplicates(100).estimate(cases(AFRICA + MIDDLE_EAST), pops(POPS), W);
        assertEquals(2, r.getStrata().size());
        ReportedCasePipeline.StratumResult me = r.getStrata().get(1);
        assertEquals("excluded", me.getHandling());
        assertEquals(org.prevalence.core.Status.NOT_ESTIMATED, me.getStatus());
        assertTrue(Double.isNaN(me.getStock().getEstimate()), me.toString());
        assertTrue(me.getReason().startsWith("excluded: not estimable by capture-recapture"), me.getReason());
        assertEquals(2, me.getObservedCases());
        assertEquals(10, me.getObservedVictims());
        Tolerance.assertRelative(r.region("Africa").getEstimate(), r.getWorld().getEstimate(), 1e-14, "world = Africa");
        // the region whose only stratum was excluded is not estimated; the world names the stratum it leaves out
        assertEquals(org.prevalence.core.Status.NOT_ESTIMATED, r.region("Middle East").getStatus());
        assertTrue(r.region("Middle East").getReason().startsWith("every stratum is left out: stratum "
                + "'Middle East|state-imposed'"), r.region("Middle East").getReason());
        // (and the four ILO 2012 regions the inputs never mention)
        assertEquals(5, r.getWorld().getLeavesOut().size(), r.getWorld().getLeavesOut().toString());
        assertTrue(r.getWorld().getLeavesOut().get(4).startsWith("stratum 'Middle East|state-imposed' (excluded"),
                r.getWorld().getLeavesOut().toString());
    }

    @Test
    void pooledStratumUsesThePoolsRatio() {
        ReportedCasePipeline p = ReportedCasePipeline.withDefaults().with(NoOverlap.POOL).withReplicates(100)
                .withNeighbour("Middle East|state-imposed", "middle east|Forced labour exploitation");
        ReportedCasePipeline.Result r = p.estimate(cases(AFRICA + MIDDLE_EAST + MIDDLE_EAST_FLE), pops(POPS), W);
        // pool: masks 1: 2 (c5, c8), 2: 2 (c6, c9), 3: 1 (c7): n1 = 3, n2 = 3, m = 1 -> Chapman 4*4/2 - 1 = 7
        double factor = 7.0 / 5;
        ReportedCasePipeline.StratumResult state = r.getStrata().stream()
                .filter(s -> s.getForm().equals("state-imposed")).findFirst().orElseThrow();
        assertTrue(state.getHandling().startsWith("pooled with Middle East|forced labour exploitation"),
                state.getHandling());
        Tolerance.assertRelative(factor * 2, state.getEstimatedCases(), 1e-14, "pooled cases");
        double stock = factor * (7 * 365 + 3 * 31) / 3652.0;
        Tolerance.assertRelative(stock, state.getStock().getEstimate(), 1e-14, "pooled stock");
        double fle = factor * (4 * 31 + 2 * 366 + 6 * 90) / 3652.0;
        Tolerance.assertRelative(stock + fle, r.region("Middle East").getEstimate(), 1e-14, "region");
        // without a neighbour: an error naming the stratum and the fix
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> ReportedCasePipeline.withDefaults()
                .with(NoOverlap.POOL).estimate(cases(AFRICA + MIDDLE_EAST), pops(POPS), W));
        assertTrue(e.getMessage().contains("withNeighbour(\"Middle East|state-imposed\""), e.getMessage());
    }

    @Test
    void totalsAddUpAndBootstrapIsThreadInvariant() {
        SimulatedCases sim = SimulatedCases.draw(List.of(
                new SimulatedCases.Stratum("Africa", "forced labour exploitation", 3000, 0.4, 0.3, 5),
                new SimulatedCases.Stratum("Africa", "state-imposed", 1000, 0.5, 0.2, 20),
                new SimulatedCases.Stratum("Middle East", "forced labour exploitation", 800, 0.3, 0.5, 3)), 11);
        CaseData data = CaseFile.withDefaults().read(sim.cases);
        ReportedCasePipeline p = ReportedCasePipeline.withDefaults().withReplicates(400).withSeed(99);
        ReportedCasePipeline.Result one = p.withThreads(1).estimate(data, pops(POPS), W);
        ReportedCasePipeline.Result two = p.withThreads(2).estimate(data, pops(POPS), W);
        assertEquals(one.getWorld().getStandardError(), two.getWorld().getStandardError(), "bit-identical SE");
        assertEquals(one.getWorld().getLower95(), two.getWorld().getLower95(), "bit-identical interval");
        double sum = 0;
        for (RegionalEstimate reg : one.getRegions()) {
            if (reg.isEstimated()) {
                sum += reg.getEstimate();
            }
        }
        Tolerance.assertRelative(sum, one.getWorld().getEstimate(), 1e-12, "regions add to world");
        double forms = one.getForms().stream().mapToDouble(RegionalEstimate::getEstimate).sum();
        Tolerance.assertRelative(forms, one.getWorld().getEstimate(), 1e-12, "forms add to world");
        // bootstrap SE against the delta-method SE (both estimate the same unconditional SE): within 15 %
        for (RegionalEstimate reg : one.getRegions()) {
            if (reg.isEstimated()) {
                Tolerance.assertRelative(reg.getDeltaStandardError(), reg.getStandardError(), 0.15,
                        reg.getName() + " bootstrap vs delta SE");
            }
        }
        Tolerance.assertRelative(one.getWorld().getDeltaStandardError(), one.getWorld().getStandardError(), 0.15,
                "world bootstrap vs delta SE");
    }

    @Test
    void caseSchemeIsNarrowerThanPopulationScheme() {
        SimulatedCases sim = SimulatedCases.draw(List.of(
                new SimulatedCases.Stratum("Africa", "forced labour exploitation", 4000, 0.3, 0.3, 1.0001)), 5);
        CaseData data = CaseFile.withDefaults().read(sim.cases);
        ReportedCasePipeline p = ReportedCasePipeline.withDefaults().withReplicates(400);
        double pop = p.estimate(data, pops(POPS), W).getStrata().get(0).getVictims().getStandardError();
        double cond = p.with(BootstrapScheme.CASES).estimate(data, pops(POPS), W).getStrata().get(0)
                .getVictims().getStandardError();
        // one victim per case: victims = N; unconditional var(N) / conditional = 1 / (1 - (1-P) + ...) > 1
        assertTrue(cond < pop, cond + " < " + pop);
    }

    @Test
    void badInputNamesTheRow() {
        assertMessage(() -> cases("x1,0,0,Ghana,Africa,forced labour exploitation,3,2002-01-01,2002-02-01\n"),
                "Row 1", "none of the sources");
        assertMessage(() -> cases(AFRICA + "x1,1,0,Ghana,Atlantis,forced labour exploitation,3,2002-01-01,2002-02-01\n"),
                "Row 5", "unknown region 'Atlantis'");
        assertMessage(() -> cases(AFRICA + "x1,1,0,Ghana,Africa,forced begging,3,2002-01-01,2002-02-01\n"),
                "Row 5", "unknown form 'forced begging'");
        assertMessage(() -> cases(AFRICA + "x1,1,0,Ghana,Africa,state-imposed,-3,2002-01-01,2002-02-01\n"),
                "Row 5", "victims");
        assertMessage(() -> cases(AFRICA + "x1,1,0,Ghana,Africa,state-imposed,3,2002-03-01,2002-02-01\n"),
                "Row 5", "before the start date");
        assertMessage(() -> cases(AFRICA + "x1,1,0,Ghana,Middle East,state-imposed,3,2002-01-01,2002-02-01\n"),
                "Row 5", "country 'Ghana'", "row 1");
        assertMessage(() -> cases(AFRICA + "x1,2,0,Ghana,Africa,state-imposed,3,2002-01-01,2002-02-01\n"),
                "Row 5", "team_a", "0 or 1");
        assertMessage(() -> cases(AFRICA + "c1,1,0,Ghana,Africa,state-imposed,3,2002-01-01,2002-02-01\n"),
                "Row 5", "case id 'c1'");
        assertMessage(() -> ReportedCasePipeline.withDefaults().estimate(cases(AFRICA),
                pops("region,population\nMiddle East,5\n"), W), "Region 'Africa'", "no population");
        assertMessage(() -> pops("region,population\nAfrica,-5\n"), "Row 1", "population");
        assertMessage(() -> RegionEdition.fromTable("mine", csv("country,region\nGhana,Africa\nMali,Africa\n"
                + "Ghana,Middle East\n")), "Row 3", "country 'Ghana'", "row 1");
    }

    @Test
    void threeSourcesWithAPluggedInModel() {
        // sources a, b, c; the model collapses b and c into one list and applies Chapman
        String rows = "case_id,a,b,c,country,region,form,victims,start_date,end_date\n"
                + "k1,1,0,0,Ghana,Africa,state-imposed,2,2002-01-01,2002-01-10\n"
                + "k2,1,1,0,Ghana,Africa,state-imposed,4,2002-01-01,2002-01-10\n"
                + "k3,0,0,1,Ghana,Africa,state-imposed,6,2002-01-01,2002-01-10\n"
                + "k4,1,0,1,Ghana,Africa,state-imposed,8,2002-01-01,2002-01-10\n"
                + "k5,0,1,0,Ghana,Africa,state-imposed,10,2002-01-01,2002-01-10\n";
        CaseFile file = CaseFile.withDefaults().withSources(List.of("a", "b", "c"));
        StratumEstimator model = StratumEstimator.of("collapsed Chapman", file.sources(), t -> {
            var two = t.collapse("bc", "b", "c");
            long[] c = two.countsByMask();
            return TwoSourceEstimator.CHAPMAN.estimate(c);
        });
        ReportedCasePipeline.Result r = ReportedCasePipeline.withDefaults().with(model).withReplicates(100)
                .estimate(file.read(csv(rows)), Populations.fromTable(file.edition(), csv(POPS)), W);
        // a: k1, k2, k4 (3); b or c: k2, k3, k4, k5 (4); both: k2, k4 (2): Chapman 4 * 5 / 3 - 1
        double n = 4.0 * 5 / 3 - 1;
        Tolerance.assertRelative(n, r.getStrata().get(0).getEstimatedCases(), 1e-14, "cases");
        Tolerance.assertRelative(n * 30 * 10 / (5 * 3652.0), r.getWorld().getEstimate(), 1e-14, "stock");
        assertTrue(Double.isNaN(r.getWorld().getDeltaStandardError()), "no variance from a plugged-in model");
    }

    @Test
    void tableEntryPointEqualsTheSteps() {
        ReportedCasePipeline p = ReportedCasePipeline.withDefaults().withReplicates(100).withSeed(5);
        ReportedCasePipeline.Result a = p.estimate(CaseFile.withDefaults().read(csv(HEADER + AFRICA)),
                Populations.fromTable(RegionEdition.ILO_2012, csv(POPS)), W);
        ReportedCasePipeline.Result b = p.estimate(cases(AFRICA), pops(POPS), W);
        assertEquals(a.getWorld().getEstimate(), b.getWorld().getEstimate());
        assertEquals(a.getWorld().getStandardError(), b.getWorld().getStandardError());
        assertTrue(a.toString().contains("Africa"), a.toString());
    }

    @Test
    void countryMappingFromARegionsFile() {
        RegionEdition ed = RegionEdition.fromTable("mine", csv("country,region\nGhana,Africa\nMali,Africa\nOman,Arab\n"));
        CaseData d = CaseFile.withDefaults().withEdition(ed).read(csv(
                "case_id,team_a,team_b,country,form,victims,start_date,end_date\n"
                        + AFRICA.replace(",Africa,", ",")));
        Populations pp = Populations.fromTable(ed, csv("country,population\nGhana,600\nMali,400\nOman,100\n"));
        ReportedCasePipeline.Result r = ReportedCasePipeline.withDefaults().withReplicates(50).estimate(d, pp, W);
        Tolerance.assertRelative(1000.0, r.region("Africa").getPopulation(), 1e-15, "countries summed");
        Tolerance.assertRelative(1100.0, r.getWorld().getPopulation(), 1e-15, "world population");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... words) {
        PrevalenceException e = assertThrows(PrevalenceException.class, call);
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' not in: " + e.getMessage());
        }
    }

    @Test
    void referenceWindow() {
        assertEquals(3652, ReferenceWindow.parse("2002-01-01:2011-12-31").days());
        assertThrows(PrevalenceException.class, () -> ReferenceWindow.parse("2011-12-31:2002-01-01"));
    }
}
