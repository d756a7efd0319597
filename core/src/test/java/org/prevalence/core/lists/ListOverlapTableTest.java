package org.prevalence.core.lists;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.CsvInput;
import tech.tablesaw.api.Table;

class ListOverlapTableTest {
    private static final List<String> ABC = List.of("A", "B", "C");

    /** Artificial 3-list table (Chan, Silverman & Vincent 2021, Table 2). */
    private static ListOverlapTable artificial() {
        return ListOverlapTable.fromHistories(ABC,
                new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}}, new long[] {40, 30, 20, 6});
    }

    @Test
    void countsAreIndexedByMask() {
        ListOverlapTable t = artificial();
        assertEquals(40, t.count(0b001));
        assertEquals(30, t.count(0b010));
        assertEquals(20, t.count(0b100));
        assertEquals(6, t.count(0b011));
        assertEquals(0, t.count(0b111));
        assertEquals(96, t.observedTotal());
        assertArrayEquals(new long[] {46, 36, 20}, t.marginalCounts());
        assertArrayEquals(new int[] {1, 2, 3, 4}, t.observedHistories());
    }

    @Test
    void threeInputFormsGiveTheSameTable() {
        ListOverlapTable a = artificial();
        // form (b): one row per case
        List<int[]> cases = new ArrayList<>();
        int[][] patterns = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}};
        long[] counts = {40, 30, 20, 6};
        List<String> ids = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        int id = 0;
        for (int h = 0; h < patterns.length; h++) {
            for (int c = 0; c < counts[h]; c++) {
                cases.add(patterns[h]);
                id++;
                for (int j = 0; j < 3; j++) {
                    if (patterns[h][j] == 1) {
                        ids.add("case" + id);
                        lists.add(ABC.get(j));
                    }
                }
            }
        }
        ListOverlapTable b = ListOverlapTable.fromCases(ABC, cases.toArray(new int[0][]));
        ListOverlapTable c = ListOverlapTable.fromLongForm(ABC, ids, lists);
        assertEquals(a, b);
        assertEquals(a, c);
        // long form with lists in order of first appearance gives A, B, C here too
        assertEquals(a, ListOverlapTable.fromLongForm(null, ids, lists));
    }

    @Test
    void longFormCountsARepeatedSightingOnce() {
        ListOverlapTable t = ListOverlapTable.fromLongForm(List.of("A", "B"),
                List.of("1", "1", "1", "2"), List.of("A", "A", "B", "B"));
        assertEquals(1, t.count(0b11));
        assertEquals(1, t.count(0b10));
        assertEquals(2, t.observedTotal());
    }

    @Test
    void negativeCountNamesTheRow() {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> ListOverlapTable.fromHistories(ABC,
                new int[][] {{1, 0, 0}, {0, 1, 0}}, new long[] {4, -1}));
        assertTrue(e.getMessage().contains("Row 2"), e.getMessage());
        assertTrue(e.getMessage().contains("negative count -1"), e.getMessage());
        assertEquals("row 2, column 'count'", e.where());
        assertEquals(PrevalenceException.Kind.INVALID_DATA, e.what());
    }

    @Test
    void allZeroHistoryNamesTheRow() {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> ListOverlapTable.fromHistories(ABC,
                new int[][] {{1, 0, 0}, {0, 0, 0}}, new long[] {4, 3}));
        assertTrue(e.getMessage().contains("Row 2 is on no list"), e.getMessage());
    }

    @Test
    void nonBinaryMembershipNamesRowAndColumn() {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> ListOverlapTable.fromCases(ABC,
                new int[][] {{1, 0, 0}, {0, 2, 0}}));
        assertEquals("row 2, column 'B'", e.where());
        assertTrue(e.getMessage().contains("must be 0 or 1, got 2"), e.getMessage());
    }

    @Test
    void repeatedHistoryNamesBothRows() {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> ListOverlapTable.fromHistories(ABC,
                new int[][] {{1, 0, 0}, {0, 1, 0}, {1, 0, 0}}, new long[] {4, 3, 2}));
        assertTrue(e.getMessage().contains("Row 3 repeats history 100 of row 1"), e.getMessage());
    }

    @Test
    void wrongNumberOfListsIsRejected() {
        PrevalenceException one = assertThrows(PrevalenceException.class,
                () -> ListOverlapTable.fromCases(List.of("A"), new int[][] {{1}}));
        assertTrue(one.getMessage().contains("2 to 15 lists, got 1"), one.getMessage());
        List<String> sixteen = new ArrayList<>();
        for (int j = 0; j < 16; j++) {
            sixteen.add("L" + j);
        }
        assertThrows(PrevalenceException.class, () -> ListOverlapTable.fromCases(sixteen, new int[0][]));
        PrevalenceException dup = assertThrows(PrevalenceException.class,
                () -> ListOverlapTable.fromCases(List.of("A", "a"), new int[0][]));
        assertTrue(dup.getMessage().contains("appears twice"), dup.getMessage());
    }

    @Test
    void longFormUnknownListAndMissingIdNameTheRow() {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> ListOverlapTable.fromLongForm(
                List.of("A", "B"), List.of("1", "2"), List.of("A", "Z")));
        assertTrue(e.getMessage().contains("Row 2: unknown list 'Z'"), e.getMessage());
        PrevalenceException m = assertThrows(PrevalenceException.class, () -> ListOverlapTable.fromLongForm(
                List.of("A", "B"), List.of("1", " "), List.of("A", "B")));
        assertTrue(m.getMessage().contains("Row 2: missing case id"), m.getMessage());
    }

    @Test
    void maskCountsRejectObservedZeroCellAndNegatives() {
        assertThrows(PrevalenceException.class, () -> ListOverlapTable.ofMaskCounts(List.of("A", "B"),
                new long[] {1, 2, 3, 4}));
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> ListOverlapTable.ofMaskCounts(List.of("A", "B"), new long[] {0, 2, -3, 4}));
        assertTrue(e.getMessage().contains("history 01"), e.getMessage());
    }

    @Test
    void collapseMergesListsWithUnion() {
        // UK 6 -> 5 lists: PF and NCA merged into PFNCA reproduces the published 5-list table
        ListOverlapTable t = ListOverlapTable.fromHistories(List.of("A", "B", "C"),
                new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}, {0, 1, 1}, {1, 1, 1}},
                new long[] {5, 7, 11, 13, 17, 19});
        ListOverlapTable c = t.collapse("BC", "B", "C");
        assertEquals(List.of("A", "BC"), c.listNames());
        assertEquals(5, c.count(0b01));
        assertEquals(7 + 11 + 17, c.count(0b10));
        assertEquals(13 + 19, c.count(0b11));
        assertEquals(t.observedTotal(), c.observedTotal());
    }

    @Test
    void dropRemovesCasesOnlyOnDroppedLists() {
        ListOverlapTable t = artificial().drop("C");
        assertEquals(List.of("A", "B"), t.listNames());
        assertEquals(76, t.observedTotal());
        assertEquals(6, t.count(0b11));
        assertEquals(List.of(), t.emptyLists());
    }

    @Test
    void emptyListIsReported() {
        ListOverlapTable t = ListOverlapTable.fromHistories(ABC, new int[][] {{1, 0, 0}, {1, 1, 0}}, new long[] {3, 2});
        assertEquals(List.of("C"), t.emptyLists());
    }

    @Test
    void tablesawInputNamesRowAndColumn() {
        Table t = CsvInput.withDefaults().read("A,B,count\n1,0,5\n0,1,x\n", "bad.csv");
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> ListTables.fromTable(t, null, "count"));
        assertTrue(e.getMessage().contains("row 2, column 'count' is not a number"), e.getMessage());
        assertEquals("row 2, column 'count'", e.where());
        Table frac = CsvInput.withDefaults().read("A,B,count\n1,0,5\n0,1,2.5\n", "frac.csv");
        PrevalenceException f = assertThrows(PrevalenceException.class,
                () -> ListTables.fromTable(frac, null, "count"));
        assertTrue(f.getMessage().contains("row 2, column 'count': a count must be a whole number"), f.getMessage());
        assertFalse(f.getMessage().contains("2.5"), "the cell is not echoed: " + f.getMessage());
        Table missing = CsvInput.withDefaults().read("A,B,count\n1,,5\n0,1,2\n", "missing.csv");
        PrevalenceException m = assertThrows(PrevalenceException.class,
                () -> ListTables.fromTable(missing, null, "count"));
        assertEquals("row 1, column 'B'", m.where());
    }

    @Test
    void stratifiedTableKeepsOrderAndPools() {
        Table t = CsvInput.withDefaults().read(
                "region,A,B,count\nAsia,1,0,5\nAsia,1,1,2\nAfrica,0,1,4\nAfrica,1,1,1\nAsia,0,1,3\n", "s.csv");
        StratifiedListTable s = ListTables.fromTable(t, null, "count", "region");
        assertEquals(List.of("Asia", "Africa"), s.strataNames());
        assertEquals(10, s.stratum("Asia").observedTotal());
        assertEquals(5, s.stratum("Africa").observedTotal());
        assertEquals(3, s.pooled().count(0b11));
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> s.stratum("Europe"));
        assertTrue(e.getMessage().contains("Unknown stratum 'Europe'"), e.getMessage());
    }

    @Test
    void formBFromTableCountsCases() {
        Table t = CsvInput.withDefaults().read("A,B\n1,0\n1,1\n1,1\n0,1\n", "cases.csv");
        ListOverlapTable l = ListTables.fromTable(t, null, null);
        assertEquals(2, l.count(0b11));
        assertEquals(4, l.observedTotal());
        Table ids = CsvInput.withDefaults().read("case,list\nc1,A\nc1,B\nc2,B\n", "long.csv");
        ListOverlapTable lf = ListTables.fromLongForm(ids, "case", "list");
        assertEquals(1, lf.count(0b11));
        assertEquals(1, lf.count(0b10));
    }
}
