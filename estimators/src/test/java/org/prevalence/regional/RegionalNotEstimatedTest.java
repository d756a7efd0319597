package org.prevalence.regional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Status;
import org.prevalence.core.Tolerance;

/**
 * Parts that cannot be estimated are shown as not estimated, never as 0, and totals name what they
 * leave out; impossible rates are errors. The expected figures are closed forms (Chapman by hand, the
 * stock formula of {@link ReportedCasePipeline} on four cases).
 */
class RegionalNotEstimatedTest {
    // Middle East / forced labour exploitation with every case before the window: masks 3 x4, 1 x4, 2 x4,
    // n1 = n2 = 8, m = 4, one victim each
    static final String MIDDLE_EAST_BEFORE =
            "m0,1,1,Oman,Middle East,forced labour exploitation,1,1990-01-01,1990-03-31\n"
            + "m1,1,1,Oman,Middle East,forced labour exploitation,1,1991-01-01,1991-03-31\n"
            + "m2,1,1,Oman,Middle East,forced labour exploitation,1,1992-01-01,1992-03-31\n"
            + "m3,1,1,Oman,Middle East,forced labour exploitation,1,1993-01-01,1993-03-31\n"
            + "m4,1,0,Oman,Middle East,forced labour exploitation,1,1994-01-01,1994-03-31\n"
            + "m5,1,0,Oman,Middle East,forced labour exploitation,1,1995-01-01,1995-03-31\n"
            + "m6,1,0,Oman,Middle East,forced labour exploitation,1,1996-01-01,1996-03-31\n"
            + "m7,1,0,Oman,Middle East,forced labour exploitation,1,1997-01-01,1997-03-31\n"
            + "m8,0,1,Oman,Middle East,forced labour exploitation,1,1990-01-01,1990-03-31\n"
            + "m9,0,1,Oman,Middle East,forced labour exploitation,1,1991-01-01,1991-03-31\n"
            + "m10,0,1,Oman,Middle East,forced labour exploitation,1,1992-01-01,1992-03-31\n"
            + "m11,0,1,Oman,Middle East,forced labour exploitation,1,1993-01-01,1993-03-31\n";

    @Test
    void aStratumWithNoCaseInsideTheWindowIsNotEstimatedAndLeftOutOfTheTotals() {
        ReportedCasePipeline.Result r = ReportedCasePipeline.withDefaults().withReplicates(100).withSeed(3)
                .estimate(ReportedCasePipelineTest.cases(ReportedCasePipelineTest.AFRICA + MIDDLE_EAST_BEFORE),
                        ReportedCasePipelineTest.pops(ReportedCasePipelineTest.POPS), ReportedCasePipelineTest.W);
        ReportedCasePipeline.StratumResult me = r.getStrata().stream()
                .filter(s -> s.getRegion().equals("Middle East")).findFirst().orElseThrow();
        assertEquals(Status.NOT_ESTIMATED, me.getStatus());
        assertTrue(me.getReason().contains("no case of the stratum has a day inside the window"), me.getReason());
        assertTrue(Double.isNaN(me.getStock().getEstimate()));
        // its cases are still counted: Chapman (8+1)(8+1)/(4+1) - 1 = 15.2 cases, one victim each
        Tolerance.assertRelative(15.2, me.getEstimatedCases(), 1e-14, "cases");
        Tolerance.assertRelative(15.2, me.getVictims().getEstimate(), 1e-14, "victims");
        RegionalEstimate region = r.region("Middle East");
        assertEquals(Status.NOT_ESTIMATED, region.getStatus(), region.toString());
        assertTrue(region.toString().contains("not estimated"), region.toString());
        // the world is Africa alone, and says so
        Tolerance.assertRelative(r.region("Africa").getEstimate(), r.getWorld().getEstimate(), 1e-14, "world");
        assertEquals(Status.WARNING, r.getWorld().getStatus());
        assertTrue(r.getWorld().getLeavesOut().stream().anyMatch(s -> s.startsWith(
                "stratum 'Middle East|forced labour exploitation' (no case of the stratum has a day inside")),
                r.getWorld().getLeavesOut().toString());
        // regions the inputs never mention are listed as not estimated too
        assertEquals(RegionEdition.ILO_2012.regions().size(), r.getRegions().size());
        assertEquals("no population and no reported case", r.region("Asia-Pacific").getReason());
    }

    @Test
    void aWindowThatContainsNoCaseIsAnError() {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> ReportedCasePipeline.withDefaults()
                .withReplicates(50).estimate(ReportedCasePipelineTest.cases(MIDDLE_EAST_BEFORE),
                        ReportedCasePipelineTest.pops(ReportedCasePipelineTest.POPS), ReportedCasePipelineTest.W));
        assertEquals(PrevalenceException.Kind.NOT_ESTIMABLE, e.what());
        assertEquals("window", e.where());
        assertTrue(e.getMessage().contains("2002-01-01:2011-12-31"), e.getMessage());
    }

    @Test
    void aPopulationSmallerThanTheStockIsAnErrorNamingTheRegionAndTheRow() {
        // Africa's stock is about 6.6 persons (singleStratumByHand); a population of 2 gives > 1,000 per 1,000
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> ReportedCasePipeline.withDefaults()
                .withReplicates(50).estimate(ReportedCasePipelineTest.cases(ReportedCasePipelineTest.AFRICA),
                        ReportedCasePipelineTest.pops("region,population\nMiddle East,200000\nAfrica,2\n"),
                        ReportedCasePipelineTest.W));
        assertEquals(PrevalenceException.Kind.INVALID_DATA, e.what());
        assertEquals("region 'Africa', population row 2", e.where());
        assertTrue(e.getMessage().contains("Region 'Africa'") && e.getMessage().contains("population file row 2"),
                e.getMessage());
        // by country: the region's rows are named
        PrevalenceException c = assertThrows(PrevalenceException.class, () -> ReportedCasePipeline.withDefaults()
                .withReplicates(50).estimate(ReportedCasePipelineTest.cases(ReportedCasePipelineTest.AFRICA),
                        Populations.fromTable(RegionEdition.ILO_2012, ReportedCasePipelineTest.csv(
                                "country,region,population\nGhana,Africa,1\nOman,Middle East,5\nMali,Africa,1\n")),
                        ReportedCasePipelineTest.W));
        assertTrue(c.getMessage().contains("population file rows 1, 3"), c.getMessage());
    }

    @Test
    void theSurveyPipelineListsRegionsWithoutCountriesAsNotEstimated() {
        // every country surveyed: each region's total is sum(N p) (closed form); three of the five regions have none
        String national = "country,region,population,prevalence,se\n"
                + "C1,Africa,1000000,0.004,0.001\nC2,Africa,2000000,0.006,0.002\n"
                + "C3,Americas,3000000,0.002,0.0005\nC4,Americas,1000000,0.003,0.001\n";
        SurveyPipeline.Result r = SurveyPipeline.withDefaults().withDraws(200).estimate(
                NationalData.fromTable(RegionEdition.GLOBAL_ESTIMATES, ReportedCasePipelineTest.csv(national)),
                Covariates.none());
        assertEquals(5, r.getRegions().size());
        Tolerance.assertRelative(16000, r.getRegions().get(0).getEstimate(), 1e-12, "Africa");
        RegionalEstimate arab = r.getRegions().get(2);
        assertEquals("Arab States", arab.getName());
        assertEquals(Status.NOT_ESTIMATED, arab.getStatus());
        assertTrue(Double.isNaN(arab.getEstimate()));
        assertEquals(Status.WARNING, r.getWorld().getStatus());
        assertEquals(3, r.getWorld().getLeavesOut().size(), r.getWorld().getLeavesOut().toString());
        Tolerance.assertRelative(16000 + 9000, r.getWorld().getEstimate(), 1e-12, "world");
    }
}
