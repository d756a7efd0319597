package org.prevalence.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;
import tech.tablesaw.api.Table;

class DatasetsTest {
    @Test
    void ukTableHas2744CasesAndThePairwiseOverlapsOfTheFile() {
        ListOverlapTable uk = Datasets.listTable("uk2013_5lists");
        assertEquals(List.of("LA", "NG", "PFNCA", "GO", "GP"), uk.listNames());
        assertEquals(2744, uk.observedTotal());
        // computed from uk2013_5lists.csv independently (Python, summing counts of rows with both lists)
        long[][] expected = {
            {94, 18, 21, 5, 0},
            {18, 567, 68, 25, 1},
            {21, 68, 1169, 81, 11},
            {5, 25, 81, 807, 8},
            {0, 1, 11, 8, 336}};
        long[][] actual = uk.pairwiseOverlaps();
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(expected[i], actual[i], "row " + uk.listNames().get(i));
        }
    }

    @ParameterizedTest(name = "{0}: {1} lists, {2} histories, {3} cases")
    @CsvSource({
        // observed totals from shared/refdata/published-lists/README.md
        "uk2013_5lists, 5, 18, 2744",
        "uk2013_6lists, 6, 25, 2744",
        "netherlands2010_2015_6lists, 6, 24, 8234",
        "netherlands2010_2015_5lists, 5, 17, 8234",
        "neworleans_8lists, 8, 19, 185",
        "neworleans_5lists, 5, 14, 185",
        "us_western_site_5lists, 5, 13, 345",
        "artificial_3lists, 3, 4, 96"})
    void bundledListTablesMatchTheirPublishedTotals(String name, int lists, int histories, long cases) {
        ListOverlapTable t = Datasets.listTable(name);
        assertEquals(lists, t.listCount());
        assertEquals(histories, t.observedHistories().length);
        assertEquals(cases, t.observedTotal());
        assertTrue(Datasets.get(name).provenance().contains("SparseMSE 2.0.1"));
    }

    @Test
    void ukSixListsCollapseToTheFiveListTable() {
        ListOverlapTable six = Datasets.listTable("uk2013_6lists");
        ListOverlapTable five = Datasets.listTable("uk2013_5lists");
        // 6-list order LA,NG,PF,GO,GP,NCA: the merged list takes PF's place, giving the 5-list order
        assertEquals(five, six.collapse("PFNCA", "PF", "NCA"));
    }

    @Test
    void surveySamplesLoad() {
        Table apistrat = Datasets.surveyTable("apistrat");
        assertEquals(200, apistrat.rowCount());
        assertEquals(183, Datasets.surveyTable("apiclus1").rowCount());
        assertEquals(126, Datasets.surveyTable("apiclus2").rowCount());
    }

    @Test
    void publishedTablesAndRegionEditionsHaveProvenance() {
        Table ilo = Datasets.publishedTable("ilo2012_regional_forced_labour");
        // ILO (2012) Global Estimate of Forced Labour: six regions and the world (20.9 million)
        assertEquals(7, ilo.rowCount());
        assertTrue(Datasets.get("ilo2012_regional_forced_labour").provenance().contains("verified"));
        assertEquals(6, Datasets.publishedTable("ilo2012_regions").rowCount());
        assertThrows(PrevalenceException.class, () -> Datasets.publishedTable("apistrat"));
    }

    @Test
    void unknownOrWrongKindIsAnError() {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> Datasets.get("uk2014"));
        assertTrue(e.getMessage().contains("No bundled dataset 'uk2014'"), e.getMessage());
        assertThrows(PrevalenceException.class, () -> Datasets.listTable("apistrat"));
        assertThrows(PrevalenceException.class, () -> Datasets.surveyTable("uk2013_5lists"));
    }
}
